/**
 * The CJK font is read and parsed once for all PDFs, not once per document: fontkit's create (the
 * parse, whoever calls it — this module or pdfkit) and the file's read are counted over many
 * renders, and the documents drawn from the shared face are the same as the first; each document's
 * text is as from a face of its own, and the glyphs kept on the shared face are one document's.
 */
import type { Dataset } from '@jixiao/contracts/dataset';
import fs from 'node:fs';
import { join } from 'node:path';
import { renderTargetSheetsPdf } from '../exports/target-sheet-pdf/target-sheet-pdf';
import { cachedGlyphs, DEFAULT_REPORT_FONT_PATH, loadReportFont } from './report-font';
import { drawLine, numberPages, openReportPdf, renderSelfAssessmentPdf } from './self-assessment-pdf';
import { buildSelfAssessmentTable } from './self-assessment-table';
import { buildEvaluation, departmentSample, longProjectSample, projectSample } from './testing/evaluation-samples';
import { extractPdfText } from './testing/pdf-text';

// fontkit as pdfkit and report-font load it, with its parse counted (the real parse still runs)
jest.mock('fontkit', () => {
  const actual = jest.requireActual<{ create: (...args: unknown[]) => unknown }>('fontkit');
  return { ...actual, create: jest.fn((...args: unknown[]) => actual.create(...args)) };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the mocked module, to read its counter
const fontkitCreate = (require('fontkit') as { create: jest.Mock }).create;

const config = { path: DEFAULT_REPORT_FONT_PATH, face: null };
const fontReads = (spy: jest.SpyInstance): number => spy.mock.calls.filter(([path]) => path === DEFAULT_REPORT_FONT_PATH).length;
const DATASET = JSON.parse(fs.readFileSync(join(__dirname, '../../../../demo/datasets', fs.readdirSync(join(__dirname, '../../../../demo/datasets')).filter((file) => file.endsWith('.json')).sort()[0]!), 'utf8')) as Dataset;

describe('report font cache', () => {
  let readFile: jest.SpyInstance;

  beforeEach(() => {
    readFile = jest.spyOn(fs, 'readFileSync');
  });
  afterEach(() => {
    readFile.mockRestore();
  });

  it('reads and parses the font once for 20 PDFs of both kinds, each drawn as the first', async () => {
    expect(fontkitCreate).not.toHaveBeenCalled();
    const samples = [projectSample(), longProjectSample(), departmentSample()].map((sample) => buildSelfAssessmentTable(buildEvaluation(sample)));
    const first = samples.map(() => '');
    for (let index = 0; index < 18; index += 1) {
      const pdf = await renderSelfAssessmentPdf(samples[index % 3]!, loadReportFont(config));
      const text = extractPdfText(pdf).joined;
      expect(text).toContain(index % 3 === 2 ? '部门整体支出绩效自评表' : '项目支出绩效自评表');
      if (index < 3) first[index] = text;
      else expect(text).toBe(first[index % 3]);
    }
    for (let index = 0; index < 2; index += 1) {
      const pack = extractPdfText(await renderTargetSheetsPdf(DATASET, loadReportFont(config), { contents: true }));
      expect(pack.fragments[0]).toBe(`${DATASET.department.name}${DATASET.fiscalYear}年度绩效目标公开表`);
    }
    expect(fontkitCreate).toHaveBeenCalledTimes(1);
    expect(fontReads(readFile)).toBe(1);
    expect(loadReportFont(config)).toBe(loadReportFont(config));
  });

  it('keeps one parsed face: another face replaces it, going back parses again', () => {
    const before = fontkitCreate.mock.calls.length;
    const simplified = loadReportFont(config);
    expect(fontkitCreate).toHaveBeenCalledTimes(before); // still the cached face
    const traditional = loadReportFont({ path: DEFAULT_REPORT_FONT_PATH, face: 'NotoSansCJKtc-Regular' });
    expect(traditional.parsed.postscriptName).toBe('NotoSansCJKtc-Regular');
    expect(traditional.parsed).not.toBe(simplified.parsed);
    expect(loadReportFont(config).parsed.postscriptName).toBe('NotoSansCJKsc-Regular');
    expect(fontkitCreate).toHaveBeenCalledTimes(before + 2);
    expect(fontReads(readFile)).toBe(2);
  });

  it('writes each document’s text as from a face of its own: a glyph shared by two characters does not carry over', async () => {
    const font = loadReportFont(config);
    const render = async (lines: string[]): Promise<string> => {
      const { doc, done } = openReportPdf(font, { title: '字形', subject: '字形' });
      lines.forEach((line, index) => drawLine(doc, line, 40 + index * 24, { size: 9, align: 'left' }));
      numberPages(doc);
      doc.end();
      return extractPdfText(await done).joined;
    };
    // ⼈ (U+2F08 KANGXI RADICAL MAN, as in text copied out of PDFs) and 人 are one glyph of the face
    expect(await render(['⼈员经费'])).toContain('⼈员经费');
    expect(cachedGlyphs(font)).toBeGreaterThan(0);
    expect(await render(['人员经费', '个人'])).toContain('人员经费个人');
    // many distinct characters: the glyphs kept on the face are one document's, not every document's
    const many = (from: number): string[] => Array.from({ length: 20 }, (_, line) => Array.from({ length: 40 }, (_, i) => String.fromCodePoint(from + line * 40 + i)).join(''));
    await render(many(0x5000));
    const afterOne = cachedGlyphs(font);
    await render(many(0x5400));
    expect(afterOne).toBeGreaterThanOrEqual(800);
    expect(cachedGlyphs(font)).toBeLessThan(afterOne + 100);
  });
});
