import type {
  BudgetExecutionScore,
  CompletionResult,
  Grade,
  GroupScore,
  IndicatorActualValue,
  Level1Group,
  ScoringFinding,
  TargetSpec,
  UnmetGrade,
} from '@jixiao/domain';
import type { FiscalYearQuery, OrganizationRef } from './auth.contract';
import type { SheetKind } from './target-sheet.contract';

export type UnmetSeverity = UnmetGrade | 'missing'; // 轻微 / 较大 / 严重 / 未填报

/** One indicator's year-end result: the numbers and how they were computed. */
export interface IndicatorScoreResponse {
  indicatorId: string;
  order: number;
  level1: string;
  level2: string | null;
  name: string;
  target: string; // 年度指标值 as written
  spec: TargetSpec;
  actual: IndicatorActualValue | null; // 全年实际值 (period Y)
  actualText: string; // the actual shown in Chinese, '未填报' when missing
  group: Level1Group;
  weight: string | null; // 分值
  weightExplanation: string;
  completion: CompletionResult | null;
  computedScore: string | null; // weight × min(r, 1)
  override: { score: string; reason: string; by: string | null } | null; // 评价人调整分
  score: string | null; // what counts: the override, else the computed score
  unmet: UnmetSeverity | null;
  deviationReason: string | null; // 偏差原因 recorded with the Y actual
  measures: string | null; // 改进措施
  explanation: string;
}

/** GET /api/target-sheets/:id/evaluation — 自评结果 of a sheet. */
export interface EvaluationResponse {
  sheetId: string;
  kind: SheetKind;
  fiscalYear: number;
  department: OrganizationRef;
  project: { id: string; code: string | null; name: string; unit: OrganizationRef | null; purpose: string | null; amount: { total: string; fiscal: string | null; other: string | null } } | null;
  goals: string[];
  computedAt: string; // ISO 8601
  budgetExecution: BudgetExecutionScore;
  groups: GroupScore[];
  indicators: IndicatorScoreResponse[];
  total: string; // 总分, two places
  totalExplanation: string;
  grade: Grade;
  gradeLabel: string; // 优 / 良 / 中 / 差
  unmetCounts: Record<UnmetSeverity, number>;
  warnings: ScoringFinding[];
  /** 评分方案 the evaluation used: its version row (null: the national preset, none configured then) and name. */
  scheme: { id: string | null; version: number | null; name: string };
  /** The scheme of the sheet's finance bureau × year × kind changed since: 评分方案已修改，结果待重新计算. */
  stale: boolean;
}

/** 422 EVALUATION_BLOCKED details: why a sheet cannot be scored yet. */
export interface EvaluationBlockedDetails {
  errors: ScoringFinding[];
}

/** PUT /api/target-sheets/:id/evaluation/overrides/:indicatorId — a reviewer's score (null clears it). */
export interface OverrideScoreRequest {
  score: string | null; // two places at most, 0 ≤ score ≤ the indicator's weight
  reason?: string | null; // required with a score
}

/** POST /api/evaluation-runs — evaluate every approved sheet of a region (a finance bureau's subtree) as a job. */
export interface StartEvaluationRunRequest extends FiscalYearQuery {
  organizationId?: string; // default: the caller's organization (admin: required)
}

export interface EvaluationRunResult {
  evaluated: number;
  blocked: { sheetId: string; name: string; errors: ScoringFinding[] }[];
  skipped: number; // sheets not approved
}

/** GET /api/overview?fiscalYear= — 结果应用: execution, scores and unmet targets per department. */
export interface FinanceOverviewResponse {
  fiscalYear: number;
  departments: DepartmentOverviewResponse[];
  totals: { budget: string; spent: string; executionRate: number | null; executionPercent: string | null; evaluated: number; stale: number; sheets: number; unmet: Record<UnmetSeverity, number>; grades: Record<Grade, number> };
}

export interface DepartmentOverviewResponse {
  department: OrganizationRef;
  region: string | null;
  budget: string;
  spent: string;
  executionRate: number | null; // for charts
  executionPercent: string | null; // 预算执行率 as shown, half-up to 0.01: '95.12'
  /** Which money budget and spent count: the whole 部门预算 (basic + project) where the department-wide sheet in effect states its basic budget, else the projects in effect. */
  budgetBasis: string;
  averageScore: string | null; // of evaluated sheets
  grades: Record<Grade, number>;
  unmet: Record<UnmetSeverity, number>;
  sheets: {
    sheetId: string;
    kind: SheetKind;
    name: string; // project name, or 部门整体
    budget: string;
    spent: string;
    total: string | null; // null: not evaluated
    grade: Grade | null;
    stale: boolean; // evaluated under a scheme that has changed since: to be computed again
    unmet: { indicatorId: string; name: string; severity: UnmetSeverity; rate: number | null; ratePercent: string | null }[];
  }[];
}
