import { chineseNumber } from './chinese-numerals';
import { normalizeTargetText } from './normalize';

describe(normalizeTargetText.name, () => {
  it.each([
    ['＞＝９５％', '≥95%'],
    ['≥=95%', '≥95%'],
    ['> = 95 %', '≥95%'],
    ['=>95%', '≥95%'],
    ['≧95%', '≥95%'],
    ['≮95%', '≥95%'],
    ['≯5%', '≤5%'],
    ['<=5%', '≤5%'],
    ['═100%', '=100%'],
    ['﹥95%', '>95%'],
    ['≒95%', '≈95%'],
    ['1,234,567元', '1234567元'],
    ['1，428人次', '1428人次'],
    ['80%—90%', '80%-90%'],
    ['80%～90%', '80%-90%'],
    ['80%〜90%', '80%-90%'],
    ['百分之九十五', '95%'],
    ['百分之百', '100%'],
    ['95%（含）以上', '95%以上'],
    ['十二月底前', '12月底前'],
    ['六月三十日前', '6月30日前'],
    ['每月一次', '每月一次'],
    ['≥95%。', '≥95%'],
    ['：≥95%', '≥95%'],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normalizeTargetText(raw)).toBe(expected);
  });
});

describe(chineseNumber.name, () => {
  it.each([
    ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['二十五', 25], ['一百', 100], ['一百零五', 105],
    ['一百二十', 120], ['三千', 3000],
  ])('reads %j as %d', (text, value) => {
    expect(chineseNumber(text)).toBe(value);
  });

  it.each(['', '一二', '十十', 'abc', '百千'])('does not read %j', (text) => {
    expect(chineseNumber(text)).toBeUndefined();
  });
});
