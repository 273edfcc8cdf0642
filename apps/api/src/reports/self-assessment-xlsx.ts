/**
 * The 自评表 as an Excel workbook (.xlsx, exceljs): one worksheet named after the form, the title
 * and year above the grid, merged cells, thin borders on every cell of the grid, wrapped text,
 * row heights estimated from the text (Excel does not fit merged cells itself), A4 landscape one
 * page wide with the indicator header repeated on every printed page, page numbers in the footer.
 */
import ExcelJS from 'exceljs';
import type { SelfAssessmentTable, TableCell } from './self-assessment-table';

const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';
const BODY_SIZE = 10;
const LINE_HEIGHT = 14; // points per line of 10 pt 宋体, with leading
const PADDING = 6; // points above and below the text of a cell
const TONE_COLORS: Record<TableCell['tone'], string | null> = { normal: null, unmet: 'FFC00000', override: 'FF1F4E79' };
const A4 = 9 as ExcelJS.PaperSize;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** First worksheet row of the grid: the title and the year come first. */
export const GRID_FIRST_ROW = 3;

/** Writes the table model as an .xlsx file. */
export async function renderSelfAssessmentXlsx(table: SelfAssessmentTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jixiao 绩效';
  workbook.title = table.title;
  const columnCount = table.columns.length;
  const sheet = workbook.addWorksheet(safeSheetName(table.sheetName), { views: [{ showGridLines: false }] });
  printSetup(sheet, GRID_FIRST_ROW + table.indicatorHeaderRow);
  sheet.columns = table.columns.map((column) => ({ key: column.key, width: column.width }));

  // title and year
  sheet.mergeCells(1, 1, 1, columnCount);
  const title = sheet.getCell(1, 1);
  title.value = table.title;
  title.font = { name: TITLE_FONT, size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 34;
  sheet.mergeCells(2, 1, 2, columnCount);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = table.subtitle;
  subtitle.font = { name: BODY_FONT, size: 11 };
  subtitle.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(2).height = 20;

  // the grid: borders everywhere first, so merged ranges show their outline
  const lastGridRow = GRID_FIRST_ROW + table.rows.length - 1;
  for (let r = GRID_FIRST_ROW; r <= lastGridRow; r += 1) {
    for (let c = 1; c <= columnCount; c += 1) {
      const target = sheet.getCell(r, c);
      target.border = THIN;
      target.font = { name: BODY_FONT, size: BODY_SIZE };
      target.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    }
  }
  table.rows.forEach((row, index) => {
    const r = GRID_FIRST_ROW + index;
    for (const cell of row.cells) {
      const c = cell.col + 1;
      if (cell.rowSpan > 1 || cell.colSpan > 1) sheet.mergeCells(r, c, r + cell.rowSpan - 1, c + cell.colSpan - 1);
      const target = sheet.getCell(r, c);
      // Numbers are written as spreadsheet numbers so that users can add them up; the decimal
      // string is exact and only converted here, at the file boundary, never computed with.
      if (cell.number !== null) {
        target.value = Number(cell.number);
        if (cell.numberFormat !== null) target.numFmt = cell.numberFormat;
      } else {
        target.value = cell.text;
      }
      const color = TONE_COLORS[cell.tone];
      target.font = { name: BODY_FONT, size: BODY_SIZE, bold: cell.bold, ...(color === null ? {} : { color: { argb: color } }) };
      target.alignment = { vertical: 'middle', horizontal: cell.align, wrapText: true };
      if (cell.style === 'label' || cell.style === 'header' || cell.style === 'total') {
        target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      }
    }
  });
  rowHeights(table).forEach((height, index) => {
    sheet.getRow(GRID_FIRST_ROW + index).height = height;
  });

  // notes under the table
  table.notes.forEach((note, index) => {
    const r = lastGridRow + 2 + index;
    sheet.mergeCells(r, 1, r, columnCount);
    const target = sheet.getCell(r, 1);
    target.value = note;
    target.font = { name: BODY_FONT, size: 9 };
    target.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    sheet.getRow(r).height = LINE_HEIGHT * linesOf(note, totalWidth(table, 0, columnCount)) + 2;
  });

  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as unknown as ArrayBuffer);
}

/** Excel forbids : \ / ? * [ ] in sheet names and allows at most 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, '').trim();
  return (cleaned === '' ? 'Sheet1' : cleaned).slice(0, 31);
}

/** Display width of text in column-width units: a CJK or full-width character counts 2. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018-\u201d\u2026\u3000-\u303f]/.test(char) ? 2 : 1;
  return width;
}

/** Lines the text takes in a cell `width` units wide (wrapped, explicit newlines kept). */
export function linesOf(text: string, width: number): number {
  const usable = Math.max(2, width - 1);
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

function totalWidth(table: SelfAssessmentTable, col: number, span: number): number {
  return table.columns.slice(col, col + span).reduce((sum, column) => sum + column.width, 0);
}

/** Row heights in points: single-row cells first, then cells spanning rows stretch their last row. */
export function rowHeights(table: SelfAssessmentTable): number[] {
  const heights = table.rows.map(() => LINE_HEIGHT + PADDING);
  const needed = (cell: TableCell): number => LINE_HEIGHT * linesOf(cell.text, totalWidth(table, cell.col, cell.colSpan)) + PADDING;
  table.rows.forEach((row, index) => {
    for (const cell of row.cells) if (cell.rowSpan === 1) heights[index] = Math.max(heights[index]!, needed(cell));
  });
  table.rows.forEach((row, index) => {
    for (const cell of row.cells) {
      if (cell.rowSpan === 1) continue;
      const last = index + cell.rowSpan - 1;
      const have = heights.slice(index, last + 1).reduce((sum, height) => sum + height, 0);
      const want = needed(cell);
      if (want > have) heights[last] = heights[last]! + (want - have);
    }
  });
  return heights.map((height) => Math.min(409, Math.ceil(height)));
}

/** A4 landscape, one page wide, the header row `headerRow` repeated on every page, page numbers below. */
export function printSetup(sheet: ExcelJS.Worksheet, headerRow: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&C第 &P 页，共 &N 页' };
}
