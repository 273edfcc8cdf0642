/**
 * The 自评表 as a PDF (pdfkit) drawn from the same layout model as the .xlsx: A4 landscape, the CJK
 * font embedded as a subset, every cell bordered, merged cells drawn as one box, rows never split,
 * a page break repeats the indicator table's header (a merged cell cut by the break is drawn on
 * both pages, its text repeated), 第 x 页 共 n 页 at the foot of every page.
 */
import PDFDocument from 'pdfkit';
import type { ReportFont } from './report-font';
import { ReportFontError, resetGlyphCache } from './report-font';
import type { RowKind, SelfAssessmentTable, TableCell } from './self-assessment-table';

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 841.89, height: 595.28 }; // A4 landscape, points
const MARGIN = { left: 36, right: 36, top: 34, bottom: 44 }; // the table's area; the page number sits in the bottom margin
const BODY_SIZE = 8.5;
const PAD_X = 4;
const PAD_Y = 3.5;
const MIN_ROW = 18;
const LINE_GAP = 1.5;
const COLORS = { text: '#000000', border: '#000000', shade: '#F2F2F2', unmet: '#C00000', override: '#1F4E79' } as const;
const FONT = 'report-cjk';

/** Top and bottom of the table's area on a page, in points from the top. */
export const TABLE_TOP = MARGIN.top;
export const TABLE_BOTTOM = PAGE.height - MARGIN.bottom;

/** Rows that must stay on the page of the row after them (a header never ends a page). */
const KEEP_WITH_NEXT: ReadonlySet<RowKind> = new Set(['funding-header', 'goals-header', 'indicator-header']);

interface Placement {
  row: number; // index in table.rows
  page: number;
  y: number;
  height: number;
  repeated: boolean; // a repeated indicator header
}

/** What the PDF writer draws of a table model (the 自评表's, or a 绩效目标表 built alike). */
export type PdfTable = Pick<SelfAssessmentTable, 'title' | 'subtitle' | 'columns' | 'rows' | 'indicatorHeaderRow' | 'notes'>;

/** Renders the table model to a PDF. */
export async function renderSelfAssessmentPdf(table: PdfTable, font: ReportFont): Promise<Buffer> {
  const { doc, done } = openReportPdf(font, { title: table.title, subject: `${table.title}${table.subtitle}` });
  drawTable(doc, table, 0);
  numberPages(doc);
  doc.end();
  return done;
}

/** An A4 landscape document with the CJK font registered (pages buffered: drawn out of order, numbered at the end). */
export function openReportPdf(font: ReportFont, info: { title: string; subject: string }): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN.top, bottom: 20, left: MARGIN.left, right: MARGIN.right },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: info.title, Author: 'Jixiao 绩效', Subject: info.subject, Creator: 'Jixiao 绩效' },
  });
  const done = collect(doc);
  resetGlyphCache(font); // as if parsed for this document alone (see report-font)
  try {
    // the face parsed once for all documents (pdfkit takes a fontkit face as it is; its typings know only files and bytes)
    doc.registerFont(FONT, font.parsed as unknown as PDFKit.Mixins.PDFFontSource);
    doc.font(FONT);
  } catch (caught) {
    throw new ReportFontError(
      `PDF 报表字体无法使用：${font.path}${font.face ? `（字体 ${font.face}）` : ''}：${caught instanceof Error ? caught.message : String(caught)}。请检查 REPORT_FONT_PATH / REPORT_FONT_FACE / report font unusable`,
    );
  }
  doc.fontSize(BODY_SIZE);
  return { doc, done };
}

/** Draws one table from page `firstPage` on (added when missing); returns the last page it used. */
export function drawTable(doc: Doc, table: PdfTable, firstPage: number): number {
  while (doc.bufferedPageRange().count <= firstPage) doc.addPage();
  doc.switchToPage(firstPage);
  const widths = columnWidths(table);
  const x = columnOffsets(widths);
  const heights = measureRows(doc, table, widths);

  // title
  let y = MARGIN.top;
  doc.fontSize(18);
  drawText(doc, table.title, MARGIN.left, y, tableWidth(widths), 26, { align: 'center', bold: true, color: COLORS.text });
  y += 28;
  doc.fontSize(11);
  drawText(doc, table.subtitle, MARGIN.left, y, tableWidth(widths), 16, { align: 'center', bold: false, color: COLORS.text });
  y += 22;
  doc.fontSize(BODY_SIZE);

  const placements = paginate(table, heights, y);
  drawGrid(doc, table, placements, widths, x, firstPage);

  // notes under the table
  const last = placements[placements.length - 1]!;
  let page = firstPage + last.page;
  let noteY = last.y + last.height + 6;
  doc.fontSize(7.5);
  for (const note of table.notes) {
    const height = measureText(doc, note, tableWidth(widths));
    if (noteY + height > PAGE.height - MARGIN.bottom) {
      page += 1;
      while (doc.bufferedPageRange().count <= page) doc.addPage();
      noteY = MARGIN.top;
    }
    doc.switchToPage(page);
    drawText(doc, note, MARGIN.left, noteY, tableWidth(widths), height + 2, { align: 'left', bold: false, color: COLORS.text });
    noteY += height + 2;
  }
  doc.fontSize(BODY_SIZE);
  return page;
}

/** 第 x 页 共 n 页 at the foot of every page. */
export function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  const width = PAGE.width - MARGIN.left - MARGIN.right;
  doc.fontSize(8);
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    drawText(doc, `第 ${index - range.start + 1} 页 共 ${range.count} 页`, MARGIN.left, PAGE.height - 30, width, 12, { align: 'center', bold: false, color: COLORS.text });
  }
}

/** A line of text across the page's width at `y` (contents pages, captions). */
export function drawLine(doc: Doc, text: string, y: number, options: { size: number; align: 'left' | 'center' | 'right'; bold?: boolean; indent?: number; inset?: number }): number {
  const width = PAGE.width - MARGIN.left - MARGIN.right - (options.indent ?? 0) - (options.inset ?? 0);
  doc.fontSize(options.size);
  const height = measureText(doc, text, width);
  drawText(doc, text, MARGIN.left + (options.indent ?? 0), y, width, height + 2, { align: options.align, bold: options.bold ?? false, color: COLORS.text });
  doc.fontSize(BODY_SIZE);
  return height;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The model's character widths scaled to the page. */
function columnWidths(table: PdfTable): number[] {
  const available = PAGE.width - MARGIN.left - MARGIN.right;
  const units = table.columns.reduce((sum, column) => sum + column.width, 0);
  return table.columns.map((column) => (column.width / units) * available);
}

function columnOffsets(widths: readonly number[]): number[] {
  const offsets: number[] = [];
  let x = MARGIN.left;
  for (const width of widths) {
    offsets.push(x);
    x += width;
  }
  return offsets;
}

function tableWidth(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width, 0);
}

function spanWidth(widths: readonly number[], cell: TableCell): number {
  return widths.slice(cell.col, cell.col + cell.colSpan).reduce((sum, width) => sum + width, 0);
}

/** Row heights: each row fits its single-row cells; a merged cell stretches the last row it spans when needed. */
function measureRows(doc: Doc, table: PdfTable, widths: readonly number[]): number[] {
  const textHeight = (cell: TableCell): number => measureText(doc, cell.text, spanWidth(widths, cell) - 2 * PAD_X) + 2 * PAD_Y;
  const maxRow = PAGE.height - MARGIN.top - MARGIN.bottom - 60; // a row always fits on a page with a repeated header
  const heights = table.rows.map(() => MIN_ROW);
  table.rows.forEach((row, index) => {
    for (const cell of row.cells) if (cell.rowSpan === 1) heights[index] = Math.min(maxRow, Math.max(heights[index]!, textHeight(cell)));
  });
  table.rows.forEach((row, index) => {
    for (const cell of row.cells) {
      if (cell.rowSpan === 1) continue;
      const lastRow = index + cell.rowSpan - 1;
      const have = heights.slice(index, lastRow + 1).reduce((sum, height) => sum + height, 0);
      const want = textHeight(cell);
      if (want > have) heights[lastRow] = Math.min(maxRow, heights[lastRow]! + want - have);
    }
  });
  return heights;
}

/** Places rows on pages: rows are never split, headers stay with their next row, the indicator header repeats. */
export function paginate(table: PdfTable, heights: readonly number[], firstY: number): Placement[] {
  const bottom = TABLE_BOTTOM;
  const headerRow = table.indicatorHeaderRow;
  const placements: Placement[] = [];
  let page = 0;
  let y = firstY;
  const newPage = (nextRow: number): void => {
    page += 1;
    y = TABLE_TOP;
    if (nextRow > headerRow) {
      placements.push({ row: headerRow, page, y, height: heights[headerRow]!, repeated: true });
      y += heights[headerRow]!;
    }
  };
  for (let index = 0; index < table.rows.length; index += 1) {
    let needed = heights[index]!;
    // keep a header with the row after it (and the whole funding block together)
    let next = index;
    while (KEEP_WITH_NEXT.has(table.rows[next]!.kind) && next + 1 < table.rows.length) {
      next += 1;
      needed += heights[next]!;
      if (table.rows[index]!.kind === 'funding-header') {
        while (next + 1 < table.rows.length && table.rows[next + 1]!.kind === 'funding') needed += heights[++next]!;
      }
    }
    if (y + needed > bottom && placements.some((placement) => placement.page === page && !placement.repeated)) newPage(index);
    placements.push({ row: index, page, y, height: heights[index]!, repeated: false });
    y += heights[index]!;
  }
  return placements;
}

interface Segment {
  cell: TableCell;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Draws the grid in three passes — shading, borders, text — so that shared borders are drawn alike. */
function drawGrid(doc: Doc, table: PdfTable, placements: readonly Placement[], widths: readonly number[], x: readonly number[], firstPage: number): void {
  const pages = Math.max(...placements.map((placement) => placement.page)) + 1;
  while (doc.bufferedPageRange().count < firstPage + pages) doc.addPage();
  const segments = cellSegments(table, placements, widths, x);
  for (const segment of segments) {
    if (segment.cell.style !== 'label' && segment.cell.style !== 'header' && segment.cell.style !== 'total') continue;
    doc.switchToPage(firstPage + segment.page);
    doc.save().rect(segment.x, segment.y, segment.width, segment.height).fill(COLORS.shade).restore();
  }
  for (const segment of segments) {
    doc.switchToPage(firstPage + segment.page);
    doc.save().lineWidth(0.6).strokeColor(COLORS.border).rect(segment.x, segment.y, segment.width, segment.height).stroke().restore();
  }
  for (const segment of segments) {
    doc.switchToPage(firstPage + segment.page);
    drawCellText(doc, segment);
  }
  // 续表: the form's title, small, above the table on every following page
  for (let page = 1; page < pages; page += 1) {
    doc.switchToPage(firstPage + page);
    doc.fontSize(8);
    drawText(doc, `${table.title}${table.subtitle}（续）`, MARGIN.left, MARGIN.top - 14, tableWidth(widths), 11, { align: 'left', bold: false, color: COLORS.text });
  }
}

/**
 * Where every cell is drawn: one box per page it reaches. A merged cell cut by a page break is
 * drawn on each page; on the later page it also runs through the repeated header when the header
 * has no cell of its own in its columns (the 绩效指标 label).
 */
export function cellSegments(table: PdfTable, placements: readonly Placement[], widths: readonly number[], x: readonly number[]): Segment[] {
  const placementOf = new Map<number, Placement>();
  for (const placement of placements) if (!placement.repeated) placementOf.set(placement.row, placement);
  const headerCells = table.rows[table.indicatorHeaderRow]!.cells.filter((cell) => cell.rowSpan === 1);
  const coveredByHeader = (cell: TableCell): boolean =>
    headerCells.some((header) => header.col < cell.col + cell.colSpan && cell.col < header.col + header.colSpan);
  const segments: Segment[] = [];

  table.rows.forEach((row, rowIndex) => {
    for (const cell of row.cells) {
      const byPage = new Map<number, Placement[]>();
      for (let offset = 0; offset < cell.rowSpan; offset += 1) {
        const placement = placementOf.get(rowIndex + offset)!;
        byPage.set(placement.page, [...(byPage.get(placement.page) ?? []), placement]);
      }
      let first = true;
      for (const [page, parts] of byPage) {
        let top = parts[0]!.y;
        let height = parts.reduce((sum, part) => sum + part.height, 0);
        const repeated = placements.find((placement) => placement.repeated && placement.page === page);
        if (!first && repeated !== undefined && !coveredByHeader(cell)) {
          top = repeated.y;
          height += repeated.height;
        }
        segments.push({ cell, page, x: x[cell.col]!, y: top, width: spanWidth(widths, cell), height });
        first = false;
      }
    }
  });
  for (const placement of placements.filter((candidate) => candidate.repeated)) {
    for (const cell of headerCells) segments.push({ cell, page: placement.page, x: x[cell.col]!, y: placement.y, width: spanWidth(widths, cell), height: placement.height });
  }
  return segments;
}

function drawCellText(doc: Doc, { cell, x, y, width, height }: Segment): void {
  if (cell.text === '') return;
  doc.fontSize(BODY_SIZE);
  const innerWidth = width - 2 * PAD_X;
  const textHeight = Math.min(measureText(doc, cell.text, innerWidth), height - 2 * PAD_Y);
  const top = y + (height - textHeight) / 2;
  const color = cell.tone === 'unmet' ? COLORS.unmet : cell.tone === 'override' ? COLORS.override : COLORS.text;
  drawText(doc, cell.text, x + PAD_X, top, innerWidth, height - (top - y) - PAD_Y / 2, { align: cell.align, bold: cell.bold, color });
}

/**
 * Height of text in the current font and size. Explicit line breaks are laid out line by line:
 * pdfkit measures a '\n' with the CJK font's full-width advance and would wrap the line before it early.
 */
function measureText(doc: Doc, text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + doc.heightOfString(line === '' ? ' ' : line, { width, lineGap: LINE_GAP }), 0);
}

function drawText(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
  style: { align: 'left' | 'center' | 'right'; bold: boolean; color: string },
): void {
  doc.save();
  doc.fillColor(style.color);
  // The CJK font has no bold face here: bold is the glyphs filled and stroked with a thin outline.
  if (style.bold) doc.lineWidth(0.35).strokeColor(style.color);
  const bottom = y + Math.max(height, 1);
  let top = y;
  for (const line of text.split('\n')) {
    const lineHeight = measureText(doc, line, width);
    if (top >= bottom - 0.5) break;
    doc.text(line === '' ? ' ' : line, x, top, { width, height: bottom - top, align: style.align, lineGap: LINE_GAP, ellipsis: true, fill: true, stroke: style.bold });
    top += lineHeight;
  }
  doc.restore();
}
