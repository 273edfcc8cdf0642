import type { TargetSpec } from '@jixiao/domain/target-spec';
import { SpecForm, specFromForm, specToForm } from './spec-form';

/** A blank form of the given kind, as the 更正 popover opens for a row without a usable spec. */
const blank = (patch: Partial<SpecForm>): SpecForm => ({ ...specToForm(null, ''), ...patch });

describe(specFromForm.name, () => {
  describe('数值 numeric', () => {
    it('reads op, value and unit, as typed with separators and spaces', () => {
      expect(specFromForm(blank({ kind: 'numeric', op: '>=', value: ' 1,428 ', unit: '人次' }))).toEqual({
        spec: { kind: 'numeric', op: '>=', value: 1428, unit: '人次' },
        text: '≥ 1428 人次',
        error: null,
      });
    });

    it('writes 百分比 as % and a blank unit as none', () => {
      expect(specFromForm(blank({ kind: 'numeric', op: '>=', value: '95', unit: '百分比' })).spec).toEqual({ kind: 'numeric', op: '>=', value: 95, unit: '%' });
      expect(specFromForm(blank({ kind: 'numeric', op: '=', value: '2', unit: '  ' })).spec).toEqual({ kind: 'numeric', op: '=', value: 2, unit: null });
    });

    it('keeps 万 in the unit (26 万人, not 260000 人)', () => {
      expect(specFromForm(blank({ kind: 'numeric', op: '>', value: '27', unit: '万 人' })).spec).toEqual({ kind: 'numeric', op: '>', value: 27, unit: '万人' });
    });

    it('reads full-width digits as typed with a Chinese input method', () => {
      expect(specFromForm(blank({ kind: 'numeric', op: '>=', value: '９５．５', unit: '％' })).spec).toEqual({ kind: 'numeric', op: '>=', value: 95.5, unit: '%' });
    });

    it.each(['', '95%', '约95', '1e3', '1.2.3'])('refuses %j as a value', (value) => {
      const result = specFromForm(blank({ kind: 'numeric', value }));
      expect(result.spec).toBeNull();
      expect(result.error).toContain('请填写目标值');
    });

    it('shows the domain check’s reason for a unit that is too long', () => {
      expect(specFromForm(blank({ kind: 'numeric', value: '1', unit: '一二三四五六七八九十一二三四五六七八九十一' })).error).toBe('计量单位须为不超过 20 个字的文字或空');
    });
  });

  describe('区间 range', () => {
    it('reads min, max and unit', () => {
      expect(specFromForm(blank({ kind: 'range', min: '80', max: '90', unit: '%' }))).toEqual({
        spec: { kind: 'range', min: 80, max: 90, unit: '%' },
        text: '80%–90%',
        error: null,
      });
      expect(specFromForm(blank({ kind: 'range', min: '6', max: '9', unit: '月' })).text).toBe('6 至 9 月');
    });

    it('asks for both bounds', () => {
      expect(specFromForm(blank({ kind: 'range', min: '80', max: '' })).error).toBe('请填写区间的下限和上限（只填数字，如 80 和 90）');
    });

    it('refuses a lower bound above the upper one with the domain’s message', () => {
      expect(specFromForm(blank({ kind: 'range', min: '90', max: '80' })).error).toBe('区间下限不能大于上限');
    });
  });

  describe('截止日期 deadline', () => {
    it('writes the last day allowed as MM-DD', () => {
      expect(specFromForm(blank({ kind: 'deadline', month: 9, day: 30 }))).toEqual({ spec: { kind: 'deadline', by: '09-30' }, text: '不晚于9月30日', error: null });
      expect(specFromForm(blank({ kind: 'deadline', month: 6, day: 5 })).spec).toEqual({ kind: 'deadline', by: '06-05' });
    });

    it('reads 月底 as the last day of the month, February by the budget year', () => {
      expect(specFromForm(blank({ kind: 'deadline', month: 12, day: null })).spec).toEqual({ kind: 'deadline', by: '12-31' });
      expect(specFromForm(blank({ kind: 'deadline', month: 2, day: null }), 2024).spec).toEqual({ kind: 'deadline', by: '02-29' });
      expect(specFromForm(blank({ kind: 'deadline', month: 2, day: null }), 2025).spec).toEqual({ kind: 'deadline', by: '02-28' });
    });

    it('refuses a day the month does not have, with the domain’s message', () => {
      expect(specFromForm(blank({ kind: 'deadline', month: 4, day: 31 })).error).toBe('4 月没有 31 日');
    });
  });

  describe('定期 recurring', () => {
    it('reads every month by a day, or at the end of each quarter', () => {
      expect(specFromForm(blank({ kind: 'recurring', every: 'month', recurringDay: 20 }))).toEqual({
        spec: { kind: 'recurring', every: 'month', day: 20 },
        text: '每月20日前',
        error: null,
      });
      expect(specFromForm(blank({ kind: 'recurring', every: 'quarter', recurringDay: null }))).toEqual({
        spec: { kind: 'recurring', every: 'quarter', day: null },
        text: '每季度末',
        error: null,
      });
    });

    it('refuses a day outside 1–31', () => {
      expect(specFromForm(blank({ kind: 'recurring', recurringDay: 32 })).error).toBe('日期须为 1 到 31 的整数或空（期末）');
    });

    it('reads a count per period: 每季度至少1次, 每月20日前至少2次', () => {
      expect(specFromForm(blank({ kind: 'recurring', every: 'quarter', times: ' 1 ' }))).toEqual({
        spec: { kind: 'recurring', every: 'quarter', day: null, times: 1 },
        text: '每季度至少1次',
        error: null,
      });
      expect(specFromForm(blank({ kind: 'recurring', every: 'month', recurringDay: 20, times: '２' })).text).toBe('每月20日前至少2次');
    });

    it('takes 每年 only with a count, with the domain’s reason', () => {
      expect(specFromForm(blank({ kind: 'recurring', every: 'year', times: '' }))).toEqual({ spec: null, text: null, error: '按年的定期目标须写明每年至少几次' });
      expect(specFromForm(blank({ kind: 'recurring', every: 'year', times: '2' }))).toEqual({
        spec: { kind: 'recurring', every: 'year', day: null, times: 2 },
        text: '每年至少2次',
        error: null,
      });
    });

    it('drops a day of the month for 每年: the year’s end is its deadline', () => {
      expect(specFromForm(blank({ kind: 'recurring', every: 'year', recurringDay: 20, times: '1' })).spec).toEqual({ kind: 'recurring', every: 'year', day: null, times: 1 });
    });

    it('refuses a count that is not a whole number of 1 or more', () => {
      expect(specFromForm(blank({ kind: 'recurring', times: '两次' })).error).toBe('每期次数只填数字（如 1 或 2），或留空表示每期完成一次');
      expect(specFromForm(blank({ kind: 'recurring', times: '0' })).error).toBe('每期次数须为 1 到 1000 的整数');
      expect(specFromForm(blank({ kind: 'recurring', times: '1.5' })).error).toBe('每期次数须为 1 到 1000 的整数');
    });
  });

  describe('与上年比较 relative', () => {
    it('reads a comparison without an amount (不低于上年), dropping the unit', () => {
      expect(specFromForm(blank({ kind: 'relative', op: '>=', delta: ' ', unit: '%' }))).toEqual({
        spec: { kind: 'relative', op: '>=', delta: null, unit: null },
        text: '不低于上年',
        error: null,
      });
    });

    it('reads an increase and a decrease', () => {
      expect(specFromForm(blank({ kind: 'relative', op: '>=', delta: '10', unit: '百分比' }))).toMatchObject({
        spec: { kind: 'relative', op: '>=', delta: 10, unit: '%' },
        text: '比上年提高 ≥ 10%',
      });
      expect(specFromForm(blank({ kind: 'relative', op: '<=', delta: '-5', unit: '%' })).text).toBe('比上年降低 ≥ 5%');
    });

    it('refuses an amount that is not a number', () => {
      expect(specFromForm(blank({ kind: 'relative', delta: '一成' })).error).toContain('变化量只填数字');
    });

    it('measures the change as stated: 百分点, 增减幅度 or in the unit', () => {
      expect(specFromForm(blank({ kind: 'relative', op: '>=', delta: '2', unit: '%', change: 'points' }))).toEqual({
        spec: { kind: 'relative', op: '>=', delta: 2, unit: '%', change: 'points' },
        text: '比上年提高 ≥ 2 个百分点',
        error: null,
      });
      expect(specFromForm(blank({ kind: 'relative', op: '>=', delta: '5', unit: '%', change: 'percent' })).text).toBe('比上年提高 ≥ 5%');
      expect(specFromForm(blank({ kind: 'relative', op: '>=', delta: '3', unit: '家', change: 'unit' })).spec).toEqual({ kind: 'relative', op: '>=', delta: 3, unit: '家', change: 'unit' });
    });

    it('sends the 计量方式 only with an amount (不低于上年 has no change to measure)', () => {
      expect(specFromForm(blank({ kind: 'relative', op: '>=', delta: '', change: 'points' })).spec).toEqual({ kind: 'relative', op: '>=', delta: null, unit: null });
      expect(specFromForm(blank({ kind: 'relative', op: '>=', delta: '5', unit: '%', change: null })).spec).toEqual({ kind: 'relative', op: '>=', delta: 5, unit: '%' });
    });
  });

  describe('定性 qualitative', () => {
    it('keeps the description, trimmed', () => {
      expect(specFromForm(blank({ kind: 'qualitative', text: '  全覆盖 ' }))).toEqual({ spec: { kind: 'qualitative', text: '全覆盖' }, text: '定性：全覆盖', error: null });
    });
  });

  it('builds exactly the shape the server accepts for every kind', () => {
    const kinds: SpecForm['kind'][] = ['numeric', 'range', 'deadline', 'recurring', 'relative', 'qualitative'];
    const filled = blank({ value: '1', min: '1', max: '2', unit: '项', delta: '3', text: '及时' });
    for (const kind of kinds) {
      const result = specFromForm({ ...filled, kind });
      expect(result.error).toBeNull();
      expect(result.spec?.kind).toBe(kind);
    }
  });
});

describe(specToForm.name, () => {
  const roundTrip = (spec: TargetSpec, fiscalYear?: number) => specFromForm(specToForm(spec, '原文', fiscalYear), fiscalYear).spec;

  it.each<TargetSpec>([
    { kind: 'numeric', op: '<=', value: 41, unit: '万元' },
    { kind: 'numeric', op: '=', value: 0.000001, unit: null },
    { kind: 'range', min: 6, max: 9, unit: '月' },
    { kind: 'deadline', by: '09-30' },
    { kind: 'deadline', by: '10-15' },
    { kind: 'recurring', every: 'month', day: 20 },
    { kind: 'recurring', every: 'quarter', day: null },
    { kind: 'recurring', every: 'quarter', day: null, times: 1 },
    { kind: 'recurring', every: 'month', day: 20, times: 2 },
    { kind: 'recurring', every: 'year', day: null, times: 3 },
    { kind: 'relative', op: '>=', delta: 10, unit: '%' },
    { kind: 'relative', op: '>=', delta: 2, unit: '%', change: 'points' },
    { kind: 'relative', op: '<=', delta: -3, unit: '家', change: 'unit' },
    { kind: 'relative', op: '>=', delta: null, unit: null },
    { kind: 'qualitative', text: '全覆盖' },
  ])('fills the form so that it gives back %j', (spec) => {
    expect(roundTrip(spec, 2024)).toEqual(spec);
  });

  it('shows the last day of a month as 月底', () => {
    expect(specToForm({ kind: 'deadline', by: '12-31' }, '12月底前')).toMatchObject({ kind: 'deadline', month: 12, day: null });
    expect(specToForm({ kind: 'deadline', by: '02-28' }, '2月底前', 2025)).toMatchObject({ month: 2, day: null });
    expect(specToForm({ kind: 'deadline', by: '02-28' }, '2月28日前', 2024)).toMatchObject({ month: 2, day: 28 });
  });

  it('offers the target text as written for a qualitative correction', () => {
    expect(specToForm({ kind: 'qualitative', text: '' }, ' 按上级文件政策执行 ')).toMatchObject({ kind: 'qualitative', text: '按上级文件政策执行' });
    expect(specToForm({ kind: 'numeric', op: '>=', value: 1, unit: null }, '≥1').text).toBe('≥1');
  });
});

