/**
 * The region's 汇总表 (.xlsx) at the top of the 自评表 zip: the finance overview (结果应用) as two
 * worksheets — 「部门汇总」, a row per department (budget and spending in 万元, 预算执行率, the
 * average score, the grades and the unmet indicators counted) with the region's total, and
 * 「目标表明细」, a row per sheet in effect with its score, grade and unmet indicators named.
 */
import type { FinanceOverviewResponse, UnmetSeverity } from '@jixiao/contracts';
import { Grade, GRADE_LABELS } from '@jixiao/domain';
import ExcelJS from 'exceljs';
import { scoreText, UNMET_SEVERITY_LABELS, wan } from '../../reports/report-format';
import { printSetup } from '../../reports/self-assessment-xlsx';

const FONT = '宋体';
const GRADES: readonly Grade[] = ['excellent', 'good', 'fair', 'poor'];
const SEVERITIES: readonly UnmetSeverity[] = ['severe', 'moderate', 'minor', 'missing'];
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

const percent = (p: string | null): string => (p === null ? '—' : `${p}%`);

/** The 汇总表 of a region's year. */
export async function renderOverviewWorkbook(overview: FinanceOverviewResponse, region: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jixiao 绩效';
  workbook.title = `${region}${overview.fiscalYear}年度绩效自评汇总表`;

  const departments = table(workbook, '部门汇总', `${region}${overview.fiscalYear}年度绩效自评汇总表（按部门）`, [
    ['部门', 28],
    ['预算（万元）', 14],
    ['支出（万元）', 14],
    ['预算执行率', 12],
    ['目标表数', 10],
    ['已评价', 10],
    ['平均得分', 10],
    ...GRADES.map((g): [string, number] => [`等级${GRADE_LABELS[g]}`, 8]),
    ...SEVERITIES.map((s): [string, number] => [`未完成指标（${UNMET_SEVERITY_LABELS[s]}）`, 14]),
  ]);
  for (const d of overview.departments) {
    row(departments, [
      d.department.name,
      wan(d.budget),
      wan(d.spent),
      percent(d.executionPercent),
      d.sheets.length,
      d.sheets.filter((s) => s.total !== null).length,
      d.averageScore === null ? '—' : scoreText(d.averageScore),
      ...GRADES.map((g) => d.grades[g]),
      ...SEVERITIES.map((s) => d.unmet[s]),
    ]);
  }
  const totals = overview.totals;
  const total = row(departments, [
    '合计',
    wan(totals.budget),
    wan(totals.spent),
    percent(totals.executionPercent),
    totals.sheets,
    totals.evaluated,
    '',
    ...GRADES.map((g) => totals.grades[g]),
    ...SEVERITIES.map((s) => totals.unmet[s]),
  ]);
  total.font = { name: FONT, size: 10, bold: true };

  const sheets = table(workbook, '目标表明细', `${region}${overview.fiscalYear}年度绩效自评汇总表（按目标表）`, [
    ['部门', 24],
    ['目标表', 32],
    ['类型', 12],
    ['预算（万元）', 14],
    ['支出（万元）', 14],
    ['自评得分', 10],
    ['等级', 8],
    ['未完成指标', 60],
  ]);
  for (const d of overview.departments) {
    for (const s of d.sheets) {
      const unmet = s.unmet.map((u) => `${u.name}（${UNMET_SEVERITY_LABELS[u.severity]}${u.ratePercent === null ? '' : `，完成率 ${u.ratePercent}%`}）`).join('；');
      row(sheets, [
        d.department.name,
        s.name,
        s.kind === 'department' ? '部门整体支出' : '项目支出',
        wan(s.budget),
        wan(s.spent),
        s.total === null ? '未评价' : scoreText(s.total),
        s.grade === null ? '—' : GRADE_LABELS[s.grade],
        unmet === '' ? '无' : unmet,
      ]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A worksheet with its title in row 1 and the header in row 2, printed A4 landscape with the header repeated. */
function table(workbook: ExcelJS.Workbook, name: string, title: string, columns: [string, number][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  printSetup(sheet, 2);
  sheet.columns = columns.map(([, width]) => ({ width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { name: '黑体', size: 14, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;
  const header = row(sheet, columns.map(([label]) => label));
  header.font = { name: FONT, size: 10, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  return sheet;
}

function row(sheet: ExcelJS.Worksheet, values: (string | number)[]): ExcelJS.Row {
  const added = sheet.addRow(values);
  added.font = { name: FONT, size: 10 };
  added.alignment = { vertical: 'middle', wrapText: true };
  added.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = THIN;
  });
  return added;
}
