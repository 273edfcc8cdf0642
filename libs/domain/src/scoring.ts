/**
 * Sheet scoring (自评打分) per DESIGN §3.
 *
 * Rounding rule (reproducible): weights are exact decimals with at most two places (an even split is
 * distributed in cents, the leftover cents going to the first indicators in sheet order, so the
 * weights add up exactly to the group weight); each score (budget execution and every indicator) is
 * weight × min(r, 1) computed from the unrounded rate and rounded half-up to two places; group
 * subtotals and the total are the exact sums of those rounded scores. So the total equals the sum
 * of the scores shown, and full marks are exactly 100.00.
 *
 * Inconsistent inputs are reported as `errors` (and the total and grade are then null), never
 * guessed: a first-level name outside 产出/成本/效益/满意度, explicit weights on only some indicators
 * of a group or not adding up, an actual that does not fit the target, an invalid override.
 */
import Big from 'big.js';
import { CompletionResult, evaluateCompletion, formatRate, gradeUnmet, IndicatorActualValue, UnmetGrade } from './completion';
import { isMoney, Money, parseMoney } from './money';
import type { TargetSpec } from './target-spec';

/** 一级指标分组 that carry a share of the score. */
export type ScoreGroup = 'output' | 'benefit' | 'satisfaction';

/** The group of a first-level name; 'other' when it fits none (an error in scoring). */
export type Level1Group = ScoreGroup | 'other';

export const SCORE_GROUPS: readonly ScoreGroup[] = ['output', 'benefit', 'satisfaction'];

export const SCORE_GROUP_LABELS: Readonly<Record<ScoreGroup, string>> = {
  output: '产出指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
};

/** 评分方案: the fiscal year's weights, at most two decimals each. */
export interface ScoringScheme {
  budgetExecution: number; // 预算执行率
  output: number; // 产出指标 (a first-level 成本指标 shares it)
  benefit: number; // 效益指标
  satisfaction: number; // 满意度指标
}

/** The national default: 预算执行率 10, 产出 50, 效益 30, 满意度 10. */
export const DEFAULT_SCORING_SCHEME: Readonly<ScoringScheme> = {
  budgetExecution: 10,
  output: 50,
  benefit: 30,
  satisfaction: 10,
};

/** 评价等级 of a sheet. */
export type Grade = 'excellent' | 'good' | 'fair' | 'poor';

/** 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差. */
export const GRADE_LABELS: Readonly<Record<Grade, string>> = { excellent: '优', good: '良', fair: '中', poor: '差' };

/** 优 → 'excellent' …: the grade of a stored label; undefined for anything else. */
export function gradeOfLabel(label: string): Grade | undefined {
  return (Object.keys(GRADE_LABELS) as Grade[]).find((grade) => GRADE_LABELS[grade] === label);
}

/** A reviewer's adjusted score (评价人调整分) with its written reason. */
export interface IndicatorOverride {
  score: number;
  reason: string;
}

export interface ScoringIndicatorInput {
  id: string;
  level1: string | null; // 一级指标
  level2: string | null; // 二级指标
  name: string; // 三级指标
  spec: TargetSpec;
  weight: string | null; // explicit weight (权重), decimal string, or null for an even split
  actual: IndicatorActualValue | null; // final actual (period Y); null when not recorded
  override?: IndicatorOverride | null;
}

export interface ScoreSheetInput {
  scheme: ScoringScheme;
  budget: Money; // 预算数
  spent: Money; // 执行数
  indicators: readonly ScoringIndicatorInput[];
  fiscalYear: number;
}

export type ScoringFindingCode =
  | 'SCHEME_INVALID'
  | 'SCHEME_TOTAL_NOT_100'
  | 'MONEY_INVALID'
  | 'BUDGET_ZERO'
  | 'OVERSPENT'
  | 'DUPLICATE_ID'
  | 'LEVEL1_UNKNOWN'
  | 'GROUP_EMPTY'
  | 'WEIGHT_INVALID'
  | 'WEIGHTS_PARTIAL'
  | 'WEIGHTS_SUM_MISMATCH'
  | 'ACTUAL_INVALID'
  | 'OVERRIDE_INVALID';

export interface ScoringFinding {
  code: ScoringFindingCode;
  message: string; // plain Chinese sentence
  indicatorId: string | null;
}

export interface BudgetExecutionScore {
  budget: Money | null;
  spent: Money | null;
  rate: number | null; // spent ÷ budget, unclamped; null when budget is 0 or invalid
  weight: string;
  score: string | null; // two places
  explanation: string;
}

export interface IndicatorScore {
  id: string;
  level1: string | null;
  level2: string | null;
  name: string;
  group: Level1Group;
  weight: string | null; // null when the group's weights are in error
  weightExplanation: string;
  completion: CompletionResult | null; // null when missing or the actual is invalid
  missing: boolean; // no final actual: scores 0
  computedScore: string | null; // weight × min(r, 1), two places
  override: { score: string; reason: string } | null;
  score: string | null; // what counts in the total: the override, else the computed score
  explanation: string;
}

export interface GroupScore {
  group: ScoreGroup;
  label: string;
  weight: string;
  indicatorCount: number;
  score: string | null;
  explanation: string;
}

/** 未完成标记: one per indicator not met or without a final actual. */
export interface UnmetFlag {
  indicatorId: string;
  name: string;
  severity: UnmetGrade | 'missing';
  rate: number | null;
  explanation: string;
}

export interface SheetScore {
  ok: boolean; // no errors: total and grade are set
  budgetExecution: BudgetExecutionScore;
  groups: GroupScore[];
  indicators: IndicatorScore[];
  unmet: UnmetFlag[];
  total: string | null;
  totalExplanation: string;
  grade: Grade | null;
  errors: ScoringFinding[];
  warnings: ScoringFinding[];
}

const HALF_UP = Big.roundHalfUp;
const WEIGHT_PATTERN = /^\d{1,6}(\.\d{1,2})?$/;

/** The scoring group of a first-level name, by its content: 产出/成本 → output, 效益 → benefit, 满意 → satisfaction. */
export function groupOfLevel1(level1: string | null | undefined): Level1Group {
  const name = (level1 ?? '').replace(/\s+/g, '');
  if (name.includes('产出') || name.includes('成本')) return 'output';
  if (name.includes('效益')) return 'benefit';
  if (name.includes('满意')) return 'satisfaction';
  return 'other';
}

/** 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差. */
export function gradeForTotal(total: string | number): Grade {
  const value = new Big(total);
  if (value.gte(90)) return 'excellent';
  if (value.gte(80)) return 'good';
  if (value.gte(60)) return 'fair';
  return 'poor';
}

/** Splits a group weight evenly in cents; the leftover cents go to the first indicators: 50 ÷ 3 → 16.67, 16.67, 16.66. */
export function splitWeightEvenly(weight: string | number, count: number): string[] {
  if (!Number.isInteger(count) || count <= 0) return [];
  if (typeof weight !== 'string') return computeEvenSplit(weight, count);
  // A region's run splits the same few group weights over the same few counts for every sheet.
  const key = `${weight}|${count}`;
  let split = evenSplits.get(key);
  if (split === undefined) {
    split = computeEvenSplit(weight, count);
    if (evenSplits.size >= MEMO_LIMIT) evenSplits.clear();
    evenSplits.set(key, split);
  }
  return split.slice();
}

const MEMO_LIMIT = 10_000;
const evenSplits = new Map<string, string[]>();

function computeEvenSplit(weight: string | number, count: number): string[] {
  const cents = new Big(weight).times(100);
  if (!cents.eq(cents.round(0))) throw new Error(`Weight ${weight} has more than two decimals`);
  const base = cents.div(count).round(0, Big.roundDown);
  const leftover = cents.minus(base.times(count)).toNumber();
  return Array.from({ length: count }, (_, index) => (index < leftover ? base.plus(1) : base).div(100).toString());
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

  const scheme = checkScheme(input.scheme, error, warn);
  const budgetExecution = scoreBudget(input.budget, input.spent, scheme.budgetExecution, error, warn);

  const seen = new Set<string>();
  for (const indicator of input.indicators) {
    if (seen.has(indicator.id)) error('DUPLICATE_ID', `指标编号「${indicator.id}」重复`, indicator.id);
    seen.add(indicator.id);
  }

  const weights = new Map<string, { weight: string | null; explanation: string }>();
  const groups: GroupScore[] = [];
  const groupOf = input.indicators.map((indicator) => groupOfLevel1(indicator.level1));
  for (const group of SCORE_GROUPS) {
    const members = input.indicators.filter((_, index) => groupOf[index] === group);
    assignWeights(group, scheme[group], members, weights, error, warn);
  }

  const indicators: IndicatorScore[] = input.indicators.map((indicator, index) => {
    const group = groupOf[index] ?? 'other';
    if (group === 'other') {
      error(
        'LEVEL1_UNKNOWN',
        `指标「${indicator.name}」的一级指标「${indicator.level1 ?? ''}」不属于产出、成本、效益或满意度，无法分配权重`,
        indicator.id,
      );
    }
    const assigned = weights.get(indicator.id) ?? { weight: null, explanation: '一级指标无法归组，未分配权重' };
    return scoreIndicator(indicator, group, assigned.weight, assigned.explanation, input.fiscalYear, error);
  });

  for (const group of SCORE_GROUPS) {
    const members = indicators.filter((indicator) => indicator.group === group);
    const scores = members.map((member) => member.score);
    const complete = scores.every((score): score is string => score !== null);
    const score = complete ? sumTwoPlaces(scores) : null;
    groups.push({
      group,
      label: SCORE_GROUP_LABELS[group],
      weight: new Big(scheme[group]).toString(),
      indicatorCount: members.length,
      score,
      explanation:
        members.length === 0
          ? `${SCORE_GROUP_LABELS[group]}没有指标，得 0.00 分`
          : score === null
            ? `${SCORE_GROUP_LABELS[group]}有指标无法计分，小计缺失`
            : `${SCORE_GROUP_LABELS[group]}：${(scores as string[]).join(' + ')} = ${score}`,
    });
  }

  const unmet = unmetFlags(indicators);

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

  return {
    ok: errors.length === 0,
    budgetExecution,
    groups,
    indicators,
    unmet,
    total,
    totalExplanation,
    grade,
    errors,
    warnings,
  };
}

type Report = (code: ScoringFindingCode, message: string, indicatorId?: string | null) => void;

function sum(values: readonly string[]): Big {
  return values.reduce((acc, value) => acc.plus(value), new Big(0));
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

/** weight × min(rate, 1), rounded half-up to two places (the rate ≥ 0); remembered, as weights and tier rates repeat. */
function weightedScore(weight: string, rate: number): string {
  const key = `${weight}|${rate > 1 ? 1 : rate}`;
  let score = weightedScores.get(key);
  if (score === undefined) {
    score = new Big(weight).times(rate > 1 ? new Big(1) : new Big(rate)).round(2, HALF_UP).toFixed(2);
    if (weightedScores.size >= MEMO_LIMIT) weightedScores.clear();
    weightedScores.set(key, score);
  }
  return score;
}

const weightedScores = new Map<string, string>();

function isTwoPlaceWeight(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && WEIGHT_PATTERN.test(String(value));
}

function checkScheme(scheme: ScoringScheme, error: Report, warn: Report): ScoringScheme {
  const keys: (keyof ScoringScheme)[] = ['budgetExecution', 'output', 'benefit', 'satisfaction'];
  const bad = keys.filter((key) => !isTwoPlaceWeight(scheme[key]));
  if (bad.length > 0) {
    error('SCHEME_INVALID', `评分方案的权重必须是不超过两位小数的非负数：${bad.map((key) => `${key}=${scheme[key]}`).join('，')}`);
    const safe = { ...scheme };
    for (const key of bad) safe[key] = 0;
    return safe;
  }
  const total = sum(keys.map((key) => String(scheme[key])));
  if (!total.eq(100)) warn('SCHEME_TOTAL_NOT_100', `评分方案的权重合计为 ${total.toString()}，不是 100`);
  return scheme;
}

function scoreBudget(budgetText: Money, spentText: Money, weightNumber: number, error: Report, warn: Report): BudgetExecutionScore {
  const weight = new Big(weightNumber);
  const invalid = [
    ['预算数', budgetText],
    ['执行数', spentText],
  ].filter(([, value]) => !isMoney(value) || value.startsWith('-'));
  if (invalid.length > 0) {
    for (const [label, value] of invalid) {
      error('MONEY_INVALID', `${label}「${String(value)}」不是有效的非负金额（元，最多两位小数）`);
    }
    return { budget: null, spent: null, rate: null, weight: weight.toString(), score: null, explanation: '预算数或执行数无效，预算执行率无法计算' };
  }
  const budget = parseMoney(budgetText);
  const spent = parseMoney(spentText);
  if (new Big(budget).eq(0)) {
    warn('BUDGET_ZERO', '预算数为 0，无法计算预算执行率，该项记 0 分');
    return {
      budget,
      spent,
      rate: null,
      weight: weight.toString(),
      score: '0.00',
      explanation: `预算数为 0，执行率无法计算（不能除以 0），预算执行率记 0.00 分`,
    };
  }
  const rateBig = new Big(spent).div(budget);
  const rate = rateBig.toNumber();
  if (rateBig.gt(1)) warn('OVERSPENT', `执行数 ${spent} 元超过预算数 ${budget} 元（执行率 ${formatRate(rate)}）`);
  const capped = rateBig.gt(1) ? new Big(1) : rateBig;
  const score = weight.times(capped).round(2, HALF_UP).toFixed(2);
  return {
    budget,
    spent,
    rate,
    weight: weight.toString(),
    score,
    explanation: `执行数 ${spent} ÷ 预算数 ${budget} = ${formatRate(rate)}；权重 ${weight.toString()} × min(${formatRate(rate)}, 1) = ${score}`,
  };
}

function assignWeights(
  group: ScoreGroup,
  groupWeightNumber: number,
  members: readonly ScoringIndicatorInput[],
  weights: Map<string, { weight: string | null; explanation: string }>,
  error: Report,
  warn: Report,
): void {
  const label = SCORE_GROUP_LABELS[group];
  const groupWeight = new Big(groupWeightNumber);
  const groupWeightText = groupWeight.toString();
  const setAll = (weight: (index: number) => string | null, explanation: (index: number) => string): void =>
    members.forEach((member, index) => weights.set(member.id, { weight: weight(index), explanation: explanation(index) }));

  if (members.length === 0) {
    if (groupWeight.gt(0)) warn('GROUP_EMPTY', `${label}没有指标，其 ${groupWeight.toString()} 分无法得分`);
    return;
  }
  const explicit = members.filter((member) => member.weight !== null);
  if (explicit.length === 0) {
    const split = splitWeightEvenly(groupWeightText, members.length);
    const uneven = split.some((weight) => weight !== split[0]);
    setAll(
      (index) => split[index] ?? null,
      (index) =>
        `${label} ${groupWeightText} 分平均分配给 ${members.length} 项 = ${split[index]}` +
        (uneven ? '（按分分配，余数计入靠前的指标）' : ''),
    );
    return;
  }
  if (explicit.length < members.length) {
    error('WEIGHTS_PARTIAL', `${label}中只有 ${explicit.length} / ${members.length} 项指标设置了权重：要么全部设置，要么全部不设置`);
    setAll(() => null, () => `${label}权重设置不完整`);
    return;
  }
  const bad = members.filter((member) => !WEIGHT_PATTERN.test(member.weight ?? ''));
  if (bad.length > 0) {
    for (const member of bad) {
      error('WEIGHT_INVALID', `指标「${member.name}」的权重「${member.weight ?? ''}」不是不超过两位小数的非负数`, member.id);
    }
    setAll(() => null, () => `${label}有无效权重`);
    return;
  }
  const total = sum(members.map((member) => member.weight ?? '0'));
  if (!total.eq(groupWeight)) {
    error(
      'WEIGHTS_SUM_MISMATCH',
      `${label}各项指标权重之和 ${members.map((m) => new Big(m.weight ?? '0').toString()).join(' + ')} = ${total.toString()}，不等于 ${groupWeight.toString()}`,
    );
    setAll(() => null, () => `${label}权重之和不等于 ${groupWeight.toString()}`);
    return;
  }
  setAll(
    (index) => new Big(members[index]?.weight ?? '0').toString(),
    () => `${label}权重由指标设定，合计 ${groupWeight.toString()}`,
  );
}

function scoreIndicator(
  indicator: ScoringIndicatorInput,
  group: Level1Group,
  weight: string | null,
  weightExplanation: string,
  fiscalYear: number,
  error: Report,
): IndicatorScore {
  const missing = indicator.actual === null;
  let completion: CompletionResult | null = null;
  if (indicator.actual !== null) {
    try {
      completion = evaluateCompletion(indicator.spec, indicator.actual, { fiscalYear });
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message : String(caught);
      error('ACTUAL_INVALID', `指标「${indicator.name}」的实际完成值无法计算完成率：${reason}`, indicator.id);
    }
  }

  let computedScore: string | null = null;
  let explanation: string;
  if (weight === null) {
    explanation = `${weightExplanation}，无法计分`;
  } else if (missing) {
    computedScore = '0.00';
    explanation = '未录入年终实际完成值，记 0.00 分';
  } else if (completion === null) {
    explanation = '实际完成值无效，无法计分';
  } else {
    const rate = Math.max(0, completion.rate);
    computedScore = weightedScore(weight, rate);
    explanation = `权重 ${weight} × min(${formatRate(rate)}, 1) = ${computedScore}`;
  }

  let override: IndicatorScore['override'] = null;
  let score = computedScore;
  if (indicator.override !== undefined && indicator.override !== null) {
    const checked = checkOverride(indicator, weight, error);
    if (checked === undefined) {
      score = null;
      explanation += '；评价人调整分无效';
    } else if (checked !== null) {
      override = checked;
      score = checked.score;
      explanation += `；评价人调整为 ${checked.score}（理由：${checked.reason}）`;
    }
  }

  // One literal (no spread of a partial object): built for every indicator of a region's run.
  return {
    id: indicator.id,
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    group,
    weight,
    weightExplanation,
    completion,
    missing,
    computedScore,
    override,
    score,
    explanation,
  };
}

/** The valid override, `null` when it cannot be checked (no weight), `undefined` when invalid (error reported). */
function checkOverride(
  indicator: ScoringIndicatorInput,
  weight: string | null,
  error: Report,
): { score: string; reason: string } | null | undefined {
  const { score, reason } = indicator.override as IndicatorOverride;
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed === '') {
    error('OVERRIDE_INVALID', `指标「${indicator.name}」的调整分必须写明理由`, indicator.id);
    return undefined;
  }
  if (!Number.isFinite(score) || !new Big(score).eq(new Big(score).round(2, HALF_UP))) {
    error('OVERRIDE_INVALID', `指标「${indicator.name}」的调整分 ${score} 不是不超过两位小数的数`, indicator.id);
    return undefined;
  }
  if (weight === null) return null;
  if (score < 0 || new Big(score).gt(weight)) {
    error('OVERRIDE_INVALID', `指标「${indicator.name}」的调整分 ${score} 超出 0 到权重 ${weight} 的范围`, indicator.id);
    return undefined;
  }
  return { score: new Big(score).toFixed(2), reason: trimmed };
}

function unmetFlags(indicators: readonly IndicatorScore[]): UnmetFlag[] {
  const flags: UnmetFlag[] = [];
  for (const indicator of indicators) {
    if (indicator.missing) {
      flags.push({ indicatorId: indicator.id, name: indicator.name, severity: 'missing', rate: null, explanation: '未录入年终实际完成值' });
    } else if (indicator.completion !== null && !indicator.completion.met) {
      const severity = gradeUnmet(indicator.completion.rate);
      flags.push({
        indicatorId: indicator.id,
        name: indicator.name,
        severity,
        rate: indicator.completion.rate,
        explanation: `未达成，完成率 ${formatRate(indicator.completion.rate)}：${indicator.completion.explanation}`,
      });
    }
  }
  return flags;
}
