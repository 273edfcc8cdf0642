import { Injectable, Logger } from '@nestjs/common';
import type { Dataset } from '@jixiao/contracts/dataset';
import type { Principal } from '../../core/auth/principal';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { DatasetExportService } from '../../datasets/services/dataset-export.service';
import { ReportRenderingService } from '../../reports/services/report-rendering.service';
import { SheetAccessService } from '../../target-sheets/services/sheet-access.service';
import { packTitle, renderTargetSheetsPdf } from '../target-sheet-pdf/target-sheet-pdf';
import { targetTemplateWorkbook, targetWorkbook } from '../target-workbook/target-workbook';

/** A rendered file and the (Chinese) name to save it under. */
export interface ExportFile {
  buffer: Buffer;
  fileName: string;
}

type Format = 'xlsx' | 'pdf';

/**
 * 绩效目标表 out (issue 11): one sheet, a department's disclosure pack (预算公开: the sheets in effect),
 * the blank template. The one place that checks access for these downloads: a sheet in the caller's
 * scope (else 404 SHEET_NOT_FOUND), a department in the caller's scope (else 404 DEPARTMENT_NOT_FOUND).
 */
@Injectable()
export class TargetSheetExportService {
  private readonly logger = new Logger(TargetSheetExportService.name);

  constructor(
    private readonly access: SheetAccessService,
    private readonly datasets: DatasetExportService,
    private readonly rendering: ReportRenderingService,
  ) {}

  /** One sheet's 绩效目标表 (any status: what the sheet holds now). */
  async sheet(principal: Principal, sheetId: string, format: Format): Promise<ExportFile> {
    const scoped = await this.access.inScope(principal, sheetId);
    const dataset = await this.datasets.exportSheet(scoped);
    const subject = scoped.project?.name ?? `${scoped.department.name}部门整体支出`;
    return this.render(dataset, format, false, `${subject}-${dataset.fiscalYear}年度绩效目标表.${format}`, `sheet=${sheetId}`);
  }

  /** Every approved sheet in effect of the department's year; 409 DISCLOSURE_PACK_EMPTY when there is none. */
  async disclosurePack(principal: Principal, departmentId: string, fiscalYear: number, format: Format): Promise<ExportFile> {
    const dataset = await this.datasets.exportInEffect(departmentId, fiscalYear, principal);
    if (dataset.departmentSheet === null && dataset.projects.length === 0) {
      throw new AppException(
        ErrorCode.DISCLOSURE_PACK_EMPTY,
        `「${dataset.department.name}」${fiscalYear} 年度没有已批复的绩效目标表，无法生成公开包：目标表经财政批复后才能公开 / no approved target sheet in that year`,
      );
    }
    return this.render(dataset, format, true, `${packTitle(dataset)}.${format}`, `department=${departmentId} year=${fiscalYear}`);
  }

  /** The blank template with dropdowns. */
  async template(fiscalYear: number | null): Promise<ExportFile> {
    return { buffer: await targetTemplateWorkbook(fiscalYear), fileName: `项目支出绩效目标表（模板）${fiscalYear === null ? '' : `-${fiscalYear}年度`}.xlsx` };
  }

  private async render(dataset: Dataset, format: Format, pack: boolean, fileName: string, what: string): Promise<ExportFile> {
    const started = Date.now();
    const buffer = format === 'xlsx' ? await targetWorkbook([dataset]) : await renderTargetSheetsPdf(dataset, this.rendering.pdfFont(), { contents: pack });
    const sheets = dataset.projects.length + (dataset.departmentSheet === null ? 0 : 1);
    this.logger.log(`target sheets ${format} ${what} sheets=${sheets} bytes=${buffer.length} ms=${Date.now() - started}`);
    return { buffer, fileName };
  }
}
