/**
 * Formatting shared by the self-assessment renderers (自评表, 自评报告): money in 万元 from decimal
 * 元 strings (never a float), rates, scores, unmet flags and the generated 实际完成情况 sentence.
 */
import type { EvaluationResponse, IndicatorScoreResponse, UnmetSeverity } from '@jixiao/contracts';
import { compareRatio, ExactRatio, formatRatio, isMoney, Money, UNMET_GRADE_LABELS, yuanToWan } from '@jixiao/domain';
import Big from 'big.js';

/** Decimal places of 万元 amounts in the tables of this field (1996.62 万元). */
export const DEFAULT_WAN_PLACES = 2;

/** 元 → 万元 text with `places` decimals (half-up); '' for a missing amount. */
export function wan(yuan: Money | null | undefined, places = DEFAULT_WAN_PLACES): string {
  if (yuan === null || yuan === undefined || yuan === '') return '';
  if (!isMoney(yuan)) throw new Error(`Invalid money amount ${JSON.stringify(yuan)}: expected 元 with two places`);
  return yuanToWan(yuan, places);
}

/** 预算执行率 below this needs an explanation (national self-assessment rules). */
export const EXECUTION_RATE_THRESHOLD = 0.9;

/** Whether an execution rate is below the threshold, compared exactly; no rate is not below. */
export function belowThreshold(rate: ExactRatio | null): boolean {
  return rate !== null && compareRatio(rate, EXECUTION_RATE_THRESHOLD) < 0;
}

/** A rate as every page prints it (97.26%, half-up to 0.01% from the exact ratio); '—' when it cannot be computed. */
export function rateText(rate: ExactRatio | null | undefined): string {
  return rate === null || rate === undefined ? '—' : formatRatio(rate);
}

/** A score with two places ('9.73'); '—' when it could not be computed. */
export function scoreText(score: string | null | undefined): string {
  return score === null || score === undefined || score === '' ? '—' : new Big(score).toFixed(2);
}

/** A weight (分值) as written in the national tables: '10', '16.67'. */
export function weightText(weight: string | null | undefined): string {
  return weight === null || weight === undefined || weight === '' ? '—' : new Big(weight).toString();
}

/** The sum of decimal strings, exactly. */
export function sumDecimal(values: readonly string[]): Big {
  return values.reduce((sum, value) => sum.plus(value), new Big(0));
}

/** 未完成程度 as shown next to an unmet indicator. */
export const UNMET_FLAG_TEXT: Readonly<Record<UnmetSeverity, string>> = {
  minor: `未完成（${UNMET_GRADE_LABELS.minor}）`,
  moderate: `未完成（${UNMET_GRADE_LABELS.moderate}）`,
  severe: `未完成（${UNMET_GRADE_LABELS.severe}）`,
  missing: '未填报（记 0 分）',
};

/** 严重 / 较大 / 轻微 / 未填报. */
export const UNMET_SEVERITY_LABELS: Readonly<Record<UnmetSeverity, string>> = { ...UNMET_GRADE_LABELS, missing: '未填报' };

/** The flag of an unmet indicator, the rate on a second line: `未完成（严重）\n完成率 36.00%`. */
export function unmetFlagLine(indicator: IndicatorScoreResponse): string | null {
  if (indicator.unmet === null) return null;
  const flag = UNMET_FLAG_TEXT[indicator.unmet];
  return indicator.unmet !== 'missing' && indicator.completion !== null ? `${flag}\n完成率 ${rateText(indicator.completion.ratio)}` : flag;
}

/** 年度总体目标: numbered `目标1：…` lines, keeping a number the author already wrote. */
export function goalsText(goals: readonly string[]): string {
  const cleaned = goals.map((goal) => goal.trim()).filter((goal) => goal !== '');
  if (cleaned.length === 0) return '（未填写年度总体目标）';
  if (cleaned.length === 1) return cleaned[0]!;
  return cleaned.map((goal, index) => (/^目标\s*\d+/.test(goal) ? goal : `目标${index + 1}：${goal}`)).join('\n');
}

/** The indicators in sheet order. */
export function sortedIndicators(evaluation: EvaluationResponse): IndicatorScoreResponse[] {
  return [...evaluation.indicators].sort((a, b) => a.order - b.order);
}

/** `「追回医保基金」（完成率 36.00%，严重）` — one unmet indicator in a sentence. */
export function unmetMention(indicator: IndicatorScoreResponse): string {
  if (indicator.unmet === 'missing') return `「${indicator.name}」（未填报实际完成值）`;
  const rate = indicator.completion === null ? '' : `完成率 ${rateText(indicator.completion.ratio)}，`;
  return `「${indicator.name}」（${rate}${indicator.unmet === null ? '' : UNMET_SEVERITY_LABELS[indicator.unmet]}）`;
}

/** Counts of a sheet's indicators: met, unmet (with missing), and unmet by severity. */
export function indicatorCounts(indicators: readonly IndicatorScoreResponse[]): { total: number; met: number; unmet: number; bySeverity: Record<UnmetSeverity, number> } {
  const bySeverity: Record<UnmetSeverity, number> = { severe: 0, moderate: 0, minor: 0, missing: 0 };
  for (const indicator of indicators) if (indicator.unmet !== null) bySeverity[indicator.unmet] += 1;
  const unmet = indicators.filter((indicator) => indicator.unmet !== null).length;
  const met = indicators.filter((indicator) => indicator.unmet === null && indicator.completion?.met === true).length;
  return { total: indicators.length, met, unmet, bySeverity };
}

/** `其中严重 1 项、轻微 1 项、未填报 1 项`; '' when nothing is unmet. */
export function severityBreakdown(bySeverity: Record<UnmetSeverity, number>): string {
  const order: UnmetSeverity[] = ['severe', 'moderate', 'minor', 'missing'];
  const parts = order.filter((severity) => bySeverity[severity] > 0).map((severity) => `${UNMET_SEVERITY_LABELS[severity]} ${bySeverity[severity]} 项`);
  return parts.length === 0 ? '' : `其中${parts.join('、')}`;
}

/**
 * 实际完成情况: one paragraph generated from the results — budget execution, indicators met and
 * unmet (named), the group subtotals, the total and the grade.
 */
export function describeResults(evaluation: EvaluationResponse, places = DEFAULT_WAN_PLACES): string {
  const budget = evaluation.budgetExecution;
  const subject = evaluation.kind === 'department' ? '部门' : '项目';
  const parts: string[] = [];
  if (budget.budget !== null && budget.spent !== null) {
    parts.push(
      `${subject}全年预算 ${wan(budget.budget, places)} 万元，全年执行 ${wan(budget.spent, places)} 万元，预算执行率 ${rateText(budget.ratio)}，` +
        `得 ${scoreText(budget.score)} 分（满分 ${weightText(budget.weight)} 分）。`,
    );
  }
  const indicators = sortedIndicators(evaluation);
  const counts = indicatorCounts(indicators);
  if (counts.unmet === 0) {
    parts.push(`设置绩效指标 ${counts.total} 项，全部完成。`);
  } else {
    const breakdown = severityBreakdown(counts.bySeverity);
    parts.push(
      `设置绩效指标 ${counts.total} 项，完成 ${counts.met} 项，未完成 ${counts.unmet} 项${breakdown === '' ? '' : `（${breakdown}）`}：` +
        `${indicators.filter((indicator) => indicator.unmet !== null).map(unmetMention).join('、')}。`,
    );
  }
  const groups = evaluation.groups.filter((group) => group.indicatorCount > 0 || new Big(group.weight).gt(0));
  if (groups.length > 0) {
    parts.push(`${groups.map((group) => `${group.label}得 ${scoreText(group.score)} 分（满分 ${weightText(group.weight)} 分）`).join('，')}。`);
  }
  const overrides = indicators.filter((indicator) => indicator.override !== null).length;
  if (overrides > 0) parts.push(`评价人调整得分 ${overrides} 项。`);
  parts.push(`自评总分 ${scoreText(evaluation.total)} 分，等级为“${evaluation.gradeLabel}”。`);
  return parts.join('');
}
