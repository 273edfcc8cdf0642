import type { DepartmentOverviewResponse, FinanceOverviewResponse } from '@jixiao/contracts/api/evaluation.contract';
import type { EChartsCoreOption } from 'echarts/core';
import { yuanToWan } from '@jixiao/domain/money';
import { GRADE_TAGS, UNMET_ORDER } from '../evaluation/unmet-labels';

const SEVERITY_COLORS = { severe: '#cf1322', moderate: '#fa8c16', minor: '#fadb14', missing: '#c41d7f' } as const;
/** Short legend names (the section title says 未完成指标): the long tag texts overlap in a narrow chart's legend. */
const SEVERITY_LEGEND = { severe: '严重', moderate: '较大', minor: '轻微', missing: '未填报' } as const;
const GRADE_COLORS = { excellent: '#389e0d', good: '#1677ff', fair: '#fa8c16', poor: '#cf1322' } as const;

/** A department's short name for an axis (the region, else the name without 医疗保障局-like suffixes). */
export function shortName(d: DepartmentOverviewResponse): string {
  return d.region ?? d.department.name;
}

/** Execution per department: budget and spent (万元) as bars, the execution rate as a line on a second axis. */
export function executionChart(departments: readonly DepartmentOverviewResponse[]): EChartsCoreOption {
  return {
    animation: false,
    legend: { top: 0, data: ['预算', '已支出', '执行率'] },
    grid: { left: 64, right: 56, top: 36, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: departments.map(shortName), axisLabel: { interval: 0 } },
    yAxis: [
      { type: 'value', name: '万元', min: 0 },
      { type: 'value', name: '执行率 %', min: 0, max: 120, splitLine: { show: false } },
    ],
    series: [
      { name: '预算', type: 'bar', barMaxWidth: 48, data: departments.map((d) => Number(yuanToWan(d.budget, 2))), itemStyle: { color: '#bae0ff' } },
      { name: '已支出', type: 'bar', barMaxWidth: 48, data: departments.map((d) => Number(yuanToWan(d.spent, 2))), itemStyle: { color: '#1677ff' } },
      {
        name: '执行率',
        type: 'line',
        yAxisIndex: 1,
        data: departments.map((d) => (d.executionPercent === null ? null : Number(d.executionPercent))),
        itemStyle: { color: '#389e0d' },
      },
    ],
  };
}

/** Unmet indicators per department, stacked by severity. */
export function unmetChart(departments: readonly DepartmentOverviewResponse[]): EChartsCoreOption {
  return {
    animation: false,
    legend: { top: 0, itemGap: 16 },
    grid: { left: 48, right: 24, top: 36, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: departments.map(shortName), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '项', minInterval: 1 },
    series: UNMET_ORDER.map((key) => ({
      name: SEVERITY_LEGEND[key],
      type: 'bar',
      stack: 'unmet',
      barMaxWidth: 64,
      data: departments.map((d) => d.unmet[key]),
      itemStyle: { color: SEVERITY_COLORS[key] },
    })),
  };
}

/** The grades of the evaluated sheets. */
export function gradeChart(totals: FinanceOverviewResponse['totals']): EChartsCoreOption {
  const grades = (['excellent', 'good', 'fair', 'poor'] as const).filter((g) => totals.grades[g] > 0);
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        name: '自评等级',
        type: 'pie',
        radius: ['40%', '68%'],
        label: { formatter: '{b} {c}' },
        data: grades.map((g) => ({ name: GRADE_TAGS[g].label, value: totals.grades[g], itemStyle: { color: GRADE_COLORS[g] } })),
      },
    ],
  };
}
