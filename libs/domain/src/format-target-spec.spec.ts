import { formatTargetSpec } from './format-target-spec';
import type { TargetSpec } from './target-spec';

describe(formatTargetSpec.name, () => {
  describe('numeric', () => {
    it.each<[TargetSpec, string]>([
      [{ kind: 'numeric', op: '>=', value: 1428, unit: '人次' }, '≥ 1428 人次'],
      [{ kind: 'numeric', op: '<=', value: 41, unit: '万元' }, '≤ 41 万元'],
      [{ kind: 'numeric', op: '=', value: 370, unit: '人' }, '= 370 人'],
      [{ kind: 'numeric', op: '>', value: 27, unit: '万人' }, '> 27 万人'],
      [{ kind: 'numeric', op: '<', value: 3.2, unit: '元/张' }, '< 3.2 元/张'],
      [{ kind: 'numeric', op: '>=', value: 95, unit: '%' }, '≥ 95%'],
      [{ kind: 'numeric', op: '>=', value: 3, unit: null }, '≥ 3'],
      [{ kind: 'numeric', op: '>=', value: 1e21, unit: '元' }, '≥ 1000000000000000000000 元'],
    ])('%j → %s', (spec, expected) => {
      expect(formatTargetSpec(spec)).toBe(expected);
    });
  });

  describe('range', () => {
    it.each<[TargetSpec, string]>([
      [{ kind: 'range', min: 6, max: 9, unit: '月' }, '6 至 9 月'],
      [{ kind: 'range', min: 80, max: 90, unit: '%' }, '80%–90%'],
      [{ kind: 'range', min: 1.5, max: 2, unit: null }, '1.5 至 2'],
    ])('%j → %s', (spec, expected) => {
      expect(formatTargetSpec(spec)).toBe(expected);
    });
  });

  describe('deadline', () => {
    it.each<[TargetSpec, string]>([
      [{ kind: 'deadline', by: '09-30' }, '不晚于9月30日'],
      [{ kind: 'deadline', by: '12-31' }, '不晚于12月31日'],
      [{ kind: 'deadline', by: '02-29' }, '不晚于2月29日'],
    ])('%j → %s', (spec, expected) => {
      expect(formatTargetSpec(spec)).toBe(expected);
    });

    it('shows a malformed date as written instead of guessing', () => {
      expect(formatTargetSpec({ kind: 'deadline', by: '年底' })).toBe('截止日期：年底');
    });
  });

  describe('recurring', () => {
    it.each<[TargetSpec, string]>([
      [{ kind: 'recurring', every: 'month', day: 20 }, '每月20日前'],
      [{ kind: 'recurring', every: 'month', day: null }, '每月末'],
      [{ kind: 'recurring', every: 'quarter', day: null }, '每季度末'],
      [{ kind: 'recurring', every: 'quarter', day: 10 }, '每季度10日前'],
    ])('%j → %s', (spec, expected) => {
      expect(formatTargetSpec(spec)).toBe(expected);
    });
  });

  describe('relative', () => {
    it.each<[TargetSpec, string]>([
      [{ kind: 'relative', op: '>=', delta: null, unit: null }, '不低于上年'],
      [{ kind: 'relative', op: '>', delta: null, unit: null }, '高于上年'],
      [{ kind: 'relative', op: '<=', delta: null, unit: null }, '不高于上年'],
      [{ kind: 'relative', op: '<', delta: null, unit: null }, '低于上年'],
      [{ kind: 'relative', op: '=', delta: null, unit: null }, '与上年持平'],
      [{ kind: 'relative', op: '>=', delta: 0, unit: '%' }, '不低于上年'],
      [{ kind: 'relative', op: '>=', delta: 10, unit: '%' }, '比上年提高 ≥ 10%'],
      [{ kind: 'relative', op: '>=', delta: 2, unit: '个百分点' }, '比上年提高 ≥ 2 个百分点'],
      [{ kind: 'relative', op: '<=', delta: -5, unit: '%' }, '比上年降低 ≥ 5%'],
      [{ kind: 'relative', op: '>', delta: -5, unit: '天' }, '比上年降低 < 5 天'],
    ])('%j → %s', (spec, expected) => {
      expect(formatTargetSpec(spec)).toBe(expected);
    });
  });

  describe('qualitative', () => {
    it('prefixes the text with 定性', () => {
      expect(formatTargetSpec({ kind: 'qualitative', text: '全覆盖' })).toBe('定性：全覆盖');
    });

    it('names an empty text a qualitative indicator', () => {
      expect(formatTargetSpec({ kind: 'qualitative', text: ' ' })).toBe('定性指标');
    });
  });
});
