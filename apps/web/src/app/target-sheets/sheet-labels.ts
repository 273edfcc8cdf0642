import type { SheetKind, SheetStatus } from '@jixiao/contracts/api/target-sheet.contract';

/** 目标表状态 and the colour of its tag. */
export const SHEET_STATUS: Record<SheetStatus, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  submitted: { label: '已提交', color: 'processing' },
  department_approved: { label: '部门已审核', color: 'cyan' },
  approved: { label: '已批准', color: 'success' },
  returned: { label: '已退回', color: 'error' },
};

export const SHEET_KIND_LABELS: Record<SheetKind, string> = {
  project: '项目支出绩效目标',
  department: '部门整体绩效目标',
};
