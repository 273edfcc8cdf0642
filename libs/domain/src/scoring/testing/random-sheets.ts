/**
 * Random target sheets for the scoring property test: every target kind, every kind of actual,
 * missing actuals, overrides, explicit and evenly split weights, other schemes, over-spending — and
 * half-cent ties built on purpose (a score of exactly x.xx5 before rounding). Seeded: a failure can
 * be replayed from its seed.
 */
import type { IndicatorActualValue, Tier } from '../../completion';
import type { Op, RecurringEvery, RelativeChange, TargetSpec } from '../../target-spec';
import type { ScoringScheme } from '../scoring-scheme';
import { DEPARTMENT_WIDE_SCHEME, NATIONAL_PROJECT_SCHEME } from '../scoring-scheme';
import type { ScoreSheetInput, ScoringIndicatorInput } from '../scoring.types';

/** mulberry32: a small, fast, seeded generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const int = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
/** A decimal with up to `places` places in [lo, hi], as a number whose shortest form is exactly that decimal. */
const decimalIn = (random: Random, lo: number, hi: number, places: number): number => {
  for (let digits = int(random, 0, places); ; digits += 1) {
    const scale = 10 ** digits;
    const from = Math.ceil(lo * scale - 1e-9);
    const to = Math.floor(hi * scale + 1e-9);
    if (from <= to || digits >= places) return Number((int(random, from, Math.max(from, to)) / scale).toFixed(digits));
  }
};

const OPS: readonly Op[] = ['>=', '>', '<=', '<', '='];
const TIERS_NATIONAL = { achieved: 1, partial: 0.7, not_achieved: 0.3 };
const scheme = (name: string, budgetExecution: number, points: [string, string, string[], number][], tierValues = TIERS_NATIONAL): ScoringScheme => ({
  name,
  budgetExecution,
  groups: points.map(([key, label, aliases, p]) => ({ key, label, aliases, points: p })),
  tierValues,
});
const SCHEMES: readonly ScoringScheme[] = [
  NATIONAL_PROJECT_SCHEME,
  NATIONAL_PROJECT_SCHEME,
  DEPARTMENT_WIDE_SCHEME,
  scheme('产出 40 / 效益 30 / 满意度 20', 10, [['output', '产出指标', ['产出', '成本'], 40], ['benefit', '效益指标', ['效益'], 30], ['satisfaction', '满意度指标', ['满意'], 20]]),
  scheme('其他分值', 15, [['output', '产出指标', ['产出', '成本'], 45], ['benefit', '效益指标', ['效益'], 25.5], ['satisfaction', '满意度指标', ['满意'], 14.5]], { achieved: 0.95, partial: 0.65, not_achieved: 0.2 }),
  scheme('三分之一', 20, [['output', '产出指标', ['产出'], 33.33], ['benefit', '效益指标', ['效益'], 33.33], ['satisfaction', '满意度指标', ['满意'], 13.34]]),
];
/** First-level names as sheets write them, for a group's words. */
const LEVEL1_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  产出: ['产出指标', '产出'],
  成本: ['成本指标'],
  效益: ['效益指标', '效益'],
  满意: ['满意度指标', '满意度'],
  投入: ['投入管理指标', '投入指标'],
};

/** Cents split evenly, the leftover cents to the first (what the national scheme's split gives). */
function evenSplit(points: number, count: number): number[] {
  const cents = Math.round(points * 100);
  const base = Math.floor(cents / count);
  return Array.from({ length: count }, (_, i) => (base + (i < cents % count ? 1 : 0)) / 100);
}

/** Explicit weights adding up to the points: a random partition in cents, each at least 1.00. */
function explicitSplit(random: Random, points: number, count: number): number[] {
  const cents = Math.round(points * 100);
  const spare = cents - count * 100;
  const cuts = Array.from({ length: count - 1 }, () => int(random, 0, spare)).sort((a, b) => a - b);
  const bounds = [0, ...cuts, spare];
  return Array.from({ length: count }, (_, i) => ((bounds[i + 1] as number) - (bounds[i] as number) + 100) / 100);
}

function tierActual(random: Random): IndicatorActualValue {
  const tier = pick<Tier>(random, ['achieved', 'partial', 'not_achieved']);
  if (random() < 0.5) return { kind: 'tier', tier };
  const value = tier === 'achieved' ? decimalIn(random, 0.8, 1, 2) : tier === 'partial' ? decimalIn(random, 0.6, 0.79, 2) : decimalIn(random, 0, 0.59, 2);
  return { kind: 'tier', tier, value };
}

/** A numeric target and an actual whose score weight × a ÷ v is exactly x.xx5 (a half-cent tie). */
function tie(random: Random, weight: number): { spec: TargetSpec; actual: IndicatorActualValue } | null {
  const t = pick(random, [1, 2, 4, 5, 8, 10]);
  const halfCents = int(random, 0, Math.max(0, Math.floor(weight * 100) - 1)); // score = (halfCents + 0.5) / 100 < weight
  const score = (halfCents * 10 + 5) / 1000;
  const v = Number((weight * t).toFixed(4));
  const a = Number((score * t).toFixed(4));
  if (!(a < v) || v <= 0) return null;
  return { spec: { kind: 'numeric', op: pick(random, ['>=', '>'] as const), value: v, unit: '%' }, actual: { kind: 'number', value: a } };
}

function specAndActual(random: Random, weight: number): { spec: TargetSpec; actual: IndicatorActualValue } {
  const kind = pick(random, ['numeric', 'numeric', 'tie', 'range', 'deadline', 'recurring', 'relative', 'relative', 'qualitative'] as const);
  switch (kind) {
    case 'tie':
      return tie(random, weight) ?? specAndActual(random, weight);
    case 'numeric': {
      const value = random() < 0.05 ? 0 : decimalIn(random, 0, 5000, 3);
      const actual = random() < 0.2 ? value : decimalIn(random, 0, Math.max(1, value * 1.5), 2);
      return { spec: { kind: 'numeric', op: pick(random, OPS), value, unit: pick(random, ['%', '人次', '万元', null]) }, actual: { kind: 'number', value: actual } };
    }
    case 'range': {
      const min = decimalIn(random, 0, 100, 2);
      const max = Number((min + decimalIn(random, 0, 50, 2)).toFixed(2));
      return { spec: { kind: 'range', min, max, unit: '%' }, actual: { kind: 'number', value: decimalIn(random, 0, 160, 2) } };
    }
    case 'deadline': {
      const month = int(random, 1, 12);
      const by = `${String(month).padStart(2, '0')}-${String(int(random, 1, month === 2 ? 29 : 30)).padStart(2, '0')}`;
      if (random() < 0.2) return { spec: { kind: 'deadline', by }, actual: tierActual(random) };
      const doneOn = random() < 0.15 ? null : `2024-${String(int(random, 1, 12)).padStart(2, '0')}-${String(int(random, 1, 28)).padStart(2, '0')}`;
      return { spec: { kind: 'deadline', by }, actual: { kind: 'date', doneOn } };
    }
    case 'recurring': {
      const every = pick<RecurringEvery>(random, ['month', 'quarter', 'year']);
      const times = every === 'year' || random() < 0.5 ? int(random, 1, 4) : undefined;
      const total = (every === 'month' ? 12 : every === 'quarter' ? 4 : 1) * (times ?? 1);
      const spec: TargetSpec = times === undefined ? { kind: 'recurring', every, day: null } : { kind: 'recurring', every, day: null, times };
      return { spec, actual: { kind: 'occurrences', onTime: int(random, 0, total), total } };
    }
    case 'relative': {
      const previous = decimalIn(random, 1, 1000, 2);
      const value = decimalIn(random, 0, previous * 1.5, 2);
      if (random() < 0.25) return { spec: { kind: 'relative', op: pick(random, OPS), delta: null, unit: null }, actual: { kind: 'number', value, previousYear: previous } };
      const change = pick<RelativeChange>(random, ['points', 'percent', 'unit']);
      const up = random() < 0.6;
      const magnitude = random() < 0.05 ? 0 : decimalIn(random, 0.5, 30, 2);
      const op = up ? pick(random, ['>=', '>', '<=', '='] as const) : pick(random, ['<=', '<', '>=', '='] as const);
      const unit = change === 'unit' ? '家' : '%';
      return { spec: { kind: 'relative', op, delta: up ? magnitude : -magnitude, unit, change }, actual: { kind: 'number', value, previousYear: previous } };
    }
    case 'qualitative':
      return { spec: { kind: 'qualitative', text: pick(random, ['全覆盖', '有效保障', '持续提升']) }, actual: tierActual(random) };
  }
}

/** One random sheet the national rules can score (no error by construction). */
export function randomSheet(random: Random, seedLabel: string): ScoreSheetInput {
  const chosen = pick(random, SCHEMES);
  const indicators: ScoringIndicatorInput[] = [];
  for (const group of chosen.groups) {
    const count = random() < 0.05 ? 0 : int(random, 1, Math.max(2, Math.round(group.points / 8)));
    if (count === 0) continue;
    const explicit = random() < 0.3 && group.points >= count;
    const weights = explicit ? explicitSplit(random, group.points, count) : evenSplit(group.points, count);
    weights.forEach((weight, index) => {
      const missing = random() < 0.08;
      const { spec, actual } = specAndActual(random, weight);
      const override = random() < 0.08 ? { score: decimalIn(random, 0, Math.min(1, weight), 2), reason: '评价人调整' } : null;
      indicators.push({
        id: `${seedLabel}-${group.key}-${index}`,
        level1: pick(random, LEVEL1_SPELLINGS[pick(random, group.aliases)] ?? [group.label]),
        level2: null,
        name: `${group.key} ${index}`,
        spec,
        weight: explicit ? String(weight) : null,
        actual: missing ? null : actual,
        override,
      });
    });
  }
  const budgetCents = random() < 0.02 ? 0 : int(random, 1, 5_000_000_000);
  const spentCents = random() < 0.1 ? budgetCents : int(random, 0, Math.round(budgetCents * 1.2));
  return { scheme: chosen, budget: (budgetCents / 100).toFixed(2), spent: (spentCents / 100).toFixed(2), indicators, fiscalYear: 2024 };
}
