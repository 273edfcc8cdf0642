/**
 * Renders a parsed target (TargetSpec, DESIGN §3) as a short Chinese phrase for display next to
 * the target text as written: `≥ 1428 人次`, `6 至 9 月`, `不晚于9月30日`, `每月20日前`,
 * `比上年提高 ≥ 10%`, `定性：全覆盖`. Pure; no locale or time-zone dependence.
 */
import type { Op, RecurringEvery, RelativeChange, TargetSpec } from './target-spec';

/** The comparison signs as printed in the national target tables. */
const OP_SIGNS: Record<Op, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** Comparison against the previous year without an amount: 不低于上年, 高于上年 … */
const RELATIVE_WORDS: Record<Op, string> = {
  '>=': '不低于上年',
  '>': '高于上年',
  '<=': '不高于上年',
  '<': '低于上年',
  '=': '与上年持平',
};

/** A decrease reverses the bound: `delta -5, op <=` reads 比上年降低 ≥ 5. */
const MIRRORED: Record<Op, Op> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>', '=': '=' };

/** Units written right after the number, without a space. */
const ATTACHED_UNITS: ReadonlySet<string> = new Set(['%', '‰', '℃']);

/** The parsed target in Chinese. */
export function formatTargetSpec(spec: TargetSpec): string {
  switch (spec.kind) {
    case 'numeric':
      return `${OP_SIGNS[spec.op]} ${quantity(spec.value, spec.unit)}`;
    case 'range':
      return formatRange(spec.min, spec.max, spec.unit);
    case 'deadline':
      return formatDeadline(spec.by);
    case 'recurring':
      return formatRecurring(spec.every, spec.day, spec.times);
    case 'relative':
      return formatRelative(spec.op, spec.delta, spec.unit, spec.change);
    case 'qualitative':
      return spec.text.trim() === '' ? '定性指标' : `定性：${spec.text.trim()}`;
  }
}

/** `1428 人次`, `95%`, `0.5`. */
function quantity(value: number, unit: string | null): string {
  const number = formatNumber(value);
  if (unit === null || unit === '') return number;
  return ATTACHED_UNITS.has(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

/** Plain decimal notation, never exponent notation (1e21 → 1000000000000000000000). */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** `80%–90%` for attached units, `6 至 9 月` otherwise. */
function formatRange(min: number, max: number, unit: string | null): string {
  if (unit !== null && ATTACHED_UNITS.has(unit)) return `${quantity(min, unit)}–${quantity(max, unit)}`;
  return `${formatNumber(min)} 至 ${quantity(max, unit)}`;
}

/** `by` is `MM-DD`, the last day allowed: `09-30` → `不晚于9月30日`. */
function formatDeadline(by: string): string {
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(by);
  if (match === null) return `截止日期：${by}`;
  return `不晚于${Number(match[1])}月${Number(match[2])}日`;
}

const EVERY_WORDS: Record<RecurringEvery, string> = { month: '每月', quarter: '每季度', year: '每年' };

/** `每月20日前` (the day itself allowed), `每月末`, `每季度末`; a count: `每季度至少1次`, `每月20日前至少2次`. */
function formatRecurring(every: RecurringEvery, day: number | null, times: number | undefined): string {
  const period = EVERY_WORDS[every];
  if (times !== undefined) return `${period}${day === null ? '' : `${day}日前`}至少${times}次`;
  return day === null ? `${period}末` : `${period}${day}日前`;
}

/**
 * `不低于上年`; with an amount `比上年提高 ≥ 10%` (a relative change), `比上年提高 ≥ 2 个百分点`
 * (percentage points), `比上年降低 ≥ 5 天` (in the target's unit).
 */
function formatRelative(op: Op, delta: number | null, unit: string | null, change: RelativeChange | undefined): string {
  if (delta === null || delta === 0) return RELATIVE_WORDS[op];
  const amount = (value: number): string =>
    change === 'points' && (unit === '%' || unit === null) ? `${formatNumber(value)} 个百分点` : quantity(value, unit);
  if (delta > 0) return `比上年提高 ${OP_SIGNS[op]} ${amount(delta)}`;
  return `比上年降低 ${OP_SIGNS[MIRRORED[op]]} ${amount(-delta)}`;
}
