import type { DepartmentOverviewResponse } from '@jixiao/contracts/api/evaluation.contract';
import { executionChart, gradeChart, unmetChart } from './overview-charts';

const department = (name: string, region: string | null, budget: string, spent: string, rate: number | null, unmet: Partial<DepartmentOverviewResponse['unmet']>): DepartmentOverviewResponse => ({
  department: { id: name, code: null, name, kind: 'department' },
  region,
  budget,
  spent,
  executionRate: rate,
  executionPercent: rate === null ? null : (Math.round(rate * 10000) / 100).toFixed(2),
  budgetBasis: '',
  averageScore: null,
  grades: { excellent: 0, good: 0, fair: 0, poor: 0 },
  unmet: { minor: 0, moderate: 0, severe: 0, missing: 0, ...unmet },
  sheets: [],
});

describe('overview charts', () => {
  const departments = [department('汉阴县医疗保障局', '汉阴县', '410000.00', '390000.50', 0.9512207, { severe: 1, missing: 2 }), department('某局', null, '0.00', '0.00', null, {})];

  it('charts budget and spending in 万元 and the rate in % per department', () => {
    const option = executionChart(departments) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] };
    expect(option.xAxis.data).toEqual(['汉阴县', '某局']);
    expect(option.series.map((s) => s.data)).toEqual([[41, 0], [39, 0], [95.12, null]]);
  });

  it('stacks unmet indicators by severity, severest first', () => {
    const option = unmetChart(departments) as { series: { name: string; data: number[] }[] };
    expect(option.series.map((s) => `${s.name}:${s.data.join(',')}`)).toEqual(['严重:1,0', '较大:0,0', '轻微:0,0', '未填报:2,0']);
  });

  it('shows only the grades that occur', () => {
    const option = gradeChart({ budget: '0.00', spent: '0.00', executionRate: null, executionPercent: null, evaluated: 3, stale: 0, sheets: 3, unmet: { minor: 0, moderate: 0, severe: 0, missing: 0 }, grades: { excellent: 1, good: 2, fair: 0, poor: 0 } }) as {
      series: { data: { name: string; value: number }[] }[];
    };
    expect(option.series[0]!.data.map((d) => `${d.name}${d.value}`)).toEqual(['优1', '良2']);
  });
});
