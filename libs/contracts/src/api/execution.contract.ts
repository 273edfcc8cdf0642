import type { DeviationCategory, IndicatorActualValue, Light, LightCounts, Likelihood, Period, TargetSpec } from '@jixiao/domain';
import type { FiscalYearQuery, OrganizationRef } from './auth.contract';
import type { SheetKind, SheetStatus } from './target-sheet.contract';

/** 支出执行: what a project spent in one month (元, two places). */
export interface ExpenditureResponse {
  month: number; // 1–12
  amount: string; // 元
  note: string | null;
}

/** PUT /api/target-sheets/:id/expenditures — the year's monthly spending, replaced as a whole (project sheets). */
export interface UpdateExpendituresRequest {
  expenditures: ExpenditureInput[];
}

/**
 * PUT /api/departments/:id/basic-expenditures?fiscalYear= — a department's basic spending (基本支出执行)
 * of the year by month, replaced as a whole (DESIGN §2 DepartmentBudget).
 */
export interface UpdateBasicExpendituresRequest {
  expenditures: ExpenditureInput[];
}

/** What a project (or a department's basic budget) spent in one month (元, two places). */
export interface ExpenditureInput {
  month: number; // 1–12, once each
  amount: string;
  note?: string | null;
}

/** 实际完成值 of one indicator in one period. */
export interface IndicatorActualResponse {
  indicatorId: string;
  period: Period;
  actual: IndicatorActualValue | null; // 累计完成值 (to the period's end); at `Y` the final value
  forecast: number | null; // 全年预计完成值 (numeric targets)
  likelihood: Likelihood | null; // 完成可能性
  deviationCategory: DeviationCategory | null; // 偏差原因类别
  deviationReason: string | null; // 偏差原因
  measures: string | null; // 改进措施
  recordedAt: string; // ISO 8601
  recordedBy: string | null; // display name
}

/** PUT /api/target-sheets/:id/actuals/:period — the given indicators' rows for the period are replaced; others are kept. */
export interface UpdateActualsRequest {
  actuals: ActualInput[];
}

/** One indicator's record of a period. */
export interface ActualInput {
  indicatorId: string;
  actual: IndicatorActualValue | null;
  forecast?: number | null;
  likelihood?: Likelihood | null;
  deviationCategory?: DeviationCategory | null;
  deviationReason?: string | null;
  measures?: string | null;
  /** The user confirmed a value beyond 100× or below 1/100 of its target (checkActualPlausibility); without it such a value is refused (ACTUAL_IMPLAUSIBLE). */
  confirmedImplausible?: boolean;
}

/** GET /api/monitoring — the lights of a period rolled up. */
export interface MonitoringQuery extends FiscalYearQuery {
  period: Period;
}

/** A light with how it was reached (DESIGN §4). `light` null: not applicable (no pace for this target). */
export interface PaceResponse {
  pace: number | null;
  light: Light | null;
  explanation: string;
}

/** One period's monitoring of a sheet: spending and every indicator. */
export interface PeriodLightsResponse {
  period: Period;
  spending: (PaceResponse & { planned: string; spent: string }) | null; // null on a department sheet without project spending
  indicators: (PaceResponse & { indicatorId: string })[];
  /** The darkest light of the period (red < yellow < green; blue counts as green here), null when none. */
  overall: Light | null;
}

/**
 * 部门预算 and its execution on a department-wide sheet (DESIGN §2 DepartmentBudget, libs/domain
 * `departmentMoney`): 基本支出 + 项目支出 = the whole budget, basic spending by month, and which money
 * the sheet's execution rate counts.
 */
export interface DepartmentBudgetExecutionResponse {
  /** True: (basic + every project's spending) ÷ the whole budget. False: no basic budget stated, projects only. */
  whole: boolean;
  stated: { total: string | null; basic: string | null; project: string | null }; // as the sheet states it (元)
  basicBudget: string | null; // 基本支出预算 (null: not stated)
  projectBudget: string; // 项目支出预算 counted
  projectsBudget: string; // the projects' totals as recorded
  basicSpent: string;
  projectSpent: string;
  basicExpenditures: ExpenditureResponse[]; // 基本支出执行 by month, with notes
  projectExpenditures: { month: number; amount: string }[]; // every project's spending summed by month
  explanation: string; // which money counts, in Chinese
  warnings: string[]; // e.g. basic spending over the basic budget (recorded, not refused)
  /** True when the caller may record basic spending (department reviewer in scope or admin, on the sheet in effect). */
  editable: boolean;
}

/** GET /api/target-sheets/:id/execution — 执行监控 of one sheet. */
export interface SheetExecutionResponse {
  sheetId: string;
  kind: SheetKind;
  status: SheetStatus;
  fiscalYear: number;
  department: OrganizationRef;
  project: { id: string; code: string | null; name: string; unit: OrganizationRef | null } | null;
  budget: string; // 预算数, 元: the project's total; a department sheet: its whole budget (basic + project), or its projects' where it states no basic budget
  spent: string; // 累计支出, 元
  spendingPlan: { month: number; cumulativeAmount: string }[];
  expenditures: ExpenditureResponse[]; // a project's months; a department sheet: what counts, summed by month
  /** Department-wide sheets: the department's budget parts and basic spending; null on project sheets. */
  departmentBudget: DepartmentBudgetExecutionResponse | null;
  indicators: { id: string; order: number; level1: string; level2: string | null; name: string; target: string; spec: TargetSpec }[];
  actuals: IndicatorActualResponse[];
  lights: PeriodLightsResponse[]; // one per period that has data (spending or actuals), in PERIODS order
  /** Why the 1–9月 round (M9) is needed, once the 1–7月 round is recorded: no spending by July, or a pace off by more than 30%. Empty: not needed. */
  secondRound: string[];
  /** True when the caller may record spending and actuals (approved sheet, unit editor / reviewer in scope). */
  editable: boolean;
  /** 填报时间 of each round as it holds for this sheet's unit today (its reopenings counted), in the order the year runs. */
  windows?: RecordingWindowResponse[];
}

/** One round's 填报时间 for a unit: whether it accepts records today, and the sentence saying so. */
export interface RecordingWindowResponse {
  period: Period;
  opensOn: string;
  closesOn: string;
  reopenedUntil: string | null; // finance reopened it for the unit (or above it) until this day
  accepts: boolean;
  message: string; // e.g. 1–7月监控填报时间为 2025-08-01 至 2025-08-21，现已关闭。…
}

/** GET /api/monitoring?fiscalYear=&period= — lights rolled up per finance bureau and department. */
export interface MonitoringOverviewResponse {
  fiscalYear: number;
  period: Period;
  bureaus: MonitoringNodeResponse[];
}

/** Lights counted; `none`: nothing recorded, or no pace for the target. */
export type { LightCounts } from '@jixiao/domain';

export interface MonitoringNodeResponse {
  organization: OrganizationRef;
  budget: string;
  spent: string;
  spendingLight: Light | null; // of the summed plan and spend
  spendingPace: number | null;
  /** Project lights (the darker of spending and indicators) counted. */
  projects: LightCounts;
  indicators: LightCounts;
  children: MonitoringNodeResponse[]; // bureau → departments; department → none (projects are listed in `sheets`)
  sheets: { sheetId: string; projectName: string | null; light: Light | null; spendingLight: Light | null; redIndicators: number }[];
}
