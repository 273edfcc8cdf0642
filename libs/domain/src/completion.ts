/**
 * Completion rate (完成率) of one indicator, exactly per DESIGN §3's table.
 *
 * `r` is unclamped here (the score clamps it). Decisions where the table is silent:
 * - The actual is in the spec's unit (no unit conversion here).
 * - A zero or negative target or actual never divides: where `a / v` (or `v / a`) has no meaning,
 *   `r` is 1 when met and 0 when not, and the explanation says so. `rate` is therefore always a
 *   finite number ≥ 0.
 * - `>` with a = v: not met, r = a / v = 1 (the table's formula).
 * - deadline: takes a `date` actual (tier derived from the date) or a `tier` actual (the evaluator's
 *   judgement); a date actual may carry a `value` inside the derived tier's range.
 * - relative: the previous-year value must come with the actual. `delta` null: the target is the
 *   previous-year value itself (`不低于上年`). `delta` in `%`: target = previous × (1 + delta / 100),
 *   a relative growth. `delta` in any other unit (including `百分点`, or none): target =
 *   previous + delta, an absolute change.
 * - Mismatched actual kinds (a date for a numeric target…) and malformed actuals throw a plain Error.
 */
import Big from 'big.js';
import type { Op, RecurringEvery, TargetSpec } from './target-spec';

/** 评价等级: the three grades of the national self-assessment rules. */
export type Tier = 'achieved' | 'partial' | 'not_achieved';

export const TIERS: readonly Tier[] = ['achieved', 'partial', 'not_achieved'];

/** 达成 / 部分达成 / 未达成. */
export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  achieved: '达成',
  partial: '部分达成',
  not_achieved: '未达成',
};

/** Default completion value of each tier. */
export const TIER_DEFAULT_VALUES: Readonly<Record<Tier, number>> = {
  achieved: 1.0,
  partial: 0.7,
  not_achieved: 0.3,
};

/** Values an evaluator may set per tier: [min, max], max exclusive where `maxInclusive` is false. */
export const TIER_RANGES: Readonly<Record<Tier, { min: number; max: number; maxInclusive: boolean }>> = {
  achieved: { min: 0.8, max: 1.0, maxInclusive: true },
  partial: { min: 0.6, max: 0.8, maxInclusive: false },
  not_achieved: { min: 0, max: 0.6, maxInclusive: false },
};

/** 实际完成值: what was recorded for one indicator. */
export type IndicatorActualValue =
  | { kind: 'number'; value: number; previousYear?: number | null } // previousYear: 上年实际值, for relative targets
  | { kind: 'date'; doneOn: string | null; value?: number } // 'YYYY-MM-DD', null when not done
  | { kind: 'occurrences'; onTime: number; total: number } // 按时完成次数 / 应完成次数
  | { kind: 'tier'; tier: Tier; value?: number }; // 评价等级, optional value inside the tier's range

export interface CompletionOptions {
  fiscalYear?: number; // 预算年度, required for deadline targets with a date actual
}

export interface CompletionResult {
  met: boolean; // 是否达成
  rate: number; // 完成率 r, unclamped, finite, ≥ 0
  tier: Tier | null; // for tier-based targets (deadline, qualitative)
  explanation: string; // Chinese, shows how r was computed
}

/** 未完成程度: how far an unmet indicator fell short. */
export type UnmetGrade = 'minor' | 'moderate' | 'severe';

export const UNMET_GRADE_LABELS: Readonly<Record<UnmetGrade, string>> = {
  minor: '轻微',
  moderate: '较大',
  severe: '严重',
};

/** r ≥ 0.9 minor, r ≥ 0.6 moderate, else severe. */
export function gradeUnmet(rate: number): UnmetGrade {
  if (!Number.isFinite(rate)) throw new Error(`Invalid completion rate: ${rate}`);
  if (rate >= 0.9) return 'minor';
  if (rate >= 0.6) return 'moderate';
  return 'severe';
}

/** The tier's value: the default, or the evaluator's `value` after checking it lies in the tier's range. */
export function tierValue(tier: Tier, value?: number | null): number {
  if (value === undefined || value === null) return TIER_DEFAULT_VALUES[tier];
  const range = TIER_RANGES[tier];
  const inRange =
    Number.isFinite(value) && value >= range.min && (range.maxInclusive ? value <= range.max : value < range.max);
  if (!inRange) {
    const bracket = range.maxInclusive ? ']' : ')';
    throw new Error(`Tier value ${value} is outside the range of ${TIER_LABELS[tier]} [${range.min}, ${range.max}${bracket}`);
  }
  return value;
}

/** Formats a rate as a percentage with two places, half-up on its shortest decimal form: 1.0504… → '105.04%'. */
export function formatRate(rate: number): string {
  return `${percentText(rate)}%`;
}

/**
 * rate × 100 with two places, half-up on the shortest decimal form of rate (what big.js reads from a
 * number). A plain decimal form is rounded as text, exactly as big.js would (a year-end run formats
 * millions of rates); anything else (an exponent, a negative number, -0, NaN) goes through big.js.
 */
function percentText(rate: number): string {
  if (rate >= 0 && rate < 1e6 && !Object.is(rate, -0)) {
    const text = String(rate);
    if (!text.includes('e')) {
      const dot = text.indexOf('.');
      const fraction = dot < 0 ? '' : text.slice(dot + 1);
      // The digits of rate × 10^4 (the percentage in hundredths), then half-up on the next digit.
      let hundredths = Number((dot < 0 ? text : text.slice(0, dot)) + (fraction + '0000').slice(0, 4));
      if (fraction.length > 4 && fraction.charCodeAt(4) >= 53 /* '5' */) hundredths += 1;
      const digits = String(hundredths).padStart(3, '0');
      return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
    }
  }
  return new Big(rate).times(100).round(2, Big.roundHalfUp).toFixed(2);
}

/** Completion of one indicator given its spec and its (final) actual. Throws on a mismatched or malformed actual. */
export function evaluateCompletion(
  spec: TargetSpec,
  actual: IndicatorActualValue,
  options: CompletionOptions = {},
): CompletionResult {
  switch (spec.kind) {
    case 'numeric': {
      const a = expectNumber(spec, actual).value;
      return compare(spec.op, a, spec.value, spec.unit, '目标');
    }
    case 'range':
      return evaluateRange(spec.min, spec.max, spec.unit, expectNumber(spec, actual).value);
    case 'deadline':
      return evaluateDeadline(spec.by, actual, options);
    case 'recurring':
      return evaluateRecurring(spec.every, actual);
    case 'relative':
      return evaluateRelative(spec.op, spec.delta, spec.unit, expectNumber(spec, actual));
    case 'qualitative': {
      if (actual.kind !== 'tier') throw mismatch(spec, actual);
      return fromTier(actual.tier, actual.value, `定性指标评价为「${TIER_LABELS[actual.tier]}」`);
    }
  }
}

/** 数值 / 区间 / 截止日期 …: the kinds of target in Chinese. */
export const TARGET_KIND_LABELS: Readonly<Record<TargetSpec['kind'], string>> = {
  numeric: '数值',
  range: '区间',
  deadline: '截止日期',
  recurring: '定期完成',
  relative: '与上年比较',
  qualitative: '定性',
};

/** 数值 / 完成日期 / 按时完成次数 / 评价等级: the kinds of actual in Chinese. */
export const ACTUAL_KIND_LABELS: Readonly<Record<IndicatorActualValue['kind'], string>> = {
  number: '数值',
  date: '完成日期',
  occurrences: '按时完成次数',
  tier: '评价等级',
};

function mismatch(spec: TargetSpec, actual: IndicatorActualValue): Error {
  return new Error(
    `Actual of kind '${actual.kind}' does not fit a ${spec.kind} target（${TARGET_KIND_LABELS[spec.kind]}目标不能录入${ACTUAL_KIND_LABELS[actual.kind]}）`,
  );
}

function expectNumber(
  spec: TargetSpec,
  actual: IndicatorActualValue,
): Extract<IndicatorActualValue, { kind: 'number' }> {
  if (actual.kind !== 'number') throw mismatch(spec, actual);
  if (!Number.isFinite(actual.value)) throw new Error(`Actual value must be a finite number, got ${actual.value}`);
  return actual;
}

const OP_TEXT: Readonly<Record<Op, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** A number for display, without binary noise (0.1 + 0.2 → 0.3). */
function show(value: number, unit: string | null = null): string {
  // An integer below 10^12 is already its own 12-digit form (the common case: a count or a target).
  const shown = Number.isInteger(value) && Math.abs(value) < 1e12 ? value : Number(value.toPrecision(12));
  return `${shown}${unit ?? ''}`;
}

function isMet(op: Op, a: number, v: number): boolean {
  switch (op) {
    case '>=':
      return a >= v;
    case '>':
      return a > v;
    case '<=':
      return a <= v;
    case '<':
      return a < v;
    case '=':
      return a === v;
  }
}

/** Numeric comparison of actual a with target v (also used for relative targets). */
function compare(op: Op, a: number, v: number, unit: string | null, targetName: string, prefix = ''): CompletionResult {
  const met = isMet(op, a, v);
  const condition = `实际 ${show(a, unit)} ${met ? '满足' : '未满足'} ${OP_TEXT[op]} ${show(v, unit)}`;
  const done = (rate: number, how: string): CompletionResult => ({
    met,
    rate,
    tier: null,
    explanation: `${prefix}${how}；${condition}，${met ? '已达成' : '未达成'}`,
  });
  const degenerate = (): CompletionResult =>
    done(
      met ? 1 : 0,
      `${targetName}或实际为 0 或负数，完成率不能按比值计算，${met ? '达成按 100.00%' : '未达成按 0.00%'} 计`,
    );
  const ratio = (num: number, den: number, numName: string, denName: string): CompletionResult => {
    if (num < 0 || den <= 0) return degenerate();
    const rate = num / den;
    return done(rate, `${numName} ${show(num, unit)} ÷ ${denName} ${show(den, unit)} = ${formatRate(rate)}`);
  };

  switch (op) {
    case '>=':
    case '>':
      if (v <= 0) return degenerate();
      return ratio(a, v, '实际', targetName);
    case '<=':
    case '<':
      if (met) return done(1, `实际不超过${targetName}，完成率按 100.00% 计`);
      return ratio(v, a, targetName, '实际');
    case '=':
      if (a === v) return done(1, `实际等于${targetName}，完成率 100.00%`);
      return a < v ? ratio(a, v, '实际', targetName) : ratio(v, a, targetName, '实际');
  }
}

function evaluateRange(min: number, max: number, unit: string | null, a: number): CompletionResult {
  const span = `区间 ${show(min, unit)}–${show(max, unit)}`;
  if (a >= min && a <= max) {
    return { met: true, rate: 1, tier: null, explanation: `实际 ${show(a, unit)} 在${span}内，完成率 100.00%；已达成` };
  }
  const below = a < min;
  const [num, den, numName, denName] = below ? [a, min, '实际', '下限'] : [max, a, '上限', '实际'];
  const where = below ? '低于下限' : '高于上限';
  if (num < 0 || den <= 0) {
    return {
      met: false,
      rate: 0,
      tier: null,
      explanation: `实际 ${show(a, unit)} ${where}（${span}）；下限、上限或实际为 0 或负数，完成率不能按比值计算，未达成按 0.00% 计`,
    };
  }
  const rate = num / den;
  return {
    met: false,
    rate,
    tier: null,
    explanation: `实际 ${show(a, unit)} ${where}（${span}）：${numName} ${show(num, unit)} ÷ ${denName} ${show(den, unit)} = ${formatRate(rate)}；未达成`,
  };
}

function fromTier(tier: Tier, value: number | null | undefined, reason: string): CompletionResult {
  const rate = tierValue(tier, value);
  const valueText = value === undefined || value === null ? `默认值 ${rate}` : `评价值 ${rate}`;
  return {
    met: tier === 'achieved',
    rate,
    tier,
    explanation: `${reason}，按${TIER_LABELS[tier]}${valueText}计，完成率 ${formatRate(rate)}`,
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkDate(text: string): string {
  const match = ISO_DATE.exec(text);
  const valid =
    match !== null &&
    Number(match[2]) >= 1 &&
    Number(match[2]) <= 12 &&
    Number(match[3]) >= 1 &&
    Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2]));
  if (!valid) throw new Error(`Invalid completion date ${JSON.stringify(text)}: expected a real date 'YYYY-MM-DD'`);
  return text;
}

/** The deadline of `by` ('MM-DD') in the fiscal year; 02-29 in a common year becomes 02-28. */
function deadlineDate(by: string, fiscalYear: number): string {
  const match = /^(\d{2})-(\d{2})$/.exec(by);
  const month = match ? Number(match[1]) : 0;
  const day = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) throw new Error(`Invalid deadline ${JSON.stringify(by)}: expected 'MM-DD'`);
  const lastDay = daysInMonth(fiscalYear, month);
  const clamped = Math.min(day, lastDay);
  return `${fiscalYear}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

function evaluateDeadline(by: string, actual: IndicatorActualValue, options: CompletionOptions): CompletionResult {
  if (actual.kind === 'tier') return fromTier(actual.tier, actual.value, `截止日期指标由评价人评定为「${TIER_LABELS[actual.tier]}」`);
  if (actual.kind !== 'date') throw mismatch({ kind: 'deadline', by }, actual);
  const year = options.fiscalYear;
  if (year === undefined || !Number.isInteger(year)) throw new Error('A deadline target needs options.fiscalYear to place its deadline');
  const deadline = deadlineDate(by, year);
  if (actual.doneOn === null) return fromTier('not_achieved', actual.value, `截止 ${deadline}，尚未完成`);
  const doneOn = checkDate(actual.doneOn);
  if (doneOn <= deadline) return fromTier('achieved', actual.value, `截止 ${deadline}，${doneOn} 完成，按时`);
  return fromTier('partial', actual.value, `截止 ${deadline}，${doneOn} 完成，逾期`);
}

function evaluateRecurring(every: RecurringEvery, actual: IndicatorActualValue): CompletionResult {
  if (actual.kind !== 'occurrences') throw mismatch({ kind: 'recurring', every, day: null }, actual);
  const { onTime, total } = actual;
  if (!Number.isInteger(total) || total <= 0) throw new Error(`Occurrences total must be a positive integer, got ${total}`);
  if (!Number.isInteger(onTime) || onTime < 0 || onTime > total) {
    throw new Error(`Occurrences on time must be an integer between 0 and ${total}, got ${onTime}`);
  }
  const rate = onTime / total;
  const met = onTime === total;
  const period = every === 'month' ? '每月' : every === 'quarter' ? '每季度' : '每年';
  return {
    met,
    rate,
    tier: null,
    explanation: `${period}按期完成：按时 ${onTime} 次 ÷ 应完成 ${total} 次 = ${formatRate(rate)}；${met ? '已达成' : '未达成'}`,
  };
}

function evaluateRelative(
  op: Op,
  delta: number | null,
  unit: string | null,
  actual: Extract<IndicatorActualValue, { kind: 'number' }>,
): CompletionResult {
  const previous = actual.previousYear;
  if (previous === undefined || previous === null || !Number.isFinite(previous)) {
    throw new Error('A target relative to the previous year needs the previous-year value (previousYear) with the actual');
  }
  let target: number;
  let how: string;
  if (delta === null) {
    target = previous;
    how = `目标 = 上年 ${show(previous)}`;
  } else if (unit === '%') {
    target = Number((previous * (1 + delta / 100)).toPrecision(15));
    how = `目标 = 上年 ${show(previous)} × (1 ${delta < 0 ? '−' : '+'} ${show(Math.abs(delta))}%) = ${show(target)}`;
  } else {
    target = Number((previous + delta).toPrecision(15));
    how = `目标 = 上年 ${show(previous)} ${delta < 0 ? '−' : '+'} ${show(Math.abs(delta), unit)} = ${show(target)}`;
  }
  return compare(op, actual.value, target, null, '目标', `${how}；`);
}
