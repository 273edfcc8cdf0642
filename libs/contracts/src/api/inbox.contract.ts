import type { SheetAction } from '@jixiao/domain';
import type { OrganizationRef } from './auth.contract';
import type { SheetKind, SheetStatus } from './target-sheet.contract';

/**
 * GET /api/inbox — 待我处理: the current sheets in the caller's subtree that wait for the caller's
 * action (libs/domain `pendingActions`): drafts and returned sheets for their authors, submitted
 * ones for the department, department-approved ones for finance. Every filter is optional.
 */
export interface InboxQuery {
  status?: SheetStatus;
  departmentId?: string;
  fiscalYear?: number;
  /** 项目名称或编码 (a department-wide sheet: the department's name), case-insensitive, part of the text. */
  q?: string;
  page?: number; // from 1; default 1
  pageSize?: number; // 1–100; default 20
}

/** One sheet waiting for the caller. */
export interface InboxItemResponse {
  sheetId: string;
  kind: SheetKind;
  fiscalYear: number;
  status: SheetStatus;
  version: number;
  /** The project's name, or '<department> 部门整体绩效目标'. */
  name: string;
  project: { id: string; code: string | null; name: string } | null;
  department: OrganizationRef;
  unit: OrganizationRef | null; // 实施单位 of a project run by a unit
  region: string | null; // the finance bureau's area
  /** 预算金额 in 元: the project's total, or the department's budget total. */
  amount: string | null;
  indicatorCount: number;
  /** What the caller may do now (提交 / 部门审核通过 / 财政批准 / 退回). */
  actions: SheetAction[];
  /** ISO 8601: the sheet's last change (a save or a workflow step) — how long it has waited. */
  waitingSince: string;
}

/** How many sheets wait, per status, per department and per year: the choices of the filters. */
export interface InboxFacetsResponse {
  statuses: { status: SheetStatus; count: number }[];
  departments: { department: OrganizationRef; count: number }[];
  fiscalYears: { fiscalYear: number; count: number }[];
}

export interface InboxResponse {
  /** Returned sheets first, then the longest waiting. */
  items: InboxItemResponse[];
  /** Sheets matching the filters (all pages). */
  total: number;
  page: number;
  pageSize: number;
  /** Over the caller's whole inbox, whatever the filters. */
  facets: InboxFacetsResponse;
}

/** GET /api/inbox/count — the navigation's badge. */
export interface InboxCountResponse {
  total: number;
}
