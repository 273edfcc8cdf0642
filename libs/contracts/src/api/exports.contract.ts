/**
 * 绩效目标表 downloads (issue 11, item 3): the paths the web calls and their query. Every answer is a
 * file (xlsx or PDF) with a Chinese file name in Content-Disposition; errors are `ApiErrorResponse`s.
 */
import type { FiscalYearQuery } from './auth.contract';

export type TargetSheetExportFormat = 'xlsx' | 'pdf';

/** `GET /api/templates/target-sheet.xlsx?fiscalYear=` (optional): the year under the template's title. */
export interface TargetTemplateQuery {
  fiscalYear?: number;
}

/** `GET /api/departments/:id/disclosure-pack.{xlsx,pdf}?fiscalYear=`. */
export type DisclosurePackQuery = FiscalYearQuery;

export const TARGET_EXPORT_CONTENT_TYPES: Readonly<Record<TargetSheetExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** One sheet's 绩效目标表 in the disclosure layout. */
export function targetSheetExportPath(sheetId: string, format: TargetSheetExportFormat): string {
  return `/api/target-sheets/${encodeURIComponent(sheetId)}/target-sheet.${format}`;
}

/** A department's disclosure pack (预算公开): every approved sheet in effect of the year. */
export function disclosurePackPath(departmentId: string, fiscalYear: number, format: TargetSheetExportFormat): string {
  return `/api/departments/${encodeURIComponent(departmentId)}/disclosure-pack.${format}?fiscalYear=${fiscalYear}`;
}

/** The blank template with dropdowns (一级/二级指标, 指标性质). */
export function targetTemplatePath(fiscalYear?: number | null): string {
  return fiscalYear === null || fiscalYear === undefined ? '/api/templates/target-sheet.xlsx' : `/api/templates/target-sheet.xlsx?fiscalYear=${fiscalYear}`;
}

/** The file name a download is saved under when the answer names none: 「<subject>-2024年度绩效目标表.xlsx」. */
export function targetSheetFileName(subject: string, fiscalYear: number, format: TargetSheetExportFormat): string {
  return `${subject}-${fiscalYear}年度绩效目标表.${format}`;
}

// ---------------------------------------------------------------------------------------------
// 全地区自评表导出 (issue 11, item 4): every 自评表 of a region and the 汇总表 in one zip, as a job.

export type SelfAssessmentExportFormat = 'xlsx' | 'pdf';

/** `POST /api/exports/self-assessments` → 202 `{ jobId }`; progress at `GET /api/jobs/:jobId`. */
export interface StartSelfAssessmentExportRequest {
  fiscalYear: number;
  /** Which renderings of each 自评表; both when left out. */
  formats?: SelfAssessmentExportFormat[];
  /** The finance bureau (admin only; a finance reviewer's own bureau otherwise). */
  organizationId?: string;
}

/** The finished job's result (`JobStatus.result`). */
export interface SelfAssessmentExportResult {
  /** The zip's Chinese name: 「<地区>2024年度绩效自评表.zip」. */
  fileName: string;
  bytes: number;
  /** 自评表 in the zip (each in every format asked for). */
  sheets: number;
}

export const SELF_ASSESSMENT_EXPORT_PATH = '/api/exports/self-assessments';

/** The finished export's zip (the job's starter, or an admin). */
export function selfAssessmentExportFilePath(jobId: string): string {
  return `${SELF_ASSESSMENT_EXPORT_PATH}/${encodeURIComponent(jobId)}/file`;
}
