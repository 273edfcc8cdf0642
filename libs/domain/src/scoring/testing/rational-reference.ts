/**
 * An independent scorer for the property test: DESIGN §3 written again from the text, on exact
 * rationals of BigInt (no big.js, nothing of libs/domain but its types), so that a mistake in the
 * product's decimal code cannot be repeated here.
 */
import type { IndicatorActualValue, Tier, UnmetGrade } from '../../completion';
import type { Op, TargetSpec } from '../../target-spec';
import type { Grade, ScoreSheetInput } from '../scoring.types';

/** n ÷ d with d > 0. */
export interface Rational {
  n: bigint;
  d: bigint;
}

const ZERO: Rational = { n: 0n, d: 1n };
const ONE: Rational = { n: 1n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/** n ÷ d with the sign on n; reduced only when the terms grow long (reducing every time costs more than it saves). */
function make(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new Error('division by zero');
  const sign = d < 0n ? -1n : 1n;
  if (d > 10n ** 30n || d < -(10n ** 30n)) {
    const g = gcd(n, d);
    return { n: (sign * n) / g, d: (sign * d) / g };
  }
  return { n: sign * n, d: sign * d };
}

/** The exact value of a decimal as written (a JS number by its shortest form, e.g. 60.15). */
export function rational(value: number | string): Rational {
  const text = typeof value === 'number' ? numberText(value) : value;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) throw new Error(`not a plain decimal: ${text}`);
  const fraction = match[3] ?? '';
  const n = BigInt(match[2] + fraction) * (match[1] === '-' ? -1n : 1n);
  return make(n, 10n ** BigInt(fraction.length));
}

function numberText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

const add = (a: Rational, b: Rational): Rational => make(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Rational, b: Rational): Rational => make(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational): Rational => make(a.n * b.n, a.d * b.d);
const div = (a: Rational, b: Rational): Rational => make(a.n * b.d, a.d * b.n);
const cmp = (a: Rational, b: Rational): number => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};
const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
const max = (a: Rational, b: Rational): Rational => (cmp(a, b) >= 0 ? a : b);

/** Rounded half-up (ties away from zero) to `places` decimals, written with exactly that many. */
export function roundHalfUp(value: Rational, places: number): string {
  const scale = 10n ** BigInt(places);
  const negative = value.n < 0n;
  const magnitude = negative ? -value.n : value.n;
  const scaled = magnitude * scale * 2n + value.d; // floor((2·x·scale + d) / 2d) = round half up of x·scale
  const units = scaled / (2n * value.d);
  const text = units.toString().padStart(places + 1, '0');
  const shown = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
  return negative && units !== 0n ? `-${shown}` : shown;
}

function holds(op: Op, c: number): boolean {
  return op === '>=' ? c >= 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : op === '<' ? c < 0 : c === 0;
}

/** r of a quantity a against a target v with op (DESIGN §3 table), degenerate cases 1 when met and 0 when not. */
function numericRate(op: Op, a: Rational, v: Rational): { met: boolean; r: Rational } {
  const met = holds(op, cmp(a, v));
  const quotient = (x: Rational, y: Rational): Rational => (x.n < 0n || y.n <= 0n ? (met ? ONE : ZERO) : div(x, y));
  if (op === '>=' || op === '>') return { met, r: v.n <= 0n ? (met ? ONE : ZERO) : quotient(a, v) };
  if (op === '<=' || op === '<') return { met, r: met ? ONE : quotient(v, a) };
  if (met) return { met, r: ONE };
  return { met, r: cmp(a, v) < 0 ? quotient(a, v) : quotient(v, a) };
}

/** The value of a tier: the evaluator's, else the scheme's. */
function tierRate(tier: Tier, value: number | undefined, tiers: Record<Tier, number>): { met: boolean; r: Rational } {
  return { met: tier === 'achieved', r: rational(value ?? tiers[tier]) };
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** DESIGN §3's completion of one indicator; throws where the product refuses an actual. */
export function referenceCompletion(spec: TargetSpec, actual: IndicatorActualValue, fiscalYear: number, tiers: Record<Tier, number>): { met: boolean; r: Rational } {
  if (actual.kind === 'tier') return tierRate(actual.tier, actual.value, tiers);
  switch (spec.kind) {
    case 'numeric':
      if (actual.kind !== 'number') throw new Error('kind');
      return numericRate(spec.op, rational(actual.value), rational(spec.value));
    case 'range': {
      if (actual.kind !== 'number') throw new Error('kind');
      const a = rational(actual.value);
      const lo = rational(spec.min);
      const hi = rational(spec.max);
      if (cmp(a, lo) >= 0 && cmp(a, hi) <= 0) return { met: true, r: ONE };
      const [x, y] = cmp(a, lo) < 0 ? [a, lo] : [hi, a];
      return { met: false, r: x.n < 0n || y.n <= 0n ? ZERO : div(x, y) };
    }
    case 'deadline': {
      if (actual.kind !== 'date') throw new Error('kind');
      const [month, day] = spec.by.split('-').map(Number) as [number, number];
      const deadline = `${fiscalYear}-${spec.by.slice(0, 2)}-${String(Math.min(day, daysIn(month, fiscalYear))).padStart(2, '0')}`;
      const tier: Tier = actual.doneOn === null ? 'not_achieved' : actual.doneOn <= deadline ? 'achieved' : 'partial';
      return tierRate(tier, actual.value, tiers);
    }
    case 'recurring':
      if (actual.kind !== 'occurrences') throw new Error('kind');
      return { met: actual.onTime === actual.total, r: make(BigInt(actual.onTime), BigInt(actual.total)) };
    case 'relative': {
      if (actual.kind !== 'number' || actual.previousYear === undefined || actual.previousYear === null) throw new Error('kind');
      const a = rational(actual.value);
      const p = rational(actual.previousYear);
      if (spec.delta === null) return numericRate(spec.op, a, p);
      const d = rational(spec.delta);
      const change = spec.change ?? (spec.unit === '%' ? 'percent' : spec.unit === '百分点' || spec.unit === '个百分点' ? 'points' : 'unit');
      if (change === 'percent' && p.n <= 0n) throw new Error('no base');
      const achieved = change === 'percent' ? div(mul(sub(a, p), rational(100)), p) : sub(a, p);
      const met = holds(spec.op, cmp(achieved, d));
      if (d.n === 0n) return { met, r: met ? ONE : ZERO };
      const q = div(achieved, d); // achieved change ÷ asked change
      const atLeast = (d.n > 0n && (spec.op === '>=' || spec.op === '>')) || (d.n < 0n && (spec.op === '<=' || spec.op === '<'));
      if (atLeast) return { met, r: max(q, ZERO) };
      if (met) return { met, r: ONE };
      if (spec.op === '=') return { met, r: q.n <= 0n ? ZERO : cmp(q, ONE) < 0 ? q : div(ONE, q) };
      return { met, r: div(ONE, q) };
    }
    case 'qualitative':
      throw new Error('kind');
  }
}

export interface ReferenceIndicator {
  score: string;
  computed: string;
  ratePercent: string | null;
  unmet: UnmetGrade | 'missing' | null;
}

export interface ReferenceSheet {
  budgetScore: string;
  indicators: ReferenceIndicator[];
  groups: string[]; // in the scheme's order
  total: string;
  grade: Grade;
}

/** The group of a first-level name: the first group of the scheme one of whose words it contains. */
function groupOf(scheme: ScoreSheetInput['scheme'], level1: string | null): string {
  const name = (level1 ?? '').replace(/\s+/g, '');
  const group = scheme.groups.find((g) => g.aliases.some((alias) => name.includes(alias)));
  if (group === undefined) throw new Error(`unscorable first level ${name}`);
  return group.key;
}

/** Weights of a group: explicit, or its points split in cents with the leftover cents to the first ones. */
function groupWeights(points: Rational, explicit: (string | null)[]): Rational[] {
  if (explicit.every((w) => w !== null)) return explicit.map((w) => rational(w as string));
  const cents = points.n * 100n / points.d;
  const count = BigInt(explicit.length);
  return explicit.map((_, index) => make(cents / count + (BigInt(index) < cents % count ? 1n : 0n), 100n));
}

/** The whole sheet per DESIGN §3. Only sheets the product can score are given to it. */
export function referenceScore(input: ScoreSheetInput): ReferenceSheet {
  const budget = rational(input.budget);
  const spent = rational(input.spent);
  const budgetScore = budget.n === 0n ? '0.00' : roundHalfUp(mul(rational(input.scheme.budgetExecution), min(div(spent, budget), ONE)), 2);
  const groups = input.indicators.map((i) => groupOf(input.scheme, i.level1));
  const weights = new Map<number, Rational>();
  for (const group of input.scheme.groups) {
    const members = input.indicators.map((indicator, index) => ({ indicator, index })).filter((m) => groups[m.index] === group.key);
    if (members.length === 0) continue;
    const split = groupWeights(rational(group.points), members.map((m) => m.indicator.weight));
    members.forEach((m, k) => weights.set(m.index, split[k] as Rational));
  }
  const indicators = input.indicators.map((indicator, index): ReferenceIndicator => {
    const weight = weights.get(index) as Rational;
    let computed = '0.00';
    let ratePercent: string | null = null;
    let unmet: ReferenceIndicator['unmet'] = 'missing';
    if (indicator.actual !== null) {
      const { met, r } = referenceCompletion(indicator.spec, indicator.actual, input.fiscalYear, input.scheme.tierValues);
      computed = roundHalfUp(mul(weight, min(max(r, ZERO), ONE)), 2);
      ratePercent = roundHalfUp(mul(r, rational(100)), 2);
      unmet = met ? null : cmp(r, rational('0.9')) >= 0 ? 'minor' : cmp(r, rational('0.6')) >= 0 ? 'moderate' : 'severe';
    }
    const score = indicator.override ? roundHalfUp(rational(indicator.override.score), 2) : computed;
    return { score, computed, ratePercent, unmet };
  });
  const groupScores = input.scheme.groups.map((group) =>
    roundHalfUp(indicators.filter((_, i) => groups[i] === group.key).reduce((s, i) => add(s, rational(i.score)), ZERO), 2),
  );
  const total = [budgetScore, ...groupScores].reduce((s, x) => add(s, rational(x)), ZERO);
  const grade: Grade = cmp(total, rational(90)) >= 0 ? 'excellent' : cmp(total, rational(80)) >= 0 ? 'good' : cmp(total, rational(60)) >= 0 ? 'fair' : 'poor';
  return { budgetScore, indicators, groups: groupScores, total: roundHalfUp(total, 2), grade };
}
