/**
 * Completion of a target relative to the previous year (与上年比较, DESIGN §3).
 *
 * No change given (`不低于上年`): the actual a is compared with last year's value p as a numeric
 * target. A change d (`比上年提高 ≥10 百分比`, `下降2个百分点`, `增加3家`): the achieved change is
 * measured the way the target states it — percentage points a − p, a relative change (a − p) ÷ p in
 * %, or a − p in the target's unit — and compared with d (d < 0 for a decrease; the op compares the
 * signed change with d, so `下降 ≥ 5` is op `<=` with d = −5). r = achieved change ÷ d, never below 0:
 * no change scores 0, a change the wrong way scores 0. A cap on the change (`增长不超过5%`) counts
 * like a `≤` target: 1 when met, else d ÷ change. Everything is exact.
 */
import Big from 'big.js';
import { compareRatio, exactRatio, ExactRatio, formatRatio, RATIO_ONE, RATIO_ZERO } from '../exact';
import type { Op, RelativeChange, TargetSpec } from '../target-spec';
import { normalizeUnit } from '../units';
import { completion, show } from './completion-result';
import type { CompletionResult } from './completion.types';
import { compareWithTarget, holds, OP_TEXT } from './numeric-completion';

type RelativeSpec = Extract<TargetSpec, { kind: 'relative' }>;

/** 百分点 / 增减幅度 / 按单位. */
export const RELATIVE_CHANGE_LABELS: Readonly<Record<RelativeChange, string>> = {
  points: '百分点',
  percent: '增减幅度',
  unit: '按单位',
};

/**
 * How the change of a relative target is measured: as the spec says, else by its unit (`百分点` →
 * points, `%` → a relative change, anything else → the unit); null when no change is given.
 */
export function relativeChangeOf(spec: RelativeSpec): RelativeChange | null {
  if (spec.delta === null) return null;
  if (spec.change !== undefined) return spec.change;
  const unit = normalizeUnit(spec.unit);
  if (unit === '百分点' || unit === '个百分点') return 'points';
  return unit === '%' ? 'percent' : 'unit';
}

/** A signed quotient with a positive denominator; null when the denominator is 0. */
function signed(numerator: Big, denominator: Big): ExactRatio | null {
  if (denominator.eq(0)) return null;
  return denominator.lt(0) ? exactRatio(numerator.neg(), denominator.neg()) : exactRatio(numerator, denominator);
}

/** The achieved change as an exact quotient, and how it reads. Throws when a relative change has no base. */
function achievedChange(change: RelativeChange, a: Big, p: Big, unit: string | null): { change: ExactRatio; text: string } {
  const difference = a.minus(p);
  if (change === 'percent') {
    if (p.lte(0)) throw new Error(`上年实际值为 ${show(p)}，无法计算相对上年的增减幅度（Previous-year value must be positive for a relative change）`);
    const ratio = exactRatio(difference.times(100), p);
    return { change: ratio, text: `增减幅度 = (${show(a)} − ${show(p)}) ÷ ${show(p)} = ${formatRatio(exactRatio(difference, p))}` };
  }
  const shownUnit = change === 'points' ? ' 个百分点' : (unit ?? '');
  return { change: exactRatio(difference, 1), text: `变化 = ${show(a)} − ${show(p)} = ${show(difference)}${shownUnit}` };
}

/** Whether the target asks for at least |d| of change in d's direction (提高 ≥ d, 下降 ≥ |d|). */
function asksAtLeast(op: Op, d: Big): boolean {
  return (d.gt(0) && (op === '>=' || op === '>')) || (d.lt(0) && (op === '<=' || op === '<'));
}

export function evaluateRelative(spec: RelativeSpec, value: number, previousYear: number): CompletionResult {
  const a = new Big(value);
  const p = new Big(previousYear);
  const change = relativeChangeOf(spec);
  if (spec.delta === null || change === null) {
    return compareWithTarget(spec.op, value, previousYear, spec.unit, '目标', `目标 = 上年 ${show(previousYear, spec.unit)}；`);
  }
  const d = new Big(spec.delta);
  const achieved = achievedChange(change, a, p, spec.unit);
  const changeNum = new Big(achieved.change.numerator);
  const changeDen = new Big(achieved.change.denominator);
  const dText = change === 'points' ? `${show(d)} 个百分点` : change === 'percent' ? `${show(d)}%` : show(d, spec.unit);
  const met = holds(spec.op, changeNum.cmp(d.times(changeDen)));
  const head = `上年 ${show(p)}，实际 ${show(a)}：${achieved.text}；目标变化 ${OP_TEXT[spec.op]} ${dText}`;
  const done = (ratio: ExactRatio, how: string): CompletionResult =>
    completion(met, ratio, null, `${head}；${how}；${met ? '已达成' : '未达成'}`);

  if (d.eq(0)) return done(met ? RATIO_ONE : RATIO_ZERO, `目标变化为 0，完成率不能按比值计算，${met ? '达成按 100.00%' : '未达成按 0.00%'} 计`);
  // q = achieved change ÷ d = changeNum ÷ (changeDen × d), signed: ≤ 0 when nothing changed or it went the wrong way
  const q = signed(changeNum, changeDen.times(d)) ?? RATIO_ZERO;
  const inverse = (): ExactRatio => signed(d.times(changeDen), changeNum) ?? RATIO_ZERO; // d ÷ change
  if (asksAtLeast(spec.op, d)) {
    if (compareRatio(q, 0) <= 0) return done(RATIO_ZERO, '没有变化或向相反方向变化，完成率按 0.00% 计');
    return done(q, `完成率 = 实际变化 ÷ 目标变化 = ${formatRatio(q)}`);
  }
  if (met) return done(RATIO_ONE, spec.op === '=' ? '实际变化等于目标，完成率 100.00%' : '实际变化未超过目标，完成率按 100.00% 计');
  if (spec.op === '=' && compareRatio(q, 0) <= 0) return done(RATIO_ZERO, '没有变化或向相反方向变化，完成率按 0.00% 计');
  if (spec.op === '=' && compareRatio(q, 1) < 0) return done(q, `完成率 = 实际变化 ÷ 目标变化 = ${formatRatio(q)}`);
  const r = inverse();
  return done(r, `实际变化超过目标：完成率 = 目标变化 ÷ 实际变化 = ${formatRatio(r)}`);
}
