/**
 * Chinese numerals (中文数字) as targets write small counts and months: 一, 两, 十二, 二十五, 一百二十.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const POWERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A run of Chinese numeral characters (for regular expressions). */
export const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千]+';

const WHOLE_NUMERAL = new RegExp(`^${CHINESE_NUMERAL}$`);

/** The value of a Chinese numeral below 10,000 (`十二` → 12, `两` → 2), or `undefined`. */
export function chineseNumber(text: string): number | undefined {
  if (text === '' || !WHOLE_NUMERAL.test(text)) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastPower = Infinity;
  for (const char of text) {
    const value = DIGITS[char];
    if (value !== undefined) {
      if (digit !== undefined && digit !== 0) return undefined; // 一二: not a number
      digit = value;
      continue;
    }
    const power = POWERS[char];
    if (power === undefined || power >= lastPower) return undefined;
    total += (digit ?? 1) * power;
    digit = undefined;
    lastPower = power;
  }
  return total + (digit ?? 0);
}

/** A count written in Arabic digits or Chinese numerals, or `undefined`. */
export function countOf(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return chineseNumber(text);
}
