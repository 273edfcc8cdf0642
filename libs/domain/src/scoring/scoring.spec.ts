import type { IndicatorActualValue } from '../completion';
import {
  gradeOfLabel,
  DEFAULT_SCORING_SCHEME,
  gradeForTotal,
  GRADE_LABELS,
  groupOfLevel1,
  ScoreSheetInput,
  scoreSheet,
  ScoringIndicatorInput,
  splitWeightEvenly,
  checkScoringScheme,
  DEPARTMENT_WIDE_SCHEME,
  NATIONAL_PROJECT_SCHEME,
  schemeGroupOf,
  type ScoringScheme,
} from '.';
import type { Op, TargetSpec } from '../target-spec';

const num = (op: Op, value: number, unit: string | null = null): TargetSpec => ({ kind: 'numeric', op, value, unit });
const value = (v: number): IndicatorActualValue => ({ kind: 'number', value: v });

let counter = 0;
function indicator(level1: string | null, spec: TargetSpec, actual: IndicatorActualValue | null, extra: Partial<ScoringIndicatorInput> = {}): ScoringIndicatorInput {
  counter += 1;
  return { id: `i${counter}`, level1, level2: null, name: `指标${counter}`, spec, weight: null, actual, ...extra };
}

function sheet(indicators: ScoringIndicatorInput[], extra: Partial<ScoreSheetInput> = {}): ScoreSheetInput {
  return { scheme: DEFAULT_SCORING_SCHEME, budget: '19966200.00', spent: '19966200.00', indicators, fiscalYear: 2024, ...extra };
}

/** One indicator met at 100% in each group: the rest of a sheet a test does not look at. */
function fullMarks(): ScoringIndicatorInput[] {
  return [
    indicator('产出指标', num('>=', 100, '%'), value(100)),
    indicator('效益指标', num('>=', 90, '%'), value(95)),
    indicator('满意度指标', num('>=', 90, '%'), value(92)),
  ];
}

describe(scoreSheet.name, () => {
  beforeEach(() => {
    counter = 0;
  });

  it('scores a typical county medical-insurance sheet (scenario: 医保局 2024)', () => {
    const result = scoreSheet(
      sheet(
        [
          indicator('产出指标', num('>=', 1428, '人次'), value(1500), { name: '参保人次' }),
          indicator('产出指标', num('>=', 95, '%'), value(96), { name: '结算准确率' }),
          indicator('产出指标', { kind: 'deadline', by: '09-30' }, { kind: 'date', doneOn: '2024-10-15' }, { name: '完成时间' }),
          indicator('成本指标', num('<=', 1996.62, '万元'), value(1896.69), { name: '项目成本' }),
          indicator('效益指标', num('>=', 90, '%'), value(85.5), { name: '政策知晓率' }),
          indicator('效益指标', { kind: 'qualitative', text: '持续提升' }, { kind: 'tier', tier: 'achieved' }, { name: '服务水平' }),
          indicator('满意度指标', num('>=', 90, '%'), value(92), { name: '参保群众满意度' }),
        ],
        { spent: '18967890.00' },
      ),
    );

    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.budgetExecution).toEqual({
      budget: '19966200.00',
      spent: '18967890.00',
      rate: 0.95,
      ratio: { numerator: '18967890.00', denominator: '19966200.00' },
      ratePercent: '95.00',
      weight: '10',
      score: '9.50',
      explanation: '执行数 18967890.00 ÷ 预算数 19966200.00 = 95.00%；权重 10 × 18967890.00 ÷ 19966200.00 = 9.50',
    });
    expect(result.indicators.map((i) => [i.name, i.group, i.weight, i.computedScore, i.score])).toEqual([
      ['参保人次', 'output', '12.5', '12.50', '12.50'],
      ['结算准确率', 'output', '12.5', '12.50', '12.50'],
      ['完成时间', 'output', '12.5', '8.75', '8.75'],
      ['项目成本', 'output', '12.5', '12.50', '12.50'],
      ['政策知晓率', 'benefit', '15', '14.25', '14.25'],
      ['服务水平', 'benefit', '15', '15.00', '15.00'],
      ['参保群众满意度', 'satisfaction', '10', '10.00', '10.00'],
    ]);
    expect(result.indicators[0]?.explanation).toBe('权重 12.5 × min(105.04%, 1) = 12.50');
    expect(result.indicators[0]?.weightExplanation).toBe('产出指标 50 分平均分配给 4 项 = 12.5');
    expect(result.indicators[2]?.explanation).toBe('权重 12.5 × 0.7 = 8.75（完成率 70.00%）');
    expect(result.groups).toEqual([
      { group: 'output', label: '产出指标', weight: '50', indicatorCount: 4, score: '46.25', explanation: '产出指标：12.50 + 12.50 + 8.75 + 12.50 = 46.25' },
      { group: 'benefit', label: '效益指标', weight: '30', indicatorCount: 2, score: '29.25', explanation: '效益指标：14.25 + 15.00 = 29.25' },
      { group: 'satisfaction', label: '满意度指标', weight: '10', indicatorCount: 1, score: '10.00', explanation: '满意度指标：10.00 = 10.00' },
    ]);
    expect(result.total).toBe('95.00');
    expect(result.grade).toBe('excellent');
    expect(result.totalExplanation).toBe('预算执行率 9.50 + 产出指标 46.25 + 效益指标 29.25 + 满意度指标 10.00 = 95.00，等级优');
    expect(result.unmet).toEqual([
      {
        indicatorId: 'i3',
        name: '完成时间',
        severity: 'moderate',
        rate: 0.7,
        ratePercent: '70.00',
        explanation: '未达成，完成率 70.00%：截止 2024-09-30，2024-10-15 完成，逾期，按部分达成默认值 0.7计，完成率 70.00%',
      },
      {
        indicatorId: 'i5',
        name: '政策知晓率',
        severity: 'minor',
        rate: 0.95,
        ratePercent: '95.00',
        explanation: '未达成，完成率 95.00%：实际 85.5% ÷ 目标 90% = 95.00%；实际 85.5% 未满足 ≥ 90%，未达成',
      },
    ]);
  });

  it('splits 50 over 3 indicators in cents so full marks are exactly 100.00 (scenario: uneven split)', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 1), value(1)),
        indicator('产出指标', num('>=', 1), value(1)),
        indicator('产出指标', num('>=', 1), value(1)),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', num('>=', 1), value(1)),
      ]),
    );
    expect(result.indicators.map((i) => i.weight)).toEqual(['16.67', '16.67', '16.66', '30', '10']);
    expect(result.indicators[2]?.weightExplanation).toBe('产出指标 50 分平均分配给 3 项 = 16.66（按分分配，余数计入靠前的指标）');
    expect(result.groups[0]?.score).toBe('50.00');
    expect(result.total).toBe('100.00');
  });

  it('rounds each indicator score half-up and sums the rounded scores (scenario: reproducible total)', () => {
    // 16.67 × 0.95 = 15.8365 → 15.84; 16.67 × 0.85 = 14.1695 → 14.17; 16.66 × 0.75 = 12.495 → 12.50
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 100), value(95)),
        indicator('产出指标', num('>=', 100), value(85)),
        indicator('产出指标', num('>=', 100), value(75)),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', num('>=', 1), value(1)),
      ]),
    );
    expect(result.indicators.slice(0, 3).map((i) => i.score)).toEqual(['15.84', '14.17', '12.50']);
    expect(result.groups[0]?.score).toBe('42.51');
    expect(result.total).toBe('92.51');
  });

  it('computes weight × a ÷ v exactly, the division last: 15 × 60.15 ÷ 90 = 10.025 → 10.03 (a float gives 10.02)', () => {
    const result = scoreSheet(
      sheet(
        [
          indicator('产出指标', num('>=', 90, '%'), value(60.15), { weight: '15' }),
          indicator('产出指标', num('>=', 1), value(1), { weight: '35' }),
          indicator('效益指标', num('>=', 1), value(1)),
          indicator('满意度指标', num('>=', 1), value(1)),
        ],
        { budget: '1000.00', spent: '1000.00' },
      ),
    );
    expect(result.indicators[0]?.score).toBe('10.03');
    expect(result.indicators[0]?.explanation).toBe('权重 15 × 60.15 ÷ 90 = 10.03（完成率 66.83%）');
    expect(result.total).toBe('95.03');
  });

  it('rounds the budget score exactly: 10 × 100.25 ÷ 1000 = 1.0025 → 1.00; 10 × 1.05 ÷ 2 = 5.25', () => {
    const tie = scoreSheet(sheet([indicator('产出指标', num('>=', 1), value(1))], { budget: '2.00', spent: '1.05' }));
    expect(tie.budgetExecution.score).toBe('5.25');
    const below = scoreSheet(sheet([indicator('产出指标', num('>=', 1), value(1))], { budget: '1000.00', spent: '100.25' }));
    expect(below.budgetExecution.score).toBe('1.00');
    const half = scoreSheet(sheet([indicator('产出指标', num('>=', 1), value(1))], { budget: '8.00', spent: '0.01' }));
    expect(half.budgetExecution.score).toBe('0.01'); // 10 × 0.01 ÷ 8 = 0.0125 → 0.01
    const up = scoreSheet(sheet([indicator('产出指标', num('>=', 1), value(1))], { budget: '400.00', spent: '1.00' }));
    expect(up.budgetExecution.score).toBe('0.03'); // 10 × 1 ÷ 400 = 0.025 → 0.03
  });

  it('clamps r at 1 and gives 0 for r = 0 (scenario: over- and non-achievement)', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 100), value(300)),
        indicator('产出指标', num('>=', 100), value(0)),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', num('>=', 1), value(1)),
      ]),
    );
    expect(result.indicators[0]?.explanation).toBe('权重 25 × min(300.00%, 1) = 25.00');
    expect(result.indicators[1]?.explanation).toBe('权重 25 × 0 ÷ 100 = 0.00（完成率 0.00%）');
    expect(result.unmet).toEqual([expect.objectContaining({ indicatorId: 'i2', severity: 'severe', rate: 0 })]);
    expect(result.total).toBe('75.00');
    expect(result.grade).toBe('fair');
  });

  it('uses explicit weights that add up to the group weight (scenario: explicit weights)', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 100), value(100), { weight: '20' }),
        indicator('产出指标', num('>=', 100), value(50), { weight: '30.00' }),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', num('>=', 1), value(1)),
      ]),
    );
    expect(result.ok).toBe(true);
    expect(result.indicators.slice(0, 2).map((i) => [i.weight, i.score, i.weightExplanation])).toEqual([
      ['20', '20.00', '产出指标权重由指标设定，合计 50'],
      ['30', '15.00', '产出指标权重由指标设定，合计 50'],
    ]);
    expect(result.total).toBe('85.00');
    expect(result.grade).toBe('good');
  });

  it('reports explicit weights that do not add up, without guessing (scenario: weights mismatch)', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 1), value(1), { weight: '20' }),
        indicator('产出指标', num('>=', 1), value(1), { weight: '25' }),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', num('>=', 1), value(1)),
      ]),
    );
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { code: 'WEIGHTS_SUM_MISMATCH', message: '产出指标各项指标权重之和 20 + 25 = 45，不等于 50', indicatorId: null },
    ]);
    expect(result.indicators[0]).toMatchObject({ weight: null, score: null, explanation: '产出指标权重之和不等于 50，无法计分' });
    expect(result.indicators[2]?.score).toBe('30.00');
    expect(result.groups[0]?.score).toBeNull();
    expect(result.total).toBeNull();
    expect(result.grade).toBeNull();
    expect(result.totalExplanation).toBe('存在 1 个错误，总分无法计算');
  });

  it('reports weights set on only some indicators of a group (scenario: partial weights)', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 1), value(1), { weight: '50' }),
        indicator('产出指标', num('>=', 1), value(1)),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', num('>=', 1), value(1)),
      ]),
    );
    expect(result.errors).toEqual([
      { code: 'WEIGHTS_PARTIAL', message: '产出指标中只有 1 / 2 项指标设置了权重：要么全部设置，要么全部不设置', indicatorId: null },
    ]);
    expect(result.total).toBeNull();
  });

  it('reports a malformed explicit weight (scenario: weight not a decimal)', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 1), value(1), { weight: '50分' }),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', num('>=', 1), value(1)),
      ]),
    );
    expect(result.errors).toEqual([
      { code: 'WEIGHT_INVALID', message: '指标「指标1」的权重「50分」不是不超过两位小数的非负数', indicatorId: 'i1' },
    ]);
  });

  it('reports a first-level name outside the scheme instead of dropping it (scenario: other group)', () => {
    const result = scoreSheet(sheet([...fullMarks(), indicator('管理指标', num('>=', 1), value(1))]));
    expect(result.errors).toEqual([
      { code: 'LEVEL1_UNKNOWN', message: '指标「指标4」的一级指标「管理指标」不属于评分方案「项目支出绩效自评（财预〔2020〕10号）」的任何分组（产出指标、效益指标、满意度指标），无法分配权重', indicatorId: 'i4' },
    ]);
    expect(result.indicators[3]).toMatchObject({ group: 'other', weight: null, score: null });
    expect(result.total).toBeNull();
  });

  it('reports a missing first-level name as unknown', () => {
    const result = scoreSheet(sheet([...fullMarks(), indicator(null, num('>=', 1), value(1))]));
    expect(result.errors.map((e) => e.code)).toEqual(['LEVEL1_UNKNOWN']);
  });

  it('scores 0 and flags an indicator with no final actual (scenario: missing actual)', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 1), value(1)),
        indicator('产出指标', num('>=', 1), null),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', num('>=', 1), value(1)),
      ]),
    );
    expect(result.ok).toBe(true);
    expect(result.indicators[1]).toMatchObject({ missing: true, completion: null, computedScore: '0.00', score: '0.00', explanation: '未录入年终实际完成值，记 0.00 分' });
    expect(result.unmet).toEqual([{ indicatorId: 'i2', name: '指标2', severity: 'missing', rate: null, ratePercent: null, explanation: '未录入年终实际完成值' }]);
    expect(result.total).toBe('75.00');
  });

  it('applies a reviewer override in the total and keeps the computed score (scenario: 98% of =100% given 9 of 10)', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 1), value(1)),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', num('=', 100, '%'), value(98), { override: { score: 9, reason: '  满意度调查样本不足  ' } }),
      ]),
    );
    expect(result.indicators[2]).toMatchObject({
      computedScore: '9.80',
      override: { score: '9.00', reason: '满意度调查样本不足' },
      score: '9.00',
      explanation: '权重 10 × 98 ÷ 100 = 9.80（完成率 98.00%）；评价人调整为 9.00（理由：满意度调查样本不足）',
    });
    expect(result.groups[2]?.score).toBe('9.00');
    expect(result.total).toBe('99.00');
  });

  it('lets a reviewer lower a met target (scenario: timely target given 7 of 10 for late funds)', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 1), value(1)),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', { kind: 'qualitative', text: '及时' }, { kind: 'tier', tier: 'achieved' }, { override: { score: 7, reason: '资金拨付滞后' } }),
      ]),
    );
    expect(result.indicators[2]).toMatchObject({ computedScore: '10.00', score: '7.00' });
    expect(result.unmet).toEqual([]);
    expect(result.total).toBe('97.00');
  });

  it.each([
    [{ score: 11, reason: '理由' }, '指标「指标3」的调整分 11 超出 0 到权重 10 的范围'],
    [{ score: -1, reason: '理由' }, '指标「指标3」的调整分 -1 超出 0 到权重 10 的范围'],
    [{ score: 5, reason: '   ' }, '指标「指标3」的调整分必须写明理由'],
    [{ score: 5.555, reason: '理由' }, '指标「指标3」的调整分 5.555 不是不超过两位小数的数'],
    [{ score: Number.NaN, reason: '理由' }, '指标「指标3」的调整分 NaN 不是不超过两位小数的数'],
  ])('rejects the invalid override %p', (override, message) => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 1), value(1)),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('满意度指标', num('>=', 1), value(1), { override }),
      ]),
    );
    expect(result.errors).toEqual([{ code: 'OVERRIDE_INVALID', message, indicatorId: 'i3' }]);
    expect(result.indicators[2]).toMatchObject({ computedScore: '10.00', override: null, score: null });
    expect(result.total).toBeNull();
  });

  it('accepts an override of exactly the weight and of 0', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 1), value(0), { override: { score: 50, reason: '指标设置不合理' } }),
        indicator('效益指标', num('>=', 1), value(1), { override: { score: 0, reason: '数据不实' } }),
        indicator('满意度指标', num('>=', 1), value(1)),
      ]),
    );
    expect(result.indicators.map((i) => i.score)).toEqual(['50.00', '0.00', '10.00']);
    expect(result.total).toBe('70.00');
  });

  it('reports an actual that does not fit its target (scenario: date for a numeric target)', () => {
    const result = scoreSheet(sheet([...fullMarks(), indicator('产出指标', num('>=', 1), { kind: 'date', doneOn: '2024-05-01' })]));
    expect(result.errors).toEqual([
      {
        code: 'ACTUAL_INVALID',
        message: "指标「指标4」的实际完成值无法计算完成率：Actual of kind 'date' does not fit a numeric target（数值目标不能录入完成日期）",
        indicatorId: 'i4',
      },
    ]);
    expect(result.indicators[3]).toMatchObject({ completion: null, missing: false, score: null, explanation: '实际完成值无效，无法计分' });
  });

  it('refuses an actual that is not a finite number (1e400 stored as JSON reads as Infinity): the sheet cannot be scored, the reason in Chinese', () => {
    for (const v of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      const result = scoreSheet(sheet([...fullMarks(), indicator('产出指标', num('>=', 2), value(v))]));
      expect(result.ok).toBe(false);
      expect(result.total).toBeNull();
      const id = result.indicators[3]!.id;
      expect(result.errors).toEqual([
        { code: 'ACTUAL_INVALID', message: `指标「指标${id.slice(1)}」的实际完成值无法计算完成率：Actual value must be a finite number, got ${v}（实际完成值超出可计算的范围，请核对后重新录入）`, indicatorId: id },
      ]);
    }
  });

  it('reports duplicate indicator ids', () => {
    const result = scoreSheet(sheet([...fullMarks(), indicator('产出指标', num('>=', 1), value(1), { id: 'i1' })]));
    expect(result.errors).toEqual([{ code: 'DUPLICATE_ID', message: '指标编号「i1」重复', indicatorId: 'i1' }]);
  });

  it('warns about a group without indicators; its weight cannot be earned (scenario: no satisfaction indicator)', () => {
    const result = scoreSheet(sheet([indicator('产出指标', num('>=', 1), value(1)), indicator('效益指标', num('>=', 1), value(1))]));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ code: 'GROUP_EMPTY', message: '满意度指标没有指标，其 10 分无法得分', indicatorId: null }]);
    expect(result.groups[2]).toMatchObject({ indicatorCount: 0, score: '0.00', explanation: '满意度指标没有指标，得 0.00 分' });
    expect(result.total).toBe('90.00');
    expect(result.grade).toBe('excellent');
  });

  describe('budget execution', () => {
    it('caps an overspent budget at full marks and warns', () => {
      const result = scoreSheet(sheet(fullMarks(), { budget: '100.00', spent: '120.00' }));
      expect(result.budgetExecution).toMatchObject({ rate: 1.2, score: '10.00', explanation: '执行数 120.00 ÷ 预算数 100.00 = 120.00%；权重 10 × min(120.00%, 1) = 10.00' });
      expect(result.warnings).toEqual([{ code: 'OVERSPENT', message: '执行数 120.00 元超过预算数 100.00 元（执行率 120.00%）', indicatorId: null }]);
    });

    it('leads the explanation with which money counts (a department-wide sheet: basic + project), the score unchanged', () => {
      const basis = '部门整体：全部支出 15000.00（基本支出 5000.00 + 项目支出 10000.00） ÷ 部门预算总额 20000.00（基本支出 8000.00 + 项目支出 12000.00）';
      const result = scoreSheet(sheet(fullMarks(), { budget: '20000.00', spent: '15000.00', budgetBasis: basis }));
      expect(result.budgetExecution).toMatchObject({ ratePercent: '75.00', score: '7.50', explanation: `${basis}；执行数 15000.00 ÷ 预算数 20000.00 = 75.00%；权重 10 × 15000.00 ÷ 20000.00 = 7.50` });
    });

    it('rounds a non-terminating rate only when displayed', () => {
      const result = scoreSheet(sheet(fullMarks(), { budget: '300.00', spent: '200.00' }));
      expect(result.budgetExecution.rate).toBeCloseTo(0.6666666667, 10);
      expect(result.budgetExecution.score).toBe('6.67');
      expect(result.total).toBe('96.67');
    });

    it('scores 0 with an explanation when the budget is 0', () => {
      const result = scoreSheet(sheet(fullMarks(), { budget: '0.00', spent: '0.00' }));
      expect(result.budgetExecution).toEqual({
        budget: '0.00',
        spent: '0.00',
        rate: null,
        ratio: null,
        ratePercent: null,
        weight: '10',
        score: '0.00',
        explanation: '预算数为 0，执行率无法计算（不能除以 0），预算执行率记 0.00 分',
      });
      expect(result.warnings.map((w) => w.code)).toEqual(['BUDGET_ZERO']);
      expect(result.total).toBe('90.00');
    });

    it('scores 0 when nothing was spent', () => {
      const result = scoreSheet(sheet(fullMarks(), { spent: '0' }));
      expect(result.budgetExecution).toMatchObject({ spent: '0.00', rate: 0, score: '0.00' });
    });

    it('reports invalid or negative amounts', () => {
      const result = scoreSheet(sheet(fullMarks(), { budget: '1996.62万', spent: '-5.00' }));
      expect(result.errors).toEqual([
        { code: 'MONEY_INVALID', message: '预算数「1996.62万」不是有效的非负金额（元，最多两位小数）', indicatorId: null },
        { code: 'MONEY_INVALID', message: '执行数「-5.00」不是有效的非负金额（元，最多两位小数）', indicatorId: null },
      ]);
      expect(result.budgetExecution.score).toBeNull();
      expect(result.total).toBeNull();
    });
  });

  describe('scheme', () => {
    const custom = (points: [number, number, number, number], tierValues = { achieved: 1, partial: 0.7, not_achieved: 0.3 }): ScoringScheme => ({
      name: '自定义',
      budgetExecution: points[0],
      groups: [
        { key: 'output', label: '产出指标', aliases: ['产出', '成本'], points: points[1] },
        { key: 'benefit', label: '效益指标', aliases: ['效益'], points: points[2] },
        { key: 'satisfaction', label: '满意度指标', aliases: ['满意'], points: points[3] },
      ],
      tierValues,
    });

    it('uses a region\'s points (产出 40 / 效益 30 / 满意度 20 + 10)', () => {
      const result = scoreSheet(sheet(fullMarks(), { scheme: custom([10, 40, 30, 20]) }));
      expect(result.groups.map((g) => [g.label, g.weight, g.score])).toEqual([
        ['产出指标', '40', '40.00'],
        ['效益指标', '30', '30.00'],
        ['满意度指标', '20', '20.00'],
      ]);
      expect(result.total).toBe('100.00');
    });

    it('refuses a scheme whose points do not add up to 100, naming the sum', () => {
      const result = scoreSheet(sheet(fullMarks(), { scheme: custom([20, 40, 30, 5]) }));
      expect(result.errors).toEqual([
        { code: 'SCHEME_INVALID', message: '评分方案「自定义」无法使用：预算执行率与各分组分值合计为 95 分，应为 100 分', indicatorId: null },
      ]);
      expect(result.total).toBeNull();
    });

    it('rejects a negative or over-precise scheme weight', () => {
      const result = scoreSheet(sheet(fullMarks(), { scheme: custom([-10, 50.005, 30, 10]) }));
      expect(result.errors.map((e) => e.message)).toEqual([
        '评分方案「自定义」无法使用：预算执行率分值“-10”须为不超过两位小数的非负数',
        '评分方案「自定义」无法使用：“产出指标”的分值“50.005”须为不超过两位小数的非负数',
      ]);
      expect(result.total).toBeNull();
    });

    it('takes the scheme\'s tier values: 部分达成 0.65 of a 12.5 weight is 8.13', () => {
      const result = scoreSheet(
        sheet(
          [
            indicator('产出指标', { kind: 'qualitative', text: '及时' }, { kind: 'tier', tier: 'partial' }),
            indicator('产出指标', num('>=', 1), value(1)),
            indicator('产出指标', num('>=', 1), value(1)),
            indicator('产出指标', num('>=', 1), value(1)),
            indicator('效益指标', num('>=', 1), value(1)),
            indicator('满意度指标', num('>=', 1), value(1)),
          ],
          { scheme: custom([10, 50, 30, 10], { achieved: 0.95, partial: 0.65, not_achieved: 0.2 }) },
        ),
      );
      expect(result.indicators[0]?.score).toBe('8.13');
      expect(result.indicators[0]?.completion?.explanation).toContain('按部分达成评分方案值 0.65计');
    });

    it('scores a department-wide sheet with 投入管理指标 under the department-wide preset, and refuses it under the national one', () => {
      const indicators = [
        indicator('投入管理指标', num('>=', 1), value(1)),
        indicator('产出指标', num('>=', 1), value(1)),
        indicator('效益指标', num('>=', 1), value(1)),
        indicator('效益指标', { kind: 'qualitative', text: '满意' }, { kind: 'tier', tier: 'achieved' }, { level2: '满意度' }),
      ];
      const wide = scoreSheet(sheet(indicators, { scheme: DEPARTMENT_WIDE_SCHEME }));
      expect(wide.ok).toBe(true);
      expect(wide.groups.map((g) => [g.label, g.score])).toEqual([
        ['投入管理指标', '20.00'],
        ['产出指标', '40.00'],
        ['效益指标', '30.00'],
      ]);
      const national = scoreSheet(sheet(indicators, { scheme: NATIONAL_PROJECT_SCHEME }));
      expect(national.errors.map((e) => e.code)).toContain('LEVEL1_UNKNOWN');
      expect(national.errors.find((e) => e.code === 'LEVEL1_UNKNOWN')?.message).toContain('不属于评分方案「项目支出绩效自评（财预〔2020〕10号）」的任何分组（产出指标、效益指标、满意度指标）');
    });

    it('matches a first-level name by the first group whose word it contains', () => {
      expect(schemeGroupOf(NATIONAL_PROJECT_SCHEME, ' 成本 指标 ')?.key).toBe('output');
      expect(schemeGroupOf(DEPARTMENT_WIDE_SCHEME, '满意度指标')?.key).toBe('benefit');
      expect(schemeGroupOf(NATIONAL_PROJECT_SCHEME, '投入管理指标')).toBeNull();
      expect(schemeGroupOf(NATIONAL_PROJECT_SCHEME, '')).toBeNull();
    });
  });

  describe(checkScoringScheme.name, () => {
    it('accepts both presets', () => {
      expect(checkScoringScheme(NATIONAL_PROJECT_SCHEME)).toEqual([]);
      expect(checkScoringScheme(DEPARTMENT_WIDE_SCHEME)).toEqual([]);
    });

    it('says every reason a scheme cannot be used', () => {
      const bad: ScoringScheme = {
        name: ' ',
        budgetExecution: 10,
        groups: [
          { key: 'output', label: '产出指标', aliases: ['产出'], points: 50 },
          { key: 'output', label: '效益指标', aliases: ['产出', ''], points: 30 },
        ],
        tierValues: { achieved: 1.1, partial: 0.7, not_achieved: 0.6 },
      };
      expect(checkScoringScheme(bad)).toEqual([
        '方案名称须为 1–100 个字',
        '分组编码“output”重复',
        '“效益指标”须列出一级指标名称包含的关键词（每个 1–20 个字），如“产出”',
        '“达成”的完成程度须在 0.8 到 1 之间',
        '“未达成”的完成程度须在 0 到 0.6（不含）之间',
      ]);
    });

    it('names a word claimed by two groups', () => {
      const clash = { ...NATIONAL_PROJECT_SCHEME, groups: [NATIONAL_PROJECT_SCHEME.groups[0]!, { key: 'benefit', label: '效益指标', aliases: ['效益', '产出'], points: 40 }] };
      expect(checkScoringScheme(clash)).toEqual(['关键词“产出”同时属于“产出指标”和“效益指标”']);
    });
  });

  it('flags every unmet indicator graded by r (scenario: minor, moderate, severe)', () => {
    const result = scoreSheet(
      sheet([
        indicator('产出指标', num('>=', 100), value(90)),
        indicator('产出指标', num('>=', 100), value(60)),
        indicator('产出指标', num('>=', 100), value(59)),
        indicator('产出指标', num('<=', 30, '天'), value(20)),
        indicator('效益指标', { kind: 'qualitative', text: '提升' }, { kind: 'tier', tier: 'not_achieved' }),
        indicator('满意度指标', { kind: 'recurring', every: 'month', day: 20 }, { kind: 'occurrences', onTime: 11, total: 12 }),
      ]),
    );
    expect(result.unmet.map((flag) => [flag.indicatorId, flag.severity, flag.rate])).toEqual([
      ['i1', 'minor', 0.9],
      ['i2', 'moderate', 0.6],
      ['i3', 'severe', 0.59],
      ['i5', 'severe', 0.3],
      ['i6', 'minor', 11 / 12],
    ]);
    expect(result.indicators.map((i) => i.score)).toEqual(['11.25', '7.50', '7.38', '12.50', '9.00', '9.17']);
    expect(result.total).toBe('66.80');
    expect(result.grade).toBe('fair');
  });
});

describe(groupOfLevel1.name, () => {
  it.each([
    ['产出指标', 'output'],
    ['成本指标', 'output'],
    ['产 出 指 标', 'output'],
    ['效益指标', 'benefit'],
    ['社会效益指标', 'benefit'],
    ['满意度指标', 'satisfaction'],
    ['服务对象满意度', 'satisfaction'],
    ['管理指标', 'other'],
    ['', 'other'],
    [null, 'other'],
  ] as const)('maps %p to %s', (level1, group) => {
    expect(groupOfLevel1(level1)).toBe(group);
  });
});

describe(gradeForTotal.name, () => {
  it.each([
    ['100.00', 'excellent'],
    ['90.00', 'excellent'],
    ['89.99', 'good'],
    ['80.00', 'good'],
    ['79.99', 'fair'],
    ['60.00', 'fair'],
    ['59.99', 'poor'],
    ['0.00', 'poor'],
  ] as const)('grades %s as %s', (total, grade) => {
    expect(gradeForTotal(total)).toBe(grade);
  });

  it('has the Chinese labels 优 良 中 差', () => {
    expect(GRADE_LABELS).toEqual({ excellent: '优', good: '良', fair: '中', poor: '差' });
  });
});

describe(splitWeightEvenly.name, () => {
  it('splits 50 over 4 exactly', () => {
    expect(splitWeightEvenly(50, 4)).toEqual(['12.5', '12.5', '12.5', '12.5']);
  });

  it('gives leftover cents to the first indicators', () => {
    expect(splitWeightEvenly('10', 3)).toEqual(['3.34', '3.33', '3.33']);
  });

  it('splits 30 over 7 into weights adding up to 30', () => {
    const split = splitWeightEvenly(30, 7);
    expect(split).toEqual(['4.29', '4.29', '4.29', '4.29', '4.28', '4.28', '4.28']);
  });

  it('returns nothing for no indicators', () => {
    expect(splitWeightEvenly(50, 0)).toEqual([]);
  });

  it('returns a fresh list every time (a caller may change it)', () => {
    const first = splitWeightEvenly('50', 3);
    first[0] = 'changed';
    expect(splitWeightEvenly('50', 3)).toEqual(['16.67', '16.67', '16.66']);
  });

  it('rejects a weight with more than two decimals', () => {
    expect(() => splitWeightEvenly('1.005', 2)).toThrow('Weight 1.005 has more than two decimals');
  });
});

describe('gradeOfLabel', () => {
  it('reads a stored grade label back', () => {
    expect(['优', '良', '中', '差', '甲'].map(gradeOfLabel)).toEqual(['excellent', 'good', 'fair', 'poor', undefined]);
  });
});
