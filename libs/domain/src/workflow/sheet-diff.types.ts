/**
 * The shapes of the readable diff between two versions of a target sheet (sheet-diff.ts): what a
 * version holds, the kinds of change and the labels of the fields a change names.
 */
/** The content of one version of a sheet, as the diff reads it. */
export interface SheetSnapshot {
  /** 绩效目标 */
  goals: string[];
  /** 三级指标, in sheet order. */
  indicators: SnapshotIndicator[];
  /** 资金支出计划: cumulative planned amount in 元 at the end of a month. */
  spendingPlan: { month: number; cumulativeAmount: string }[];
  /** 主要任务 — department sheets only. */
  tasks?: SnapshotTask[];
  /** 部门预算 in 元 — department sheets only; compared only when both versions carry one. */
  budget?: SnapshotBudget | null;
}

export interface SnapshotBudget {
  total: string | null; // 部门预算总额
  basic: string | null; // 基本支出
  project: string | null; // 项目支出
}

export interface SnapshotIndicator {
  /** The indicator's stable identity across versions, when known. */
  key?: string | null;
  level1: string; // 一级指标
  level2: string | null; // 二级指标
  name: string; // 三级指标
  target: string; // 指标值
  weight?: string | null; // 权重
  basis?: string | null; // 指标值设定依据
  remark?: string | null; // 备注
  description?: string | null; // 指标解释
}

export interface SnapshotTask {
  name: string; // 任务名称
  content: string | null; // 主要内容
  amount: string | null; // 预算金额, 元
}

export type SheetChangeKind =
  | 'goal_added'
  | 'goal_removed'
  | 'indicator_added'
  | 'indicator_removed'
  | 'indicator_changed'
  | 'plan_added'
  | 'plan_removed'
  | 'plan_changed'
  | 'task_added'
  | 'task_removed'
  | 'task_changed'
  | 'budget_changed';

export const SHEET_CHANGE_KINDS: readonly SheetChangeKind[] = [
  'goal_added',
  'goal_removed',
  'indicator_added',
  'indicator_removed',
  'indicator_changed',
  'plan_added',
  'plan_removed',
  'plan_changed',
  'task_added',
  'task_removed',
  'task_changed',
  'budget_changed',
];

/** The fields of an indicator a change can name, in the order changes are listed. */
export type IndicatorField = 'name' | 'level1' | 'level2' | 'target' | 'weight' | 'basis' | 'remark' | 'description';

export const INDICATOR_FIELD_LABELS: Readonly<Record<IndicatorField, string>> = {
  name: '指标名称',
  level1: '一级指标',
  level2: '二级指标',
  target: '指标值',
  weight: '权重',
  basis: '设定依据',
  remark: '备注',
  description: '指标解释',
};

export type TaskField = 'content' | 'amount';

export const TASK_FIELD_LABELS: Readonly<Record<TaskField, string>> = { content: '主要内容', amount: '金额' };

export type BudgetField = keyof SnapshotBudget;

export const BUDGET_FIELD_LABELS: Readonly<Record<BudgetField, string>> = { total: '总额', basic: '基本支出', project: '项目支出' };

export interface SheetChange {
  kind: SheetChangeKind;
  /** Where: `绩效目标`, `产出指标 / 数量指标 / 参保人数`, `资金支出计划 / 6月`, `主要任务 / 人员经费`, `部门预算 / 基本支出`. */
  path: string;
  /** The field that changed (`indicator_changed`: an IndicatorField; `task_changed`: a TaskField; `budget_changed`: a BudgetField). */
  field?: IndicatorField | TaskField | BudgetField | 'cumulativeAmount';
  /** The value before and after, as written (money: 元 with two places); `null` where there was none. */
  before: string | null;
  after: string | null;
  /** 「参保人数」指标值由 ≥26万人 改为 ≥27万人 */
  message: string;
}

export interface SheetDiff {
  changes: SheetChange[];
  /** 新增指标 1 项，修改指标 2 项，删除指标 0 项；支出计划调整 1 处 — or 与上一版本相比没有变化. */
  summary: string;
}

export const NO_CHANGE_SUMMARY = '与上一版本相比没有变化';
