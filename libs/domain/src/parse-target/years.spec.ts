import { otherYearWarnings, withoutYears } from './years';

describe(otherYearWarnings.name, () => {
  const codes = (text: string, fiscalYear?: number): string[] => otherYearWarnings(text, fiscalYear).map((w) => w.message);

  it.each([
    ['2023年全年', ['2023']],
    ['2023-12-31', ['2023']],
    ['2023.07-2024.01', ['2023']],
    ['2024年1月-12月', []],
    ['较2023年提高5%', []],
    ['不低于2023年水平', []],
    ['不低于2022年水平', ['2022']],
    ['≥2000.5元', []],
    ['完成2023年度参保工作', ['2023']],
  ])('in %j names %j besides the fiscal year 2024', (text, years) => {
    const found = codes(text, 2024);
    expect(found).toHaveLength(years.length);
    years.forEach((year, i) => expect(found[i]).toContain(year));
  });

  it('says nothing without a fiscal year', () => {
    expect(codes('2023年全年')).toEqual([]);
  });
});

describe(withoutYears.name, () => {
  it('removes the years written with 年 so the target number stands alone', () => {
    expect(withoutYears('2024年参保率≥95%')).toBe('参保率≥95%');
    expect(withoutYears('2024年度≥26万人')).toBe('≥26万人');
    expect(withoutYears('≥2024人')).toBe('≥2024人');
  });
});
