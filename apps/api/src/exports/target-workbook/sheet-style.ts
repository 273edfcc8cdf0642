/** The look of a 绩效目标表 tab: fonts, borders, widths, A4 landscape with the indicator header repeated. */
import type ExcelJS from 'exceljs';
import { linesOf } from '../../reports/self-assessment-xlsx';

export { printSetup } from '../../reports/self-assessment-xlsx';

export const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';
const BODY_SIZE = 10;
const LINE_HEIGHT = 14;
export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Column widths (in characters) of the 7-column project / department layout. */
export const LAYOUT_WIDTHS = [12, 16, 30, 22, 16, 22, 16];

/** Title, year and unit lines above the table (rows 1–3), each across the table's width. */
export function titleLines(sheet: ExcelJS.Worksheet, columns: number, title: string, year: number | null): void {
  const lines: [string, Partial<ExcelJS.Font>, ExcelJS.Alignment['horizontal'], number][] = [
    [title, { name: TITLE_FONT, size: 18, bold: true }, 'center', 34],
    [year === null ? '（    年度）' : `（${year}年度）`, { name: BODY_FONT, size: 11 }, 'center', 20],
    ['单位：万元', { name: BODY_FONT, size: BODY_SIZE }, 'right', 18],
  ];
  lines.forEach(([text, font, horizontal, height], index) => {
    const row = index + 1;
    sheet.mergeCells(row, 1, row, columns);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal, vertical: 'middle' };
    sheet.getRow(row).height = height;
  });
}

/** A value into a cell range (merged when wider or taller than one cell), bordered and wrapped. */
export function put(
  sheet: ExcelJS.Worksheet,
  value: string | number | null,
  top: number,
  left: number,
  bottom = top,
  right = left,
  style: 'label' | 'header' | 'value' = 'value',
): void {
  if (bottom > top || right > left) {
    sheet.mergeCells(top, left, bottom, right);
    spans(sheet).set(`${top}:${left}`, { rows: bottom - top + 1, columns: right - left + 1 });
  }
  const cell = sheet.getCell(top, left);
  cell.value = value === null || value === '' ? null : value;
  cell.font = { name: BODY_FONT, size: BODY_SIZE, bold: style === 'header' };
  cell.alignment = { vertical: 'middle', horizontal: style === 'value' ? 'left' : 'center', wrapText: true };
  if (style !== 'value') cell.fill = LABEL_FILL;
}

/** Borders on every cell of rows `from`..`to`, columns 1..`columns` (merged ranges show their outline). */
export function borders(sheet: ExcelJS.Worksheet, from: number, to: number, columns: number): void {
  for (let row = from; row <= to; row++) {
    for (let column = 1; column <= columns; column++) sheet.getCell(row, column).border = THIN;
  }
}

/** Row heights from the longest text of each row (Excel does not fit merged cells itself). */
export function fitRowHeights(sheet: ExcelJS.Worksheet, from: number, to: number, widths: number[]): void {
  for (let row = from; row <= to; row++) {
    let lines = 1;
    for (let column = 1; column <= widths.length; column++) {
      const cell = sheet.getCell(row, column);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      const merge = spanOf(sheet, row, column);
      if (merge.rows > 1) continue;
      const width = widths.slice(column - 1, column - 1 + merge.columns).reduce((sum, w) => sum + w, 0);
      const text = cell.value === null || cell.value === undefined ? '' : String(cell.value);
      lines = Math.max(lines, linesOf(text, width));
    }
    sheet.getRow(row).height = LINE_HEIGHT * lines + 6;
  }
}

const SPANS = new WeakMap<ExcelJS.Worksheet, Map<string, { rows: number; columns: number }>>();

function spans(sheet: ExcelJS.Worksheet): Map<string, { rows: number; columns: number }> {
  let found = SPANS.get(sheet);
  if (found === undefined) {
    found = new Map();
    SPANS.set(sheet, found);
  }
  return found;
}

function spanOf(sheet: ExcelJS.Worksheet, row: number, column: number): { rows: number; columns: number } {
  return spans(sheet).get(`${row}:${column}`) ?? { rows: 1, columns: 1 };
}
