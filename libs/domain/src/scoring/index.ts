/**
 * Sheet scoring (自评打分) per DESIGN §3, in exact decimals.
 *
 * Every score (budget execution and each indicator) is weight × a ÷ v computed exactly — the
 * division last — and rounded half-up to the cent once (indicator-score.ts, budget-score.ts);
 * weights are exact decimals with at most two places (scheme-weights.ts); group subtotals and the
 * total are the exact sums of the rounded scores, so the total equals the sum of the scores shown.
 *
 * The scheme (scoring-scheme.ts) gives the points: 预算执行率, and each first-level group with the
 * words of the first-level names it takes (national: 产出/成本 50, 效益 30, 满意度 10).
 *
 * Inconsistent inputs are reported as `errors` (and the total and grade are then null), never
 * guessed: an unusable scheme, a first-level name no group of the scheme takes, explicit weights on
 * only some indicators of a group or not adding up, an actual that does not fit the target, an
 * invalid override.
 */
import Big from 'big.js';
import { scoreBudget } from './budget-score';
import { scoreIndicator, unmetFlags } from './indicator-score';
import { AssignedWeight, assignWeights, checkScheme, sum } from './scheme-weights';
import { DEFAULT_SCORING_SCHEME, schemeGroupOf } from './scoring-scheme';
import type { Grade, GroupScore, IndicatorScore, Level1Group, ScoreSheetInput, ScoringFinding, ScoringFindingCode, SheetScore } from './scoring.types';
import { GRADE_LABELS } from './scoring.types';

export * from './scoring.types';
export * from './scoring-scheme';
export { splitWeightEvenly } from './scheme-weights';

/** 优 → 'excellent' …: the grade of a stored label; undefined for anything else. */
export function gradeOfLabel(label: string): Grade | undefined {
  return (Object.keys(GRADE_LABELS) as Grade[]).find((grade) => GRADE_LABELS[grade] === label);
}

/** The key of the scheme group a first-level name belongs to ('other' when none): national 产出/成本 → output, 效益 → benefit, 满意 → satisfaction. */
export function groupOfLevel1(level1: string | null | undefined, scheme = DEFAULT_SCORING_SCHEME): Level1Group {
  return schemeGroupOf(scheme, level1)?.key ?? 'other';
}

/** 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差. */
export function gradeForTotal(total: string | number): Grade {
  const value = new Big(total);
  if (value.gte(90)) return 'excellent';
  if (value.gte(80)) return 'good';
  if (value.gte(60)) return 'fair';
  return 'poor';
}

/** Scores one target sheet: budget execution, every indicator, groups, total, grade and unmet flags. */
export function scoreSheet(input: ScoreSheetInput): SheetScore {
  const errors: ScoringFinding[] = [];
  const warnings: ScoringFinding[] = [];
  const error = (code: ScoringFindingCode, message: string, indicatorId: string | null = null): void => {
    errors.push({ code, message, indicatorId });
  };
  const warn = (code: ScoringFindingCode, message: string, indicatorId: string | null = null): void => {
    warnings.push({ code, message, indicatorId });
  };

  const { scheme } = input;
  const schemeUsable = checkScheme(scheme, error);
  const budgetExecution = scoreBudget(input.budget, input.spent, schemeUsable ? scheme.budgetExecution : 0, error, warn, input.budgetBasis ?? null);
  const groupsOfScheme = schemeUsable ? scheme.groups : [];

  const seen = new Set<string>();
  for (const indicator of input.indicators) {
    if (seen.has(indicator.id)) error('DUPLICATE_ID', `指标编号「${indicator.id}」重复`, indicator.id);
    seen.add(indicator.id);
  }

  const weights = new Map<string, AssignedWeight>();
  const groupOf = input.indicators.map((indicator) => (schemeUsable ? groupOfLevel1(indicator.level1, scheme) : 'other'));
  for (const group of groupsOfScheme) {
    const members = input.indicators.filter((_, index) => groupOf[index] === group.key);
    assignWeights(group, members, weights, error, warn);
  }
  const groupNames = groupsOfScheme.map((g) => g.label).join('、');

  const indicators: IndicatorScore[] = input.indicators.map((indicator, index) => {
    const group = groupOf[index] ?? 'other';
    if (group === 'other' && schemeUsable) {
      error(
        'LEVEL1_UNKNOWN',
        `指标「${indicator.name}」的一级指标「${indicator.level1 ?? ''}」不属于评分方案「${scheme.name}」的任何分组（${groupNames}），无法分配权重`,
        indicator.id,
      );
    }
    const assigned = weights.get(indicator.id) ?? { weight: null, explanation: '一级指标无法归组，未分配权重' };
    return scoreIndicator(indicator, group, assigned.weight, assigned.explanation, { fiscalYear: input.fiscalYear, tierValues: scheme.tierValues }, error);
  });

  const groups: GroupScore[] = groupsOfScheme.map((group) => {
    const members = indicators.filter((indicator) => indicator.group === group.key);
    const scores = members.map((member) => member.score);
    const complete = scores.every((score): score is string => score !== null);
    const score = complete ? sumTwoPlaces(scores) : null;
    const label = group.label;
    return {
      group: group.key,
      label,
      weight: new Big(group.points).toString(),
      indicatorCount: members.length,
      score,
      explanation:
        members.length === 0
          ? `${label}没有指标，得 0.00 分`
          : score === null
            ? `${label}有指标无法计分，小计缺失`
            : `${label}：${(scores as string[]).join(' + ')} = ${score}`,
    };
  });

  let total: string | null = null;
  let totalExplanation: string;
  const parts = [{ label: '预算执行率', score: budgetExecution.score }, ...groups.map((g) => ({ label: g.label, score: g.score }))];
  if (errors.length > 0) {
    totalExplanation = `存在 ${errors.length} 个错误，总分无法计算`;
  } else {
    const scores = parts.map((part) => part.score ?? '0.00');
    total = sumTwoPlaces(scores);
    totalExplanation = `${parts.map((part, i) => `${part.label} ${scores[i]}`).join(' + ')} = ${total}`;
  }
  const grade = total === null ? null : gradeForTotal(total);
  if (grade !== null) totalExplanation += `，等级${GRADE_LABELS[grade]}`;

  return { ok: errors.length === 0, budgetExecution, groups, indicators, unmet: unmetFlags(indicators), total, totalExplanation, grade, errors, warnings };
}

const TWO_PLACES = /^\d{1,12}\.\d{2}$/;

/** `sum(values).toFixed(2)` of scores written with two places, added in whole cents (exact) when they all fit. */
function sumTwoPlaces(values: readonly string[]): string {
  let cents = 0;
  for (const value of values) {
    if (!TWO_PLACES.test(value)) return sum(values).toFixed(2);
    cents += Number(value.slice(0, -3) + value.slice(-2));
  }
  const digits = String(cents).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
