import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import { ConfigModule } from '../../core/config/config.module';
import { loadEnv } from '../../core/config/env';
import { AppException } from '../../core/errors/error-codes';
import { buildEvaluation, departmentSample, HANYIN_DEPARTMENT, projectSample } from '../testing/evaluation-samples';
import { extractPdfText } from '../testing/pdf-text';
import { readZipEntry } from '../testing/zip';
import { reportFontConfigProvider, ReportRenderingService } from './report-rendering.service';

async function newTestService(vars: Record<string, string> = {}): Promise<ReportRenderingService> {
  // the rendering half of ReportsModule: the font configuration from the environment and the service
  const module = await Test.createTestingModule({ imports: [ConfigModule.forRoot(loadEnv(vars))], providers: [reportFontConfigProvider, ReportRenderingService] }).compile();
  await module.init();
  return module.get(ReportRenderingService);
}

describe(ReportRenderingService.name, () => {
  let sut: ReportRenderingService;
  const evaluation = buildEvaluation(projectSample());

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    sut = await newTestService();
  });

  afterAll(() => jest.restoreAllMocks());

  it('renders the 自评表 as .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await sut.selfAssessmentXlsx(evaluation)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(workbook.worksheets[0]!.getCell('H23').value).toBe(82.33);
  });

  it('renders the 自评表 as .pdf with the default font (REPORT_FONT_PATH unset)', async () => {
    const text = extractPdfText(await sut.selfAssessmentPdf(evaluation, { completionSummary: '全年完成主要任务。' }));
    expect(text.fragments[0]).toBe('项目支出绩效自评表');
    expect(text.joined).toContain('全年完成主要任务。');
  });

  it('renders the department report as .docx', async () => {
    const docx = await sut.departmentReportDocx({
      fiscalYear: 2024,
      department: HANYIN_DEPARTMENT,
      departmentSheet: buildEvaluation(departmentSample()),
      projectSheets: [evaluation],
      finance: { budget: '19966200.00', spent: '19012345.67' },
    });
    expect(readZipEntry(docx, 'word/document.xml').toString('utf8')).toContain('汉阴县医疗保障局2024年度部门整体支出绩效自评报告');
  });

  it('starts without the font, warns, keeps .xlsx working and fails .pdf with a clear error', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const service = await newTestService({ REPORT_FONT_PATH: '/nonexistent/NotoSansCJK-Regular.ttc' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('PDF 报表字体文件不存在：/nonexistent/NotoSansCJK-Regular.ttc'));
    expect((await service.selfAssessmentXlsx(evaluation)).length).toBeGreaterThan(1000);
    const failure = await service.selfAssessmentPdf(evaluation).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(AppException);
    expect(failure).toMatchObject({ code: 'REPORT_FONT_MISSING', status: 503 });
    expect((failure as Error).message).toContain('REPORT_FONT_PATH');
    expect((failure as Error).message).toContain('fonts-noto-cjk');
  });
});
