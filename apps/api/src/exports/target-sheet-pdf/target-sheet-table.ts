/**
 * A 绩效目标表 as the grid the PDF writer draws (the same model as the 自评表's): the national
 * disclosure layout of target-sheet-tabs.ts — title, header block, then the indicator table with
 * 一级 and 二级 merged down their groups — as rows of cells. Pure: no I/O.
 */
import type { Dataset, DatasetDepartmentSheet, DatasetIndicator, DatasetProject } from '@jixiao/contracts/dataset';
import type { PdfTable } from '../../reports/self-assessment-pdf';
import type { TableCell, TableRow } from '../../reports/self-assessment-table';
import { LAYOUT_WIDTHS } from '../target-workbook/sheet-style';
import { goalsText, indicatorMerges, INDICATOR_HEADERS, wanCell, withCode } from '../target-workbook/target-sheet-tabs';

const LAST = LAYOUT_WIDTHS.length - 1;
export const PROJECT_TITLE = '项目支出绩效目标表';
export const DEPARTMENT_TITLE = '部门（单位）整体支出绩效目标表';

function cell(col: number, value: string | number | null, options: Partial<Omit<TableCell, 'col' | 'text'>> = {}): TableCell {
  return { col, colSpan: 1, rowSpan: 1, text: value === null ? '' : String(value), style: 'text', align: 'left', bold: false, tone: 'normal', number: null, numberFormat: null, ...options };
}
/** A cell from `col` to `last` (inclusive). */
const span = (col: number, last: number, value: string | number | null, options: Partial<TableCell> = {}): TableCell => cell(col, value, { colSpan: last - col + 1, ...options });
const label = (col: number, last: number, text: string, options: Partial<TableCell> = {}): TableCell => span(col, last, text, { style: 'label', bold: true, align: 'center', ...options });
const header = (col: number, last: number, text: string): TableCell => span(col, last, text, { style: 'header', bold: true, align: 'center' });
/** 万元 with at least two places and every cent (410000.00 元 → 41.00, 123.45 元 → 0.012345). */
export function wanText(yuan: string | null): string | null {
  const value = wanCell(yuan);
  if (value === null) return null;
  const [whole, fraction = ''] = String(value).split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}
const amount = (col: number, last: number, yuan: string | null): TableCell => span(col, last, wanText(yuan), { style: 'number', align: 'right' });
const identity = (...cells: TableCell[]): TableRow => ({ kind: 'identity', cells });

function table(title: string, fiscalYear: number, head: TableRow[], indicators: DatasetIndicator[]): PdfTable {
  const columns = LAYOUT_WIDTHS.map((width, i) => ({ key: `c${i}`, header: INDICATOR_HEADERS[i]!, width }));
  const headerRow: TableRow = { kind: 'indicator-header', cells: INDICATOR_HEADERS.map((text, i) => header(i, i, text)) };
  const rows: TableRow[] = indicators.map((indicator) => ({
    kind: 'indicator',
    cells: [cell(2, indicator.name), cell(3, indicator.description), cell(4, indicator.target, { align: 'center' }), cell(5, indicator.basis), cell(6, indicator.remark)],
  }));
  for (const merge of indicatorMerges(indicators)) {
    rows[merge.from]!.cells.push(cell(merge.col, merge.text, { rowSpan: merge.to - merge.from + 1, align: 'center' }));
  }
  for (const row of rows) row.cells.sort((a, b) => a.col - b.col);
  const notes = indicators.length === 0 ? ['（本表未填报绩效指标）'] : [];
  return { title, subtitle: `（${fiscalYear}年度）\u3000单位：万元`, columns, rows: [...head, headerRow, ...rows], indicatorHeaderRow: head.length, notes };
}

/** 项目支出绩效目标表 of one project of the dataset. */
export function projectSheetTable(dataset: Dataset, project: DatasetProject): PdfTable {
  const unit = project.unitCode === null ? null : withCode(project.unitCode, dataset.units.find((u) => u.code === project.unitCode)?.name ?? '');
  const head: TableRow[] = [
    identity(label(0, 1, '项目名称'), span(2, LAST, project.name)),
    identity(label(0, 1, '项目编码'), span(2, 3, project.code), label(4, 4, '项目类别'), span(5, LAST, project.category)),
    identity(label(0, 1, '主管部门及代码'), span(2, 3, withCode(dataset.department.code, dataset.department.name)), label(4, 4, '实施单位'), span(5, LAST, unit)),
    identity(label(0, 1, '项目资金（万元）', { rowSpan: 3 }), label(2, 3, '年度资金总额'), amount(4, LAST, project.amount.total)),
    identity(label(2, 3, '其中：财政拨款'), amount(4, LAST, project.amount.fiscal)),
    identity(label(2, 3, '其他资金'), amount(4, LAST, project.amount.other)),
    identity(label(0, 1, '资金用途'), span(2, LAST, project.purpose)),
    ...spendingPlanRows(project),
    identity(label(0, 1, '年度总体目标'), span(2, LAST, goalsText(project.goals))),
  ];
  return table(PROJECT_TITLE, dataset.fiscalYear, head, project.indicators);
}

/** 资金支出计划（万元）: months over cumulative amounts, five to a row pair (3/6/9/12月 blank without a plan). */
function spendingPlanRows(project: DatasetProject): TableRow[] {
  const points = project.spendingPlan.length > 0 ? project.spendingPlan.map((p) => ({ month: p.month, amount: p.cumulativeAmount })) : [3, 6, 9, 12].map((month) => ({ month, amount: null }));
  const rows: TableRow[] = [];
  for (let pair = 0; pair * 5 < points.length; pair++) {
    const chunk = Array.from({ length: 5 }, (_, i) => points[pair * 5 + i]); // a short last pair: blank cells to the edge
    const months = chunk.map((point, i) => (point === undefined ? cell(2 + i, null) : header(2 + i, 2 + i, `${point.month}月底`)));
    const amounts = chunk.map((point, i) => (point === undefined ? cell(2 + i, null) : amount(2 + i, 2 + i, point.amount)));
    const first = pair === 0 ? [label(0, 1, '资金支出计划（万元）', { rowSpan: Math.ceil(points.length / 5) * 2 })] : [];
    rows.push(identity(...first, ...months), identity(...amounts));
  }
  return rows;
}

/** 部门（单位）整体支出绩效目标表 of the dataset's department. */
export function departmentSheetTable(dataset: Dataset, sheet: DatasetDepartmentSheet): PdfTable {
  const head: TableRow[] = [
    identity(label(0, 1, '部门（单位）名称'), span(2, LAST, withCode(dataset.department.code, dataset.department.name))),
    identity(label(0, 1, '年度履职目标'), span(2, LAST, goalsText(sheet.goals))),
    identity(label(0, 1, '年度主要任务', { rowSpan: sheet.tasks.length + 1 }), header(2, 2, '任务名称'), header(3, 4, '主要内容'), header(5, LAST, '预算金额（万元）')),
    ...sheet.tasks.map((task) => identity(cell(2, task.name), span(3, 4, task.content), amount(5, LAST, task.amount))),
    identity(label(0, 1, '预算情况（万元）', { rowSpan: 3 }), label(2, 3, '部门预算总额'), amount(4, LAST, sheet.budget.total)),
    identity(label(2, 3, '其中：基本支出'), amount(4, LAST, sheet.budget.basic)),
    identity(label(2, 3, '项目支出'), amount(4, LAST, sheet.budget.project)),
  ];
  return table(DEPARTMENT_TITLE, dataset.fiscalYear, head, sheet.indicators);
}

/** Every sheet of the dataset in the pack's order, each with its line in the contents: the department-wide sheet first, then the projects. */
export function datasetTables(dataset: Dataset): { name: string; table: PdfTable }[] {
  const tables = dataset.departmentSheet === null ? [] : [{ name: DEPARTMENT_TITLE, table: departmentSheetTable(dataset, dataset.departmentSheet) }];
  return [...tables, ...dataset.projects.map((project) => ({ name: `${PROJECT_TITLE}：${project.name}`, table: projectSheetTable(dataset, project) }))];
}
