/**
 * Types of the review rules (目标审核助手, DESIGN §5): what a sheet under review looks like, and
 * what the review says about it.
 */
import type { ScoringScheme } from '../scoring';
import type { TargetSpec } from '../target-spec';

/**
 * Every code the review may report, in the order findings of one indicator are listed. The codes are
 * stable: the API, the UI and stored review comments refer to them.
 */
export const REVIEW_CODES = [
  // Structure of the indicator tree (指标体系结构)
  'MISSING_LEVEL1', // 缺少一级指标
  'LEVEL1_NOT_IN_SCHEME', // 一级指标不在评分方案中
  'MISSING_COST', // 缺少成本指标
  // Rows not filled in (未填写)
  'EMPTY_NAME', // 指标名称为空
  'EMPTY_TARGET', // 指标值为空
  'PLACEHOLDER', // 模板占位内容未删除
  'TEMPLATE_LEFTOVER', // 模板示例值未替换
  'TARGET_IN_NAME', // 目标值写在指标名称中
  // Content of one indicator (指标内容)
  'COST_NOT_QUANTIFIED', // 成本指标未量化
  'COST_EXCEEDS_BUDGET', // 成本指标超过预算
  'UNIT_MISMATCH', // 计量单位与指标名称不符
  'QUALITATIVE_QUANTITY', // 数量、质量指标只有定性目标
  'OTHER_YEAR', // 年份与预算年度不符
  'DUPLICATE_INDICATOR', // 重复指标
  // Spending plan (资金支出计划)
  'PLAN_MISSING', // 未填写支出计划 (only when asked for: ReviewOptions.requireSpendingPlan)
  'PLAN_MONTH_INVALID', // 月份无效或重复
  'PLAN_AMOUNT_INVALID', // 金额无效
  'PLAN_DECREASES', // 累计支出计划减少
  'PLAN_EXCEEDS_BUDGET', // 支出计划超过预算
  'PLAN_NOT_COMPLETE', // 年底未达到预算
  // Weights (权重)
  'WEIGHT_INVALID', // 权重无效
  'WEIGHTS_DO_NOT_ADD_UP', // 权重合计不符
] as const;

/** A stable review code (审核规则代码). */
export type ReviewCode = (typeof REVIEW_CODES)[number];

/** 错误 must be fixed before submission; 提醒 asks the author to check. */
export type ReviewSeverity = 'error' | 'warning';

/** The Chinese title of each code (审核规则名称), as the UI lists them. */
export const REVIEW_CODE_TITLES: Readonly<Record<ReviewCode, string>> = {
  MISSING_LEVEL1: '缺少一级指标',
  LEVEL1_NOT_IN_SCHEME: '一级指标不在评分方案中',
  MISSING_COST: '缺少成本指标',
  EMPTY_NAME: '指标名称为空',
  EMPTY_TARGET: '指标值为空',
  PLACEHOLDER: '模板占位内容未删除',
  TEMPLATE_LEFTOVER: '模板示例值未替换',
  TARGET_IN_NAME: '目标值写在指标名称中',
  COST_NOT_QUANTIFIED: '成本指标未量化',
  COST_EXCEEDS_BUDGET: '成本指标超过预算',
  UNIT_MISMATCH: '计量单位与指标名称不符',
  QUALITATIVE_QUANTITY: '数量或质量指标只有定性目标',
  OTHER_YEAR: '年份与预算年度不符',
  DUPLICATE_INDICATOR: '重复指标',
  PLAN_MISSING: '未填写资金支出计划',
  PLAN_MONTH_INVALID: '支出计划月份无效或重复',
  PLAN_AMOUNT_INVALID: '支出计划金额无效',
  PLAN_DECREASES: '累计支出计划减少',
  PLAN_EXCEEDS_BUDGET: '支出计划超过预算',
  PLAN_NOT_COMPLETE: '支出计划年底未达到预算',
  WEIGHT_INVALID: '权重无效',
  WEIGHTS_DO_NOT_ADD_UP: '权重合计不符',
};

/**
 * The usual severity of each code. Heuristic rules (unit fit, qualitative targets) only warn. Two
 * exceptions: OTHER_YEAR is an error in a target but a warning in a name (a name may name a fund's
 * year); TARGET_IN_NAME is a warning when the target column repeats the value the name holds (the
 * sheet is measurable, only the name needs tidying).
 */
export const REVIEW_CODE_SEVERITY: Readonly<Record<ReviewCode, ReviewSeverity>> = {
  MISSING_LEVEL1: 'error',
  LEVEL1_NOT_IN_SCHEME: 'error',
  MISSING_COST: 'error',
  EMPTY_NAME: 'error',
  EMPTY_TARGET: 'error',
  PLACEHOLDER: 'error',
  TEMPLATE_LEFTOVER: 'error',
  TARGET_IN_NAME: 'error',
  COST_NOT_QUANTIFIED: 'error',
  COST_EXCEEDS_BUDGET: 'error',
  UNIT_MISMATCH: 'warning',
  QUALITATIVE_QUANTITY: 'warning',
  OTHER_YEAR: 'error',
  DUPLICATE_INDICATOR: 'error',
  PLAN_MISSING: 'warning',
  PLAN_MONTH_INVALID: 'error',
  PLAN_AMOUNT_INVALID: 'error',
  PLAN_DECREASES: 'error',
  PLAN_EXCEEDS_BUDGET: 'error',
  PLAN_NOT_COMPLETE: 'error',
  WEIGHT_INVALID: 'error',
  WEIGHTS_DO_NOT_ADD_UP: 'error',
};

/** One indicator (三级指标) of the sheet under review. */
export interface ReviewIndicatorInput {
  level1: string; // 一级指标
  level2: string | null; // 二级指标
  name: string; // 三级指标
  target: string; // 指标值 as written
  /** Parsed or user-corrected; parsed with parseTarget(target, {level1, level2, name, fiscalYear}) when absent. */
  spec?: TargetSpec;
  weight?: string | null; // 权重, decimal string; null or absent for an even split
}

/** One checkpoint of the spending plan (资金支出计划): cumulative amount at the end of the month. */
export interface ReviewPlanCheckpoint {
  month: number;
  cumulativeAmount: string; // 元, decimal string
}

/** A target sheet (绩效目标表) under review. */
export interface ReviewSheetInput {
  fiscalYear: number; // 预算年度
  kind: 'project' | 'department'; // 项目支出 / 部门整体
  /** 元, decimal string: the project's amount.total, or the department's budget.total; null when unknown. */
  budgetTotal: string | null;
  indicators: ReviewIndicatorInput[];
  spendingPlan: ReviewPlanCheckpoint[];
}

/** What the review says about one mistake. */
export interface ReviewFinding {
  code: ReviewCode;
  severity: ReviewSeverity;
  indicatorIndex: number | null; // index into indicators; null for the sheet as a whole
  indicatorName: string | null;
  message: string; // one plain Chinese sentence: which indicator, what is wrong, how to fix it
}

/** Options of `reviewSheet`. */
export interface ReviewOptions {
  /**
   * Report a project sheet without a spending plan (PLAN_MISSING, a warning). Off by default: the
   * published sheets this system imports rarely carry a plan, and an empty plan is not wrong in
   * itself; turn it on at submission where the finance bureau requires a plan.
   */
  requireSpendingPlan?: boolean;
  /** The region's scoring scheme for this kind of sheet (its groups and points); the national project scheme otherwise. */
  scheme?: ScoringScheme;
}
