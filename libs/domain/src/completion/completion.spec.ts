import Big from 'big.js';
import {
  evaluateCompletion,
  formatRate,
  gradeUnmet,
  IndicatorActualValue,
  TIER_DEFAULT_VALUES,
  relativeChangeOf,
  TIER_LABELS,
  tierValue,
} from '.';
import type { Op, RelativeChange, TargetSpec } from '../target-spec';

const num = (op: Op, value: number, unit: string | null = null): TargetSpec => ({ kind: 'numeric', op, value, unit });
const actual = (value: number, previousYear?: number | null): IndicatorActualValue => ({ kind: 'number', value, previousYear });

describe(evaluateCompletion.name, () => {
  describe('numeric ≥ / >', () => {
    it('exceeds a ≥ head-count target: r = a / v', () => {
      const result = evaluateCompletion(num('>=', 1428, '人次'), actual(1500));
      expect(result.met).toBe(true);
      expect(result.rate).toBeCloseTo(1.0504201681, 10);
      expect(result.tier).toBeNull();
      expect(result.explanation).toBe('实际 1500人次 ÷ 目标 1428人次 = 105.04%；实际 1500人次 满足 ≥ 1428人次，已达成');
    });

    it('falls short of a ≥ 95% target', () => {
      const result = evaluateCompletion(num('>=', 95, '%'), actual(85.5));
      expect(result).toMatchObject({
        met: false,
        rate: 0.9,
        tier: null,
        explanation: '实际 85.5% ÷ 目标 95% = 90.00%；实际 85.5% 未满足 ≥ 95%，未达成',
      });
    });

    it('meets a ≥ target exactly', () => {
      expect(evaluateCompletion(num('>=', 100, '%'), actual(100))).toMatchObject({ met: true, rate: 1 });
    });

    it('does not meet a > target with a = v, though r = 1', () => {
      expect(evaluateCompletion(num('>', 27, '万人'), actual(27))).toMatchObject({ met: false, rate: 1 });
    });

    it('meets a > target above v', () => {
      expect(evaluateCompletion(num('>', 27, '万人'), actual(28.35))).toMatchObject({ met: true, rate: 1.05 });
    });

    it('scores a zero actual against a ≥ target as 0', () => {
      expect(evaluateCompletion(num('>=', 2854, '人'), actual(0))).toMatchObject({ met: false, rate: 0 });
    });

    it('counts a met ≥ 0 target as 100% instead of dividing by zero', () => {
      const result = evaluateCompletion(num('>=', 0, '件'), actual(3));
      expect(result.met).toBe(true);
      expect(result.rate).toBe(1);
      expect(result.explanation).toBe('目标或实际为 0 或负数，完成率不能按比值计算，达成按 100.00% 计；实际 3件 满足 ≥ 0件，已达成');
    });

    it('counts an unmet > 0 target (a = 0) as 0%', () => {
      expect(evaluateCompletion(num('>', 0, '件'), actual(0))).toMatchObject({ met: false, rate: 0 });
    });

    it('counts a negative actual against a positive target as 0%', () => {
      expect(evaluateCompletion(num('>=', 5, '%'), actual(-2))).toMatchObject({ met: false, rate: 0 });
    });

    it('computes with the decimals as written, never a binary float (60.15 ÷ 90 = 66.83%, ratio kept exact)', () => {
      const result = evaluateCompletion(num('>=', 90, '%'), actual(60.15));
      expect(result.ratio).toEqual({ numerator: '60.15', denominator: '90' });
      expect(result.ratePercent).toBe('66.83');
      expect(result.explanation).toBe('实际 60.15% ÷ 目标 90% = 66.83%；实际 60.15% 未满足 ≥ 90%，未达成');
    });

    it('rounds a shown rate half-up exactly: 2 ÷ 3 = 66.67% in the explanation and in ratePercent', () => {
      const result = evaluateCompletion(num('>=', 3, '次'), actual(2));
      expect(result.ratePercent).toBe('66.67');
      expect(result.explanation).toContain('= 66.67%');
    });

    it('rounds a tie at 0.005% up: 1 ÷ 8000 = 0.0125% → 0.01%, 1.00005 → 100.01%', () => {
      expect(evaluateCompletion(num('>=', 8000), actual(1)).ratePercent).toBe('0.01');
      expect(evaluateCompletion(num('>=', 100000), actual(100005)).ratePercent).toBe('100.01');
    });

    it('shows very small and very large numbers without an exponent', () => {
      expect(evaluateCompletion(num('>=', 1e-7), actual(2e-7)).explanation).toBe('实际 0.0000002 ÷ 目标 0.0000001 = 200.00%；实际 0.0000002 满足 ≥ 0.0000001，已达成');
    });
  });

  describe('numeric ≤ / <', () => {
    it('meets a ≤ cost cap: r = 1', () => {
      expect(evaluateCompletion(num('<=', 41, '万元'), actual(39.8))).toMatchObject({
        met: true,
        rate: 1,
        tier: null,
        explanation: '实际不超过目标，完成率按 100.00% 计；实际 39.8万元 满足 ≤ 41万元，已达成',
      });
    });

    it('exceeds a ≤ 30 天 cap: r = v / a', () => {
      const result = evaluateCompletion(num('<=', 30, '天'), actual(40));
      expect(result).toMatchObject({
        met: false,
        rate: 0.75,
        tier: null,
        explanation: '目标 30天 ÷ 实际 40天 = 75.00%；实际 40天 未满足 ≤ 30天，未达成',
      });
    });

    it('does not meet a < target with a = v, r = v / a = 1', () => {
      expect(evaluateCompletion(num('<', 24, '小时'), actual(24))).toMatchObject({ met: false, rate: 1 });
    });

    it('meets a ≤ target with a zero actual', () => {
      expect(evaluateCompletion(num('<=', 3.2, '元/张'), actual(0))).toMatchObject({ met: true, rate: 1 });
    });

    it('gives 0% when a ≤ 0 target is exceeded', () => {
      const result = evaluateCompletion(num('<=', 0, '起'), actual(2));
      expect(result).toMatchObject({ met: false, rate: 0 });
      expect(result.explanation).toBe('目标 0起 ÷ 实际 2起 = 0.00%；实际 2起 未满足 ≤ 0起，未达成');
    });
  });

  describe('numeric =', () => {
    it('hits the exact target: r = 1', () => {
      expect(evaluateCompletion(num('=', 370, '人'), actual(370))).toMatchObject({ met: true, rate: 1 });
    });

    it('falls below: r = a / v', () => {
      expect(evaluateCompletion(num('=', 100, '%'), actual(98))).toMatchObject({ met: false, rate: 0.98 });
    });

    it('goes above: r = v / a', () => {
      const result = evaluateCompletion(num('=', 2310, '元/人/年'), actual(2400));
      expect(result.met).toBe(false);
      expect(result.rate).toBeCloseTo(0.9625, 12);
      expect(result.explanation).toBe('目标 2310元/人/年 ÷ 实际 2400元/人/年 = 96.25%；实际 2400元/人/年 未满足 = 2310元/人/年，未达成');
    });

    it('= 0 target with a non-zero actual gives 0%', () => {
      expect(evaluateCompletion(num('=', 0), actual(5))).toMatchObject({ met: false, rate: 0 });
    });

    it('= 0 target with a zero actual is met', () => {
      expect(evaluateCompletion(num('=', 0), actual(0))).toMatchObject({ met: true, rate: 1 });
    });
  });

  describe('range', () => {
    const range: TargetSpec = { kind: 'range', min: 80, max: 90, unit: '%' };

    it('inside the range: met, r = 1', () => {
      expect(evaluateCompletion(range, actual(85))).toMatchObject({
        met: true,
        rate: 1,
        tier: null,
        explanation: '实际 85% 在区间 80%–90%内，完成率 100.00%；已达成',
      });
    });

    it('on the lower bound: met', () => {
      expect(evaluateCompletion(range, actual(80))).toMatchObject({ met: true, rate: 1 });
    });

    it('on the upper bound: met', () => {
      expect(evaluateCompletion(range, actual(90))).toMatchObject({ met: true, rate: 1 });
    });

    it('below the range: r = a / lo', () => {
      expect(evaluateCompletion(range, actual(60))).toMatchObject({
        met: false,
        rate: 0.75,
        tier: null,
        explanation: '实际 60% 低于下限（区间 80%–90%）：实际 60% ÷ 下限 80% = 75.00%；未达成',
      });
    });

    it('above the range: r = hi / a', () => {
      expect(evaluateCompletion(range, actual(100))).toMatchObject({ met: false, rate: 0.9 });
    });

    it('above a 0–0 range gives 0% without dividing by zero', () => {
      const result = evaluateCompletion({ kind: 'range', min: 0, max: 0, unit: null }, actual(3));
      expect(result).toMatchObject({ met: false, rate: 0 });
    });

    it('below a range starting at 0 (negative actual) gives 0%', () => {
      const result = evaluateCompletion({ kind: 'range', min: 0, max: 5, unit: null }, actual(-1));
      expect(result.rate).toBe(0);
      expect(result.explanation).toBe('实际 -1 低于下限（区间 0–5）；下限、上限或实际为 0 或负数，完成率不能按比值计算，未达成按 0.00% 计');
    });
  });

  describe('deadline', () => {
    const deadline: TargetSpec = { kind: 'deadline', by: '09-30' };
    const done = (doneOn: string | null, value?: number): IndicatorActualValue => ({ kind: 'date', doneOn, value });

    it('done on the last allowed day: 达成, r = 1', () => {
      expect(evaluateCompletion(deadline, done('2024-09-30'), { fiscalYear: 2024 })).toMatchObject({
        met: true,
        rate: 1,
        tier: 'achieved',
        explanation: '截止 2024-09-30，2024-09-30 完成，按时，按达成默认值 1计，完成率 100.00%',
      });
    });

    it('done late: 部分达成, r = 0.7', () => {
      expect(evaluateCompletion(deadline, done('2024-10-01'), { fiscalYear: 2024 })).toMatchObject({
        met: false,
        rate: 0.7,
        tier: 'partial',
        explanation: '截止 2024-09-30，2024-10-01 完成，逾期，按部分达成默认值 0.7计，完成率 70.00%',
      });
    });

    it('not done: 未达成, r = 0.3', () => {
      expect(evaluateCompletion(deadline, done(null), { fiscalYear: 2024 })).toMatchObject({
        met: false,
        rate: 0.3,
        tier: 'not_achieved',
      });
    });

    it('done late with an evaluator value inside 部分达成', () => {
      expect(evaluateCompletion(deadline, done('2024-11-15', 0.65), { fiscalYear: 2024 })).toMatchObject({
        rate: 0.65,
        tier: 'partial',
      });
    });

    it('rejects an evaluator value outside the derived tier', () => {
      expect(() => evaluateCompletion(deadline, done('2024-11-15', 0.9), { fiscalYear: 2024 })).toThrow(
        'Tier value 0.9 is outside the range of 部分达成 [0.6, 0.8)',
      );
    });

    it('done in the previous year counts as on time', () => {
      expect(evaluateCompletion(deadline, done('2023-12-20'), { fiscalYear: 2024 })).toMatchObject({ tier: 'achieved' });
    });

    it('done in the next year is late', () => {
      expect(evaluateCompletion({ kind: 'deadline', by: '12-31' }, done('2025-01-02'), { fiscalYear: 2024 })).toMatchObject({
        tier: 'partial',
      });
    });

    it('places 02-29 on 02-28 in a common year', () => {
      const result = evaluateCompletion({ kind: 'deadline', by: '02-29' }, done('2023-02-28'), { fiscalYear: 2023 });
      expect(result.tier).toBe('achieved');
      expect(result.explanation).toContain('截止 2023-02-28');
    });

    it('accepts the evaluator tier directly', () => {
      expect(evaluateCompletion(deadline, { kind: 'tier', tier: 'partial' })).toMatchObject({ met: false, rate: 0.7, tier: 'partial' });
    });

    it('requires the fiscal year for a date actual', () => {
      expect(() => evaluateCompletion(deadline, done('2024-09-01'))).toThrow('A deadline target needs options.fiscalYear');
    });

    it('rejects an impossible date', () => {
      expect(() => evaluateCompletion(deadline, done('2024-02-30'), { fiscalYear: 2024 })).toThrow(
        `Invalid completion date "2024-02-30"`,
      );
    });

    it('rejects a malformed spec deadline', () => {
      expect(() => evaluateCompletion({ kind: 'deadline', by: '13-01' }, done('2024-02-01'), { fiscalYear: 2024 })).toThrow(
        `Invalid deadline "13-01"`,
      );
    });

    it('rejects a number for a deadline target', () => {
      expect(() => evaluateCompletion(deadline, actual(9))).toThrow(
        "Actual of kind 'number' does not fit a deadline target（截止日期目标不能录入数值）",
      );
    });
  });

  describe('recurring', () => {
    const monthly: TargetSpec = { kind: 'recurring', every: 'month', day: 20 };

    it('every month on time: met, r = 1', () => {
      expect(evaluateCompletion(monthly, { kind: 'occurrences', onTime: 12, total: 12 })).toMatchObject({
        met: true,
        rate: 1,
        tier: null,
        explanation: '每月按期完成：按时 12 次 ÷ 应完成 12 次 = 100.00%；已达成',
      });
    });

    it('11 of 12 months on time: r = 11/12', () => {
      const result = evaluateCompletion(monthly, { kind: 'occurrences', onTime: 11, total: 12 });
      expect(result.met).toBe(false);
      expect(result.rate).toBeCloseTo(0.9166666667, 10);
      expect(result.explanation).toBe('每月按期完成：按时 11 次 ÷ 应完成 12 次 = 91.67%；未达成');
    });

    it('quarterly, none on time: r = 0', () => {
      expect(evaluateCompletion({ kind: 'recurring', every: 'quarter', day: null }, { kind: 'occurrences', onTime: 0, total: 4 })).toMatchObject({
        met: false,
        rate: 0,
      });
    });

    it('rejects zero occurrences due', () => {
      expect(() => evaluateCompletion(monthly, { kind: 'occurrences', onTime: 0, total: 0 })).toThrow(
        'Occurrences total must be a positive integer, got 0',
      );
    });

    it('rejects more on time than due', () => {
      expect(() => evaluateCompletion(monthly, { kind: 'occurrences', onTime: 13, total: 12 })).toThrow(
        'Occurrences on time must be an integer between 0 and 12, got 13',
      );
    });

    it('takes the evaluator tier for a recurring target', () => {
      expect(evaluateCompletion(monthly, { kind: 'tier', tier: 'partial' })).toMatchObject({ met: false, tier: 'partial', ratePercent: '70.00' });
    });

    describe('a count per period (每季度1次, 每月不少于2次, 每年2次)', () => {
      it('counts occurrences against times × periods: 每季度1次 done in 3 quarters → 75%', () => {
        const result = evaluateCompletion({ kind: 'recurring', every: 'quarter', day: null, times: 1 }, { kind: 'occurrences', onTime: 3, total: 4 });
        expect(result).toMatchObject({ met: false, ratePercent: '75.00' });
        expect(result.explanation).toBe('每季度至少1次：达标 3 次 ÷ 应完成 4 次 = 75.00%；未达成');
      });

      it('每月不少于2次, every month twice: met', () => {
        const result = evaluateCompletion({ kind: 'recurring', every: 'month', day: null, times: 2 }, { kind: 'occurrences', onTime: 24, total: 24 });
        expect(result).toMatchObject({ met: true, ratePercent: '100.00' });
      });

      it('每年2次 done once: 50%, not a met ≥ 1 次', () => {
        expect(evaluateCompletion({ kind: 'recurring', every: 'year', day: null, times: 2 }, { kind: 'occurrences', onTime: 1, total: 2 })).toMatchObject({
          met: false,
          ratePercent: '50.00',
        });
      });

    });
  });

  describe('relative', () => {
    const rel = (op: Op, delta: number | null, unit: string | null, change?: RelativeChange): TargetSpec =>
      change === undefined ? { kind: 'relative', op, delta, unit } : { kind: 'relative', op, delta, unit, change };

    it('不低于上年 (delta null): target is the previous-year value', () => {
      const result = evaluateCompletion(rel('>=', null, null), actual(105, 100));
      expect(result).toMatchObject({ met: true, rate: 1.05, ratePercent: '105.00', tier: null });
      expect(result.explanation).toBe('目标 = 上年 100；实际 105 ÷ 目标 100 = 105.00%；实际 105 满足 ≥ 100，已达成');
    });

    it('不低于上年 and a lower actual: a ÷ p', () => {
      expect(evaluateCompletion(rel('>=', null, null), actual(90, 100))).toMatchObject({ met: false, ratePercent: '90.00' });
    });

    describe('比上年提高 ≥10 百分比 as a relative change (change: percent)', () => {
      const spec = rel('>=', 10, '%', 'percent');

      it('no improvement at all scores 0, not 91%', () => {
        const result = evaluateCompletion(spec, actual(200, 200));
        expect(result).toMatchObject({ met: false, ratePercent: '0.00', rate: 0 });
        expect(result.explanation).toBe(
          '上年 200，实际 200：增减幅度 = (200 − 200) ÷ 200 = 0.00%；目标变化 ≥ 10%；没有变化或向相反方向变化，完成率按 0.00% 计；未达成',
        );
      });

      it('half the asked growth scores 50%: (210 − 200) ÷ 200 = 5% of 10%', () => {
        const result = evaluateCompletion(spec, actual(210, 200));
        expect(result).toMatchObject({ met: false, ratePercent: '50.00' });
        expect(result.explanation).toContain('完成率 = 实际变化 ÷ 目标变化 = 50.00%');
      });

      it('the asked growth is met: 220 on 200', () => {
        expect(evaluateCompletion(spec, actual(220, 200))).toMatchObject({ met: true, ratePercent: '100.00' });
      });

      it('a fall scores 0', () => {
        expect(evaluateCompletion(spec, actual(180, 200))).toMatchObject({ met: false, ratePercent: '0.00' });
      });

      it('refuses a relative change on a previous-year value of 0', () => {
        expect(() => evaluateCompletion(spec, actual(5, 0))).toThrow('无法计算相对上年的增减幅度');
      });
    });

    it('percentage points (change: points): 93% on 90% is +3 of +2 points, met', () => {
      const result = evaluateCompletion(rel('>=', 2, '%', 'points'), actual(93, 90));
      expect(result).toMatchObject({ met: true, ratePercent: '150.00' });
      expect(result.explanation).toBe('上年 90，实际 93：变化 = 93 − 90 = 3 个百分点；目标变化 ≥ 2 个百分点；完成率 = 实际变化 ÷ 目标变化 = 150.00%；已达成');
    });

    it('a change in the unit (增加3家): +2 of +3 → 66.67%', () => {
      const result = evaluateCompletion(rel('>=', 3, '家', 'unit'), actual(12, 10));
      expect(result).toMatchObject({ met: false, ratePercent: '66.67' });
      expect(result.explanation).toContain('变化 = 12 − 10 = 2家');
    });

    it('a decrease (下降 ≥5%, op <=, delta −5): a fall of 2.5% scores 50%', () => {
      const result = evaluateCompletion(rel('<=', -5, '%', 'percent'), actual(97.5, 100));
      expect(result).toMatchObject({ met: false, ratePercent: '50.00' });
    });

    it('a decrease met: 下降2个百分点 from 10 to 7.5', () => {
      expect(evaluateCompletion(rel('<=', -2, '个百分点', 'points'), actual(7.5, 10))).toMatchObject({ met: true, ratePercent: '125.00' });
    });

    it('a decrease that went up scores 0', () => {
      expect(evaluateCompletion(rel('<=', -2, '个百分点', 'points'), actual(11, 10))).toMatchObject({ met: false, ratePercent: '0.00' });
    });

    it('a cap on growth (增长不超过5%): within → 100%, beyond → d ÷ change', () => {
      expect(evaluateCompletion(rel('<=', 5, '%', 'percent'), actual(103, 100))).toMatchObject({ met: true, ratePercent: '100.00' });
      expect(evaluateCompletion(rel('<=', 5, '%', 'percent'), actual(90, 100))).toMatchObject({ met: true, ratePercent: '100.00' });
      expect(evaluateCompletion(rel('<=', 5, '%', 'percent'), actual(110, 100))).toMatchObject({ met: false, ratePercent: '50.00' });
    });

    it('an exact change (=): below → change ÷ d, above → d ÷ change, wrong way → 0', () => {
      expect(evaluateCompletion(rel('=', 4, '人', 'unit'), actual(104, 100))).toMatchObject({ met: true, ratePercent: '100.00' });
      expect(evaluateCompletion(rel('=', 4, '人', 'unit'), actual(103, 100))).toMatchObject({ met: false, ratePercent: '75.00' });
      expect(evaluateCompletion(rel('=', 4, '人', 'unit'), actual(108, 100))).toMatchObject({ met: false, ratePercent: '50.00' });
      expect(evaluateCompletion(rel('=', 4, '人', 'unit'), actual(99, 100))).toMatchObject({ met: false, ratePercent: '0.00' });
    });

    it('a change of 0 asked: met or not, 100% or 0%', () => {
      expect(evaluateCompletion(rel('>=', 0, '%', 'points'), actual(90, 90))).toMatchObject({ met: true, ratePercent: '100.00' });
      expect(evaluateCompletion(rel('>=', 0, '%', 'points'), actual(89, 90))).toMatchObject({ met: false, ratePercent: '0.00' });
    });

    it('without `change`, reads the unit: 百分点 → points, % → a relative change, else the unit', () => {
      expect(relativeChangeOf({ kind: 'relative', op: '>=', delta: 2, unit: '百分点' })).toBe('points');
      expect(relativeChangeOf({ kind: 'relative', op: '>=', delta: 10, unit: '百分比' })).toBe('percent');
      expect(relativeChangeOf({ kind: 'relative', op: '>=', delta: 10, unit: '%' })).toBe('percent');
      expect(relativeChangeOf({ kind: 'relative', op: '>=', delta: 3, unit: '家' })).toBe('unit');
      expect(relativeChangeOf({ kind: 'relative', op: '>=', delta: 3, unit: null })).toBe('unit');
      expect(relativeChangeOf({ kind: 'relative', op: '>=', delta: null, unit: null })).toBeNull();
      expect(relativeChangeOf({ kind: 'relative', op: '>=', delta: 10, unit: '%', change: 'points' })).toBe('points');
    });

    it('requires the previous-year value', () => {
      expect(() => evaluateCompletion(rel('>=', null, null), actual(5))).toThrow('needs the previous-year value (previousYear)');
    });

    it('rejects a null previous-year value', () => {
      expect(() => evaluateCompletion(rel('>=', null, null), actual(5, null))).toThrow('needs the previous-year value');
    });
  });

  describe('qualitative', () => {
    const qualitative: TargetSpec = { kind: 'qualitative', text: '全覆盖' };

    it('达成 with the default value', () => {
      expect(evaluateCompletion(qualitative, { kind: 'tier', tier: 'achieved' })).toMatchObject({
        met: true,
        rate: 1,
        tier: 'achieved',
        explanation: '定性指标评价为「达成」，按达成默认值 1计，完成率 100.00%',
      });
    });

    it('达成 with an evaluator value of 0.85', () => {
      expect(evaluateCompletion(qualitative, { kind: 'tier', tier: 'achieved', value: 0.85 })).toMatchObject({
        met: true,
        rate: 0.85,
        tier: 'achieved',
        explanation: '定性指标评价为「达成」，按达成评价值 0.85计，完成率 85.00%',
      });
    });

    it('部分达成 is not met', () => {
      expect(evaluateCompletion(qualitative, { kind: 'tier', tier: 'partial' })).toMatchObject({ met: false, rate: 0.7 });
    });

    it('未达成 with value 0', () => {
      expect(evaluateCompletion(qualitative, { kind: 'tier', tier: 'not_achieved', value: 0 })).toMatchObject({ met: false, rate: 0 });
    });

    it('rejects a number for a qualitative target', () => {
      expect(() => evaluateCompletion(qualitative, actual(1))).toThrow("Actual of kind 'number' does not fit a qualitative target");
    });
  });

  describe('malformed actuals', () => {
    it('rejects NaN', () => {
      expect(() => evaluateCompletion(num('>=', 1), actual(Number.NaN))).toThrow('Actual value must be a finite number, got NaN');
    });

    it('rejects Infinity', () => {
      expect(() => evaluateCompletion(num('>=', 1), actual(Number.POSITIVE_INFINITY))).toThrow('got Infinity');
    });

    it('rejects a date for a numeric target', () => {
      expect(() => evaluateCompletion(num('>=', 1), { kind: 'date', doneOn: '2024-01-01' })).toThrow(
        "Actual of kind 'date' does not fit a numeric target（数值目标不能录入完成日期）",
      );
    });

    it('rejects occurrences for a range target', () => {
      expect(() => evaluateCompletion({ kind: 'range', min: 1, max: 2, unit: null }, { kind: 'occurrences', onTime: 1, total: 1 })).toThrow(
        "Actual of kind 'occurrences' does not fit a range target",
      );
    });
  });
});

describe(tierValue.name, () => {
  it.each([
    ['achieved', 1],
    ['partial', 0.7],
    ['not_achieved', 0.3],
  ] as const)('defaults %s to %p', (tier, value) => {
    expect(tierValue(tier)).toBe(value);
    expect(TIER_DEFAULT_VALUES[tier]).toBe(value);
  });

  it.each([
    ['achieved', 0.8],
    ['achieved', 1.0],
    ['partial', 0.6],
    ['partial', 0.79],
    ['not_achieved', 0],
    ['not_achieved', 0.59],
  ] as const)('accepts %s = %p at the edge of its range', (tier, value) => {
    expect(tierValue(tier, value)).toBe(value);
  });

  it.each([
    ['achieved', 0.79, 'Tier value 0.79 is outside the range of 达成 [0.8, 1]'],
    ['achieved', 1.01, 'Tier value 1.01 is outside the range of 达成 [0.8, 1]'],
    ['partial', 0.8, 'Tier value 0.8 is outside the range of 部分达成 [0.6, 0.8)'],
    ['partial', 0.59, 'Tier value 0.59 is outside the range of 部分达成 [0.6, 0.8)'],
    ['not_achieved', 0.6, 'Tier value 0.6 is outside the range of 未达成 [0, 0.6)'],
    ['not_achieved', -0.1, 'Tier value -0.1 is outside the range of 未达成 [0, 0.6)'],
  ] as const)('rejects %s = %p', (tier, value, message) => {
    expect(() => tierValue(tier, value)).toThrow(message);
  });

  it('treats null as the default', () => {
    expect(tierValue('partial', null)).toBe(0.7);
  });

  it('has the national Chinese labels', () => {
    expect(TIER_LABELS).toEqual({ achieved: '达成', partial: '部分达成', not_achieved: '未达成' });
  });
});

describe(gradeUnmet.name, () => {
  it.each([
    [1.0, 'minor'],
    [0.9, 'minor'],
    [0.8999, 'moderate'],
    [0.6, 'moderate'],
    [0.5999, 'severe'],
    [0, 'severe'],
  ] as const)('grades r = %p as %s', (rate, grade) => {
    expect(gradeUnmet(rate)).toBe(grade);
  });

  it('rejects NaN', () => {
    expect(() => gradeUnmet(Number.NaN)).toThrow('Invalid completion rate: NaN');
  });
});

describe(formatRate.name, () => {
  it('rounds half-up on the decimal form', () => {
    expect(formatRate(0.91665)).toBe('91.67%');
  });

  it('writes two places', () => {
    expect(formatRate(1)).toBe('100.00%');
  });

  it.each([
    [0, '0.00%'],
    [0.12345, '12.35%'], // a tie at the third decimal of the percentage: half-up
    [0.12344999, '12.34%'],
    [0.99995, '100.00%'],
    [1.00005, '100.01%'],
    [0.00005, '0.01%'],
    [0.000049, '0.00%'],
    [2 / 3, '66.67%'],
    [0.1 + 0.2, '30.00%'],
    [123456.78905, '12345678.91%'],
    [5e-7, '0.00%'], // an exponent in the decimal form
    [1e21, '100000000000000000000000.00%'],
  ])('formats %p as %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });

  it('agrees with big.js on the shortest decimal form of many rates', () => {
    const reference = (rate: number): string => `${new Big(rate).times(100).round(2, Big.roundHalfUp).toFixed(2)}%`;
    const rates: number[] = [];
    for (let i = 0; i < 20000; i++) {
      rates.push(i / 7919, (i + 0.5) / 10000, i / 3, (i * 7) / 1000003, (i % 100) * 1e-7);
    }
    const differing = rates.filter((rate) => formatRate(rate) !== reference(rate));
    expect(differing).toEqual([]);
  });
});
