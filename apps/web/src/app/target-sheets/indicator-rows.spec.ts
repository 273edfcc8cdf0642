import type { IndicatorResponse } from '@jixiao/contracts/api/target-sheet.contract';
import { buildIndicatorRows } from './indicator-rows';

function indicator(order: number, level1: string, level2: string | null, name: string): IndicatorResponse {
  return {
    id: `i${order}`, order, level1, level2, name, description: null, target: '≥1', basis: null, remark: null, weight: null,
    spec: { kind: 'numeric', op: '>=', value: 1, unit: null }, specWarnings: [], specCorrected: false,
  };
}

const spans = (rows: ReturnType<typeof buildIndicatorRows<IndicatorResponse>>) => rows.map((r) => [r.indicator.name, r.level1Span, r.level2Span]);

describe(buildIndicatorRows.name, () => {
  it('merges 一级 and 二级 cells over their rows, as the national table does', () => {
    const rows = buildIndicatorRows([
      indicator(0, '产出指标', '数量指标', 'a'),
      indicator(1, '产出指标', '数量指标', 'b'),
      indicator(2, '产出指标', '质量指标', 'c'),
      indicator(3, '效益指标', '社会效益指标', 'd'),
      indicator(4, '满意度指标', null, 'e'),
    ]);
    expect(spans(rows)).toEqual([
      ['a', 3, 2],
      ['b', 0, 0],
      ['c', 0, 1],
      ['d', 1, 1],
      ['e', 1, 1],
    ]);
  });

  it('gathers a group whose rows are apart in the source, keeping the order of first appearance', () => {
    const rows = buildIndicatorRows([
      indicator(2, '效益指标', '社会效益指标', 'c'),
      indicator(0, '产出指标', '数量指标', 'a'),
      indicator(3, '产出指标', '数量指标', 'd'),
      indicator(1, '产出指标', '时效指标', 'b'),
    ]);
    expect(spans(rows)).toEqual([
      ['a', 3, 2],
      ['d', 0, 0],
      ['b', 0, 1],
      ['c', 1, 1],
    ]);
  });

  it('gives nothing for no indicators', () => {
    expect(buildIndicatorRows([])).toEqual([]);
  });
});
