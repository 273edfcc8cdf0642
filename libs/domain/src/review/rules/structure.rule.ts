/**
 * Structure of the indicator tree (指标体系结构) against the region's scoring scheme: every group the
 * scheme scores (national: 产出, 效益, 满意度) has indicators, every first-level name belongs to one of
 * its groups — found while the sheet is written, not at year end (DESIGN §5) — and at least one cost
 * indicator (成本指标) is there.
 */
import type { ReviewFinding } from '../review.types';
import { ReviewContext, sheetFinding } from '../review-context';

/** MISSING_LEVEL1, LEVEL1_NOT_IN_SCHEME and MISSING_COST. */
export function structureRule(context: ReviewContext): ReviewFinding[] {
  const { indicators, scheme } = context;
  const findings: ReviewFinding[] = [];
  for (const group of scheme.groups) {
    if (indicators.some((i) => i.group === group.key)) continue;
    const nested = indicators.find((i) => group.aliases.some((alias) => i.level2Key.includes(alias)));
    findings.push(
      sheetFinding(
        'MISSING_LEVEL1',
        nested === undefined
          ? `目标表缺少一级指标“${group.label}”，请补充该类指标（评分时占 ${group.points} 分）。`
          : `目标表没有一级指标“${group.label}”，“${nested.input.level2 ?? ''}”被放在一级指标“${nested.input.level1}”之下，请将其调整为一级指标“${group.label}”（评分时单独占 ${group.points} 分）。`,
      ),
    );
  }
  const outside = new Map<string, number>();
  for (const indicator of indicators) {
    if (indicator.group !== 'other' || indicator.level1Key === '') continue;
    const name = indicator.input.level1.trim();
    outside.set(name, (outside.get(name) ?? 0) + 1);
  }
  const groupNames = scheme.groups.map((g) => `“${g.label}”`).join('、');
  for (const [name, count] of outside) {
    findings.push(
      sheetFinding(
        'LEVEL1_NOT_IN_SCHEME',
        `一级指标“${name}”（${count} 项）不属于评分方案「${scheme.name}」的任何分组（${groupNames}），年终无法计分：请改为方案中的一级指标，或请财政局在评分方案中增加该分组。`,
      ),
    );
  }
  if (!indicators.some((i) => i.isCost)) {
    findings.push(
      sheetFinding('MISSING_COST', '目标表没有成本指标，请在产出指标下增加“成本指标”（如 ≤预算金额 万元），写明资金成本的控制目标。'),
    );
  }
  return findings;
}
