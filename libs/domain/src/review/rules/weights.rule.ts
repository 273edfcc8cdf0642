/**
 * Explicit weights (权重, DESIGN §3): inside a first-level group the weight is split evenly unless
 * the indicators carry explicit weights, which must then all be given and add up to the group's
 * points in the region's scheme (national: 产出 50 — a first-level 成本指标 shares it —, 效益 30,
 * 满意度 10). Checked per group, as scoring does; a group without any weight is fine. Indicators under
 * a first level outside the scheme are reported by the structure rule, not here.
 */
import Big from 'big.js';
import type { ReviewFinding } from '../review.types';
import { indicatorFinding, quoted, ReviewContext, ReviewedIndicator, sheetFinding } from '../review-context';

/** A weight as scoring accepts it: a non-negative decimal with at most two places. */
const WEIGHT_PATTERN = /^\d{1,6}(?:\.\d{1,2})?$/;

function weightText(indicator: ReviewedIndicator): string | null {
  const { weight } = indicator.input;
  if (weight === null || weight === undefined) return null;
  const text = String(weight).trim();
  return text === '' ? null : text;
}

/** WEIGHT_INVALID and WEIGHTS_DO_NOT_ADD_UP. */
export function weightsRule(context: ReviewContext): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const group of context.scheme.groups) {
    const members = context.indicators.filter((i) => i.group === group.key);
    const weighted = members.filter((i) => weightText(i) !== null);
    if (weighted.length === 0) continue;
    const label = group.label;
    const invalid = weighted.filter((i) => !WEIGHT_PATTERN.test(weightText(i) ?? ''));
    for (const indicator of invalid) {
      findings.push(
        indicatorFinding('WEIGHT_INVALID', indicator, `${quoted(indicator)}的权重“${weightText(indicator) ?? ''}”无效，请填写不小于 0、最多两位小数的数字（如 10 或 12.5）。`),
      );
    }
    const unweighted = members.filter((i) => weightText(i) === null);
    if (unweighted.length > 0) {
      const names = unweighted.slice(0, 3).map(quoted).join('、') + (unweighted.length > 3 ? `等 ${unweighted.length} 项` : '');
      findings.push(
        sheetFinding(
          'WEIGHTS_DO_NOT_ADD_UP',
          `${label}中只有部分指标填写了权重，${names}没有权重，请为该组每个指标填写权重（合计 ${group.points} 分），或全部留空以平均分配。`,
        ),
      );
      continue;
    }
    if (invalid.length > 0) continue;
    const sum = weighted.reduce((total, i) => total.plus(new Big(weightText(i) ?? '0')), new Big(0));
    const expected = new Big(group.points);
    if (!sum.eq(expected)) {
      findings.push(
        sheetFinding(
          'WEIGHTS_DO_NOT_ADD_UP',
          `${label}各指标的权重合计为 ${sum.toString()} 分，应为 ${expected.toString()} 分，请调整该组指标的权重。`,
        ),
      );
    }
  }
  return findings;
}
