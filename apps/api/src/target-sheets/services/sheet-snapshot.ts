import type { IndicatorEntity } from '../entities/indicator.entity';
import type { TargetSheetEntity } from '../entities/target-sheet.entity';

/**
 * The editable content of a sheet as the audit log keeps it (before / after) and version diffs compare
 * it: goals, the indicator tree (keyed by the indicator id) and the spending plan.
 */
export function sheetSnapshot(
  sheet: Pick<TargetSheetEntity, 'goals' | 'status' | 'version'>,
  indicators: Pick<IndicatorEntity, 'id' | 'level1' | 'level2' | 'name' | 'targetText' | 'spec' | 'weight' | 'basis' | 'remark' | 'description'>[],
  plan: { month: number; cumulativeAmount: string }[],
): Record<string, unknown> {
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
  };
}
