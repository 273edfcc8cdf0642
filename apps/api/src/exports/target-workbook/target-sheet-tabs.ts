/**
 * A 绩效目标表 as a worksheet in the national disclosure layout (项目支出绩效目标表 /
 * 部门整体支出绩效目标表, 7 columns): title, year and unit lines; the header block (项目名称, 项目编码,
 * 项目类别, 主管部门及代码, 实施单位, 项目资金 with 年度资金总额 / 财政拨款 / 其他资金, 资金用途, 资金支出计划,
 * 年度总体目标 — or 部门名称, 年度履职目标, 年度主要任务, 预算情况); then the indicators with 一级 and
 * 二级 merged down their groups. Amounts in 万元, exact. readTargetWorkbook reads it back to the same data.
 */
import type { Dataset, DatasetDepartmentSheet, DatasetIndicator, DatasetProject } from '@jixiao/contracts/dataset';
import { yuanToWan } from '@jixiao/domain/money';
import type ExcelJS from 'exceljs';
import { borders, fitRowHeights, LAYOUT_WIDTHS, printSetup, put, titleLines } from './sheet-style';

const COLUMNS = LAYOUT_WIDTHS.length;
export const INDICATOR_HEADERS = ['一级指标', '二级指标', '三级指标', '指标解释', '指标值', '指标值确定依据', '备注'];

/** An amount in 元 as 万元: a spreadsheet number where the number is exactly the decimal, else the decimal as text. */
export function wanCell(yuan: string | null): string | number | null {
  if (yuan === null) return null;
  const wan = yuanToWan(yuan, 6).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return String(Number(wan)) === wan ? Number(wan) : wan;
}

/** `[code]name`, the way 一体化 exports write a department or unit with its code. */
export function withCode(code: string | null, name: string): string {
  return code === null ? name : `[${code}]${name}`;
}

/** One goal as written; several as `目标1：…` lines. */
export function goalsText(goals: string[]): string | null {
  if (goals.length === 0) return null;
  return goals.length === 1 ? goals[0] : goals.map((goal, i) => `目标${i + 1}：${goal}`).join('\n');
}

/** Writes the project's sheet; returns nothing, the worksheet is filled. */
export function writeProjectTab(sheet: ExcelJS.Worksheet, dataset: Dataset, project: DatasetProject): void {
  sheet.columns = LAYOUT_WIDTHS.map((width) => ({ width }));
  titleLines(sheet, COLUMNS, '项目支出绩效目标表', dataset.fiscalYear);
  let row = 4;
  put(sheet, '项目名称', row, 1, row, 2, 'label');
  put(sheet, project.name, row, 3, row, 7);
  row += 1;
  put(sheet, '项目编码', row, 1, row, 2, 'label');
  put(sheet, project.code, row, 3, row, 4);
  put(sheet, '项目类别', row, 5, row, 5, 'label');
  put(sheet, project.category, row, 6, row, 7);
  row += 1;
  const unit = project.unitCode === null ? null : withCode(project.unitCode, dataset.units.find((u) => u.code === project.unitCode)?.name ?? '');
  put(sheet, '主管部门及代码', row, 1, row, 2, 'label');
  put(sheet, withCode(dataset.department.code, dataset.department.name), row, 3, row, 4);
  put(sheet, '实施单位', row, 5, row, 5, 'label');
  put(sheet, unit, row, 6, row, 7);
  row += 1;
  put(sheet, '项目资金（万元）', row, 1, row + 2, 2, 'label');
  const amounts: [string, string | null][] = [
    ['年度资金总额', project.amount.total],
    ['其中：财政拨款', project.amount.fiscal],
    ['其他资金', project.amount.other],
  ];
  for (const [label, yuan] of amounts) {
    put(sheet, label, row, 3, row, 4, 'label');
    put(sheet, wanCell(yuan), row, 5, row, 7);
    row += 1;
  }
  put(sheet, '资金用途', row, 1, row, 2, 'label');
  put(sheet, project.purpose, row, 3, row, 7);
  row += 1;
  row = writeSpendingPlan(sheet, project, row);
  put(sheet, '年度总体目标', row, 1, row, 2, 'label');
  put(sheet, goalsText(project.goals), row, 3, row, 7);
  row += 1;
  finish(sheet, row, project.indicators);
}

/** 资金支出计划（万元）: months over cumulative amounts, five to a row pair; 3/6/9/12月 left blank when there is no plan. */
function writeSpendingPlan(sheet: ExcelJS.Worksheet, project: DatasetProject, first: number): number {
  const points = project.spendingPlan.length > 0 ? project.spendingPlan.map((p) => ({ month: p.month, amount: p.cumulativeAmount })) : [3, 6, 9, 12].map((month) => ({ month, amount: null }));
  const pairs = Math.ceil(points.length / 5);
  put(sheet, '资金支出计划（万元）', first, 1, first + pairs * 2 - 1, 2, 'label');
  for (let pair = 0; pair < pairs; pair++) {
    const row = first + pair * 2;
    for (let i = 0; i < 5; i++) {
      const point = points[pair * 5 + i];
      put(sheet, point === undefined ? null : `${point.month}月底`, row, 3 + i, row, 3 + i, point === undefined ? 'value' : 'header');
      put(sheet, point === undefined ? null : wanCell(point.amount), row + 1, 3 + i);
    }
  }
  return first + pairs * 2;
}

/** Writes the department-wide sheet. */
export function writeDepartmentTab(sheet: ExcelJS.Worksheet, dataset: Dataset, departmentSheet: DatasetDepartmentSheet): void {
  sheet.columns = LAYOUT_WIDTHS.map((width) => ({ width }));
  titleLines(sheet, COLUMNS, '部门（单位）整体支出绩效目标表', dataset.fiscalYear);
  let row = 4;
  put(sheet, '部门（单位）名称', row, 1, row, 2, 'label');
  put(sheet, withCode(dataset.department.code, dataset.department.name), row, 3, row, 7);
  row += 1;
  put(sheet, '年度履职目标', row, 1, row, 2, 'label');
  put(sheet, goalsText(departmentSheet.goals), row, 3, row, 7);
  row += 1;
  const tasks = departmentSheet.tasks;
  put(sheet, '年度主要任务', row, 1, row + tasks.length, 2, 'label');
  put(sheet, '任务名称', row, 3, row, 3, 'header');
  put(sheet, '主要内容', row, 4, row, 5, 'header');
  put(sheet, '预算金额（万元）', row, 6, row, 7, 'header');
  row += 1;
  for (const task of tasks) {
    put(sheet, task.name, row, 3);
    put(sheet, task.content, row, 4, row, 5);
    put(sheet, wanCell(task.amount), row, 6, row, 7);
    row += 1;
  }
  put(sheet, '预算情况（万元）', row, 1, row + 2, 2, 'label');
  const budget: [string, string | null][] = [
    ['部门预算总额', departmentSheet.budget.total],
    ['其中：基本支出', departmentSheet.budget.basic],
    ['项目支出', departmentSheet.budget.project],
  ];
  for (const [label, yuan] of budget) {
    put(sheet, label, row, 3, row, 4, 'label');
    put(sheet, wanCell(yuan), row, 5, row, 7);
    row += 1;
  }
  finish(sheet, row, departmentSheet.indicators);
}

/** The indicator header and rows, then borders, heights and the print setup. */
function finish(sheet: ExcelJS.Worksheet, headerRow: number, indicators: DatasetIndicator[]): void {
  INDICATOR_HEADERS.forEach((header, i) => put(sheet, header, headerRow, i + 1, headerRow, i + 1, 'header'));
  const last = writeIndicators(sheet, headerRow + 1, indicators);
  borders(sheet, 4, Math.max(last, headerRow), COLUMNS);
  fitRowHeights(sheet, 4, Math.max(last, headerRow), LAYOUT_WIDTHS);
  printSetup(sheet, headerRow);
}

/** A merged 一级 (col 0) or 二级 (col 1) cell of the indicator table: rows `from`..`to` (indexes into the indicators). */
export interface IndicatorMerge {
  col: 0 | 1;
  from: number;
  to: number;
  text: string | null;
}

/**
 * 一级 merged down a run of the same 一级, 二级 down a run of the same 二级 inside it. A run of 一级 is
 * broken where a 二级 is followed by none (an empty 二级 under a merged 一级 reads as "same as above").
 */
export function indicatorMerges(indicators: readonly Pick<DatasetIndicator, 'level1' | 'level2'>[]): IndicatorMerge[] {
  const merges: IndicatorMerge[] = [];
  let start = 0;
  while (start < indicators.length) {
    let end = start;
    while (end + 1 < indicators.length && indicators[end + 1].level1 === indicators[start].level1 && !(indicators[end].level2 !== null && indicators[end + 1].level2 === null)) end++;
    merges.push({ col: 0, from: start, to: end, text: indicators[start].level1 });
    let from = start;
    while (from <= end) {
      let to = from;
      while (to + 1 <= end && indicators[from].level2 !== null && indicators[to + 1].level2 === indicators[from].level2) to++;
      merges.push({ col: 1, from, to, text: indicators[from].level2 });
      from = to + 1;
    }
    start = end + 1;
  }
  return merges;
}

/** The indicator rows from `first`, 一级 and 二级 merged (indicatorMerges). Returns the last row written. */
export function writeIndicators(sheet: ExcelJS.Worksheet, first: number, indicators: DatasetIndicator[]): number {
  indicators.forEach((indicator, i) => {
    const row = first + i;
    put(sheet, indicator.name, row, 3);
    put(sheet, indicator.description, row, 4);
    put(sheet, indicator.target, row, 5);
    put(sheet, indicator.basis, row, 6);
    put(sheet, indicator.remark, row, 7);
  });
  for (const merge of indicatorMerges(indicators)) put(sheet, merge.text, first + merge.from, merge.col + 1, first + merge.to, merge.col + 1);
  return first + indicators.length - 1;
}
