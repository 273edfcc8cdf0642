import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { SelfAssessmentExportResult } from '@jixiao/contracts';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { isInScope } from '../../core/auth/principal';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { JobHandlerRegistry } from '../../core/queue/job-handlers';
import { JobName, JobOf } from '../../core/queue/queue.constants';
import { EvaluatedSheetKey, EvaluatedSheetsService } from '../../evaluation/services/evaluated-sheets.service';
import { EvaluationReaderService } from '../../evaluation/services/evaluation-reader.service';
import { FinanceOverviewService } from '../../evaluation/services/finance-overview.service';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import { PrincipalService } from '../../organizations/services/principal.service';
import { ReportRenderingService } from '../../reports/services/report-rendering.service';
import { ExportFiles } from './export-files';
import { exportZipName, overviewEntryName, selfAssessmentEntryName, UniqueNames } from './export-names';
import { renderOverviewWorkbook } from './overview-workbook';
import { ZipWriter } from './zip-writer';

/** Sheets read per page: their ids only; each evaluation is read, rendered and written before the next. */
export const EXPORT_PAGE_SIZE = 200;

/**
 * The `export.self-assessments` job (全地区自评表导出): the region's 汇总表, then every evaluated
 * sheet in effect — read page by page (keyset), one evaluation at a time, rendered as xlsx and/or
 * PDF and appended to a zip streamed to DATA_DIR/exports/<jobId>.zip.part, renamed to .zip when
 * whole. What stays in memory is one sheet's documents and the zip's central directory, whatever
 * the region's size. Progress is the sheets done ÷ the sheets counted at the start. A failure
 * removes the part file; a retry writes it anew.
 */
@Injectable()
export class SelfAssessmentExportJob implements OnModuleInit {
  private readonly logger = new Logger(SelfAssessmentExportJob.name);

  constructor(
    private readonly handlers: JobHandlerRegistry,
    private readonly principals: PrincipalService,
    private readonly organizations: OrganizationTreeService,
    private readonly evaluated: EvaluatedSheetsService,
    private readonly reader: EvaluationReaderService,
    private readonly overview: FinanceOverviewService,
    private readonly rendering: ReportRenderingService,
    private readonly files: ExportFiles,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.ExportSelfAssessments, (payload, progress) => this.run(payload, progress));
  }

  async run(payload: JobOf<JobName.ExportSelfAssessments>, progress: (percent: number) => Promise<void>): Promise<SelfAssessmentExportResult> {
    const actor = await this.principals.load(payload.actorId);
    if (!actor) throw new AppException(ErrorCode.ROLE_FORBIDDEN, '发起任务的用户已不存在 / the job actor no longer exists');
    const bureau = await this.organizations.findById(payload.organizationId);
    if (!bureau || !isInScope(actor.principal, bureau.path)) {
      throw new AppException(ErrorCode.ORGANIZATION_NOT_FOUND, '找不到该机构，或不在您的管理范围内 / organization not found');
    }
    const region = bureau.region ?? bureau.name;
    const { fiscalYear, formats, fileId } = payload;
    const total = await this.evaluated.count(fiscalYear, bureau.path);
    if (total === 0) throw new AppException(ErrorCode.EXPORT_NOTHING_EVALUATED, `「${region}」${fiscalYear} 年度尚无已评价的绩效目标表 / nothing evaluated to export`);

    await this.files.ensureDirectory();
    const part = this.files.partPathOf(fileId);
    const out = createWriteStream(part);
    const zip = new ZipWriter(out);
    const started = Date.now();
    try {
      const summary = await this.overview.ofSubtree(bureau.path, fiscalYear);
      await zip.add(overviewEntryName(region, fiscalYear), await renderOverviewWorkbook(summary, region));
      const names = new UniqueNames();
      const pageSize = Math.max(1, payload.pageSize ?? EXPORT_PAGE_SIZE);
      let after: EvaluatedSheetKey | null = null;
      let done = 0;
      let reported = 0;
      for (;;) {
        const page = await this.evaluated.page(fiscalYear, bureau.path, after, pageSize);
        if (page.length === 0) break;
        for (const { sheetId } of page) {
          const evaluation = await this.reader.get(actor.principal, sheetId);
          const subject = { kind: evaluation.kind, departmentName: evaluation.department.name, projectName: evaluation.project?.name ?? null };
          for (const format of formats) {
            const document = format === 'xlsx' ? await this.rendering.selfAssessmentXlsx(evaluation) : await this.rendering.selfAssessmentPdf(evaluation);
            await zip.add(names.take(selfAssessmentEntryName(subject, fiscalYear, format)), document);
            await new Promise<void>((resolve) => setImmediate(resolve)); // a PDF renders synchronously for a while: let the process's other work through between documents
          }
          done += 1;
          const percent = Math.min(99, Math.floor((done / total) * 100)); // 100 once the file is whole
          if (percent > reported) {
            reported = percent;
            await progress(percent);
          }
        }
        after = page[page.length - 1]!;
      }
      const bytes = await zip.finish();
      await rename(part, this.files.pathOf(fileId));
      this.logger.log(`export ${fileId}: ${region} ${fiscalYear}, ${done} sheets (${formats.join('+')}), ${bytes} bytes in ${Date.now() - started} ms`);
      return { fileName: exportZipName(region, fiscalYear), bytes, sheets: done };
    } catch (error) {
      out.destroy();
      await rm(part, { force: true });
      throw error;
    }
  }
}
