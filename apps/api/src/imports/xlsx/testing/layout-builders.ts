/**
 * Workbooks in the layouts of real published 绩效目标表, built with exceljs for the tests. The layouts
 * are the seeds' tables (shared/seeds, issue 11): 汉阴 2024 (表14 部门预算专项业务经费绩效目标表: 年度绩效指标
 * | 一级 | 二级 | 指标内容 | 指标值 | 备注, 资金金额 (万元) with 实施期资金总额, 指标1: prefixes, template rows; 表15
 * 部门整体支出绩效目标表 with 总额 | 财政拨款 | 其他资金 under 预算金额（万元）); the 预算管理一体化 export
 * (指标性质 | 指标值 | 度量单位 | 分值 | 评(扣)分标准, amounts in 元 in a row under their labels); 许昌 2024
 * (several tables in one tab, 整体绩效目标表 = 预算11表 with 部门名称：…, 预算情况, 资金来源/资金结构). The data
 * comes from the fixtures (demo/datasets).
 */
import type { Dataset, DatasetIndicator } from '@jixiao/contracts/dataset';
import { yuanToWan } from '@jixiao/domain/money';
import ExcelJS from 'exceljs';

/** Writes `value` at (row, column), merged to (bottom, right) when given. */
export function put(sheet: ExcelJS.Worksheet, row: number, column: number, value: ExcelJS.CellValue, bottom = row, right = column): void {
  if (bottom > row || right > column) sheet.mergeCells(row, column, bottom, right);
  sheet.getCell(row, column).value = value;
}

export async function bufferOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

const wan = (yuan: string): number => Number(yuanToWan(yuan, 6));

/** Runs of equal values in `values` as [start, end] index pairs. */
function runs<T>(values: T[]): [number, number][] {
  const found: [number, number][] = [];
  values.forEach((value, i) => {
    const last = found[found.length - 1];
    if (last !== undefined && values[last[1]] === value) last[1] = i;
    else found.push([i, i]);
  });
  return found;
}

/**
 * 汉阴 表14: one project per tab. 一级 / 二级 merged down their groups; `指标N:` in front of names where
 * a 二级 has several; a 生态效益指标 and a 可持续影响指标 row without indicators, as the seed has them.
 */
export function hanyinProjectTab(workbook: ExcelJS.Workbook, dataset: Dataset, index: number): void {
  const project = dataset.projects[index];
  const sheet = workbook.addWorksheet(`表14-${index + 1}`);
  put(sheet, 1, 1, '表14');
  put(sheet, 2, 1, `${dataset.fiscalYear}年部门预算专项业务经费绩效目标表`, 2, 6);
  put(sheet, 3, 1, '单位：万元');
  put(sheet, 4, 1, '项目名称', 4, 2);
  put(sheet, 4, 3, project.name, 4, 6);
  put(sheet, 5, 1, '主管部门', 5, 2);
  put(sheet, 5, 3, dataset.department.name, 5, 6);
  put(sheet, 6, 1, '资金金额 (万元)', 8, 2);
  put(sheet, 6, 3, '实施期资金总额:', 6, 4);
  put(sheet, 6, 5, wan(project.amount.total), 6, 6);
  put(sheet, 7, 3, '其中:财政拨款', 7, 4);
  put(sheet, 7, 5, wan(project.amount.fiscal ?? '0.00'), 7, 6);
  put(sheet, 8, 3, '其他资金', 8, 4);
  put(sheet, 9, 1, '总体目标', 9, 2);
  put(sheet, 9, 3, project.goals.map((goal, i) => `目标${i + 1}: ${goal}`).join(' '), 9, 6);
  const rows: (DatasetIndicator | { level1: string; level2: string | null })[] = [...project.indicators];
  // template rows the seed keeps: a 二级 without indicators, a 一级 without 二级 (not indicators)
  const benefit = rows.findIndex((row) => row.level1 === '效益指标');
  rows.splice(benefit < 0 ? rows.length : benefit, 0, { level1: '效益指标', level2: '经济效益指标' });
  rows.push({ level1: '可持续影响指标', level2: null });
  const header = 10;
  const last = header + rows.length;
  put(sheet, header, 1, '年度绩效指标', last, 1);
  ['一级指标', '二级指标', '指标内容', '指标值', '备注'].forEach((text, i) => put(sheet, header, 2 + i, text));
  const counts = new Map<string, number>();
  rows.forEach((row, i) => {
    if (!('name' in row)) return;
    const key = `${row.level1}/${row.level2}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const several = project.indicators.filter((x) => x.level1 === row.level1 && x.level2 === row.level2).length > 1;
    put(sheet, header + 1 + i, 4, several ? `指标${counts.get(key)}: ${row.name}` : row.name);
    put(sheet, header + 1 + i, 5, row.target);
    put(sheet, header + 1 + i, 6, row.remark);
  });
  for (const [from, to] of runs(rows.map((row) => row.level1))) {
    put(sheet, header + 1 + from, 2, rows[from].level1, header + 1 + to, 2);
    for (const [a, b] of runs(rows.slice(from, to + 1).map((row) => row.level2))) {
      put(sheet, header + 1 + from + a, 3, rows[from + a].level2, header + 1 + from + b, 3);
    }
  }
}

/** 汉阴 表15: 部门整体支出绩效目标表 with 年度主要任务 (总额 | 财政拨款 | 其他资金), 金额合计, 年度总体目标. */
export function hanyinDepartmentTab(workbook: ExcelJS.Workbook, dataset: Dataset): void {
  const sheet = workbook.addWorksheet('表15');
  const ds = dataset.departmentSheet!;
  put(sheet, 1, 1, `${dataset.fiscalYear}年部门整体支出绩效目标表`, 1, 6);
  put(sheet, 2, 1, '部门（单位）名称', 2, 2);
  put(sheet, 2, 3, dataset.department.name, 2, 6);
  const taskRows = ds.tasks.length;
  put(sheet, 3, 1, '年度主要任务', 4 + taskRows, 1);
  put(sheet, 3, 2, '任务名称', 4, 2);
  put(sheet, 3, 3, '主要内容', 4, 3);
  put(sheet, 3, 4, '预算金额（万元）', 3, 6);
  ['总额', '财政拨款', '其他资金'].forEach((text, i) => put(sheet, 4, 4 + i, text));
  ds.tasks.forEach((task, i) => {
    put(sheet, 5 + i, 2, task.name);
    put(sheet, 5 + i, 3, task.content);
    put(sheet, 5 + i, 4, task.amount === null ? null : wan(task.amount));
    put(sheet, 5 + i, 5, task.amount === null ? null : wan(task.amount));
  });
  const sum = 5 + taskRows;
  put(sheet, sum, 1, '金额合计', sum, 3);
  put(sheet, sum, 4, ds.budget.total === null ? null : wan(ds.budget.total));
  put(sheet, sum + 1, 1, '年度总体目标');
  put(sheet, sum + 1, 2, ds.goals.map((goal, i) => `目标${i + 1}：${goal}；`).join(' '), sum + 1, 6);
  const header = sum + 2;
  put(sheet, header, 1, '年度绩效指标', header + ds.indicators.length, 1);
  put(sheet, header, 2, '一级指标');
  put(sheet, header, 3, '二级指标');
  put(sheet, header, 4, '指标内容', header, 5);
  put(sheet, header, 6, '指标值');
  ds.indicators.forEach((indicator, i) => {
    put(sheet, header + 1 + i, 4, indicator.name, header + 1 + i, 5);
    put(sheet, header + 1 + i, 6, indicator.target);
  });
  for (const [from, to] of runs(ds.indicators.map((x) => x.level1))) {
    put(sheet, header + 1 + from, 2, ds.indicators[from].level1, header + 1 + to, 2);
    for (const [a, b] of runs(ds.indicators.slice(from, to + 1).map((x) => x.level2))) {
      put(sheet, header + 1 + from + a, 3, ds.indicators[from + a].level2, header + 1 + from + b, 3);
    }
  }
}

/** `≥1428` + `人次` style split of a target for the 指标性质 | 指标值 | 度量单位 columns; 定性 where it does not split. */
export function splitTarget(target: string): [string, string | number, string] {
  const match = /^(≥|≤|>|<|=)(\d+(?:\.\d+)?)([^\d\s.][^\s]*)?$/.exec(target);
  if (!match) return ['定性', target, ''];
  return [match[1], Number(match[2]), match[3] ?? ''];
}

/**
 * The 一体化 export: 项目资金（元） over a row of amounts, 指标性质 | 指标值 | 度量单位 | 分值 | 评(扣)分标准,
 * 一级 and 二级 written once per group and left EMPTY below (no merges), 实施单位 with its code.
 */
export function integratedProjectTab(workbook: ExcelJS.Workbook, dataset: Dataset, index: number): void {
  const project = dataset.projects[index];
  const unit = dataset.units.find((u) => u.code === project.unitCode)!;
  const sheet = workbook.addWorksheet(`项目${index + 1}`);
  put(sheet, 1, 1, '项目支出绩效目标表', 1, 9);
  put(sheet, 2, 1, `（${dataset.fiscalYear}年度）`, 2, 9);
  put(sheet, 3, 1, '项目名称');
  put(sheet, 3, 2, project.name, 3, 5);
  put(sheet, 3, 6, '项目类别');
  put(sheet, 3, 7, project.category, 3, 9);
  put(sheet, 4, 1, '主管部门及代码');
  put(sheet, 4, 2, `${dataset.department.code}-${dataset.department.name}`, 4, 5);
  put(sheet, 4, 6, '实施单位');
  put(sheet, 4, 7, `[${unit.code}]${unit.name}`, 4, 9);
  put(sheet, 5, 1, '项目资金（元）', 6, 1);
  put(sheet, 5, 2, '年度资金总额', 5, 3);
  put(sheet, 5, 4, '财政拨款', 5, 5);
  put(sheet, 5, 6, '其他资金', 5, 7);
  put(sheet, 6, 2, Number(project.amount.total), 6, 3);
  put(sheet, 6, 4, Number(project.amount.fiscal), 6, 5);
  put(sheet, 6, 6, Number(project.amount.other), 6, 7);
  put(sheet, 7, 1, '年度总体目标');
  put(sheet, 7, 2, project.goals.map((goal, i) => `${i + 1}.${goal}`).join('\n'), 7, 9);
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值', '评(扣)分标准', '指标解释'].forEach((text, i) => put(sheet, 8, 1 + i, text));
  let previous: DatasetIndicator | null = null;
  project.indicators.forEach((indicator, i) => {
    const row = 9 + i;
    const [sign, value, unitText] = splitTarget(indicator.target);
    if (previous === null || previous.level1 !== indicator.level1) put(sheet, row, 1, indicator.level1);
    if (previous === null || previous.level1 !== indicator.level1 || previous.level2 !== indicator.level2) put(sheet, row, 2, indicator.level2);
    put(sheet, row, 3, indicator.name);
    put(sheet, row, 4, sign);
    put(sheet, row, 5, value);
    put(sheet, row, 6, unitText === '' ? null : unitText);
    put(sheet, row, 7, 10 + (i % 3));
    put(sheet, row, 8, `完成得满分，未完成按比例扣分（${i + 1}）`);
    previous = indicator;
  });
}

/**
 * 许昌 2024 in one tab: every project table one under the other (一级 | 三级 | 指标值 | 备注, no 二级
 * column, 实施单位 by name only, amounts in 万元 beside their labels), then the 整体绩效目标表 (预算11表).
 */
export function xuchangOneTab(workbook: ExcelJS.Workbook, dataset: Dataset): void {
  const sheet = workbook.addWorksheet('绩效目标');
  let row = 1;
  for (const project of dataset.projects) {
    const unit = dataset.units.find((u) => u.code === project.unitCode)!;
    put(sheet, row, 1, '项目支出绩效目标表', row, 5);
    put(sheet, row + 1, 1, '项目名称');
    put(sheet, row + 1, 2, project.name, row + 1, 5);
    put(sheet, row + 2, 1, '主管部门');
    put(sheet, row + 2, 2, dataset.department.name, row + 2, 3);
    put(sheet, row + 2, 4, '实施单位');
    put(sheet, row + 2, 5, unit.name);
    put(sheet, row + 3, 1, '项目类别');
    put(sheet, row + 3, 2, project.category, row + 3, 5);
    put(sheet, row + 4, 1, '资金总额（万元）');
    put(sheet, row + 4, 2, wan(project.amount.total));
    put(sheet, row + 4, 3, '财政资金（万元）');
    put(sheet, row + 4, 4, wan(project.amount.fiscal!), row + 4, 5);
    put(sheet, row + 5, 1, '一级指标');
    put(sheet, row + 5, 2, '三级指标');
    put(sheet, row + 5, 3, '指标值', row + 5, 4);
    put(sheet, row + 5, 5, '备注');
    const first = row + 6;
    project.indicators.forEach((indicator, i) => {
      put(sheet, first + i, 2, indicator.name);
      put(sheet, first + i, 3, indicator.target, first + i, 4);
    });
    for (const [from, to] of runs(project.indicators.map((x) => x.level1))) put(sheet, first + from, 1, project.indicators[from].level1, first + to, 1);
    row = first + project.indicators.length + 1; // a blank row between tables
  }
  const ds = dataset.departmentSheet!;
  put(sheet, row, 1, '整体绩效目标表', row, 5);
  put(sheet, row + 1, 1, `(${dataset.fiscalYear} 年度)`, row + 1, 5);
  put(sheet, row + 2, 1, `部门名称：${dataset.department.name}`, row + 2, 5);
  put(sheet, row + 3, 1, '年度履职目标');
  put(sheet, row + 3, 2, ds.goals.join(''), row + 3, 5);
  put(sheet, row + 4, 1, '年度主要任务', row + 4 + ds.tasks.length, 1);
  put(sheet, row + 4, 2, '任务名称', row + 4, 3);
  put(sheet, row + 4, 4, '主要内容', row + 4, 5);
  ds.tasks.forEach((task, i) => {
    put(sheet, row + 5 + i, 2, task.name, row + 5 + i, 3);
    put(sheet, row + 5 + i, 4, task.content, row + 5 + i, 5);
  });
  const budget = row + 5 + ds.tasks.length;
  put(sheet, budget, 1, '预算情况', budget + 5, 1);
  put(sheet, budget, 2, '部门预算总额（万元）', budget, 4);
  put(sheet, budget, 5, wan(ds.budget.total!));
  put(sheet, budget + 1, 2, '1、资金来源：', budget + 3, 2);
  put(sheet, budget + 1, 3, '(1) 政府预算资金', budget + 1, 4);
  put(sheet, budget + 1, 5, wan(ds.budget.total!));
  put(sheet, budget + 2, 3, '(2) 财政专户管理资金', budget + 2, 4);
  put(sheet, budget + 3, 3, '(3) 单位资金', budget + 3, 4);
  put(sheet, budget + 4, 2, '2、资金结构：', budget + 5, 2);
  put(sheet, budget + 4, 3, '(1) 基本支出', budget + 4, 4);
  put(sheet, budget + 4, 5, wan(ds.budget.basic!));
  put(sheet, budget + 5, 3, '(2) 项目支出', budget + 5, 4);
  put(sheet, budget + 5, 5, wan(ds.budget.project!));
  const header = budget + 6;
  ['一级指标', '二级指标', '三级指标', '指标值', '指标值说明'].forEach((text, i) => put(sheet, header, 1 + i, text));
  ds.indicators.forEach((indicator, i) => {
    put(sheet, header + 1 + i, 3, indicator.name);
    put(sheet, header + 1 + i, 4, indicator.target);
    put(sheet, header + 1 + i, 5, indicator.remark);
  });
  for (const [from, to] of runs(ds.indicators.map((x) => x.level1))) {
    put(sheet, header + 1 + from, 1, ds.indicators[from].level1, header + 1 + to, 1);
    for (const [a, b] of runs(ds.indicators.slice(from, to + 1).map((x) => x.level2))) {
      put(sheet, header + 1 + from + a, 2, ds.indicators[from + a].level2, header + 1 + from + b, 2);
    }
  }
}
