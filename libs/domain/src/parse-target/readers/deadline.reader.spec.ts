import { parseTarget } from '..';
import { deadline, OUTPUT, qualitative, read, TIMELINESS } from '../testing/spec-helpers';

describe('deadline reader (完成时限)', () => {
  it.each([
    ['10 月份前', '09-30'],
    ['10 月份之前', '09-30'],
    ['10月以前', '09-30'],
    ['6月前', '05-31'],
    ['6月份前', '05-31'],
    ['12 月前', '11-30'],
    ['5月前', '04-30'],
    ['不晚于 12 月底', '12-31'],
    ['12 月底前', '12-31'],
    ['12月底', '12-31'],
    ['6月末', '06-30'],
    ['11月底前', '11-30'],
    ['2024年12月31日前', '12-31'],
    ['2024年12月31日', '12-31'],
    ['2024年12月31号之前', '12-31'],
    ['11月15日前', '11-15'],
    ['11月15号之前', '11-15'],
    ['2024-06-30', '06-30'],
    ['2024/06/30前', '06-30'],
    ['2024.6.30前', '06-30'],
    ['6.30前', '06-30'],
    ['年底前', '12-31'],
    ['年底前完成', '12-31'],
    ['2024年底', '12-31'],
    ['年内', '12-31'],
    ['本年度内', '12-31'],
    ['当年完成', '12-31'],
    ['上半年', '06-30'],
    ['第三季度末', '09-30'],
    ['三季度前', '06-30'],
    ['前三季度', '09-30'],
    ['每年12月底前', '12-31'],
    ['12月底前完成', '12-31'],
    ['最迟于10月底前拨付到位', '10-31'],
    ['截至2024年12月31日', '12-31'],
    ['12月31日前全部拨付到位', '12-31'],
    ['十二月底前', '12-31'],
    ['十月份前', '09-30'],
    ['六月三十日前', '06-30'],
  ] as const)('reads %j as by %s', (raw, by) => {
    expect(read(raw, TIMELINESS)).toEqual({ spec: deadline(by), codes: [] });
  });

  it('uses the fiscal year for the length of February', () => {
    expect(read('3月前', { fiscalYear: 2024 })).toEqual({ spec: deadline('02-29'), codes: [] });
    expect(read('3月前', { fiscalYear: 2023 })).toEqual({ spec: deadline('02-28'), codes: [] });
    expect(read('2月底', { fiscalYear: 2000 })).toEqual({ spec: deadline('02-29'), codes: [] });
    expect(read('2月底', { fiscalYear: 2100 })).toEqual({ spec: deadline('02-28'), codes: [] });
    expect(read('2月29日前', { fiscalYear: 2024 })).toEqual({ spec: deadline('02-29'), codes: [] });
  });

  it('assumes a common year, with a warning, when no fiscal year is known and February matters', () => {
    expect(read('3月前')).toEqual({ spec: deadline('02-28'), codes: ['LEAP_YEAR_UNKNOWN'] });
    expect(read('2月底')).toEqual({ spec: deadline('02-28'), codes: ['LEAP_YEAR_UNKNOWN'] });
    expect(read('2月29日前')).toEqual({ spec: deadline('02-29'), codes: ['LEAP_YEAR_UNKNOWN'] });
    expect(read('2月15日前')).toEqual({ spec: deadline('02-15'), codes: [] });
    expect(read('10月前')).toEqual({ spec: deadline('09-30'), codes: [] });
  });

  it('uses a year named in the target for February', () => {
    expect(read('2024年2月底')).toEqual({ spec: deadline('02-29'), codes: [] });
  });

  it.each(['2月30日前', '13月前', '4月31日', '0月底'])('rejects the impossible date %j', (raw) => {
    expect(read(raw, TIMELINESS)).toEqual({ spec: qualitative(raw), codes: ['INVALID_DATE'] });
  });

  it('does not read 1月前 as a deadline inside the year', () => {
    expect(read('1月前', TIMELINESS)).toEqual({ spec: qualitative('1月前'), codes: ['DEADLINE_BEFORE_YEAR'] });
  });

  it('reads 全年, 下半年, a ten-day period (旬) and a named month with a warning that says how', () => {
    expect(read('全年', TIMELINESS)).toEqual({ spec: deadline('12-31'), codes: ['DEADLINE_INFERRED'] });
    expect(read('下半年', TIMELINESS)).toEqual({ spec: deadline('12-31'), codes: ['DEADLINE_INFERRED'] });
    expect(read('6月中旬前', TIMELINESS)).toEqual({ spec: deadline('06-20'), codes: ['DEADLINE_INFERRED'] });
    expect(read('6月上旬', TIMELINESS)).toEqual({ spec: deadline('06-10'), codes: ['DEADLINE_INFERRED'] });
    expect(read('6月下旬', TIMELINESS)).toEqual({ spec: deadline('06-30'), codes: ['DEADLINE_INFERRED'] });
    expect(read('2024年12月', OUTPUT)).toEqual({ spec: deadline('12-31'), codes: ['DEADLINE_INFERRED'] });
    expect(read('2024.11', OUTPUT)).toEqual({ spec: deadline('11-30'), codes: ['DEADLINE_INFERRED'] });
    expect(read('12月份', OUTPUT)).toEqual({ spec: deadline('12-31'), codes: ['DEADLINE_INFERRED'] });
    expect(read('2024年', TIMELINESS)).toEqual({ spec: deadline('12-31'), codes: ['DEADLINE_INFERRED'] });
    expect(read('2024年度', TIMELINESS)).toEqual({ spec: deadline('12-31'), codes: ['DEADLINE_INFERRED'] });
  });

  it('reads a bare month or month.day under a timeliness indicator as a date (was: numeric ≥10 月)', () => {
    const result = parseTarget('10月', TIMELINESS);
    expect(result.spec).toEqual(deadline('10-31'));
    expect(result.warnings.map((w) => w.code)).toEqual(['DEADLINE_INFERRED']);
    expect(result.warnings[0]?.message).toContain('10月31日');
    expect(read('12.31', TIMELINESS)).toEqual({ spec: deadline('12-31'), codes: ['DEADLINE_INFERRED'] });
  });

  it('says what words around a date it dropped', () => {
    expect(read('资金于10月底前拨付', TIMELINESS)).toEqual({ spec: deadline('10-31'), codes: ['TEXT_DROPPED'] });
  });

  it('does not read a start date as a deadline', () => {
    expect(read('12月底后', TIMELINESS)).toEqual({ spec: qualitative('12月底后'), codes: ['DATE_NOT_READ'] });
    expect(read('10月起', TIMELINESS)).toEqual({ spec: qualitative('10月起'), codes: ['DATE_NOT_READ'] });
  });

  describe('a period written as dates (起止时间)', () => {
    it.each([
      ['2024年1月-12月', TIMELINESS, '12-31'],
      ['2024年1-12月', TIMELINESS, '12-31'],
      ['2024年1月至12月', TIMELINESS, '12-31'],
      ['2024年1月—2024年12月', OUTPUT, '12-31'],
      ['2024.1-2024.12', OUTPUT, '12-31'],
      ['2024.01-2024.12', OUTPUT, '12-31'],
      ['2024.01-12', OUTPUT, '12-31'],
      ['2024.01.01-2024.12.31', OUTPUT, '12-31'],
      ['2024-01-01至2024-12-31', OUTPUT, '12-31'],
      ['2024年1月1日-2024年12月31日', OUTPUT, '12-31'],
      ['2024年1月1日至12月31日', OUTPUT, '12-31'],
      ['2024年3月-11月', OUTPUT, '11-30'],
      ['2024年1月-6月', OUTPUT, '06-30'],
      ['2024.1-2024.2', OUTPUT, '02-29'],
      ['1-12月', OUTPUT, '12-31'],
      ['1-12月', TIMELINESS, '12-31'],
      ['1-12月份', OUTPUT, '12-31'],
      ['1月-12月', OUTPUT, '12-31'],
      ['1月至12月', OUTPUT, '12-31'],
      ['3月-10月', OUTPUT, '10-31'],
      ['6-9月', TIMELINESS, '09-30'],
      ['自2024年1月起至12月底', OUTPUT, '12-31'],
    ] as const)('reads %j as a deadline at its end (%#)', (raw, context, by) => {
      const result = parseTarget(raw, context);
      expect(result.spec).toEqual(deadline(by));
      expect(result.warnings.map((w) => w.code)).toEqual(['PERIOD_AS_DEADLINE']);
      expect(result.warnings[0]?.message).toContain('期末');
    });

    it('warns about another year, as any other year', () => {
      expect(read('2023.07-2024.01', OUTPUT)).toEqual({ spec: deadline('01-31'), codes: ['OTHER_YEAR', 'PERIOD_AS_DEADLINE'] });
      expect(read('2023年1月-12月', OUTPUT)).toEqual({ spec: deadline('12-31'), codes: ['OTHER_YEAR', 'PERIOD_AS_DEADLINE'] });
    });

    it('takes the end of the fiscal year when the period ends after it, and says so', () => {
      const result = parseTarget('2024.07-2025.06', OUTPUT);
      expect(result.spec).toEqual(deadline('12-31'));
      expect(result.warnings.map((w) => w.code)).toEqual(['OTHER_YEAR', 'PERIOD_AS_DEADLINE']);
      expect(result.warnings[1]?.message).toContain('超出预算年度');
    });
  });
});
