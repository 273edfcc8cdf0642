/**
 * Exact decimal arithmetic for rates and scores (DESIGN §3 "Exact arithmetic").
 *
 * A rate is kept as a quotient — numerator ÷ denominator, both exact decimals — and divided only
 * at the very end, when a score or a percentage is rounded: weight × a ÷ v, rounded half-up to the
 * cent once (15 × 60.15 ÷ 90 = 10.025 → 10.03, where a binary float gives 10.0249999… → 10.02).
 *
 * Every number that enters is read as its shortest decimal form (what the user typed: 60.15 is
 * 60.15, not 60.149999…). The one division happens in a Big constructor of our own that truncates
 * at 40 places: truncation never lifts a value below a rounding boundary onto it, and a value at or
 * above the boundary stays at or above it, so rounding the truncated quotient half-up gives exactly
 * the rounding of the true quotient.
 */
import Big from 'big.js';

/** A rate kept exact (完成率 / 执行率): numerator ÷ denominator, decimal strings, denominator > 0. */
export interface ExactRatio {
  numerator: string;
  denominator: string;
}

/** Divides by truncating at 40 places (see the module comment); never used for anything else. */
const Truncating = Big();
Truncating.DP = 40;
Truncating.RM = Big.roundDown;

/** A decimal: a Big, a decimal string, or a finite number read as its shortest decimal form. */
export type DecimalInput = Big | string | number;

/** The exact decimal of an input; throws on NaN, ±Infinity or a malformed string. */
export function decimal(value: DecimalInput): Big {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  return value instanceof Big ? value : new Big(value);
}

/** A decimal written without an exponent (1e-7 → '0.0000001'). */
function plain(value: Big): string {
  return value.toFixed();
}

/** numerator ÷ denominator kept exact; throws when the denominator is not positive. */
export function exactRatio(numerator: DecimalInput, denominator: DecimalInput): ExactRatio {
  const n = decimal(numerator);
  const d = decimal(denominator);
  if (d.lte(0)) throw new Error(`The denominator of a ratio must be positive, got ${plain(d)}`);
  return { numerator: plain(n), denominator: plain(d) };
}

/** A whole value as a ratio: 0.7 → 0.7 ÷ 1. */
export function ratioOf(value: DecimalInput): ExactRatio {
  return exactRatio(value, 1);
}

export const RATIO_ZERO: ExactRatio = Object.freeze({ numerator: '0', denominator: '1' });
export const RATIO_ONE: ExactRatio = Object.freeze({ numerator: '1', denominator: '1' });

/** −1, 0 or 1 as the ratio is below, equal to or above `value`, compared exactly (n ÷ d vs v ⇔ n vs v × d). */
export function compareRatio(ratio: ExactRatio, value: DecimalInput): -1 | 0 | 1 {
  return new Big(ratio.numerator).cmp(decimal(value).times(ratio.denominator));
}

/** The ratio, or 0 when it is negative. */
export function atLeastZero(ratio: ExactRatio): ExactRatio {
  return new Big(ratio.numerator).lt(0) ? RATIO_ZERO : ratio;
}

/** min(ratio, 1). */
export function atMostOne(ratio: ExactRatio): ExactRatio {
  return compareRatio(ratio, 1) > 0 ? RATIO_ONE : ratio;
}

/** factor × n ÷ d, the division last, rounded half-up to `places` decimals exactly (see the module comment). */
export function multiplyRatio(factor: DecimalInput, ratio: ExactRatio, places: number): Big {
  const product = new Truncating(decimal(factor).times(ratio.numerator).toFixed());
  return product.div(ratio.denominator).round(places, Big.roundHalfUp);
}

/** weight × min(r, 1) rounded half-up to the cent once, r clamped at 0 first: '10.03'. */
export function scoreOfRatio(weight: DecimalInput, ratio: ExactRatio): string {
  return multiplyRatio(weight, atMostOne(atLeastZero(ratio)), 2).toFixed(2);
}

/** The ratio as a percentage rounded half-up to 0.01%, without the sign: 2 ÷ 3 → '66.67'. */
export function ratioPercent(ratio: ExactRatio): string {
  return multiplyRatio(100, ratio, 2).toFixed(2);
}

/** The ratio as a percentage with its sign, the one way every page, table and export shows a rate: '66.67%'. */
export function formatRatio(ratio: ExactRatio): string {
  return `${ratioPercent(ratio)}%`;
}

/** The nearest binary float (for charts and sorting only; never for a score, a flag or a shown rate). */
export function ratioToNumber(ratio: ExactRatio): number {
  return new Truncating(ratio.numerator).div(ratio.denominator).toNumber();
}
