import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { EvaluationResponse } from '@jixiao/contracts';
import { beijingToday } from '@jixiao/domain';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { FiscalYearQueryDto } from '../core/dto/fiscal-year-query.dto';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { EvaluationReaderService } from '../evaluation/services/evaluation-reader.service';
import { DepartmentReportDataService } from './services/department-report-data.service';
import { ReportRenderingService } from './services/report-rendering.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new AppException(ErrorCode.VALIDATION_FAILED, '编号格式不正确（应为 UUID）/ id must be a UUID'),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const BINARY = { schema: { type: 'string', format: 'binary' } };

/** A download with a Chinese file name (RFC 6266: an ASCII fallback and the UTF-8 name). */
function download(buffer: Buffer, type: string, fallback: string, name: string): StreamableFile {
  return new StreamableFile(buffer, {
    type,
    length: buffer.length,
    disposition: `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name.replace(/[\\/:*?"<>|]/g, '_'))}`,
  });
}

function tableName(evaluation: EvaluationResponse, extension: string): string {
  const subject = evaluation.kind === 'department' ? `${evaluation.department.name}部门整体支出` : (evaluation.project?.name ?? '项目支出');
  return `${subject}-${evaluation.fiscalYear}年度绩效自评表.${extension}`;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(
    private readonly evaluations: EvaluationReaderService,
    private readonly departmentData: DepartmentReportDataService,
    private readonly rendering: ReportRenderingService,
  ) {}

  @Get('target-sheets/:id/self-assessment.xlsx')
  @Roles(...ALL_ROLES)
  @ApiProduces(XLSX)
  @ApiOkResponse({ content: { [XLSX]: BINARY } })
  @ApiOperation({ operationId: 'downloadSelfAssessmentXlsx', summary: '下载绩效自评表（Excel）/ the 自评表 of an evaluated sheet as .xlsx' })
  async xlsx(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const evaluation = await this.evaluations.get(principal, id);
    return download(await this.rendering.selfAssessmentXlsx(evaluation), XLSX, 'self-assessment.xlsx', tableName(evaluation, 'xlsx'));
  }

  @Get('target-sheets/:id/self-assessment.pdf')
  @Roles(...ALL_ROLES)
  @ApiProduces(PDF)
  @ApiOkResponse({ content: { [PDF]: BINARY } })
  @ApiOperation({ operationId: 'downloadSelfAssessmentPdf', summary: '下载绩效自评表（PDF）/ the 自评表 of an evaluated sheet as .pdf' })
  async pdf(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const evaluation = await this.evaluations.get(principal, id);
    return download(await this.rendering.selfAssessmentPdf(evaluation), PDF, 'self-assessment.pdf', tableName(evaluation, 'pdf'));
  }

  @Get('departments/:id/self-assessment-report.docx')
  @Roles(...ALL_ROLES)
  @ApiProduces(DOCX)
  @ApiOkResponse({ content: { [DOCX]: BINARY } })
  @ApiOperation({ operationId: 'downloadDepartmentSelfAssessmentReport', summary: '下载部门绩效自评报告初稿（Word）/ the draft 自评报告 of a department as .docx' })
  async departmentReport(@Param('id', uuid) id: string, @Query() query: FiscalYearQueryDto, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const input = await this.departmentData.load(principal, id, query.fiscalYear);
    const buffer = await this.rendering.departmentReportDocx({ ...input, reportDate: beijingToday() });
    const kind = input.departmentSheet ? '部门整体支出' : '项目支出';
    return download(buffer, DOCX, 'self-assessment-report.docx', `${input.department.name}${query.fiscalYear}年度${kind}绩效自评报告（初稿）.docx`);
  }
}
