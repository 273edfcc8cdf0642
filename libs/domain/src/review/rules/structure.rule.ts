/**
 * Structure of the indicator tree (指标体系结构): the first-level groups the national scheme scores
 * (产出, 效益, 满意度) and at least one cost indicator (成本指标).
 */
import type { ReviewFinding } from '../review.types';
import { ReviewContext, sheetFinding } from '../review-context';

interface RequiredGroup {
  keyword: string; // matched in the first level's text
  label: string; // 产出指标 ...
  weight: string; // share of the score in the national scheme, for the message
}

const REQUIRED_GROUPS: readonly RequiredGroup[] = [
  { keyword: '产出', label: '产出指标', weight: '50' },
  { keyword: '效益', label: '效益指标', weight: '30' },
  { keyword: '满意', label: '满意度指标', weight: '10' },
];

/** MISSING_LEVEL1 and MISSING_COST. */
export function structureRule(context: ReviewContext): ReviewFinding[] {
  const { indicators } = context;
  const findings: ReviewFinding[] = [];
  for (const group of REQUIRED_GROUPS) {
    if (indicators.some((i) => i.level1Key.includes(group.keyword))) continue;
    const nested = indicators.find((i) => i.level2Key.includes(group.keyword));
    findings.push(
      sheetFinding(
        'MISSING_LEVEL1',
        nested === undefined
          ? `目标表缺少一级指标“${group.label}”，请补充该类指标（评分时占 ${group.weight} 分）。`
          : `目标表没有一级指标“${group.label}”，“${nested.input.level2 ?? ''}”被放在一级指标“${nested.input.level1}”之下，请将其调整为一级指标“${group.label}”（评分时单独占 ${group.weight} 分）。`,
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
