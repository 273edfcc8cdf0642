import type { MonitoringWindow, Period, WindowState } from '@jixiao/domain';
import type { OrganizationRef } from './auth.contract';

/** 重新开放填报: finance lets one organization (and everything under it) record a closed round until a date. */
export interface MonitoringReopeningResponse {
  organization: OrganizationRef;
  until: string; // 'YYYY-MM-DD', the last day included
  reason: string;
  active: boolean; // today ≤ until
  reopenedBy: { id: string; username: string; displayName: string } | null;
  reopenedAt: string; // ISO 8601
}

/** 填报时间 of one monitoring round of the year. */
export interface MonitoringWindowResponse extends MonitoringWindow {
  label: string; // 一季度 … 1–7月 … 全年
  state: WindowState; // today against the window, in 北京时间
  /** The reopenings of this round for organizations in the caller's subtree. */
  reopenings: MonitoringReopeningResponse[];
}

/** An opened 预算年度 with its windows (PUT /api/fiscal-years/:year/windows answers this). */
export interface FiscalYearCalendarResponse {
  year: number;
  /** The rounds in the order the year runs (Q1, Q2, M7, Q3, M9, Q4, Y). */
  windows: MonitoringWindowResponse[];
  today: string; // the server's date in 北京时间, 'YYYY-MM-DD'
}

/** GET /api/fiscal-years: one opened 预算年度, newest first, with what the caller sees in it. */
export interface FiscalYearResponse extends FiscalYearCalendarResponse {
  /** True when the caller sees sheets of this year. */
  hasSheets: boolean;
  /** True when some of them are in effect (approved): the pages start on the newest such year. */
  hasSheetsInEffect: boolean;
}

/** One round's 填报时间 as sent. */
export interface MonitoringWindowInput {
  period: Period;
  opensOn: string; // 'YYYY-MM-DD'
  closesOn: string; // 'YYYY-MM-DD', not before opensOn
}

/** POST /api/fiscal-years — 开启预算年度 (admin); without windows the national defaults (defaultMonitoringWindows). */
export interface OpenFiscalYearRequest {
  year: number;
  windows?: MonitoringWindowInput[];
}

/** PUT /api/fiscal-years/:year/windows — every round's 填报时间 (admin). */
export interface UpdateMonitoringWindowsRequest {
  windows: MonitoringWindowInput[];
}

/** POST /api/fiscal-years/:year/windows/:period/reopenings — 重新开放填报 (finance of the organization's region, admin). */
export interface ReopenWindowRequest {
  organizationId: string; // a unit, a department or a finance bureau in the caller's subtree
  until: string; // 'YYYY-MM-DD', today or later
  reason: string; // 2–500 characters
}
