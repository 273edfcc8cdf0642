import { checkActualValue } from './actual-check';
import type { TargetSpec } from './target-spec';

const numeric: TargetSpec = { kind: 'numeric', op: '>=', value: 95, unit: '%' };
const deadline: TargetSpec = { kind: 'deadline', by: '09-30' };
const recurring: TargetSpec = { kind: 'recurring', every: 'month', day: 20 };
const relative: TargetSpec = { kind: 'relative', op: '>=', delta: null, unit: null };
const qualitative: TargetSpec = { kind: 'qualitative', text: '全覆盖' };
const range: TargetSpec = { kind: 'range', min: 80, max: 90, unit: '%' };
const monitoring = { final: false, fiscalYear: 2024 };
const final = { final: true, fiscalYear: 2024 };

describe('checkActualValue', () => {
  it('accepts what fits', () => {
    expect(checkActualValue(numeric, { kind: 'number', value: 96.5 }, final)).toBeNull();
    expect(checkActualValue(range, { kind: 'number', value: 85 }, final)).toBeNull();
    expect(checkActualValue(deadline, { kind: 'date', doneOn: '2024-09-30' }, final)).toBeNull();
    expect(checkActualValue(deadline, { kind: 'date', doneOn: null }, final)).toBeNull();
    expect(checkActualValue(deadline, { kind: 'tier', tier: 'partial', value: 0.7 }, final)).toBeNull();
    expect(checkActualValue(recurring, { kind: 'occurrences', onTime: 11, total: 12 }, final)).toBeNull();
    expect(checkActualValue(relative, { kind: 'number', value: 10, previousYear: 9 }, final)).toBeNull();
    expect(checkActualValue(qualitative, { kind: 'tier', tier: 'achieved' }, final)).toBeNull();
    expect(checkActualValue(numeric, null, final)).toBeNull();
  });

  it.each<[string, TargetSpec, unknown, string]>([
    ['a date for a numeric target', numeric, { kind: 'date', doneOn: '2024-01-01' }, '数值类指标应录入数值，不能录入完成日期'],
    ['a number for a qualitative target', qualitative, { kind: 'number', value: 1 }, '定性类指标应录入评价等级，不能录入数值'],
    ['a number for a deadline', deadline, { kind: 'number', value: 1 }, '截止日期类指标应录入完成日期或评价等级'],
    ['a non-finite number', numeric, { kind: 'number', value: Number.NaN }, '实际完成值须为数字'],
    ['an impossible date', deadline, { kind: 'date', doneOn: '2024-02-30' }, '不是有效日期'],
    ['a date in another decade', deadline, { kind: 'date', doneOn: '2014-02-03' }, '不在 2024 年度前后'],
    ['more on time than due', recurring, { kind: 'occurrences', onTime: 13, total: 12 }, '按时完成次数须为 0 到 12 之间的整数'],
    ['no occurrence due', recurring, { kind: 'occurrences', onTime: 0, total: 0 }, '应完成次数须为正整数'],
    ['more counted than due (每季度至少1次)', { kind: 'recurring', every: 'quarter', day: null, times: 1 }, { kind: 'occurrences', onTime: 5, total: 4 }, '达标次数须为 0 到 4 之间的整数'],
    ['an unknown tier', qualitative, { kind: 'tier', tier: 'great' }, '评价等级须为达成、部分达成或未达成'],
    ['a tier value outside its range', qualitative, { kind: 'tier', tier: 'partial', value: 0.8 }, '「部分达成」的完成程度须在 0.6 到 0.8（不含）之间'],
  ])('refuses %s', (_name, spec, actual, message) => {
    expect(checkActualValue(spec, actual as never, final)).toContain(message);
  });

  it('asks for the previous-year value of a relative target at year end only', () => {
    expect(checkActualValue(relative, { kind: 'number', value: 10 }, monitoring)).toBeNull();
    expect(checkActualValue(relative, { kind: 'number', value: 10 }, final)).toBe('与上年比较的指标须同时填写上年实际值');
  });
});
