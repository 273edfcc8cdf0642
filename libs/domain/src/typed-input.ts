/**
 * What users type (录入) into a number or an amount field, read once for every form and endpoint:
 * full-width digits and signs (１４２８．５), thousands separators (1,428 · 1，428), spaces anywhere.
 * The parser of target texts has its own, richer reading; these are for fields that hold one value.
 */
import { isMoney, Money, parseMoney, wanToYuan } from './money';

/** Half-width (NFKC: full-width digits, `．`, `－`, `＋`), no whitespace, no thousands separators. */
function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s,，]/g, '');
}

/** A number as a user types it: `1,428` · `１４２８` · `95.5` · `-3` · `+2` → a finite number; null when it is not one. */
export function readTypedNumber(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const clean = compact(text).replace(/^\+/, '');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  const value = Number(clean);
  return Number.isFinite(value) ? value : null;
}

/**
 * An amount in 元 as a user types it: `1234`, `1,234.5`, `１２３４．５０`, `20万` or `20万元` (万元 →
 * 元), `1234元` → the API's form `'1234.50'`; null when it is not a non-negative amount with at most
 * two decimals of 元 (a 万元 amount may have up to six) that fits numeric(18,2).
 */
export function readTypedAmount(text: string | null | undefined): Money | null {
  if (typeof text !== 'string') return null;
  const clean = compact(text);
  const wan = /^(\d+(?:\.\d{1,6})?)万元?$/.exec(clean);
  if (wan !== null) {
    const yuan = wanToYuan(wan[1] ?? '');
    return isMoney(yuan) ? yuan : null;
  }
  const yuan = /^(\d+(?:\.\d{1,2})?)元?$/.exec(clean);
  if (yuan === null) return null;
  const integer = (yuan[1] ?? '').replace(/^0+(?=\d)/, '');
  return isMoney(integer) ? parseMoney(integer) : null;
}
