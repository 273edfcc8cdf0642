import { parseTarget } from './parse-target';
import { checkTargetSpec, isTargetSpec } from './target-spec-check';

describe(checkTargetSpec.name, () => {
  it.each([
    { kind: 'numeric', op: '>=', value: 1428, unit: '人次' },
    { kind: 'numeric', op: '<=', value: 41, unit: '万元' },
    { kind: 'range', min: 6, max: 9, unit: '月' },
    { kind: 'deadline', by: '09-30' },
    { kind: 'deadline', by: '02-29' },
    { kind: 'recurring', every: 'month', day: 20 },
    { kind: 'recurring', every: 'quarter', day: null },
    { kind: 'recurring', every: 'quarter', day: null, times: 1 },
    { kind: 'recurring', every: 'year', day: null, times: 2 },
    { kind: 'relative', op: '>=', delta: null, unit: null },
    { kind: 'relative', op: '>=', delta: 10, unit: '%' },
    { kind: 'relative', op: '>=', delta: 2, unit: '%', change: 'points' },
    { kind: 'relative', op: '>=', delta: 3, unit: '家', change: 'unit' },
    { kind: 'qualitative', text: '全覆盖' },
  ])('accepts %p', (spec) => {
    expect(checkTargetSpec(spec)).toBeNull();
    expect(isTargetSpec(spec)).toBe(true);
  });

  it.each([
    [null, '对象'],
    [[], '对象'],
    [{ kind: 'numeric', op: '≥', value: 1, unit: null }, '比较符'],
    [{ kind: 'numeric', op: '>=', value: '1', unit: null }, '数字'],
    [{ kind: 'numeric', op: '>=', value: Number.NaN, unit: null }, '数字'],
    [{ kind: 'numeric', op: '>=', value: 1 }, 'unit'],
    [{ kind: 'numeric', op: '>=', value: 1, unit: null, extra: 1 }, '仅包含'],
    [{ kind: 'range', min: 9, max: 6, unit: null }, '下限不能大于上限'],
    [{ kind: 'deadline', by: '9-30' }, '月-日'],
    [{ kind: 'deadline', by: '04-31' }, '4 月没有 31 日'],
    [{ kind: 'recurring', every: 'week', day: null }, '周期'],
    [{ kind: 'recurring', every: 'month', day: 32 }, '1 到 31'],
    [{ kind: 'recurring', every: 'year', day: null }, '每年至少几次'],
    [{ kind: 'recurring', every: 'month', day: null, times: 0 }, '1 到 1000 的整数'],
    [{ kind: 'recurring', every: 'month', day: null, times: 1.5 }, '1 到 1000 的整数'],
    [{ kind: 'relative', op: '>=', delta: 'x', unit: null }, '增减幅度'],
    [{ kind: 'relative', op: '>=', delta: null, unit: null, change: 'points' }, '未写增减幅度时不能指定'],
    [{ kind: 'relative', op: '>=', delta: 5, unit: '%', change: 'ratio' }, '计量方式'],
    [{ kind: 'qualitative', text: 3 }, '文字'],
    [{ kind: 'percent', value: 1 }, '解析类型'],
  ])('rejects %p with a reason naming %s', (spec, reason) => {
    expect(checkTargetSpec(spec)).toContain(reason);
    expect(isTargetSpec(spec)).toBe(false);
  });

  it('accepts whatever parseTarget produces', () => {
    for (const raw of ['≥1428 人次', '6-9 月', '10 月份前', '每月 20 号之前', '不低于上年', '全覆盖', '', '比上年提高 ≥10 百分比']) {
      expect(checkTargetSpec(parseTarget(raw).spec)).toBeNull();
    }
  });
});
