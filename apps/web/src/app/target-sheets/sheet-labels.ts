import type { SheetKind, SheetStatus } from '@jixiao/contracts/api/target-sheet.contract';
import { SHEET_STATUS_LABELS } from '@jixiao/domain/workflow/sheet-workflow';

const STATUS_COLORS: Record<SheetStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  department_approved: 'cyan',
  approved: 'success',
  returned: 'error',
};

/** 目标表状态 (the domain's labels) and the colour of its tag. */
export const SHEET_STATUS: Record<SheetStatus, { label: string; color: string }> = Object.fromEntries(
  (Object.keys(STATUS_COLORS) as SheetStatus[]).map((status) => [status, { label: SHEET_STATUS_LABELS[status], color: STATUS_COLORS[status] }]),
) as Record<SheetStatus, { label: string; color: string }>;

export const SHEET_KIND_LABELS: Record<SheetKind, string> = {
  project: '项目支出绩效目标',
  department: '部门整体绩效目标',
};
