/**
 * Comparison words and signs (比较符) as they are written before or after a number. The text is
 * normalised first (see normalize.ts), so every look-alike sign is already `≥ ≤ > < =`.
 */
import type { Op } from '../target-spec';
import { escapeRegExp } from './reading';

/** Operator words and signs written before the number, longest first so 不低于 wins over 低于. */
export const OP_WORDS: readonly (readonly [string, Op])[] = [
  ['大于或者等于', '>='],
  ['小于或者等于', '<='],
  ['最多不超过', '<='],
  ['大于或等于', '>='],
  ['小于或等于', '<='],
  ['高于或等于', '>='],
  ['低于或等于', '<='],
  ['多于或等于', '>='],
  ['少于或等于', '<='],
  ['至少达到', '>='],
  ['大于等于', '>='],
  ['小于等于', '<='],
  ['高于等于', '>='],
  ['低于等于', '<='],
  ['不得低于', '>='],
  ['不得少于', '>='],
  ['不得小于', '>='],
  ['不得超过', '<='],
  ['不得高于', '<='],
  ['不得大于', '<='],
  ['不得多于', '<='],
  ['不应低于', '>='],
  ['不应少于', '>='],
  ['不应超过', '<='],
  ['不应高于', '<='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不超过', '<='],
  ['不超出', '<='],
  ['未超过', '<='],
  ['不高于', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['控制在', '<='],
  ['控制到', '<='],
  ['至少', '>='],
  ['最少', '>='],
  ['最低', '>='],
  ['达到', '>='],
  ['最多', '<='],
  ['至多', '<='],
  ['最高', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['不足', '<'],
  ['不到', '<'],
  ['等于', '='],
  ['达', '>='],
  ['超', '>'],
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

export type SuffixOp = Op | 'approx';

/** Operator words written after the number (95%以上, 24小时内); `左右`, `上下` mark an approximate value. */
export const SUFFIX_OPS: readonly (readonly [string, SuffixOp])[] = [
  ['及以上', '>='],
  ['或以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['或以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['内', '<='],
  ['左右', 'approx'],
  ['上下', 'approx'],
];

/** Words before a number that make it approximate (约95%, ≈95%). */
export const APPROX_PREFIXES: readonly string[] = ['大约', '大概', '约为', '接近', '约', '近', '≈'];

/** A regular-expression alternation of every operator word (longest first). */
export const OP_PATTERN = OP_WORDS.map(([word]) => escapeRegExp(word)).join('|');
export const SUFFIX_OP_PATTERN = SUFFIX_OPS.map(([word]) => word).join('|');

export function opOf(word: string): Op {
  return OP_WORDS.find(([w]) => w === word)?.[1] ?? '=';
}

export function suffixOpOf(word: string): SuffixOp | undefined {
  return SUFFIX_OPS.find(([w]) => w === word)?.[1];
}

/** A decrease turns the bound around: 下降≥5% means at most last year − 5. */
export function mirror(op: Op): Op {
  const mirrored: Record<Op, Op> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>', '=': '=' };
  return mirrored[op];
}

export function direction(op: Op): 'up' | 'down' | 'equal' {
  if (op === '>=' || op === '>') return 'up';
  if (op === '<=' || op === '<') return 'down';
  return 'equal';
}
