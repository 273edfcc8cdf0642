import { existsSync } from 'node:fs';
import { DEFAULT_REPORT_FONT_PATH, loadReportFont, ReportFont, ReportFontError } from './report-font';
import { paginate, renderSelfAssessmentPdf, TABLE_BOTTOM, TABLE_TOP } from './self-assessment-pdf';
import { buildSelfAssessmentTable, SelfAssessmentTable } from './self-assessment-table';
import { buildEvaluation, departmentSample, longProjectSample, projectSample } from './testing/evaluation-samples';
import { extractPdfText, PdfText } from './testing/pdf-text';

const count = (text: string, part: string): number => text.split(part).length - 1;

describe(renderSelfAssessmentPdf.name, () => {
  let font: ReportFont;
  let pdf: Buffer;
  let text: PdfText;

  beforeAll(async () => {
    // fonts-noto-cjk is installed on every machine of this project (see README); without it this fails loudly
    expect(existsSync(DEFAULT_REPORT_FONT_PATH)).toBe(true);
    font = loadReportFont({ path: DEFAULT_REPORT_FONT_PATH, face: null });
    pdf = await renderSelfAssessmentPdf(buildSelfAssessmentTable(buildEvaluation(projectSample())), font);
    text = extractPdfText(pdf);
  });

  it('is a PDF on A4 landscape pages', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text.pages).toBe(2);
    expect(new Set(text.mediaBoxes)).toEqual(new Set(['0 0 841.89 595.28']));
  });

  it('embeds a subset of the CJK font, not the whole 20 MB collection', () => {
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('carries the Chinese title, the header and every indicator name as text', () => {
    expect(text.fragments[0]).toBe('项目支出绩效自评表');
    expect(text.fragments[1]).toBe('（2024年度）');
    for (const label of ['项目名称', '医保重点工作经费（610921240000000001）', '主管部门', '汉阴县医疗保障局本级', '年初预算数', '全年执行数', '预期目标', '实际完成情况']) {
      expect(text.joined).toContain(label);
    }
    for (const indicator of buildEvaluation(projectSample()).indicators) expect(text.joined).toContain(indicator.name);
  });

  it('shows the numbers, the unmet flags, the override and the total with the grade', () => {
    expect(text.fragments).toEqual(expect.arrayContaining(['41.00', '39.88', '97.26%', '9.73', '3.60', '82.33', '评价等级：良', '未完成（严重）', '完成率 36.00%', '未填报（记 0 分）']));
    expect(text.joined).toContain('计算得分 9.80，评价人（县医保局审核人）调整为 9.00：2 笔报销超过 30 个工作日办结，按及时率扣 1 分');
    expect(text.fragments).toContain('第 1 页 共 2 页');
    expect(text.fragments).toContain('第 2 页 共 2 页');
  });

  it('repeats the indicator header on every page of a long table and marks the pages as continued', async () => {
    const long = extractPdfText(await renderSelfAssessmentPdf(buildSelfAssessmentTable(buildEvaluation(longProjectSample())), font));
    expect(long.pages).toBeGreaterThanOrEqual(3);
    expect(count(long.joined, '偏差原因分析及改进措施')).toBe(long.pages);
    expect(count(long.joined, '项目支出绩效自评表（2024年度）（续）')).toBe(long.pages - 1);
    expect(long.fragments).toContain(`第 ${long.pages} 页 共 ${long.pages} 页`);
    // every indicator drawn once; the unmet 第5项 is also named in 实际完成情况
    for (let i = 1; i <= 12; i += 1) expect(count(long.joined, `时效考核事项第${i}项：`)).toBe(i === 5 ? 2 : 1);
  });

  it('renders a department sheet under its own title', async () => {
    const department = extractPdfText(await renderSelfAssessmentPdf(buildSelfAssessmentTable(buildEvaluation(departmentSample())), font));
    expect(department.fragments[0]).toBe('部门整体支出绩效自评表');
    expect(department.joined).toContain('纳入监测范围的农村易返贫致贫人口的参保率');
    expect(department.joined).toContain('评价等级：优');
  });

});

describe(loadReportFont.name, () => {
  it('says where the font was looked for and how to fix it', () => {
    const attempt = (): unknown => loadReportFont({ path: '/nonexistent/fonts/SimSun.ttc', face: null });
    expect(attempt).toThrow(ReportFontError);
    expect(attempt).toThrow('PDF 报表字体文件不存在：/nonexistent/fonts/SimSun.ttc');
    expect(attempt).toThrow('REPORT_FONT_PATH');
  });

  it('picks the Simplified Chinese face of a collection unless told otherwise', () => {
    expect(loadReportFont({ path: DEFAULT_REPORT_FONT_PATH, face: null }).face).toBe('NotoSansCJKsc-Regular');
    expect(loadReportFont({ path: DEFAULT_REPORT_FONT_PATH, face: 'NotoSansCJKtc-Regular' }).face).toBe('NotoSansCJKtc-Regular');
  });

  it('fails with a clear error when the face is not in the collection', () => {
    const attempt = (): unknown => loadReportFont({ path: DEFAULT_REPORT_FONT_PATH, face: 'NoSuchFace-Regular' });
    expect(attempt).toThrow(ReportFontError);
    expect(attempt).toThrow(/PDF 报表字体无法使用.*NoSuchFace-Regular.*REPORT_FONT_FACE/);
  });

  it('refuses an empty path', () => {
    expect(() => loadReportFont({ path: '  ', face: null })).toThrow('REPORT_FONT_PATH');
  });
});

describe(paginate.name, () => {
  const table = buildSelfAssessmentTable(buildEvaluation(projectSample()));
  const header = table.indicatorHeaderRow;

  it('keeps everything on one page when it fits', () => {
    const placements = paginate(table, table.rows.map(() => 20), 80);
    expect(new Set(placements.map((p) => p.page))).toEqual(new Set([0]));
    expect(placements.filter((p) => p.repeated)).toEqual([]);
  });

  it('never leaves a header alone at the foot of a page and repeats the indicator header after a break', () => {
    // rows before the indicator header fill the first page so that the header and one row would not fit
    const heights = table.rows.map((_, index): number => (index < header ? 0 : 20));
    heights[header - 1] = TABLE_BOTTOM - 80 - 25; // the page holds only 25 points more
    const placements = paginate(table as SelfAssessmentTable, heights, 80);
    const headerPlacement = placements.find((p) => p.row === header && !p.repeated)!;
    expect(headerPlacement.page).toBe(1);
    expect(placements.find((p) => p.row === header + 1)!.page).toBe(1);
    expect(placements.filter((p) => p.repeated)).toEqual([]); // it starts the page itself
  });

  it('inserts the header at the top of a page that continues the indicators', () => {
    const heights = table.rows.map(() => 60);
    const placements = paginate(table, heights, 80);
    const repeated = placements.filter((p) => p.repeated);
    expect(repeated.length).toBeGreaterThan(0);
    for (const placement of repeated) {
      expect(placement.row).toBe(header);
      expect(placement.y).toBe(TABLE_TOP);
      const firstOfPage = placements.filter((p) => p.page === placement.page)[0];
      expect(firstOfPage).toBe(placement);
    }
    // every row is placed exactly once besides the repeated headers
    expect(placements.filter((p) => !p.repeated).map((p) => p.row)).toEqual(table.rows.map((_, index) => index));
  });
});
