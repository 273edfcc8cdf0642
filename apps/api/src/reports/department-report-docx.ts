/**
 * The draft 自评报告 as a Word document (.docx, the `docx` package), laid out as Chinese official
 * documents are (GB/T 9704): A4, title in 小标宋 二号, 一、 headings in 黑体 三号, （一） headings in
 * 楷体 三号, body in 仿宋 三号 with a two-character first-line indent and a fixed 28-point line, tables
 * in 宋体 五号 with borders and a repeated header row, the page number centred in the footer.
 * Font names are those of Chinese Windows/WPS; other systems substitute their own.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  IFontAttributesProperties,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { ReportBlock, ReportDocument } from './department-report';

const font = (eastAsia: string): IFontAttributesProperties => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia });
const TITLE_FONT = font('方正小标宋简体');
const HEADING_FONT = font('黑体');
const SUBHEADING_FONT = font('楷体_GB2312');
const BODY_FONT = font('仿宋_GB2312');
const TABLE_FONT = font('宋体');
const SIZE_2 = 44; // 二号 22 pt, in half-points
const SIZE_3 = 32; // 三号 16 pt
const SIZE_5 = 21; // 五号 10.5 pt
const LINE_28PT = 560; // twips
const INDENT_2_CHARS = 640; // two characters of 16 pt, in twips
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Writes the report as .docx. */
export async function renderDepartmentReportDocx(report: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120, line: 700, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: report.title, font: TITLE_FONT, size: SIZE_2 })],
    }),
  ];
  if (report.subtitle) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240, line: LINE_28PT, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: report.subtitle, font: SUBHEADING_FONT, size: 28 })],
      }),
    );
  }
  for (const section of report.sections) {
    children.push(bodyParagraph(section.heading, HEADING_FONT, { keepNext: true }));
    for (const block of section.blocks) children.push(...renderBlock(block));
  }
  children.push(new Paragraph({ spacing: { before: 480 }, children: [] }));
  for (const line of report.signature) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: INDENT_2_CHARS * 2 },
        spacing: { line: LINE_28PT, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: line, font: BODY_FONT, size: SIZE_3 })],
      }),
    );
  }

  const document = new Document({
    creator: 'Jixiao 绩效',
    title: report.title,
    description: report.subtitle ?? undefined,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE_3 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function bodyParagraph(text: string, runFont: IFontAttributesProperties, options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    indent: { firstLine: INDENT_2_CHARS },
    spacing: { line: LINE_28PT, lineRule: LineRuleType.EXACT },
    keepNext: options.keepNext ?? false,
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: runFont, size: SIZE_3 })],
  });
}

function renderBlock(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'subheading':
      return [bodyParagraph(block.text, SUBHEADING_FONT, { keepNext: true })];
    case 'paragraph':
      return [bodyParagraph(block.text, BODY_FONT)];
    case 'table':
      return [
        ...(block.caption
          ? [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                keepNext: true,
                spacing: { before: 120, after: 60 },
                children: [new TextRun({ text: block.caption, font: HEADING_FONT, size: 24 })],
              }),
            ]
          : []),
        renderTable(block),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
      ];
  }
}

function tableCell(text: string, options: { header: boolean; width: number; align: (typeof AlignmentType)[keyof typeof AlignmentType] }): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } } : {}),
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: options.align,
          spacing: { line: 300, lineRule: LineRuleType.AT_LEAST },
          children: [new TextRun({ text: line, font: TABLE_FONT, size: SIZE_5, bold: options.header })],
        }),
    ),
  });
}

/** Text width of the page (A4 less the margins), in twips. */
const TEXT_WIDTH = convertMillimetersToTwip(210 - 28 - 26);

/** Column widths in twips, by the longest text of each column (a CJK character counts 2), within bounds, filling the text width. */
export function tableColumnWidths(block: Extract<ReportBlock, { kind: 'table' }>): number[] {
  const weight = (text: string): number => Math.max(...text.split('\n').map((line) => [...line].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)));
  // +3 for the cell margins; at least a two-character header (分值) on one line, at most 28 (long texts wrap)
  const weights = block.columns.map((column, index) => Math.min(28, Math.max(5, weight(column), ...block.rows.map((row) => weight(row[index] ?? '')))) + 3);
  const total = weights.reduce((sum, value) => sum + value, 0);
  const widths = weights.map((value) => Math.floor((value / total) * TEXT_WIDTH));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((sum, value) => sum + value, 0);
  return widths;
}

function renderTable(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  const widths = tableColumnWidths(block);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((column, index) => tableCell(column, { header: true, align: AlignmentType.CENTER, width: widths[index]! })) }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((value, index) =>
              tableCell(value, { header: false, width: widths[index]!, align: block.numeric[index] ? AlignmentType.RIGHT : index === 0 && block.columns[0] === '序号' ? AlignmentType.CENTER : AlignmentType.LEFT }),
            ),
          }),
      ),
    ],
  });
}
