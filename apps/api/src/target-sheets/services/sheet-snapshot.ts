import type { IndicatorEntity } from '../entities/indicator.entity';
import type { SheetTaskEntity } from '../entities/sheet-task.entity';
import type { TargetSheetEntity } from '../entities/target-sheet.entity';

/**
 * The editable content of a sheet as the audit log keeps it (before / after) and version diffs compare
 * it: goals, the indicator tree (keyed by the indicator id), the spending plan and, on a department-wide
 * sheet, its 年度主要任务 and 部门预算.
 */
export function sheetSnapshot(
  sheet: Pick<TargetSheetEntity, 'goals' | 'status' | 'version' | 'kind' | 'budgetTotal' | 'budgetBasic' | 'budgetProject'>,
  indicators: Pick<IndicatorEntity, 'id' | 'level1' | 'level2' | 'name' | 'targetText' | 'spec' | 'weight' | 'basis' | 'remark' | 'description'>[],
  plan: { month: number; cumulativeAmount: string }[],
  tasks: Pick<SheetTaskEntity, 'name' | 'content' | 'amount'>[] = [],
): Record<string, unknown> {
  const department =
    sheet.kind === 'department'
      ? {
          tasks: tasks.map((t) => ({ name: t.name, content: t.content, amount: t.amount })),
          budget: { total: sheet.budgetTotal, basic: sheet.budgetBasic, project: sheet.budgetProject },
        }
      : {};
  return {
    status: sheet.status,
    version: sheet.version,
    goals: [...sheet.goals],
    indicators: indicators.map((i) => ({
      key: i.id,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      target: i.targetText,
      spec: i.spec,
      weight: i.weight,
      basis: i.basis,
      remark: i.remark,
      description: i.description,
    })),
    spendingPlan: plan.map((p) => ({ month: p.month, cumulativeAmount: p.cumulativeAmount })),
    ...department,
  };
}
