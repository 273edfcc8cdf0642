import { reviewSheet, ReviewFinding, type ScoringScheme } from '@jixiao/domain';
import type { IndicatorEntity } from '../entities/indicator.entity';
import type { ProjectEntity } from '../entities/project.entity';
import type { TargetSheetEntity } from '../entities/target-sheet.entity';

/**
 * The review rules (DESIGN §5) over a stored sheet: the project's amount, or the department budget, caps
 * the costs; the first-level groups are checked against the scheme of the sheet's region and kind.
 */
export function reviewStoredSheet(
  sheet: Pick<TargetSheetEntity, 'fiscalYear' | 'kind' | 'budgetTotal'>,
  project: Pick<ProjectEntity, 'amountTotal'> | null,
  indicators: Pick<IndicatorEntity, 'level1' | 'level2' | 'name' | 'targetText' | 'spec' | 'weight'>[],
  plan: { month: number; cumulativeAmount: string }[],
  scheme: ScoringScheme,
): ReviewFinding[] {
  return reviewSheet({
    fiscalYear: sheet.fiscalYear,
    kind: sheet.kind,
    budgetTotal: project ? project.amountTotal : sheet.budgetTotal,
    indicators: indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.targetText, spec: i.spec, weight: i.weight })),
    spendingPlan: plan.map((p) => ({ month: p.month, cumulativeAmount: p.cumulativeAmount })),
  }, { scheme });
}
