/**
 * Cost indicators (成本指标): quantified, and capping no more money than the sheet's budget.
 */
import Big from 'big.js';
import { isMoney, yuanToWan } from '../../money';
import { toBaseUnits, unitKind } from '../../units';
import type { ReviewFinding } from '../review.types';
import { indicatorFinding, quoted, ReviewContext, ReviewedIndicator } from '../review-context';

const SPEC_KIND_LABELS = {
  deadline: '完成时限',
  recurring: '定期时限',
  relative: '与上年比较',
  qualitative: '定性描述',
} as const;

/** COST_NOT_QUANTIFIED and COST_EXCEEDS_BUDGET. */
export function costRule(context: ReviewContext): ReviewFinding[] {
  const { sheet } = context;
  const budget = sheet.budgetTotal !== null && isMoney(sheet.budgetTotal) ? new Big(sheet.budgetTotal) : null;
  const budgetLabel = sheet.kind === 'department' ? '部门预算' : '项目预算';
  const findings: ReviewFinding[] = [];
  for (const indicator of context.indicators) {
    if (!indicator.isCost || indicator.targetUnusable) continue;
    const { spec } = indicator;
    if (spec.kind !== 'numeric' && spec.kind !== 'range') {
      findings.push(
        indicatorFinding(
          'COST_NOT_QUANTIFIED',
          indicator,
          `成本指标${quoted(indicator)}的指标值“${indicator.target}”是${SPEC_KIND_LABELS[spec.kind]}，没有量化，请写明金额或控制比例（如 ≤30万元、≤100%）。`,
        ),
      );
      continue;
    }
    if (budget === null) continue;
    const amount = moneyAmount(indicator);
    if (amount !== null && amount.gt(budget)) {
      findings.push(
        indicatorFinding(
          'COST_EXCEEDS_BUDGET',
          indicator,
          `${quoted(indicator)}的目标值 ${indicator.target} 超过了${budgetLabel} ${yuanToWan(budget.toFixed(2))} 万元，请核对成本指标。`,
        ),
      );
    }
  }
  return findings;
}

/**
 * The amount in 元 a cost target names, or `null` when its unit is not a plain amount of money
 * (元, 万元, 亿元): per-unit costs (元/人, 万元/批次) and percentages are not compared with the budget.
 * A range is read by its upper end.
 */
function moneyAmount(indicator: ReviewedIndicator): Big | null {
  const { spec } = indicator;
  if (spec.kind !== 'numeric' && spec.kind !== 'range') return null;
  if (unitKind(spec.unit) !== 'money') return null;
  const value = spec.kind === 'numeric' ? spec.value : spec.max;
  const base = toBaseUnits(value, spec.unit);
  if (base.unit !== '元') return null;
  return new Big(base.value);
}
