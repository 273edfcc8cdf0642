/**
 * 绩效目标表 as PDF, drawn by the 自评表's writer (A4 landscape, CJK font embedded, long cells
 * wrapped, rows never split, the indicator header repeated on every page): one sheet, or a
 * department's disclosure pack — a contents page, then each sheet from a new page.
 */
import type { Dataset } from '@jixiao/contracts/dataset';
import type { ReportFont } from '../../reports/report-font';
import { drawLine, drawTable, numberPages, openReportPdf, TABLE_BOTTOM, TABLE_TOP } from '../../reports/self-assessment-pdf';
import { datasetTables } from './target-sheet-table';

const CONTENTS_LINE = 20; // a line of the contents; a name that wraps takes more

/** The title of a department's pack: 「某局2024年度绩效目标公开表」. */
export function packTitle(dataset: Dataset): string {
  return `${dataset.department.name}${dataset.fiscalYear}年度绩效目标公开表`;
}

/** Every sheet of the dataset in one PDF; with `contents`, a contents page (目录) first listing each sheet's first page. */
export async function renderTargetSheetsPdf(dataset: Dataset, font: ReportFont, options: { contents: boolean }): Promise<Buffer> {
  const tables = datasetTables(dataset);
  const title = options.contents ? packTitle(dataset) : (tables[0]?.table.title ?? packTitle(dataset));
  const { doc, done } = openReportPdf(font, { title, subject: `${title}（${dataset.fiscalYear}年度）` });
  const perContentsPage = Math.floor((TABLE_BOTTOM - TABLE_TOP - 80) / (CONTENTS_LINE + 4));
  const contentsPages = options.contents ? Math.max(1, Math.ceil(tables.length / perContentsPage)) : 0;
  const starts: number[] = [];
  let page = contentsPages;
  for (const { table } of tables) {
    starts.push(page);
    page = drawTable(doc, table, page) + 1;
  }
  if (options.contents) {
    for (let p = 0; p < contentsPages; p++) {
      doc.switchToPage(p);
      let y = TABLE_TOP;
      if (p === 0) {
        y += drawLine(doc, title, y, { size: 18, align: 'center', bold: true }) + 8;
        y += drawLine(doc, '目　录', y, { size: 14, align: 'center', bold: true }) + 10;
      }
      tables.slice(p * perContentsPage, (p + 1) * perContentsPage).forEach(({ name }, i) => {
        const index = p * perContentsPage + i;
        const height = drawLine(doc, `${index + 1}. ${name}`, y, { size: 10.5, align: 'left', indent: 12, inset: 90 });
        drawLine(doc, `第 ${starts[index]! + 1} 页`, y, { size: 10.5, align: 'right' });
        y += Math.max(CONTENTS_LINE, height + 6);
      });
    }
  }
  numberPages(doc);
  doc.end();
  return done;
}
