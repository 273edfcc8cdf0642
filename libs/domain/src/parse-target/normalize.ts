/**
 * Normalisation (规范化) of a target text before any reader sees it: half-width, no whitespace, one
 * spelling of every comparison sign, one range dash, no thousands separators, `百分之N` → `N%`,
 * Chinese month numerals as digits. Readers match only the normalised text.
 */
import { CHINESE_NUMERAL, chineseNumber } from './chinese-numerals';

/** Look-alikes of ≥ (full-width and small forms are already ASCII after NFKC). */
const AT_LEAST = /≥=|=≥|≥≥+|>=|=>|≧|⩾|≳|≮/g;
/** Look-alikes of ≤. */
const AT_MOST = /≤=|=≤|≤≤+|<=|=<|≦|⩽|≲|≯/g;
/** Dashes, tildes and waves written between two numbers or dates. */
const DASHES = /[‐‑‒–—―−─━〜~]+|-{2,}/g;

const PERCENT_NUMERAL = new RegExp(`百分之(${CHINESE_NUMERAL})`, 'g');
const MONTH_NUMERAL = new RegExp(
  `(?<![每第])([一二三四五六七八九十]{1,3})月(?=份|底|末|前|之前|以前|上旬|中旬|下旬|初|\\d|[一二三四五六七八九十]{1,3}[日号])`,
  'g',
);

/** Half-width, no whitespace, every spelling of an operator as one sign, no thousands separators. */
export function normalizeTargetText(raw: string): string {
  let text = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[═⩵]/g, '=')
    .replace(AT_LEAST, '≥')
    .replace(AT_MOST, '≤')
    .replace(/≱/g, '<')
    .replace(/≰/g, '>')
    .replace(/[≒≃≅]/g, '≈')
    .replace(/={2,}/g, '=')
    .replace(DASHES, '-')
    .replace(/^[:;,、]+/u, '')
    .replace(/[。;,、.]+$/u, '');
  if (text.includes('百分')) text = percentWords(text);
  if (text.includes('含')) text = withoutInclusive(text);
  if (text.includes('月')) text = chineseMonths(text);
  let previous = '';
  while (text.includes(',') && previous !== text) {
    previous = text;
    text = text.replace(/(\d),(\d{3})(?!\d)/, '$1$2'); // 1,428 → 1428
  }
  return text;
}

/** `(含)` says the bound itself counts, which ≥ and 以上 already say: 95%(含)以上, 85%以上(含85%). */
function withoutInclusive(text: string): string {
  return text
    .replace(/\(含(?:本数|此数)?\)/g, '')
    .replace(/(\d+(?:\.\d+)?)([^\d()]{0,6})\(含\1[^\d()]{0,4}\)/g, '$1$2')
    .replace(/含(以上|以下|以内)/g, '$1');
}

/** 百分之九十五 → 95%, 百分之95 → 95%, 百分百 → 100%. */
function percentWords(text: string): string {
  return text
    .replace(/百分之百|百分百/g, '100%')
    .replace(/百分之(\d+(?:\.\d+)?)/g, '$1%')
    .replace(PERCENT_NUMERAL, (whole, numeral: string) => {
      const value = chineseNumber(numeral);
      return value === undefined ? whole : `${value}%`;
    });
}

/** 十二月底前 → 12月底前, 六月三十日 → 6月30日: month numerals where a date is certain. */
function chineseMonths(text: string): string {
  const withMonths = text.replace(MONTH_NUMERAL, (whole, numeral: string) => {
    const month = chineseNumber(numeral);
    return month !== undefined && month >= 1 && month <= 12 ? `${month}月` : whole;
  });
  return withMonths.replace(/(\d月)([一二三四五六七八九十]{1,3})([日号])/g, (whole, month: string, numeral: string, mark: string) => {
    const day = chineseNumber(numeral);
    return day !== undefined && day >= 1 && day <= 31 ? `${month}${day}${mark}` : whole;
  });
}
