import { parseTarget } from '..';
import { num, OUTPUT, qualitative, read, recurring, TIMELINESS } from '../testing/spec-helpers';

describe('recurring reader (定期)', () => {
  describe('a deadline in every period', () => {
    it.each([
      ['每月 20 号之前', 'month', 20],
      ['每月20日前', 'month', 20],
      ['每月10日前', 'month', 10],
      ['每月25日之前', 'month', 25],
      ['每月的5日前', 'month', 5],
      ['每个月10日前', 'month', 10],
      ['每月10日前发放', 'month', 10],
      ['每月底', 'month', null],
      ['每月末前', 'month', null],
      ['每季度末', 'quarter', null],
      ['每季末', 'quarter', null],
      ['按季度末', 'quarter', null],
    ] as const)('reads %j', (raw, every, day) => {
      expect(read(raw, TIMELINESS)).toEqual({ spec: recurring(every, day), codes: [] });
    });

    it('warns about days that not every month has, and about a day in a quarter', () => {
      expect(read('每月30日前', TIMELINESS)).toEqual({ spec: recurring('month', 30), codes: ['RECURRING_DAY_AMBIGUOUS'] });
      expect(read('每季度10日前', TIMELINESS)).toEqual({ spec: recurring('quarter', 10), codes: ['RECURRING_DAY_AMBIGUOUS'] });
    });

    it('assumes the end of the period, with a warning, when no day is written', () => {
      for (const raw of ['按月发放', '每月按时足额发放', '每月及时拨付']) {
        expect(read(raw, TIMELINESS)).toEqual({ spec: recurring('month', null), codes: ['RECURRING_END_ASSUMED'] });
      }
      expect(read('每季度', TIMELINESS)).toEqual({ spec: recurring('quarter', null), codes: ['RECURRING_END_ASSUMED'] });
    });

    it('rejects an impossible day and a start day', () => {
      expect(read('每月32日前', TIMELINESS)).toEqual({ spec: qualitative('每月32日前'), codes: ['INVALID_DATE'] });
      expect(read('每月20号之后', TIMELINESS)).toEqual({ spec: qualitative('每月20号之后'), codes: ['DATE_NOT_READ'] });
    });
  });

  describe('a count in every period (每季度1次)', () => {
    it.each([
      ['每季度1次', 'quarter', 1],
      ['每季1次', 'quarter', 1],
      ['每个季度1次', 'quarter', 1],
      ['每季度一次', 'quarter', 1],
      ['每季度至少1次', 'quarter', 1],
      ['每季度至少开展一次', 'quarter', 1],
      ['每季度开展1次', 'quarter', 1],
      ['每季度≥1次', 'quarter', 1],
      ['每季度1次以上', 'quarter', 1],
      ['按季度开展1次', 'quarter', 1],
      ['1次/季度', 'quarter', 1],
      ['≥1次/季', 'quarter', 1],
      ['每月不少于2次', 'month', 2],
      ['每月2次', 'month', 2],
      ['每月一次', 'month', 1],
      ['每个月至少召开一次', 'month', 1],
      ['1次/月', 'month', 1],
      ['每月1期', 'month', 1],
      ['每年2次', 'year', 2],
      ['每年至少开展两次', 'year', 2],
      ['每年度1次', 'year', 1],
      ['≥2次/年', 'year', 2],
      ['4次/年', 'year', 4],
      ['每月多于2次', 'month', 3],
      ['每季度＝1次', 'quarter', 1],
    ] as const)('reads %j', (raw, every, times) => {
      expect(read(raw, OUTPUT)).toEqual({ spec: recurring(every, null, times), codes: [] });
    });

    it('says what it dropped after the count', () => {
      expect(read('每季度开展1次专题培训活动', OUTPUT)).toEqual({ spec: recurring('quarter', null, 1), codes: ['TEXT_DROPPED'] });
      expect(read('每月召开1次例会', OUTPUT)).toEqual({ spec: recurring('month', null, 1), codes: [] });
    });

    it('turns a half year, a week and two months into the periods the spec has, with a warning', () => {
      const halfYear = parseTarget('每半年1次', OUTPUT);
      expect(halfYear.spec).toEqual(recurring('year', null, 2));
      expect(halfYear.warnings.map((w) => w.code)).toEqual(['RECURRING_PERIOD_CONVERTED']);
      expect(halfYear.warnings[0]?.message).toContain('每年至少2次');
      expect(read('每半年一次', OUTPUT)).toEqual({ spec: recurring('year', null, 2), codes: ['RECURRING_PERIOD_CONVERTED'] });
      expect(read('1次/半年', OUTPUT)).toEqual({ spec: recurring('year', null, 2), codes: ['RECURRING_PERIOD_CONVERTED'] });
      expect(read('每周1次', OUTPUT)).toEqual({ spec: recurring('month', null, 4), codes: ['RECURRING_PERIOD_CONVERTED'] });
      expect(read('每两个月1次', OUTPUT)).toEqual({ spec: recurring('year', null, 6), codes: ['RECURRING_PERIOD_CONVERTED'] });
    });

    it('keeps a yearly total numeric (全年不少于4次, ≥4次, 年度4次)', () => {
      expect(read('全年不少于4次', OUTPUT)).toEqual({ spec: num('>=', 4, '次'), codes: [] });
      expect(read('≥4次', OUTPUT)).toEqual({ spec: num('>=', 4, '次'), codes: [] });
      expect(read('年度4次', OUTPUT)).toEqual({ spec: num('>=', 4, '次'), codes: ['OP_INFERRED'] });
    });

    it('does not read an upper bound or an impossible count as a recurring target', () => {
      expect(read('每月不超过2次', OUTPUT)).toEqual({ spec: qualitative('每月不超过2次'), codes: ['RECURRING_NOT_READ'] });
      expect(read('每月0次', OUTPUT)).toEqual({ spec: qualitative('每月0次'), codes: ['RECURRING_NOT_READ'] });
    });

    it('leaves the existing recurring deadlines without a count', () => {
      expect(parseTarget('每月 20 号之前', TIMELINESS).spec).not.toHaveProperty('times');
      expect(parseTarget('每季度末', TIMELINESS).spec).not.toHaveProperty('times');
    });
  });
});
