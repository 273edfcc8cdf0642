/**
 * The 绩效目标表 PDFs over every fixture (demo/datasets, = shared/fixtures): every sheet's text is in
 * the PDF (nothing cut off: each long cell wraps), the indicator header repeats on every page, a pack
 * has a contents page naming each sheet's first page.
 */
import type { Dataset } from '@jixiao/contracts/dataset';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_REPORT_FONT_PATH, loadReportFont, ReportFont } from '../../reports/report-font';
import { extractPdfText } from '../../reports/testing/pdf-text';
import { renderTargetSheetsPdf } from './target-sheet-pdf';
import { datasetTables, projectSheetTable, wanText } from './target-sheet-table';

const FIXTURES = join(__dirname, '../../../../../demo/datasets');
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Dataset] as const);
const squash = (text: string | null): string => (text ?? '').replace(/\s+/g, '');
const count = (text: string, part: string): number => text.split(part).length - 1;

describe(renderTargetSheetsPdf.name, () => {
  let font: ReportFont;
  beforeAll(() => {
    expect(existsSync(DEFAULT_REPORT_FONT_PATH)).toBe(true);
    font = loadReportFont({ path: DEFAULT_REPORT_FONT_PATH, face: null });
  });

  it.each(fixtures)('%s: the pack holds every sheet, every header field and every indicator cell in full', async (_file, dataset) => {
    const pdf = await renderTargetSheetsPdf(dataset, font, { contents: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractPdfText(pdf);
    const joined = squash(text.joined);
    expect(new Set(text.mediaBoxes)).toEqual(new Set(['0 0 841.89 595.28']));
    expect(text.fragments[0]).toBe(`${dataset.department.name}${dataset.fiscalYear}年度绩效目标公开表`);
    expect(text.fragments).toContain('目　录');
    const sheets = dataset.projects.length + (dataset.departmentSheet === null ? 0 : 1);
    expect(count(text.joined, '第 ')).toBeGreaterThanOrEqual(sheets + text.pages); // a contents line per sheet, a page number per page
    expect(text.pages).toBeGreaterThan(sheets); // the contents page, then each sheet from a new page
    for (const project of dataset.projects) {
      expect(joined).toContain(squash(project.name));
      expect(joined).toContain(squash(project.purpose));
      for (const goal of project.goals) expect(joined).toContain(squash(goal));
    }
    const indicators = [...(dataset.departmentSheet?.indicators ?? []), ...dataset.projects.flatMap((p) => p.indicators)];
    for (const indicator of indicators) {
      for (const value of [indicator.name, indicator.target, indicator.description, indicator.basis, indicator.remark]) expect(joined).toContain(squash(value));
    }
    expect(count(text.joined, '三级指标')).toBeGreaterThanOrEqual(sheets); // the indicator header at least once per sheet
  });

  it('draws one sheet without a contents page, and repeats the indicator header on every page of a long sheet', async () => {
    const [, dataset] = fixtures[0]!;
    const project = dataset.projects[0]!;
    const long = { ...project, indicators: Array.from({ length: 80 }, (_, i) => ({ ...project.indicators[i % project.indicators.length]!, name: `第${i + 1}项指标：${'很长的指标名称'.repeat(i % 7)}` })) };
    const text = extractPdfText(await renderTargetSheetsPdf({ ...dataset, departmentSheet: null, projects: [long] }, font, { contents: false }));
    expect(text.fragments[0]).toBe('项目支出绩效目标表');
    expect(text.fragments).not.toContain('目　录');
    expect(text.pages).toBeGreaterThan(2);
    expect(count(text.joined, '三级指标')).toBe(text.pages);
    expect(text.fragments).toContain(`第 ${text.pages} 页 共 ${text.pages} 页`);
    expect(squash(text.joined)).toContain(squash(long.indicators[76]!.name));
  });
});

describe(projectSheetTable.name, () => {
  it('merges 一级 and 二级 down their groups and puts the indicator header after the header block', () => {
    const [, dataset] = fixtures.find(([file]) => file === 'hanyin-2024.json')!;
    const table = projectSheetTable(dataset, dataset.projects[0]!);
    const header = table.rows[table.indicatorHeaderRow]!;
    expect(header.kind).toBe('indicator-header');
    expect(header.cells.map((c) => c.text)).toEqual(['一级指标', '二级指标', '三级指标', '指标解释', '指标值', '指标值确定依据', '备注']);
    const indicatorRows = table.rows.slice(table.indicatorHeaderRow + 1);
    expect(indicatorRows).toHaveLength(dataset.projects[0]!.indicators.length);
    const level1 = indicatorRows.flatMap((row) => row.cells.filter((c) => c.col === 0));
    expect(level1.reduce((sum, c) => sum + c.rowSpan, 0)).toBe(indicatorRows.length);
    expect(level1.map((c) => c.text)).toEqual([...new Set(dataset.projects[0]!.indicators.map((i) => i.level1))]);
    // every row covers the 7 columns exactly once, merged cells counted where they start
    const covered = table.rows.map(() => new Set<number>());
    table.rows.forEach((row, r) => row.cells.forEach((c) => {
      for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) covered[r + dr]!.add(c.col + dc);
    }));
    expect(covered.every((cols) => cols.size === 7)).toBe(true);
  });

  it('lists the department-wide sheet first in a pack', () => {
    const withDepartment = fixtures.map(([, d]) => d).find((d) => d.departmentSheet !== null)!;
    expect(datasetTables(withDepartment)[0]!.table.title).toBe('部门（单位）整体支出绩效目标表');
  });
});

describe(wanText.name, () => {
  it('shows 万元 with two places at least and every cent', () => {
    expect([wanText('410000.00'), wanText('126000.00'), wanText('123.45'), wanText('0.00'), wanText(null)]).toEqual(['41.00', '12.60', '0.012345', '0.00', null]);
  });
});
