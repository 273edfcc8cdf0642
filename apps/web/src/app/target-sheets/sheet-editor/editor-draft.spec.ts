import type { IndicatorResponse } from '@jixiao/contracts/api/target-sheet.contract';
import {
  DraftPlanPoint,
  emptyIndicator,
  goalDrafts,
  indicatorDrafts,
  indicatorProblem,
  planLiveProblem,
  planProblem,
  readTarget,
  toGoals,
  toIndicatorInput,
  toPlanInputs,
} from './editor-draft';

const response = (order: number, level1: string, level2: string | null, name: string, corrected = false): IndicatorResponse => ({
  id: `i${order}`,
  order,
  level1,
  level2,
  name,
  description: null,
  target: '≥90%',
  spec: { kind: 'numeric', op: '>=', value: 91, unit: '%' },
  specWarnings: [],
  specCorrected: corrected,
  basis: null,
  remark: null,
  weight: null,
});

const point = (month: number | null, amount: string): DraftPlanPoint => ({ key: 0, month, amount });

describe(indicatorDrafts.name, () => {
  it('loads the rows in their order, grouped, a correction kept only where the user made one', () => {
    const rows = indicatorDrafts([
      response(3, '产出指标', '数量指标', 'c', true),
      response(1, '产出指标', '数量指标', 'a'),
      response(2, '满意度指标', null, 'b'),
      response(4, '产出指标', '质量指标', 'd'),
    ]);
    expect(rows.map((r) => `${r.level1}/${r.level2}/${r.name}`)).toEqual(['产出指标/数量指标/a', '产出指标/数量指标/c', '产出指标/质量指标/d', '满意度指标//b']);
    expect(rows.map((r) => r.correctedSpec !== null)).toEqual([false, true, false, false]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(4);
  });
});

describe(readTarget.name, () => {
  it('parses the text as the server does, or keeps a correction while the text is the one it was made for', () => {
    const row = { ...emptyIndicator('满意度指标', '服务对象满意度指标'), name: '满意度', target: '≥90%', loadedTarget: '≥90%' };
    expect(readTarget(row, 2024)).toEqual({ spec: { kind: 'numeric', op: '>=', value: 90, unit: '%' }, text: '≥ 90%', warnings: [], corrected: false });
    const corrected = { ...row, correctedSpec: { kind: 'range' as const, min: 90, max: 100, unit: '%' } };
    expect(readTarget(corrected, 2024)).toMatchObject({ text: '90%–100%', corrected: true });
    expect(readTarget({ ...corrected, target: '≥95%' }, 2024)).toMatchObject({ text: '≥ 95%', corrected: false });
  });
});

describe(toIndicatorInput.name, () => {
  it('sends trimmed texts, the id of a loaded row, and a kept correction as spec', () => {
    const row = { ...emptyIndicator(' 产出指标 ', ' '), id: 'i1', name: ' 人数 ', target: ' ≥1 ', loadedTarget: ' ≥1 ', correctedSpec: { kind: 'qualitative' as const, text: '有' } };
    expect(toIndicatorInput(row)).toEqual({
      id: 'i1', level1: '产出指标', level2: null, name: '人数', target: '≥1', description: null, basis: null, remark: null, weight: null,
      spec: { kind: 'qualitative', text: '有' },
    });
    expect(toIndicatorInput({ ...row, target: '≥2' })).not.toHaveProperty('spec');
  });
});

describe(indicatorProblem.name, () => {
  it('names the first row without a 一级指标 or a name', () => {
    expect(indicatorProblem([{ ...emptyIndicator('产出指标', ''), name: 'a' }, emptyIndicator('', '')])).toBe('第 2 行指标未选择一级指标。');
    expect(indicatorProblem([emptyIndicator('产出指标', '')])).toBe('第 1 行指标未填写三级指标名称。');
    expect(indicatorProblem([])).toBeNull();
  });
});

describe(toGoals.name, () => {
  it('keeps the goals that say something, trimmed', () => {
    expect(toGoals(goalDrafts([' 保障待遇 ', '  ', '提升服务']))).toEqual(['保障待遇', '提升服务']);
  });
});

describe(planProblem.name, () => {
  it('accepts a rising plan typed in 元 or 万元, and sends it by month in the API’s form', () => {
    const plan = [point(6, '20万'), point(3, '100,000')];
    expect(planProblem(plan)).toBeNull();
    expect(toPlanInputs(plan)).toEqual([
      { month: 3, cumulativeAmount: '100000.00' },
      { month: 6, cumulativeAmount: '200000.00' },
    ]);
  });

  it('refuses a row without a month, a month twice, an amount that is not one', () => {
    expect(planProblem([point(null, '1')])).toBe('资金支出计划第 1 行未选择月份。');
    expect(planProblem([point(3, '1'), point(3, '2')])).toBe('资金支出计划中 3 月重复，请合并为一行。');
    expect(planProblem([point(3, '十万')])).toBe('资金支出计划 3 月的累计金额须为元金额，如 1200000、1200000.50 或 120万。');
  });

  it('refuses a cumulative amount that falls, in the review rule’s words', () => {
    expect(planProblem([point(3, '20万'), point(6, '100000')])).toBe(
      '资金支出计划的累计金额从 3 月的 20.00 万元 减少到 6 月的 10.00 万元，累计金额不能减少，请核对各月的累计计划支出。',
    );
  });

  it('while typing, says nothing of an amount not typed yet, but does of a fall among those typed', () => {
    expect(planLiveProblem([point(3, '20万'), point(6, '')])).toBeNull();
    expect(planLiveProblem([point(3, '20万'), point(6, ''), point(9, '1')])).toContain('累计金额不能减少');
  });
});
