import { Injectable } from '@nestjs/common';
import type { SelfAssessmentExportResult } from '@jixiao/contracts';
import { randomUUID } from 'node:crypto';
import { createReadStream, ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isInScope, Principal } from '../../core/auth/principal';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { JobQueue } from '../../core/queue/job-queue';
import { JobName } from '../../core/queue/queue.constants';
import { EvaluatedSheetsService } from '../../evaluation/services/evaluated-sheets.service';
import type { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import { ReportRenderingService } from '../../reports/services/report-rendering.service';
import { SELF_ASSESSMENT_EXPORT_FORMATS, StartSelfAssessmentExportDto } from '../dto/start-self-assessment-export.dto';
import { ExportFiles } from './export-files';

const JOB_ID = /^self-assessments-[0-9a-f-]{36}$/;

/** The finished zip, ready to stream. */
export interface ExportDownload {
  stream: ReadStream;
  bytes: number;
  fileName: string;
}

/** 全地区自评表导出: starts the job (checks first, so that a job never starts for nothing) and hands out its zip. */
@Injectable()
export class SelfAssessmentExportService {
  constructor(
    private readonly organizations: OrganizationTreeService,
    private readonly evaluated: EvaluatedSheetsService,
    private readonly rendering: ReportRenderingService,
    private readonly files: ExportFiles,
    private readonly jobs: JobQueue,
  ) {}

  async start(principal: Principal, dto: StartSelfAssessmentExportDto, correlationId: string | null): Promise<{ jobId: string }> {
    const region = await this.region(principal, dto.organizationId);
    const formats = SELF_ASSESSMENT_EXPORT_FORMATS.filter((f) => (dto.formats ?? SELF_ASSESSMENT_EXPORT_FORMATS).includes(f));
    if (formats.includes('pdf')) this.rendering.pdfFont(); // 503 REPORT_FONT_MISSING now, not after the job has run
    if ((await this.evaluated.count(dto.fiscalYear, region.path)) === 0) {
      throw new AppException(
        ErrorCode.EXPORT_NOTHING_EVALUATED,
        `「${region.region ?? region.name}」${dto.fiscalYear} 年度尚无已评价的绩效目标表，请先计算自评得分再导出 / nothing evaluated to export`,
      );
    }
    await this.files.sweep();
    const jobId = `self-assessments-${randomUUID()}`;
    await this.jobs.enqueue(JobName.ExportSelfAssessments, { fiscalYear: dto.fiscalYear, organizationId: region.id, formats, fileId: jobId, actorId: principal.userId, correlationId }, jobId);
    return { jobId };
  }

  /** The zip of a finished export: its starter's (or an admin's); 409 while it runs, 404 otherwise. */
  async download(principal: Principal, jobId: string): Promise<ExportDownload> {
    const notFound = (why: string) => new AppException(ErrorCode.EXPORT_NOT_FOUND, `${why} / export not found`);
    const status = JOB_ID.test(jobId) ? await this.jobs.status(jobId) : null;
    if (!status || status.name !== JobName.ExportSelfAssessments || (status.actorId !== principal.userId && principal.role !== 'admin')) {
      throw notFound('找不到该导出任务，或不是您发起的');
    }
    if (status.state === 'failed') throw notFound(`导出任务失败：${status.error?.message ?? '原因不明'}，请重新导出`);
    if (status.state !== 'completed') {
      throw new AppException(ErrorCode.EXPORT_NOT_READY, `导出尚未完成（已完成 ${status.progress}%），请稍后再下载 / export still running`);
    }
    const result = status.result as SelfAssessmentExportResult;
    const path = this.files.pathOf(jobId);
    const bytes = await stat(path).then((s) => s.size, () => null);
    if (bytes === null) throw notFound('导出文件已过期清理（保留 24 小时），请重新导出');
    return { stream: createReadStream(path), bytes, fileName: result.fileName };
  }

  /** The finance bureau to export: the caller's own, or the one an admin names. */
  private async region(principal: Principal, organizationId: string | undefined): Promise<OrganizationEntity> {
    const id = organizationId ?? principal.organizationId;
    if (!id) throw new AppException(ErrorCode.VALIDATION_FAILED, '请指定导出地区（organizationId，财政局）/ organizationId is required');
    const organization = await this.organizations.findById(id);
    if (!organization || !isInScope(principal, organization.path)) {
      throw new AppException(ErrorCode.ORGANIZATION_NOT_FOUND, '找不到该机构，或不在您的管理范围内 / organization not found');
    }
    if (organization.kind !== 'finance_bureau') {
      throw new AppException(ErrorCode.VALIDATION_FAILED, '导出范围须为财政局（整个地区）/ choose a finance bureau');
    }
    return organization;
  }
}
