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
