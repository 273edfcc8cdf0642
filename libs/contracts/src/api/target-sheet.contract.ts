import type { ParseWarning, Period, ReviewCode, ReviewFinding, ScoringScheme, SheetAction, TargetSpec } from '@jixiao/domain';
import type { FiscalYearQuery, OrganizationRef, PersonRef, Role } from './auth.contract';

export type SheetStatus = 'draft' | 'submitted' | 'department_approved' | 'approved' | 'returned';
export type SheetKind = 'project' | 'department'; // 项目支出绩效目标 / 部门整体绩效目标

/** Money travels as a decimal string in 元 with two places. */
export interface AmountResponse {
  total: string;
  fiscal: string | null;
  other: string | null;
}

export interface ProjectListItemResponse {
  id: string;
  fiscalYear: number;
  code: string | null;
  name: string;
  category: string | null;
  amount: AmountResponse;
  department: OrganizationRef;
  unit: OrganizationRef | null;
  sheet: { id: string; status: SheetStatus; version: number; indicatorCount: number };
}

export interface DepartmentListItemResponse {
  department: OrganizationRef;
  region: string | null; // the finance bureau's area
  fiscalYear: number;
  projectCount: number;
  budgetTotal: string | null;
  sheet: { id: string; status: SheetStatus; version: number; indicatorCount: number } | null; // 部门整体绩效目标
  /** True when the department has a department-wide sheet that the caller (a unit user) may not see. */
  sheetHidden: boolean;
}

export interface IndicatorResponse {
  id: string;
  order: number;
  level1: string; // 一级指标
  level2: string | null; // 二级指标
  name: string; // 三级指标
  description: string | null;
  target: string; // 指标值 as written
  spec: TargetSpec; // parsed (or corrected) target
  specWarnings: ParseWarning[];
  specCorrected: boolean; // true when a user corrected the parsed spec
  basis: string | null;
  remark: string | null;
  weight: string | null; // explicit weight, decimal string
  /** 上年: the indicator of last year's sheet this one was rolled over from (结转), with its values; absent or null otherwise. */
  previousYear?: PreviousYearIndicatorResponse | null;
}

/** Last year's indicator beside a rolled-over one, for reference (read-only). */
export interface PreviousYearIndicatorResponse {
  indicatorId: string;
  fiscalYear: number;
  target: string; // 上年指标值 as written
  /** 上年实际完成值 as the self-assessment table writes it; null when nothing was recorded. */
  actual: string | null;
  /** The round it was recorded in: 'Y' (全年) when final, else the latest round with a record; null when none. */
  actualPeriod: Period | null;
}

export interface SpendingPlanPointResponse {
  month: number;
  cumulativeAmount: string; // 元
}

/**
 * 评分方案 in effect for a finance bureau × fiscal year × sheet kind: the configured version, or,
 * where none is configured, the national project scheme (`id` and `version` null).
 */
export interface AppliedScoringScheme {
  id: string | null; // the version row; null: the national preset applies (none configured)
  version: number | null; // 第 n 版
  definition: ScoringScheme;
}

export interface TargetSheetResponse {
  id: string;
  kind: SheetKind;
  fiscalYear: number;
  status: SheetStatus;
  version: number; // 版本: 1, then +1 per adjustment (调整)
  rowVersion: number; // changes with every save; send it back with an edit (409 if someone saved in between)
  department: OrganizationRef;
  project: {
    id: string;
    code: string | null;
    name: string;
    category: string | null;
    purpose: string | null; // 资金用途 / 项目简介
    unit: OrganizationRef | null;
    amount: AmountResponse;
  } | null;
  goals: string[];
  /** Department-wide sheet only: 年度主要任务 and the budget summary (元). Empty / null on project sheets. */
  tasks: { name: string; content: string | null; amount: string | null }[];
  budget: { total: string | null; basic: string | null; project: string | null } | null;
  indicators: IndicatorResponse[];
  spendingPlan: SpendingPlanPointResponse[];
  /** 目标审核助手: what the review rules (DESIGN §5) find in this sheet, errors first by position. */
  findings: ReviewFinding[];
  /** 评分方案 of the sheet's finance bureau × year × kind: what the review (and the web's live review) checks the first-level groups against. */
  scheme: AppliedScoringScheme;
  /**
   * 问题确认: the author's written reason for each error-level finding, given at the submission that
   * brought the sheet to its status — listed while it is submitted, department-approved or approved
   * (for the reviewers when approving); empty for a draft or a returned sheet (the history stays in
   * the 操作日志, `sheet.submit` events' `after.acknowledgements`).
   */
  acknowledgements: FindingAcknowledgementResponse[];
  /** 结转自: the sheet of an earlier year this one was started from; absent or null when it was not rolled over. */
  rolledOverFrom?: { sheetId: string; fiscalYear: number; name: string } | null;
}

/** One error-level finding acknowledged at submission, with the author's reason. */
export interface FindingAcknowledgementResponse {
  code: ReviewCode;
  title: string; // 审核规则名称 (REVIEW_CODE_TITLES)
  indicatorId: string | null; // null for the sheet as a whole, or once the indicator was deleted
  indicatorIndex: number | null; // position in the sheet at submission
  indicatorName: string | null;
  occurrence: number; // which of several findings of this code on this indicator (or sheet), from 1
  message: string; // the finding as the review stated it at submission
  reason: string; // 确认理由, trimmed
  acknowledgedBy: PersonRef | null;
  acknowledgedAt: string; // ISO 8601: the submission
}

/** 操作日志: one write to a sheet, who made it and when, with the content before and after. */
export interface AuditEventResponse {
  id: string;
  occurredAt: string; // ISO 8601
  action: string; // e.g. 'sheet.update', 'sheet.submit'; its Chinese name: auditActionLabel(action)
  actor: PersonRef | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** PUT /api/target-sheets/:id — the editable content, replaced as a whole. */
export interface IndicatorInput {
  id?: string; // an existing indicator; absent for a new one
  level1: string;
  level2?: string | null; // absent or null: none
  name: string;
  target: string;
  spec?: TargetSpec | null; // a corrected spec; absent: parsed from `target`
  description?: string | null;
  basis?: string | null;
  remark?: string | null;
  weight?: string | null;
}

/** 年度主要任务 of a department-wide sheet; amount in 元 with two places. */
export interface SheetTaskInput {
  name: string; // 任务名称
  content?: string | null; // 主要内容
  amount?: string | null; // 预算金额, 元
}

/** 部门预算 of a department-wide sheet, in 元 with two places; basic + project must equal total when all three are given. */
export interface DepartmentBudgetInput {
  total: string | null; // 部门预算总额
  basic: string | null; // 基本支出
  project: string | null; // 项目支出
}

export interface UpdateTargetSheetRequest {
  rowVersion: number; // the rowVersion read when editing started (409 SHEET_VERSION_CONFLICT otherwise)
  goals: string[];
  indicators: IndicatorInput[];
  spendingPlan: SpendingPlanPointResponse[];
  /** Department-wide sheet only (400 DEPARTMENT_SHEET_ONLY otherwise): replaces the tasks; absent = unchanged. */
  tasks?: SheetTaskInput[];
  /** Department-wide sheet only (400 DEPARTMENT_SHEET_ONLY otherwise): replaces the budget summary; absent = unchanged. */
  budget?: DepartmentBudgetInput;
}

/**
 * `details` of a 409 SHEET_VERSION_CONFLICT (PUT /api/target-sheets/:id): the sheet's rowVersion now,
 * and its last recorded change (操作日志) — who saved, when — so the editor can say so and show the
 * fresh version beside the unsaved text.
 */
export interface SheetVersionConflictDetails {
  currentRowVersion: number;
  lastChange: {
    action: string; // e.g. 'sheet.update', 'sheet.return'
    by: { id: string; username: string; displayName: string; role: Role } | null;
    at: string; // ISO 8601
  } | null;
}

export type { SheetAction } from '@jixiao/domain'; // 提交 / 部门审核通过 / 财政批准 / 退回 / 发起调整

/**
 * 问题确认 sent with 提交: one per error-level finding of the sheet as read (`findings` with severity
 * 'error'), named by code, indicatorIndex and occurrence (`findingsToAcknowledge` in
 * @jixiao/domain/review numbers them). A reason has 2–500 characters after trimming.
 */
export interface FindingAcknowledgementRequest {
  code: ReviewCode;
  indicatorIndex: number | null; // null for a finding about the sheet as a whole
  occurrence?: number; // from 1; 1 when absent
  reason: string;
}

/** POST /api/target-sheets/:id/transitions. */
export interface TransitionRequest {
  action: SheetAction;
  comment?: string; // 退回意见, required for `return`
  rowVersion: number;
  /**
   * `submit` only (400 VALIDATION_FAILED with another action): a reason for every error-level
   * finding; 400 FINDINGS_NOT_ACKNOWLEDGED (details: unacknowledged, tooLong, unknown) when one lacks
   * a reason or one names no such finding. Absent = none.
   */
  acknowledgements?: FindingAcknowledgementRequest[];
}

/** GET /api/target-sheets/:id/diff — 与上一版本的差异. */
export interface SheetDiffResponse {
  previousVersionId: string | null;
  previousVersion: number | null;
  changes: { kind: string; path: string; field?: string; before: string | null; after: string | null; message: string }[];
  summary: string;
}

/** A project's amount (元, two decimals): 财政资金 + 其他资金 must equal the total when both are given. */
export interface ProjectAmountInput {
  total: string;
  fiscal?: string | null;
  other?: string | null;
}

/** POST /api/projects — a unit's new budget project (预算项目); amounts in 元, two decimals. */
export interface CreateProjectRequest extends FiscalYearQuery {
  unitId: string;
  name: string;
  code?: string | null;
  category?: string | null;
  amount: ProjectAmountInput;
  purpose?: string | null;
}

/**
 * PATCH /api/projects/:id — 修改项目信息 of a project whose sheet is a first-version draft or returned
 * (unit_editor, admin). Absent fields stay; `rowVersion` is the sheet's (409 SHEET_VERSION_CONFLICT).
 */
export interface UpdateProjectRequest {
  rowVersion: number;
  name?: string;
  code?: string | null;
  category?: string | null;
  amount?: ProjectAmountInput;
  purpose?: string | null;
}

/** POST /api/target-sheets/:id/roll-over — 结转: start the sheet of a later, opened year from this one. */
export interface RollOverRequest {
  fiscalYear: number;
}

/** GET /api/departments. */
export type ListDepartmentsQuery = FiscalYearQuery;

/** GET /api/projects — of one department, or of every department the caller sees. */
export interface ListProjectsQuery extends FiscalYearQuery {
  departmentId?: string;
}

/** GET /api/datasets/export — a department's year as a jixiao.dataset/v1 file. */
export interface ExportDatasetQuery extends FiscalYearQuery {
  departmentId: string;
}
