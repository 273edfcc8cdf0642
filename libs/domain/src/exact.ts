/**
 * Exact decimal arithmetic for rates and scores (DESIGN §3 "Exact arithmetic").
 *
 * A rate is kept as a quotient — numerator ÷ denominator, both exact decimals — and divided only
 * at the very end, when a score or a percentage is rounded: weight × a ÷ v, rounded half-up to the
 * cent once (15 × 60.15 ÷ 90 = 10.025 → 10.03, where a binary float gives 10.0249999… → 10.02).
 *
 * Every number that enters is read as its shortest decimal form (what the user typed: 60.15 is
 * 60.15, not 60.149999…). The one division is on integers (BigInt): the decimals are scaled to
 * integers and the quotient is rounded half-up by integer arithmetic, so no digit is ever lost.
 */
import Big from 'big.js';

/** A rate kept exact (完成率 / 执行率): numerator ÷ denominator, decimal strings, denominator > 0. */
export interface ExactRatio {
  numerator: string;
  denominator: string;
}

/** A decimal as a scaled integer: value = units ÷ 10^scale. The core of every exact operation here. */
interface Scaled {
  units: bigint;
  scale: number;
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A plain decimal string (as `plain` writes it) as a scaled integer: '-60.15' → −6015 × 10^-2. */
function scaled(text: string): Scaled {
  const dot = text.indexOf('.');
  if (dot < 0) return { units: BigInt(text), scale: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

const POWERS: bigint[] = [];
function pow10(exponent: number): bigint {
  let power = POWERS[exponent];
  if (power === undefined) {
    power = 10n ** BigInt(exponent);
    POWERS[exponent] = power;
  }
  return power;
}

/** x ÷ y rounded half-up (ties away from zero) to an integer; y > 0. */
function divideHalfUp(x: bigint, y: bigint): bigint {
  return x >= 0n ? (2n * x + y) / (2n * y) : -((-2n * x + y) / (2n * y));
}

/**
 * The same on binary floats that hold integers exactly (|2x| + 2y below 2^53): the float quotient is
 * only a first guess, corrected by the exact remainder. A region's run rounds millions of scores;
 * this path avoids BigInt for all the usual ones.
 */
function divideHalfUpSmall(x: number, y: number): number {
  const sign = x < 0 ? -1 : 1;
  const numerator = 2 * Math.abs(x) + y;
  const denominator = 2 * y;
  let quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  if (remainder < 0) quotient -= 1;
  else if (remainder >= denominator) quotient += 1;
  return sign * quotient;
}

/** A plain decimal with at most 15 digits as a float-held integer and its scale; null when it is longer. */
function small(text: string): { units: number; scale: number } | null {
  const dot = text.indexOf('.');
  const digits = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
  if (digits.length > 15) return null;
  return { units: Number(digits), scale: dot < 0 ? 0 : text.length - dot - 1 };
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** An integer count of 10^-places written as a decimal: 1003n, 2 → '10.03'. */
function writeUnits(units: bigint | number, places: number): string {
  const negative = units < 0;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}

/** A decimal: a Big, a decimal string, or a finite number read as its shortest decimal form. */
export type DecimalInput = Big | string | number;

/** The exact decimal of an input; throws on NaN, ±Infinity or a malformed string. */
export function decimal(value: DecimalInput): Big {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  return value instanceof Big ? value : new Big(value);
}

/** A decimal written without an exponent (1e-7 → '0.0000001'); plain strings and numbers skip big.js. */
export function plainDecimal(value: DecimalInput): string {
  if (typeof value === 'string' && PLAIN_DECIMAL.test(value)) return value;
  if (typeof value === 'number' && Number.isFinite(value)) {
    const text = String(value);
    if (!text.includes('e')) return text;
  }
  return decimal(value).toFixed();
}

/** numerator ÷ denominator kept exact; throws when the denominator is not positive. */
export function exactRatio(numerator: DecimalInput, denominator: DecimalInput): ExactRatio {
  const n = plainDecimal(numerator);
  const d = plainDecimal(denominator);
  if (d.startsWith('-') || !/[1-9]/.test(d)) throw new Error(`The denominator of a ratio must be positive, got ${d}`);
  return { numerator: n, denominator: d };
}

/** A whole value as a ratio: 0.7 → 0.7 ÷ 1. */
export function ratioOf(value: DecimalInput): ExactRatio {
  return exactRatio(value, 1);
}

export const RATIO_ZERO: ExactRatio = Object.freeze({ numerator: '0', denominator: '1' });
export const RATIO_ONE: ExactRatio = Object.freeze({ numerator: '1', denominator: '1' });

/** −1, 0 or 1 as the ratio is below, equal to or above `value`, compared exactly (n ÷ d vs v ⇔ n vs v × d). */
export function compareRatio(ratio: ExactRatio, value: DecimalInput): -1 | 0 | 1 {
  const valueText = plainDecimal(value);
  const [sn, sd, sv] = [small(ratio.numerator), small(ratio.denominator), small(valueText)];
  if (sn !== null && sd !== null && sv !== null) {
    const left = sn.units * 10 ** (sv.scale + sd.scale);
    const right = sv.units * sd.units * 10 ** sn.scale;
    if (Math.abs(left) <= SAFE && Math.abs(right) <= SAFE) return left < right ? -1 : left > right ? 1 : 0;
  }
  const n = scaled(ratio.numerator);
  const d = scaled(ratio.denominator);
  const v = scaled(valueText);
  // n.units / 10^n.scale vs v.units · d.units / 10^(v.scale + d.scale), both sides over 10^(n.scale + v.scale + d.scale)
  const left = n.units * pow10(v.scale + d.scale);
  const right = v.units * d.units * pow10(n.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The ratio, or 0 when it is negative. */
export function atLeastZero(ratio: ExactRatio): ExactRatio {
  return ratio.numerator.startsWith('-') && compareRatio(ratio, 0) < 0 ? RATIO_ZERO : ratio;
}

/** min(ratio, 1). */
export function atMostOne(ratio: ExactRatio): ExactRatio {
  return compareRatio(ratio, 1) > 0 ? RATIO_ONE : ratio;
}

/** factor × n ÷ d, the division last, rounded half-up to `places` decimals exactly, written with that many places. */
export function multiplyRatio(factor: DecimalInput, ratio: ExactRatio, places: number): string {
  const factorText = plainDecimal(factor);
  const [sf, sn, sd] = [small(factorText), small(ratio.numerator), small(ratio.denominator)];
  if (sf !== null && sn !== null && sd !== null) {
    const x = sf.units * sn.units * 10 ** (sd.scale + places);
    const y = sd.units * 10 ** (sf.scale + sn.scale);
    if (2 * Math.abs(x) + 2 * y <= SAFE) return writeUnits(divideHalfUpSmall(x, y), places);
  }
  const f = scaled(factorText);
  const n = scaled(ratio.numerator);
  const d = scaled(ratio.denominator);
  // f·n/d · 10^places = (f.units · n.units · 10^(d.scale + places)) ÷ (d.units · 10^(f.scale + n.scale))
  const x = f.units * n.units * pow10(d.scale + places);
  const y = d.units * pow10(f.scale + n.scale);
  return writeUnits(divideHalfUp(x, y), places);
}

/** weight × min(r, 1) rounded half-up to the cent once, r clamped at 0 first: '10.03'. */
export function scoreOfRatio(weight: DecimalInput, ratio: ExactRatio): string {
  return multiplyRatio(weight, atMostOne(atLeastZero(ratio)), 2);
}

/** The ratio as a percentage rounded half-up to 0.01%, without the sign: 2 ÷ 3 → '66.67'. */
export function ratioPercent(ratio: ExactRatio): string {
  return multiplyRatio(100, ratio, 2);
}

/** The ratio as a percentage with its sign, the one way every page, table and export shows a rate: '66.67%'. */
export function formatRatio(ratio: ExactRatio): string {
  return `${ratioPercent(ratio)}%`;
}

/** The nearest binary float (for charts and sorting only; never for a score, a flag or a shown rate). */
export function ratioToNumber(ratio: ExactRatio): number {
  return Number(ratio.numerator) / Number(ratio.denominator);
}
