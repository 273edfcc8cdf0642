/** Building a completion result, and the rules every kind shares: tier values, unmet grades, shown numbers. */
import type Big from 'big.js';
import { compareRatio, DecimalInput, ExactRatio, formatRatio, plainDecimal, ratioOf, ratioPercent, ratioToNumber } from '../exact';
import type { CompletionResult, Tier, UnmetGrade } from './completion.types';
import { TIER_DEFAULT_VALUES, TIER_LABELS, TIER_RANGES } from './completion.types';

/** A result whose numbers all come from one exact ratio. */
export function completion(met: boolean, ratio: ExactRatio, tier: Tier | null, explanation: string, percent = ratioPercent(ratio)): CompletionResult {
  return { met, ratio, rate: ratioToNumber(ratio), ratePercent: percent, tier, explanation };
}

/** A rate as every page shows it: exact half-up to 0.01% ('66.67%'); a number is read as its shortest decimal. */
export function formatRate(rate: ExactRatio | number): string {
  return formatRatio(typeof rate === 'number' ? ratioOf(rate) : rate);
}

/** r ≥ 0.9 minor, r ≥ 0.6 moderate, else severe — compared exactly. */
export function gradeUnmet(rate: ExactRatio | number): UnmetGrade {
  if (typeof rate === 'number' && !Number.isFinite(rate)) throw new Error(`Invalid completion rate: ${rate}`);
  const ratio = typeof rate === 'number' ? ratioOf(rate) : rate;
  if (compareRatio(ratio, '0.9') >= 0) return 'minor';
  if (compareRatio(ratio, '0.6') >= 0) return 'moderate';
  return 'severe';
}

/** The tier's value: the scheme's (the national default without one), or the evaluator's `value` after checking it lies in the tier's range. */
export function tierValue(tier: Tier, value?: number | null, defaults: Readonly<Record<Tier, number>> = TIER_DEFAULT_VALUES): number {
  if (value === undefined || value === null) return defaults[tier];
  const range = TIER_RANGES[tier];
  const inRange =
    Number.isFinite(value) && value >= range.min && (range.maxInclusive ? value <= range.max : value < range.max);
  if (!inRange) {
    const bracket = range.maxInclusive ? ']' : ')';
    throw new Error(`Tier value ${value} is outside the range of ${TIER_LABELS[tier]} [${range.min}, ${range.max}${bracket}`);
  }
  return value;
}

/** The completion of a tier (达成 / 部分达成 / 未达成), with the evaluator's value where given. */
export function fromTier(tier: Tier, value: number | null | undefined, reason: string, defaults?: Readonly<Record<Tier, number>>): CompletionResult {
  const rate = tierValue(tier, value, defaults);
  const ratio = ratioOf(rate);
  const percent = ratioPercent(ratio);
  const own = defaults !== undefined && defaults[tier] !== TIER_DEFAULT_VALUES[tier];
  const valueText = value === undefined || value === null ? `${own ? '评分方案值' : '默认值'} ${show(rate)}` : `评价值 ${show(rate)}`;
  return completion(tier === 'achieved', ratio, tier, `${reason}，按${TIER_LABELS[tier]}${valueText}计，完成率 ${percent}%`, percent);
}

/** A number as computed: its exact decimal, never an exponent (1e-7 → 0.0000001), with its unit. */
export function show(value: DecimalInput | Big, unit: string | null = null): string {
  return `${plainDecimal(value)}${unit ?? ''}`;
}
