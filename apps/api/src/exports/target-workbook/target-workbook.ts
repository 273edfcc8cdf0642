/**
 * Workbooks of 绩效目标表 (issue 11): every sheet of one or more datasets as a tab in the national
 * disclosure layout (the department-wide sheet first, then each project: a department's disclosure
 * pack), and a blank template with dropdowns for 一级指标, 二级指标 and 指标性质.
 */
import type { Dataset } from '@jixiao/contracts/dataset';
import ExcelJS from 'exceljs';
import { safeSheetName } from '../../reports/self-assessment-xlsx';
import { borders, fitRowHeights, printSetup, put, titleLines } from './sheet-style';
import { writeDepartmentTab, writeProjectTab } from './target-sheet-tabs';

/** 一级指标 of the national framework (财预〔2020〕10号 and the department-wide tables). */
export const LEVEL1_OPTIONS = ['产出指标', '效益指标', '满意度指标', '成本指标', '投入管理指标'];
/** 二级指标 under them. */
export const LEVEL2_OPTIONS = [
  '数量指标',
  '质量指标',
  '时效指标',
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
];
/** 指标性质: the sign composed before the value, or 定性 for a qualitative target. */
export const OPERATOR_OPTIONS = ['≥', '≤', '=', '>', '<', '定性'];

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jixiao 绩效';
  return workbook;
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as unknown as ArrayBuffer);
}

/** A unique tab name of at most 31 characters. */
function tabName(taken: Set<string>, name: string): string {
  const base = safeSheetName(name);
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Every sheet of the datasets, a tab each: each dataset's department-wide sheet, then its projects in order. */
export async function targetWorkbook(datasets: readonly Dataset[]): Promise<Buffer> {
  const workbook = newWorkbook();
  const taken = new Set<string>();
  for (const dataset of datasets) {
    const prefix = datasets.length > 1 ? `${dataset.department.name.slice(0, 8)}-` : '';
    if (dataset.departmentSheet !== null) {
      writeDepartmentTab(workbook.addWorksheet(tabName(taken, `${prefix}部门整体`)), dataset, dataset.departmentSheet);
    }
    dataset.projects.forEach((project, index) => {
      writeProjectTab(workbook.addWorksheet(tabName(taken, `${prefix}${index + 1}-${project.name}`)), dataset, project);
    });
  }
  if (workbook.worksheets.length === 0) workbook.addWorksheet('说明').getCell(1, 1).value = '没有绩效目标表';
  return toBuffer(workbook);
}

const TEMPLATE_COLUMNS = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值', '指标解释', '指标值确定依据', '备注'];
const TEMPLATE_WIDTHS = [12, 16, 28, 10, 12, 10, 8, 22, 20, 14];
const TEMPLATE_ROWS = 40;

/** A blank 项目支出绩效目标表 to fill in: the header block empty, 40 indicator rows with dropdowns. */
export async function targetTemplateWorkbook(fiscalYear: number | null = null): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('项目支出绩效目标表');
  sheet.columns = TEMPLATE_WIDTHS.map((width) => ({ width }));
  titleLines(sheet, TEMPLATE_COLUMNS.length, '项目支出绩效目标表', fiscalYear);
  const labels: [string, number][] = [
    ['项目名称', 4],
    ['项目编码', 5],
    ['主管部门及代码', 6],
    ['实施单位', 7],
    ['项目类别', 8],
  ];
  for (const [label, row] of labels) {
    put(sheet, label, row, 1, row, 2, 'label');
    put(sheet, null, row, 3, row, 10);
  }
  put(sheet, '项目资金（万元）', 9, 1, 11, 2, 'label');
  ['年度资金总额', '其中：财政拨款', '其他资金'].forEach((label, i) => {
    put(sheet, label, 9 + i, 3, 9 + i, 4, 'label');
    put(sheet, null, 9 + i, 5, 9 + i, 10);
  });
  put(sheet, '资金用途', 12, 1, 12, 2, 'label');
  put(sheet, null, 12, 3, 12, 10);
  put(sheet, '资金支出计划（万元）', 13, 1, 14, 2, 'label');
  [3, 6, 9, 12].forEach((month, i) => {
    put(sheet, `${month}月底`, 13, 3 + i, 13, 3 + i, 'header');
    put(sheet, null, 14, 3 + i);
  });
  put(sheet, '年度总体目标', 15, 1, 15, 2, 'label');
  put(sheet, null, 15, 3, 15, 10);
  const headerRow = 16;
  TEMPLATE_COLUMNS.forEach((header, i) => put(sheet, header, headerRow, i + 1, headerRow, i + 1, 'header'));
  const list = (options: string[]): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [`"${options.join(',')}"`],
    showErrorMessage: false, // a department's own 二级指标 stays allowed
    showInputMessage: true,
  });
  for (let row = headerRow + 1; row <= headerRow + TEMPLATE_ROWS; row++) {
    sheet.getCell(row, 1).dataValidation = list(LEVEL1_OPTIONS);
    sheet.getCell(row, 2).dataValidation = list(LEVEL2_OPTIONS);
    sheet.getCell(row, 4).dataValidation = list(OPERATOR_OPTIONS);
  }
  borders(sheet, 4, headerRow + TEMPLATE_ROWS, TEMPLATE_COLUMNS.length);
  fitRowHeights(sheet, 4, headerRow, TEMPLATE_WIDTHS);
  printSetup(sheet, headerRow);
  return toBuffer(workbook);
}
