import { formatActualValue } from './format-actual';
import type { TargetSpec } from './target-spec';

const count: TargetSpec = { kind: 'numeric', op: '>=', value: 1428, unit: '人次' };
const relative: TargetSpec = { kind: 'relative', op: '>=', delta: null, unit: '%' };
const deadline: TargetSpec = { kind: 'deadline', by: '09-30' };

describe('formatActualValue', () => {
  it.each<[string, Parameters<typeof formatActualValue>[0], TargetSpec, string]>([
    ['missing', null, count, '未填报'],
    ['a number in the target unit', { kind: 'number', value: 1500 }, count, '1500人次'],
    ['without binary noise', { kind: 'number', value: 0.1 + 0.2 }, count, '0.3人次'],
    ['with the previous year', { kind: 'number', value: 96.5, previousYear: 95 }, relative, '96.5%（上年 95%）'],
    ['a done date', { kind: 'date', doneOn: '2024-09-28' }, deadline, '2024-09-28 完成'],
    ['not done', { kind: 'date', doneOn: null }, deadline, '未完成'],
    ['occurrences', { kind: 'occurrences', onTime: 11, total: 12 }, { kind: 'recurring', every: 'month', day: 20 }, '按时完成 11/12 次'],
    ['occurrences counted', { kind: 'occurrences', onTime: 3, total: 4 }, { kind: 'recurring', every: 'quarter', day: null, times: 1 }, '达标 3/4 次'],
    ['a tier', { kind: 'tier', tier: 'partial' }, { kind: 'qualitative', text: '及时' }, '部分达成'],
    ['a tier with a value', { kind: 'tier', tier: 'achieved', value: 0.9 }, { kind: 'qualitative', text: '及时' }, '达成（0.9）'],
  ])('%s', (_name, actual, spec, expected) => {
    expect(formatActualValue(actual, spec)).toBe(expected);
  });
});
