/**
 * Weights (权重, DESIGN §3): the scheme's group points, checked; inside a group split evenly (in cents,
 * the leftover cents to the first indicators in sheet order, so the weights add up exactly to the
 * group's points and full marks are exactly 100.00) unless every indicator carries an explicit
 * weight, which must then add up.
 */
import Big from 'big.js';
import { checkScoringScheme, type SchemeGroup, type ScoringScheme } from './scoring-scheme';
import type { Report, ScoringIndicatorInput } from './scoring.types';

const WEIGHT_PATTERN = /^\d{1,6}(\.\d{1,2})?$/;
const MEMO_LIMIT = 10_000;
const evenSplits = new Map<string, string[]>();

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

function computeEvenSplit(weight: string | number, count: number): string[] {
  const cents = new Big(weight).times(100);
  if (!cents.eq(cents.round(0))) throw new Error(`Weight ${weight} has more than two decimals`);
  const base = cents.div(count).round(0, Big.roundDown);
  const leftover = cents.minus(base.times(count)).toNumber();
  return Array.from({ length: count }, (_, index) => (index < leftover ? base.plus(1) : base).div(100).toString());
}

export function sum(values: readonly string[]): Big {
  return values.reduce((acc, value) => acc.plus(value), new Big(0));
}

/** The scheme's problems, reported as errors (a scheme must be usable as a whole); true when there are none. */
export function checkScheme(scheme: ScoringScheme, error: Report): boolean {
  const problems = checkScoringScheme(scheme);
  for (const problem of problems) error('SCHEME_INVALID', `评分方案「${scheme.name ?? ''}」无法使用：${problem}`);
  return problems.length === 0;
}

export interface AssignedWeight {
  weight: string | null;
  explanation: string;
}

/** The weight of every member of one group, by indicator id (errors reported, weights null then). */
export function assignWeights(
  group: SchemeGroup,
  members: readonly ScoringIndicatorInput[],
  weights: Map<string, AssignedWeight>,
  error: Report,
  warn: Report,
): void {
  const label = group.label;
  const groupWeight = new Big(group.points);
  const groupWeightText = groupWeight.toString();
  const setAll = (weight: (index: number) => string | null, explanation: (index: number) => string): void =>
    members.forEach((member, index) => weights.set(member.id, { weight: weight(index), explanation: explanation(index) }));

  if (members.length === 0) {
    if (groupWeight.gt(0)) warn('GROUP_EMPTY', `${label}没有指标，其 ${groupWeightText} 分无法得分`);
    return;
  }
  const explicit = members.filter((member) => member.weight !== null);
  if (explicit.length === 0) {
    const split = splitWeightEvenly(groupWeightText, members.length);
    const uneven = split.some((weight) => weight !== split[0]);
    setAll(
      (index) => split[index] ?? null,
      (index) => `${label} ${groupWeightText} 分平均分配给 ${members.length} 项 = ${split[index]}` + (uneven ? '（按分分配，余数计入靠前的指标）' : ''),
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
    for (const member of bad) error('WEIGHT_INVALID', `指标「${member.name}」的权重「${member.weight ?? ''}」不是不超过两位小数的非负数`, member.id);
    setAll(() => null, () => `${label}有无效权重`);
    return;
  }
  const total = sum(members.map((member) => member.weight ?? '0'));
  if (!total.eq(groupWeight)) {
    error(
      'WEIGHTS_SUM_MISMATCH',
      `${label}各项指标权重之和 ${members.map((m) => new Big(m.weight ?? '0').toString()).join(' + ')} = ${total.toString()}，不等于 ${groupWeightText}`,
    );
    setAll(() => null, () => `${label}权重之和不等于 ${groupWeightText}`);
    return;
  }
  setAll(
    (index) => new Big(members[index]?.weight ?? '0').toString(),
    () => `${label}权重由指标设定，合计 ${groupWeightText}`,
  );
}
