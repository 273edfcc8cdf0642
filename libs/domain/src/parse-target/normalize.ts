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

/** HTML entities a table copied from a web page may carry (&ge;95%). */
const ENTITIES: Readonly<Record<string, string>> = { ge: '≥', le: '≤', gt: '>', lt: '<', amp: '&', nbsp: ' ', times: '×', plusmn: '±' };

/**
 * Half-width and without whitespace, invisible characters or HTML entities: what every reader and
 * the placeholder check start from.
 */
export function compactText(raw: string): string {
  let text = raw;
  if (text.includes('&')) {
    text = text
      .replace(/&(ge|le|gt|lt|amp|nbsp|times|plusmn);/g, (_, name: string) => ENTITIES[name] ?? '')
      .replace(/&#(\d{2,6});/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&#x([0-9a-f]{2,5});/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)));
  }
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, '');
}

/** Half-width, no whitespace, every spelling of an operator as one sign, no thousands separators. */
export function normalizeTargetText(raw: string): string {
  let text = compactText(raw)
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
