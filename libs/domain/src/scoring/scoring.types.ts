/** What scoring takes and gives (自评打分, DESIGN §3): the scheme, the inputs, the scores with their explanations. */
import type { CompletionResult, IndicatorActualValue, UnmetGrade } from '../completion';
import type { ExactRatio } from '../exact';
import type { Money } from '../money';
import type { TargetSpec } from '../target-spec';
import type { ScoringScheme } from './scoring-scheme';

/** The key of the scheme group a first-level name belongs to (SchemeGroup.key); 'other' when it fits none. */
export type Level1Group = string;

/** 评价等级 of a sheet. */
export type Grade = 'excellent' | 'good' | 'fair' | 'poor';

/** 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差. */
export const GRADE_LABELS: Readonly<Record<Grade, string>> = { excellent: '优', good: '良', fair: '中', poor: '差' };

/** A reviewer's adjusted score (评价人调整分) with its written reason. */
export interface IndicatorOverride {
  score: number;
  reason: string;
}

export interface ScoringIndicatorInput {
  id: string;
  level1: string | null; // 一级指标
  level2: string | null; // 二级指标
  name: string; // 三级指标
  spec: TargetSpec;
  weight: string | null; // explicit weight (权重), decimal string, or null for an even split
  actual: IndicatorActualValue | null; // final actual (period Y); null when not recorded
  override?: IndicatorOverride | null;
}

export interface ScoreSheetInput {
  scheme: ScoringScheme;
  budget: Money; // 预算数
  spent: Money; // 执行数
  /** Which money budget and spent count (a department-wide sheet: basic + project, department-budget.ts); leads the 预算执行率 explanation. */
  budgetBasis?: string | null;
  indicators: readonly ScoringIndicatorInput[];
  fiscalYear: number;
}

export type ScoringFindingCode =
  | 'SCHEME_INVALID'
  | 'SCHEME_TOTAL_NOT_100'
  | 'MONEY_INVALID'
  | 'BUDGET_ZERO'
  | 'OVERSPENT'
  | 'DUPLICATE_ID'
  | 'LEVEL1_UNKNOWN'
  | 'GROUP_EMPTY'
  | 'WEIGHT_INVALID'
  | 'WEIGHTS_PARTIAL'
  | 'WEIGHTS_SUM_MISMATCH'
  | 'ACTUAL_INVALID'
  | 'OVERRIDE_INVALID'
  | 'EVALUATION_FAILED'; // raised outside the rules while evaluating (e.g. writing the result): the region run reports the sheet as blocked

export interface ScoringFinding {
  code: ScoringFindingCode;
  message: string; // plain Chinese sentence
  indicatorId: string | null;
}

export interface BudgetExecutionScore {
  budget: Money | null;
  spent: Money | null;
  ratio: ExactRatio | null; // spent ÷ budget, exact, unclamped; null when budget is 0 or invalid
  rate: number | null; // the same as a binary float, for charts only
  ratePercent: string | null; // rounded half-up to 0.01: '95.12'
  weight: string;
  score: string | null; // two places
  explanation: string;
}

export interface IndicatorScore {
  id: string;
  level1: string | null;
  level2: string | null;
  name: string;
  group: Level1Group;
  weight: string | null; // null when the group's weights are in error
  weightExplanation: string;
  completion: CompletionResult | null; // null when missing or the actual is invalid
  missing: boolean; // no final actual: scores 0
  computedScore: string | null; // weight × min(r, 1), two places
  override: { score: string; reason: string } | null;
  score: string | null; // what counts in the total: the override, else the computed score
  explanation: string;
}

export interface GroupScore {
  group: string; // SchemeGroup.key
  label: string;
  weight: string;
  indicatorCount: number;
  score: string | null;
  explanation: string;
}

/** 未完成标记: one per indicator not met or without a final actual. */
export interface UnmetFlag {
  indicatorId: string;
  name: string;
  severity: UnmetGrade | 'missing';
  rate: number | null;
  ratePercent: string | null; // '66.67'
  explanation: string;
}

export interface SheetScore {
  ok: boolean; // no errors: total and grade are set
  budgetExecution: BudgetExecutionScore;
  groups: GroupScore[];
  indicators: IndicatorScore[];
  unmet: UnmetFlag[];
  total: string | null;
  totalExplanation: string;
  grade: Grade | null;
  errors: ScoringFinding[];
  warnings: ScoringFinding[];
}

/** Where scoring reports an error or a warning. */
export type Report = (code: ScoringFindingCode, message: string, indicatorId?: string | null) => void;
