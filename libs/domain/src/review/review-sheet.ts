/**
 * The review of a target sheet (目标审核助手, DESIGN §5): every rule run over the sheet, findings in
 * a stable order — sheet-level findings first, then by indicator, then in the order of REVIEW_CODES;
 * findings of one code on one indicator (or on the sheet) keep the order the rule found them in.
 */
import { buildContext, ReviewContext } from './review-context';
import { REVIEW_CODES, ReviewFinding, ReviewOptions, ReviewSheetInput } from './review.types';
import { contentRule } from './rules/content.rule';
import { costRule } from './rules/cost.rule';
import { duplicateRule } from './rules/duplicate.rule';
import { qualitativeRule } from './rules/qualitative.rule';
import { spendingPlanRule } from './rules/spending-plan.rule';
import { structureRule } from './rules/structure.rule';
import { targetInNameRule } from './rules/target-in-name.rule';
import { templateLeftoverRule } from './rules/template-leftover.rule';
import { unitRule } from './rules/unit.rule';
import { weightsRule } from './rules/weights.rule';
import { yearRule } from './rules/year.rule';

type ReviewRule = (context: ReviewContext) => ReviewFinding[];

const RULES: readonly ReviewRule[] = [
  structureRule,
  contentRule,
  templateLeftoverRule,
  targetInNameRule,
  costRule,
  unitRule,
  qualitativeRule,
  yearRule,
  duplicateRule,
  spendingPlanRule,
  weightsRule,
];

const CODE_ORDER = new Map<string, number>(REVIEW_CODES.map((code, position) => [code, position]));

/** Reviews one target sheet; pure: the same sheet always gives the same findings in the same order. */
export function reviewSheet(sheet: ReviewSheetInput, options: ReviewOptions = {}): ReviewFinding[] {
  const context = buildContext(sheet, options);
  const findings = RULES.flatMap((rule) => rule(context));
  return findings
    .map((finding, position) => ({ finding, position }))
    .sort(
      (a, b) =>
        (a.finding.indicatorIndex ?? -1) - (b.finding.indicatorIndex ?? -1) ||
        (CODE_ORDER.get(a.finding.code) ?? 0) - (CODE_ORDER.get(b.finding.code) ?? 0) ||
        a.position - b.position,
    )
    .map(({ finding }) => finding);
}

/**
 * The spending-plan rules alone, for a 资金支出计划 being edited: the same findings `reviewSheet` gives
 * for the plan (months, amounts, a cumulative amount that falls, the budget), in the same order.
 */
export function reviewSpendingPlan(plan: Pick<ReviewSheetInput, 'kind' | 'budgetTotal' | 'spendingPlan'>): ReviewFinding[] {
  return spendingPlanRule(buildContext({ ...plan, fiscalYear: 0, indicators: [] }, {}));
}
