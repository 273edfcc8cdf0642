/**
 * Completion of numeric targets and ranges (DESIGN §3), in exact decimals.
 *
 * The values are compared as numbers: two binary floats order exactly as the shortest decimals they
 * stand for (what the user typed), so only the quotient needs exact arithmetic (exact.ts).
 *
 * - The actual is in the spec's unit (no unit conversion here).
 * - A zero or negative target or actual never divides: where `a / v` (or `v / a`) has no meaning,
 *   `r` is 1 when met and 0 when not, and the explanation says so.
 * - `>` with a = v: not met, r = a / v = 1 (the table's formula).
 */
import { exactRatio, RATIO_ONE, RATIO_ZERO, ratioPercent } from '../exact';
import type { Op } from '../target-spec';
import { completion, show } from './completion-result';
import type { CompletionResult } from './completion.types';

export const OP_TEXT: Readonly<Record<Op, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** Whether `a op v` holds, given the sign of a − v. */
export function holds(op: Op, comparison: number): boolean {
  switch (op) {
    case '>=':
      return comparison >= 0;
    case '>':
      return comparison > 0;
    case '<=':
      return comparison <= 0;
    case '<':
      return comparison < 0;
    case '=':
      return comparison === 0;
  }
}

/** Numeric comparison of actual a with target v (also used for `不低于上年`, against last year's value). */
export function compareWithTarget(op: Op, a: number, v: number, unit: string | null, targetName: string, prefix = ''): CompletionResult {
  const met = holds(op, a < v ? -1 : a > v ? 1 : 0);
  const condition = `实际 ${show(a, unit)} ${met ? '满足' : '未满足'} ${OP_TEXT[op]} ${show(v, unit)}`;
  const done = (ratio: typeof RATIO_ONE, how: string, percent?: string): CompletionResult =>
    completion(met, ratio, null, `${prefix}${how}；${condition}，${met ? '已达成' : '未达成'}`, percent);
  const degenerate = (): CompletionResult =>
    done(
      met ? RATIO_ONE : RATIO_ZERO,
      `${targetName}或实际为 0 或负数，完成率不能按比值计算，${met ? '达成按 100.00%' : '未达成按 0.00%'} 计`,
    );
  const quotient = (num: number, den: number, numName: string, denName: string): CompletionResult => {
    if (num < 0 || den <= 0) return degenerate();
    const ratio = exactRatio(num, den);
    const percent = ratioPercent(ratio);
    return done(ratio, `${numName} ${show(num, unit)} ÷ ${denName} ${show(den, unit)} = ${percent}%`, percent);
  };

  switch (op) {
    case '>=':
    case '>':
      if (v <= 0) return degenerate();
      return quotient(a, v, '实际', targetName);
    case '<=':
    case '<':
      if (met) return done(RATIO_ONE, `实际不超过${targetName}，完成率按 100.00% 计`);
      return quotient(v, a, targetName, '实际');
    case '=':
      if (met) return done(RATIO_ONE, `实际等于${targetName}，完成率 100.00%`);
      return a < v ? quotient(a, v, '实际', targetName) : quotient(v, a, targetName, '实际');
  }
}

/** A range [lo, hi]: met inside; a / lo below, hi / a above. */
export function evaluateRange(min: number, max: number, unit: string | null, a: number): CompletionResult {
  const span = `区间 ${show(min, unit)}–${show(max, unit)}`;
  if (a >= min && a <= max) return completion(true, RATIO_ONE, null, `实际 ${show(a, unit)} 在${span}内，完成率 100.00%；已达成`);
  const below = a < min;
  const [num, den, numName, denName] = below ? [a, min, '实际', '下限'] : [max, a, '上限', '实际'];
  const where = below ? '低于下限' : '高于上限';
  if (num < 0 || den <= 0) {
    return completion(
      false,
      RATIO_ZERO,
      null,
      `实际 ${show(a, unit)} ${where}（${span}）；下限、上限或实际为 0 或负数，完成率不能按比值计算，未达成按 0.00% 计`,
    );
  }
  const ratio = exactRatio(num, den);
  const percent = ratioPercent(ratio);
  return completion(
    false,
    ratio,
    null,
    `实际 ${show(a, unit)} ${where}（${span}）：${numName} ${show(num, unit)} ÷ ${denName} ${show(den, unit)} = ${percent}%；未达成`,
    percent,
  );
}
