import {
  applyLikelihood,
  DEVIATION_CATEGORIES,
  DEVIATION_CATEGORY_LABELS,
  indicatorPace,
  IndicatorPaceInput,
  LIGHT_LABELS,
  lightForPace,
  LIKELIHOOD_LABELS,
  PERIOD_LABELS,
  periodEnd,
  PERIODS,
  SpendingPlanPoint,
  spendingPace,
  yearShareElapsed,
} from './lights';
import type { TargetSpec } from './target-spec';

describe(lightForPace.name, () => {
  it.each([
    [0, 'red'],
    [0.5999, 'red'],
    [0.6, 'yellow'],
    [0.7999, 'yellow'],
    [0.8, 'green'],
    [1, 'green'],
    [1.1999, 'green'],
    [1.2, 'blue'],
    [3, 'blue'],
  ] as const)('pace %p is %s', (pace, light) => {
    expect(lightForPace(pace)).toBe(light);
  });

  it('ignores binary noise at a boundary (0.7999999999999999 is green)', () => {
    expect(lightForPace(0.7999999999999999)).toBe('green');
  });

  it('ignores binary noise at 1.2 (1.1999999999999997 is blue)', () => {
    expect(lightForPace(1.1999999999999997)).toBe('blue');
  });

  it('rejects NaN', () => {
    expect(() => lightForPace(Number.NaN)).toThrow('Invalid pace: NaN');
  });
});

describe(applyLikelihood.name, () => {
  it.each([
    ['green', 'certain', 'green'],
    ['blue', 'certain', 'blue'],
    ['red', 'certain', 'red'],
    ['green', 'possible', 'yellow'],
    ['blue', 'possible', 'yellow'],
    ['yellow', 'possible', 'yellow'],
    ['red', 'possible', 'red'],
    ['green', 'impossible', 'red'],
    ['blue', 'impossible', 'red'],
    ['yellow', 'impossible', 'red'],
    [null, 'possible', 'yellow'],
    [null, 'impossible', 'red'],
    [null, 'certain', null],
    ['yellow', null, 'yellow'],
    ['blue', undefined, 'blue'],
  ] as const)('%p with likelihood %p gives %p', (light, likelihood, expected) => {
    expect(applyLikelihood(light, likelihood)).toBe(expected);
  });
});

describe(periodEnd.name, () => {
  it.each([
    ['Q1', 3],
    ['Q2', 6],
    ['Q3', 9],
    ['Q4', 12],
    ['M7', 7],
    ['M9', 9],
    ['Y', 12],
  ] as const)('%s ends with month %p', (period, month) => {
    expect(periodEnd(period)).toBe(month);
  });

  it('lists every period with a Chinese label', () => {
    expect(PERIODS.map((period) => PERIOD_LABELS[period])).toEqual(['一季度', '二季度', '三季度', '四季度', '1–7月', '1–9月', '全年']);
  });
});

describe(yearShareElapsed.name, () => {
  it('is a quarter at Q1', () => {
    expect(yearShareElapsed('Q1')).toBe(0.25);
  });

  it('is 7/12 at M7', () => {
    expect(yearShareElapsed('M7')).toBe(7 / 12);
  });

  it('is the whole year at Y', () => {
    expect(yearShareElapsed('Y')).toBe(1);
  });
});

describe('labels', () => {
  it('gives each light a text label and an icon', () => {
    expect(LIGHT_LABELS).toEqual({
      red: { label: '红灯·严重滞后', short: '严重滞后', icon: 'close-circle' },
      yellow: { label: '黄灯·进度偏慢', short: '进度偏慢', icon: 'exclamation-circle' },
      green: { label: '绿灯·正常', short: '正常', icon: 'check-circle' },
      blue: { label: '蓝灯·超前', short: '超前', icon: 'rise' },
      grey: { label: '灰灯·未填报', short: '未填报', icon: 'question-circle' },
    });
  });

  it('names the likelihoods as the national forms do', () => {
    expect(LIKELIHOOD_LABELS).toEqual({ certain: '确定能', possible: '有可能', impossible: '完全不可能' });
  });

  it('lists the national deviation categories in order', () => {
    expect(DEVIATION_CATEGORIES).toEqual([
      { key: 'funding', label: '经费保障' },
      { key: 'institutional', label: '制度保障' },
      { key: 'staffing', label: '人员保障' },
      { key: 'facilities', label: '硬件条件保障' },
      { key: 'other', label: '其他' },
    ]);
    expect(DEVIATION_CATEGORY_LABELS.facilities).toBe('硬件条件保障');
  });
});

describe(spendingPace.name, () => {
  const quarterly: SpendingPlanPoint[] = [
    { month: 3, cumulativeAmount: '200.00' },
    { month: 6, cumulativeAmount: '500.00' },
    { month: 9, cumulativeAmount: '800.00' },
    { month: 12, cumulativeAmount: '1200.00' },
  ];

  it('uses a linear plan over the year when none was set (scenario: 1–7月 without plan)', () => {
    expect(spendingPace({ plan: [], budget: '1200.00', spentToDate: '600.00', asOf: 'M7' })).toEqual({
      pace: 0.8571428571,
      light: 'green',
      planned: '700.00',
      explanation:
        '截至 7 月底（1–7月）计划累计支出 700.00（无支出计划，按全年预算 1200.00 线性计划）；实际 600.00 ÷ 计划 700.00 = 85.71% → 绿灯·正常',
    });
  });

  it('reads the plan at a checkpoint (scenario: Q2 on plan)', () => {
    expect(spendingPace({ plan: quarterly, budget: '1200.00', spentToDate: '500.00', asOf: 'Q2' })).toEqual({
      pace: 1,
      light: 'green',
      planned: '500.00',
      explanation: '截至 6 月底（二季度）计划累计支出 500.00（支出计划 6 月底累计 500.00）；实际 500.00 ÷ 计划 500.00 = 100.00% → 绿灯·正常',
    });
  });

  it('interpolates between checkpoints at a month end; 0.8 is green', () => {
    const result = spendingPace({ plan: quarterly, budget: '1200.00', spentToDate: '480.00', asOf: { month: 7 } });
    expect(result).toEqual({
      pace: 0.8,
      light: 'green',
      planned: '600.00',
      explanation: '截至 7 月底计划累计支出 600.00（支出计划在 6 月底 500.00 与 9 月底 800.00 之间线性插值）；实际 480.00 ÷ 计划 600.00 = 80.00% → 绿灯·正常',
    });
  });

  it('interpolates to the day, the day inclusive (scenario: 7月15日, just under 60%)', () => {
    const result = spendingPace({ plan: quarterly, budget: '1200.00', spentToDate: '329.03', asOf: { month: 7, day: 15, year: 2024 } });
    expect(result.planned).toBe('548.39'); // 500 + 300 × (15/31) / 3
    expect(result.pace).toBe(0.5999927059);
    expect(result.light).toBe('red');
    expect(result.explanation).toBe(
      '截至 7 月 15 日计划累计支出 548.39（支出计划在 6 月底 500.00 与 9 月底 800.00 之间线性插值）；实际 329.03 ÷ 计划 548.39 = 59.99% → 红灯·严重滞后',
    );
  });

  it('interpolates from 0 at the start of the year, February of a common year by default', () => {
    const result = spendingPace({ plan: quarterly, budget: '1200.00', spentToDate: '100.00', asOf: { month: 2, day: 14 } });
    expect(result.planned).toBe('100.00'); // 200 × 1.5 / 3
    expect(result.explanation).toContain('支出计划在 年初 0.00 与 3 月底 200.00 之间线性插值');
  });

  it('uses February 29 in a leap year', () => {
    expect(spendingPace({ plan: quarterly, budget: '1200.00', spentToDate: '0.00', asOf: { month: 2, day: 29, year: 2024 } }).planned).toBe(
      '133.33',
    );
  });

  it('extends a plan that stops before December linearly to the budget', () => {
    const result = spendingPace({
      plan: [
        { month: 6, cumulativeAmount: '600.00' },
        { month: 3, cumulativeAmount: '300.00' },
      ],
      budget: '1200.00',
      spentToDate: '1000.00',
      asOf: 'M9',
    });
    expect(result).toMatchObject({ planned: '900.00', pace: 1.1111111111, light: 'green' });
  });

  it('keeps a December checkpoint below the budget as planned', () => {
    const result = spendingPace({ plan: [{ month: 12, cumulativeAmount: '1000.00' }], budget: '1200.00', spentToDate: '1000.00', asOf: 'Y' });
    expect(result).toMatchObject({ planned: '1000.00', pace: 1, light: 'green' });
  });

  it('is yellow at exactly 60%', () => {
    expect(spendingPace({ plan: quarterly, budget: '1200.00', spentToDate: '300.00', asOf: 'Q2' })).toMatchObject({ pace: 0.6, light: 'yellow' });
  });

  it('is red just under 60%', () => {
    expect(spendingPace({ plan: quarterly, budget: '1200.00', spentToDate: '299.99', asOf: 'Q2' })).toMatchObject({ pace: 0.59998, light: 'red' });
  });

  it('is blue at exactly 120% (scenario: spending ahead of plan)', () => {
    expect(spendingPace({ plan: quarterly, budget: '1200.00', spentToDate: '600.00', asOf: 'Q2' })).toMatchObject({ pace: 1.2, light: 'blue' });
  });

  it('is green when nothing was planned and nothing spent', () => {
    const result = spendingPace({ plan: [{ month: 3, cumulativeAmount: '0.00' }], budget: '1200.00', spentToDate: '0.00', asOf: 'Q1' });
    expect(result).toEqual({
      pace: null,
      light: 'green',
      planned: '0.00',
      explanation: '截至 3 月底（一季度）计划累计支出 0.00（支出计划 3 月底累计 0.00）；计划为 0，进度无法按比值计算，实际支出 0.00，正常 → 绿灯·正常',
    });
  });

  it('is blue when something was spent against a plan of 0', () => {
    expect(spendingPace({ plan: [{ month: 3, cumulativeAmount: '0.00' }], budget: '1200.00', spentToDate: '10.00', asOf: 'Q1' })).toMatchObject({
      pace: null,
      light: 'blue',
    });
  });

  it('is red when nothing was spent by 1–9月 (scenario: second monitoring round)', () => {
    expect(spendingPace({ plan: [], budget: '19966200.00', spentToDate: '0.00', asOf: 'M9' })).toMatchObject({
      planned: '14974650.00',
      pace: 0,
      light: 'red',
    });
  });

  it('rejects a duplicate plan month', () => {
    expect(() =>
      spendingPace({
        plan: [
          { month: 3, cumulativeAmount: '1.00' },
          { month: 3, cumulativeAmount: '2.00' },
        ],
        budget: '10.00',
        spentToDate: '0.00',
        asOf: 'Q1',
      }),
    ).toThrow('Duplicate plan month: 3');
  });

  it('rejects a plan month outside 1–12', () => {
    expect(() => spendingPace({ plan: [{ month: 13, cumulativeAmount: '1.00' }], budget: '10.00', spentToDate: '0.00', asOf: 'Q1' })).toThrow(
      'Invalid plan month: 13',
    );
  });

  it('rejects a float-looking amount', () => {
    expect(() => spendingPace({ plan: [], budget: '10.001', spentToDate: '0.00', asOf: 'Q1' })).toThrow('Invalid budget "10.001"');
  });

  it('rejects a negative spend', () => {
    expect(() => spendingPace({ plan: [], budget: '10.00', spentToDate: '-1.00', asOf: 'Q1' })).toThrow('Invalid spentToDate "-1.00"');
  });

  it('rejects February 29 in a common year', () => {
    expect(() => spendingPace({ plan: [], budget: '10.00', spentToDate: '0.00', asOf: { month: 2, day: 29, year: 2023 } })).toThrow(
      'Invalid day 29 of month 2',
    );
  });

  it('rejects an unknown period', () => {
    expect(() => spendingPace({ plan: [], budget: '10.00', spentToDate: '0.00', asOf: 'H1' as 'Q1' })).toThrow('Invalid period "H1"');
  });

  it('rejects month 0', () => {
    expect(() => spendingPace({ plan: [], budget: '10.00', spentToDate: '0.00', asOf: { month: 0 } })).toThrow('Invalid month: 0');
  });
});

describe(indicatorPace.name, () => {
  const people: TargetSpec = { kind: 'numeric', op: '>=', value: 1200, unit: '人次' };
  const input = (extra: Partial<IndicatorPaceInput>): IndicatorPaceInput => ({ spec: people, actualToDate: null, yearShareElapsed: 7 / 12, ...extra });

  it('compares a cumulative quantity with the time-proportional target; exactly 60% is yellow (scenario: 1–7月)', () => {
    expect(indicatorPace(input({ actualToDate: 420 }))).toEqual({
      pace: 0.6,
      light: 'yellow',
      explanation: '实际 420人次 ÷ (目标 1200人次 × 时间进度 58.33% = 700人次) = 60.00% → 黄灯·进度偏慢',
    });
  });

  it('is green on schedule', () => {
    expect(indicatorPace(input({ actualToDate: 700 }))).toMatchObject({ pace: 1, light: 'green' });
  });

  it('is blue well ahead (often a target set too low)', () => {
    expect(indicatorPace(input({ actualToDate: 1200 }))).toMatchObject({ pace: 1.7142857143, light: 'blue' });
  });

  it('uses the forecast when given, ignoring the actual to date', () => {
    expect(indicatorPace(input({ actualToDate: 100, forecast: 1000 }))).toEqual({
      pace: 0.8333333333,
      light: 'green',
      explanation: '全年预计 1000人次 ÷ 目标 1200人次 = 83.33% → 绿灯·正常',
    });
  });

  it('darkens green to yellow when completion is only possible', () => {
    expect(indicatorPace(input({ forecast: 1000, likelihood: 'possible' }))).toEqual({
      pace: 0.8333333333,
      light: 'yellow',
      explanation: '全年预计 1000人次 ÷ 目标 1200人次 = 83.33% → 绿灯·正常；完成可能性「有可能」，调整为 黄灯·进度偏慢',
    });
  });

  it('forces red when completion is impossible', () => {
    expect(indicatorPace(input({ actualToDate: 700, likelihood: 'impossible' }))).toMatchObject({ pace: 1, light: 'red' });
  });

  it('keeps the light when completion is certain', () => {
    expect(indicatorPace(input({ actualToDate: 420, likelihood: 'certain' }))).toEqual({
      pace: 0.6,
      light: 'yellow',
      explanation: '实际 420人次 ÷ (目标 1200人次 × 时间进度 58.33% = 700人次) = 60.00% → 黄灯·进度偏慢；完成可能性「确定能」，灯不变',
    });
  });

  it('compares a rate in % directly, not scaled by time (scenario: ≥95% 满意度)', () => {
    const result = indicatorPace({ spec: { kind: 'numeric', op: '>=', value: 95, unit: '%' }, actualToDate: 90, yearShareElapsed: 0.25 });
    expect(result).toEqual({ pace: 0.9473684211, light: 'green', explanation: '非累计指标：实际 90% ÷ 目标 95% = 94.73% → 绿灯·正常' });
  });

  it('lets the caller mark a count as non-cumulative (a head count in post)', () => {
    const result = indicatorPace({ spec: { kind: 'numeric', op: '>=', value: 27, unit: '人' }, actualToDate: 27, yearShareElapsed: 0.25, cumulative: false });
    expect(result).toMatchObject({ pace: 1, light: 'green' });
  });

  it('lets the caller mark a percentage as cumulative', () => {
    const result = indicatorPace({ spec: { kind: 'numeric', op: '>=', value: 100, unit: '%' }, actualToDate: 50, yearShareElapsed: 0.5, cumulative: true });
    expect(result).toMatchObject({ pace: 1, light: 'green' });
  });

  it('has no pace for a cost cap (≤)', () => {
    expect(indicatorPace({ spec: { kind: 'numeric', op: '<=', value: 41, unit: '万元' }, actualToDate: 20, yearShareElapsed: 0.5 })).toEqual({
      pace: null,
      light: null,
      explanation: '该指标不是“不低于”类数量指标，不按进度亮灯',
    });
  });

  it('lights a qualitative target red only through an impossible likelihood', () => {
    expect(indicatorPace({ spec: { kind: 'qualitative', text: '及时' }, actualToDate: null, yearShareElapsed: 0.25, likelihood: 'impossible' })).toEqual({
      pace: null,
      light: 'red',
      explanation: '该指标不是“不低于”类数量指标，不按进度亮灯；完成可能性「完全不可能」，调整为 红灯·严重滞后',
    });
  });

  it('has no pace for a target of 0', () => {
    expect(indicatorPace({ spec: { kind: 'numeric', op: '>=', value: 0, unit: '件' }, actualToDate: 3, yearShareElapsed: 0.5 })).toEqual({
      pace: null,
      light: null,
      explanation: '目标为 0件，进度无法按比值计算',
    });
  });

  it('has no pace without an actual or a forecast', () => {
    expect(indicatorPace(input({}))).toEqual({ pace: null, light: null, explanation: '未录入累计完成值，也没有全年预计值' });
  });

  it('rejects a share of the year outside (0, 1]', () => {
    expect(() => indicatorPace(input({ actualToDate: 1, yearShareElapsed: 0 }))).toThrow('Invalid share of the year elapsed: 0');
  });

  it('rejects a NaN forecast', () => {
    expect(() => indicatorPace(input({ forecast: Number.NaN }))).toThrow('Invalid forecast: NaN');
  });
});
