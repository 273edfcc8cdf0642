// Shared by the parts of the sheet diff: the counts of a summary and how values are compared and quoted.
import Big from 'big.js';
import { isMoney, parseMoney, yuanToWan } from '../money';
import { compact } from '../review/review-text';

/** How many of a kind of item a diff added, changed and removed (for the summary). */
export interface Counts {
  added: number;
  changed: number;
  removed: number;
}

/** 「主体」字段由 A 改为 B / 补充字段：B / 删除字段（原为 A）. */
export function fieldMessage(subject: string, label: string, was: string | null, now: string | null): string {
  if (was === null) return `${subject}补充${label}：${now ?? ''}`;
  if (now === null) return `${subject}删除${label}（原为 ${was}）`;
  return `${subject}${label}由 ${was} 改为 ${now}`;
}

/** Trimmed text, or null when blank. */
export function text(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Equal as decimals where both are decimals (`100.0` = `100.00`), else equal as compacted text. */
export function sameDecimal(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = compact(a);
  const y = compact(b);
  if (DECIMAL.test(x) && DECIMAL.test(y)) return new Big(x).eq(new Big(y));
  return x === y;
}

/** A money amount as stored: 元 with two places (`"1000000.00"`); other text as written. */
export function moneyText(value: string): string {
  const trimmed = value.trim();
  return isMoney(trimmed) ? parseMoney(trimmed) : trimmed;
}

/** A money amount for a sentence, in 万元 as the tables of this field show it: `100万元`, `1996.62万元`. */
export function wanText(value: string): string {
  const trimmed = value.trim();
  if (!isMoney(trimmed)) return trimmed;
  const wan = yuanToWan(parseMoney(trimmed), 6).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return `${wan}万元`;
}
