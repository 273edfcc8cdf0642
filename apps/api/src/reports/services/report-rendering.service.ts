import { FactoryProvider, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfigService } from '../../core/config/app-config.service';
import type { EvaluationResponse } from '@jixiao/contracts';
import { buildDepartmentReport, DepartmentReportInput } from '../department-report';
import { renderDepartmentReportDocx } from '../department-report-docx';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { loadReportFont, ReportFont, ReportFontConfig, ReportFontError } from '../report-font';
import { renderSelfAssessmentPdf } from '../self-assessment-pdf';
import { buildSelfAssessmentTable, SelfAssessmentExtras } from '../self-assessment-table';
import { renderSelfAssessmentXlsx } from '../self-assessment-xlsx';

/** Injection token of the PDF font configuration (from REPORT_FONT_PATH / REPORT_FONT_FACE). */
export const REPORT_FONT_CONFIG = Symbol('REPORT_FONT_CONFIG');

/** The font configuration from the validated environment. */
export const reportFontConfigProvider: FactoryProvider<ReportFontConfig> = {
  provide: REPORT_FONT_CONFIG,
  inject: [AppConfigService],
  useFactory: (config: AppConfigService): ReportFontConfig => ({ path: config.get('REPORT_FONT_PATH'), face: config.get('REPORT_FONT_FACE') }),
};

/** Renders the year-end self-assessment documents: 自评表 (.xlsx, .pdf) and the department's 自评报告 (.docx). */
@Injectable()
export class ReportRenderingService implements OnModuleInit {
  private readonly logger = new Logger(ReportRenderingService.name);

  constructor(@Inject(REPORT_FONT_CONFIG) private readonly fontConfig: ReportFontConfig) {}

  /** Says at start-up, not at the first export, when PDF export cannot work. */
  onModuleInit(): void {
    try {
      loadReportFont(this.fontConfig);
    } catch (caught) {
      if (!(caught instanceof ReportFontError)) throw caught;
      this.logger.warn(`${caught.message} — PDF 导出不可用，Excel 和 Word 导出不受影响`);
    }
  }

  /** 项目支出（部门整体支出）绩效自评表 as .xlsx. */
  async selfAssessmentXlsx(evaluation: EvaluationResponse, extras: SelfAssessmentExtras = {}): Promise<Buffer> {
    const started = Date.now();
    const buffer = await renderSelfAssessmentXlsx(buildSelfAssessmentTable(evaluation, extras));
    this.logger.log(`self-assessment xlsx sheet=${evaluation.sheetId} bytes=${buffer.length} ms=${Date.now() - started}`);
    return buffer;
  }

  /** The same table as a PDF with the CJK font embedded; 503 REPORT_FONT_MISSING (the fix in the message) when the font is missing. */
  async selfAssessmentPdf(evaluation: EvaluationResponse, extras: SelfAssessmentExtras = {}): Promise<Buffer> {
    const started = Date.now();
    const table = buildSelfAssessmentTable(evaluation, extras);
    const buffer = await renderSelfAssessmentPdf(table, this.pdfFont());
    this.logger.log(`self-assessment pdf sheet=${evaluation.sheetId} bytes=${buffer.length} ms=${Date.now() - started}`);
    return buffer;
  }

  /** The configured CJK font for every PDF report; 503 REPORT_FONT_MISSING (the fix in the message) when it is missing. */
  pdfFont(): ReportFont {
    try {
      return loadReportFont(this.fontConfig);
    } catch (caught) {
      if (caught instanceof ReportFontError) throw new AppException(ErrorCode.REPORT_FONT_MISSING, caught.message);
      throw caught;
    }
  }

  /** The department's draft 自评报告 as .docx. */
  async departmentReportDocx(input: DepartmentReportInput): Promise<Buffer> {
    const started = Date.now();
    const buffer = await renderDepartmentReportDocx(buildDepartmentReport(input));
    this.logger.log(`department report docx department=${input.department.id} year=${input.fiscalYear} bytes=${buffer.length} ms=${Date.now() - started}`);
    return buffer;
  }
}
