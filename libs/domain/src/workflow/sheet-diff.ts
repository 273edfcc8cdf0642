/**
 * A readable diff between two versions of a target sheet (调整前后对比, DESIGN §1 调整): what an
 * adjustment added, removed or changed in the goals, the indicator tree, the spending plan and the
 * tasks and budget summary of a department sheet, each change with a plain Chinese sentence.
 *
 * Texts are compared as the review rules read them (NFKC, no whitespace): `≥ 26万人` and `≥26万人`
 * are the same target. Money and weights are compared as decimals (`100.0` = `100.00`).
 */
import Big from 'big.js';
import { isMoney, parseMoney, yuanToWan } from '../money';
import { compact } from '../review/review-text';

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

/**
 * The changes from `before` to `after`, in a fixed order: goals (added, then removed), indicators in
 * `after` order (then the removed ones in `before` order), the spending plan by month, then tasks
 * (in `after` order, then the removed ones), then the budget summary (总额, 基本支出, 项目支出).
 *
 * Indicators are matched by `key` where both carry one, else by (一级, 二级, 三级) compared as the
 * review rules compare texts; without keys a renamed indicator shows as removed and added.
 */
export function diffSheets(before: SheetSnapshot, after: SheetSnapshot): SheetDiff {
  const goals = diffGoals(before.goals, after.goals);
  const indicators = diffIndicators(before.indicators, after.indicators);
  const plan = diffPlan(before.spendingPlan, after.spendingPlan);
  const tasks = diffTasks(before.tasks ?? [], after.tasks ?? []);
  const budget = before.budget && after.budget ? diffBudget(before.budget, after.budget) : [];
  const changes = [...goals, ...indicators.changes, ...plan, ...tasks.changes, ...budget];
  return { changes, summary: summarize(goals, indicators.counts, plan.length, tasks.counts, budget.length) };
}

// ---------------------------------------------------------------------------------------------
// goals (绩效目标): a multiset of texts; order does not matter

function diffGoals(before: readonly string[], after: readonly string[]): SheetChange[] {
  const remaining = before.map((text) => ({ text, key: compact(text), used: false }));
  const added: SheetChange[] = [];
  for (const text of after) {
    const key = compact(text);
    if (key === '') continue;
    const match = remaining.find((g) => !g.used && g.key === key);
    if (match !== undefined) match.used = true;
    else added.push({ kind: 'goal_added', path: '绩效目标', before: null, after: text.trim(), message: `新增绩效目标「${text.trim()}」` });
  }
  const removed = remaining
    .filter((g) => !g.used && g.key !== '')
    .map((g): SheetChange => ({ kind: 'goal_removed', path: '绩效目标', before: g.text.trim(), after: null, message: `删除绩效目标「${g.text.trim()}」` }));
  return [...added, ...removed];
}

// ---------------------------------------------------------------------------------------------
// indicators (三级指标)

interface Counts {
  added: number;
  changed: number;
  removed: number;
}

const INDICATOR_FIELDS: readonly IndicatorField[] = ['name', 'level1', 'level2', 'target', 'weight', 'basis', 'remark', 'description'];

function diffIndicators(before: readonly SnapshotIndicator[], after: readonly SnapshotIndicator[]): { changes: SheetChange[]; counts: Counts } {
  const matchOf = matchIndicators(before, after);
  const counts: Counts = { added: 0, changed: 0, removed: 0 };
  const changes: SheetChange[] = [];
  after.forEach((indicator, index) => {
    const previous = matchOf[index];
    if (previous === undefined) {
      counts.added++;
      changes.push({
        kind: 'indicator_added',
        path: indicatorPath(indicator),
        before: null,
        after: text(indicator.target),
        message: `新增指标「${indicator.name.trim()}」（${levelPath(indicator)}），指标值 ${text(indicator.target) ?? '（空）'}`,
      });
      return;
    }
    const fieldChanges = INDICATOR_FIELDS.filter((field) => !sameIndicatorField(field, previous[field], indicator[field])).map(
      (field): SheetChange => ({
        kind: 'indicator_changed',
        path: indicatorPath(indicator),
        field,
        before: text(previous[field]),
        after: text(indicator[field]),
        message:
          field === 'name'
            ? `指标「${previous.name.trim()}」更名为「${indicator.name.trim()}」`
            : fieldMessage(`「${indicator.name.trim()}」`, INDICATOR_FIELD_LABELS[field], text(previous[field]), text(indicator[field])),
      }),
    );
    if (fieldChanges.length > 0) counts.changed++;
    changes.push(...fieldChanges);
  });
  const matched = new Set(matchOf.filter((m): m is SnapshotIndicator => m !== undefined));
  for (const indicator of before) {
    if (matched.has(indicator)) continue;
    counts.removed++;
    changes.push({
      kind: 'indicator_removed',
      path: indicatorPath(indicator),
      before: text(indicator.target),
      after: null,
      message: `删除指标「${indicator.name.trim()}」（${levelPath(indicator)}），原指标值 ${text(indicator.target) ?? '（空）'}`,
    });
  }
  return { changes, counts };
}

/** For every `after` indicator, its `before` counterpart (or undefined when it is new). */
function matchIndicators(before: readonly SnapshotIndicator[], after: readonly SnapshotIndicator[]): (SnapshotIndicator | undefined)[] {
  const used = new Set<SnapshotIndicator>();
  const result: (SnapshotIndicator | undefined)[] = after.map(() => undefined);
  // 1. by key, where both have one
  after.forEach((indicator, index) => {
    const key = keyOf(indicator);
    if (key === null) return;
    const match = before.find((b) => !used.has(b) && keyOf(b) === key);
    if (match !== undefined) {
      used.add(match);
      result[index] = match;
    }
  });
  // 2. by (level1, level2, name), unless both have keys (different keys are different indicators)
  after.forEach((indicator, index) => {
    if (result[index] !== undefined) return;
    const identity = identityOf(indicator);
    const match = before.find((b) => !used.has(b) && !(keyOf(b) !== null && keyOf(indicator) !== null) && identityOf(b) === identity);
    if (match !== undefined) {
      used.add(match);
      result[index] = match;
    }
  });
  return result;
}

function keyOf(indicator: SnapshotIndicator): string | null {
  const key = indicator.key?.trim() ?? '';
  return key === '' ? null : key;
}

function identityOf(indicator: SnapshotIndicator): string {
  return [indicator.level1, indicator.level2, indicator.name].map((part) => compact(part)).join('\u0000');
}

function sameIndicatorField(field: IndicatorField, a: string | null | undefined, b: string | null | undefined): boolean {
  return field === 'weight' ? sameDecimal(a, b) : compact(a) === compact(b);
}

function levelPath(indicator: SnapshotIndicator): string {
  return [indicator.level1, indicator.level2].map((part) => text(part)).filter((part): part is string => part !== null).join(' / ');
}

function indicatorPath(indicator: SnapshotIndicator): string {
  return [levelPath(indicator), indicator.name.trim()].filter((part) => part !== '').join(' / ');
}

// ---------------------------------------------------------------------------------------------
// spending plan (资金支出计划)

function diffPlan(
  before: readonly { month: number; cumulativeAmount: string }[],
  after: readonly { month: number; cumulativeAmount: string }[],
): SheetChange[] {
  const beforeByMonth = byMonth(before);
  const afterByMonth = byMonth(after);
  const months = [...new Set([...beforeByMonth.keys(), ...afterByMonth.keys()])].sort((a, b) => a - b);
  const changes: SheetChange[] = [];
  for (const month of months) {
    const was = beforeByMonth.get(month);
    const now = afterByMonth.get(month);
    const path = `资金支出计划 / ${month}月`;
    const subject = `${month}月末累计计划支出`;
    if (was === undefined && now !== undefined) {
      changes.push({ kind: 'plan_added', path, field: 'cumulativeAmount', before: null, after: moneyText(now), message: `新增${subject} ${wanText(now)}` });
    } else if (was !== undefined && now === undefined) {
      changes.push({ kind: 'plan_removed', path, field: 'cumulativeAmount', before: moneyText(was), after: null, message: `删除${subject}（原为 ${wanText(was)}）` });
    } else if (was !== undefined && now !== undefined && !sameDecimal(was, now)) {
      changes.push({
        kind: 'plan_changed',
        path,
        field: 'cumulativeAmount',
        before: moneyText(was),
        after: moneyText(now),
        message: `${subject}由 ${wanText(was)} 改为 ${wanText(now)}`,
      });
    }
  }
  return changes;
}

/** The first amount given for each month. */
function byMonth(plan: readonly { month: number; cumulativeAmount: string }[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const point of plan) if (!map.has(point.month)) map.set(point.month, point.cumulativeAmount);
  return map;
}

// ---------------------------------------------------------------------------------------------
// tasks (主要任务, department sheets)

function diffTasks(before: readonly SnapshotTask[], after: readonly SnapshotTask[]): { changes: SheetChange[]; counts: Counts } {
  const used = new Set<SnapshotTask>();
  const counts: Counts = { added: 0, changed: 0, removed: 0 };
  const changes: SheetChange[] = [];
  for (const task of after) {
    const name = task.name.trim();
    const path = `主要任务 / ${name}`;
    const previous = before.find((b) => !used.has(b) && compact(b.name) === compact(task.name));
    if (previous === undefined) {
      counts.added++;
      const amount = text(task.amount);
      changes.push({ kind: 'task_added', path, before: null, after: name, message: `新增任务「${name}」${amount === null ? '' : `，金额 ${wanText(amount)}`}` });
      continue;
    }
    used.add(previous);
    const fieldChanges: SheetChange[] = [];
    if (compact(previous.content) !== compact(task.content)) {
      fieldChanges.push({
        kind: 'task_changed',
        path,
        field: 'content',
        before: text(previous.content),
        after: text(task.content),
        message: fieldMessage(`任务「${name}」`, TASK_FIELD_LABELS.content, text(previous.content), text(task.content)),
      });
    }
    if (!sameDecimal(previous.amount, task.amount)) {
      const was = text(previous.amount);
      const now = text(task.amount);
      fieldChanges.push({
        kind: 'task_changed',
        path,
        field: 'amount',
        before: was === null ? null : moneyText(was),
        after: now === null ? null : moneyText(now),
        message: fieldMessage(`任务「${name}」`, TASK_FIELD_LABELS.amount, was === null ? null : wanText(was), now === null ? null : wanText(now)),
      });
    }
    if (fieldChanges.length > 0) counts.changed++;
    changes.push(...fieldChanges);
  }
  for (const task of before) {
    if (used.has(task)) continue;
    counts.removed++;
    const name = task.name.trim();
    changes.push({ kind: 'task_removed', path: `主要任务 / ${name}`, before: name, after: null, message: `删除任务「${name}」` });
  }
  return { changes, counts };
}

// ---------------------------------------------------------------------------------------------
// budget summary (部门预算, department sheets)

function diffBudget(before: SnapshotBudget, after: SnapshotBudget): SheetChange[] {
  const changes: SheetChange[] = [];
  for (const field of Object.keys(BUDGET_FIELD_LABELS) as BudgetField[]) {
    if (sameDecimal(before[field], after[field])) continue;
    const was = text(before[field]);
    const now = text(after[field]);
    changes.push({
      kind: 'budget_changed',
      path: `部门预算 / ${BUDGET_FIELD_LABELS[field]}`,
      field,
      before: was === null ? null : moneyText(was),
      after: now === null ? null : moneyText(now),
      message: fieldMessage('部门预算', BUDGET_FIELD_LABELS[field], was === null ? null : wanText(was), now === null ? null : wanText(now)),
    });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// summary and text helpers

function summarize(goals: readonly SheetChange[], indicators: Counts, planChanges: number, tasks: Counts, budgetChanges: number): string {
  const parts: string[] = [];
  const goalsAdded = goals.filter((c) => c.kind === 'goal_added').length;
  const goalsRemoved = goals.length - goalsAdded;
  if (goals.length > 0) parts.push(`新增绩效目标 ${goalsAdded} 条，删除绩效目标 ${goalsRemoved} 条`);
  if (indicators.added + indicators.changed + indicators.removed > 0) {
    parts.push(`新增指标 ${indicators.added} 项，修改指标 ${indicators.changed} 项，删除指标 ${indicators.removed} 项`);
  }
  if (planChanges > 0) parts.push(`支出计划调整 ${planChanges} 处`);
  if (tasks.added + tasks.changed + tasks.removed > 0) {
    parts.push(`新增任务 ${tasks.added} 项，修改任务 ${tasks.changed} 项，删除任务 ${tasks.removed} 项`);
  }
  if (budgetChanges > 0) parts.push(`部门预算调整 ${budgetChanges} 处`);
  return parts.length === 0 ? NO_CHANGE_SUMMARY : parts.join('；');
}

/** 「主体」字段由 A 改为 B / 补充字段：B / 删除字段（原为 A）. */
function fieldMessage(subject: string, label: string, was: string | null, now: string | null): string {
  if (was === null) return `${subject}补充${label}：${now ?? ''}`;
  if (now === null) return `${subject}删除${label}（原为 ${was}）`;
  return `${subject}${label}由 ${was} 改为 ${now}`;
}

/** Trimmed text, or null when blank. */
function text(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Equal as decimals where both are decimals (`100.0` = `100.00`), else equal as compacted text. */
function sameDecimal(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = compact(a);
  const y = compact(b);
  if (DECIMAL.test(x) && DECIMAL.test(y)) return new Big(x).eq(new Big(y));
  return x === y;
}

/** A money amount as stored: 元 with two places (`"1000000.00"`); other text as written. */
function moneyText(value: string): string {
  const trimmed = value.trim();
  return isMoney(trimmed) ? parseMoney(trimmed) : trimmed;
}

/** A money amount for a sentence, in 万元 as the tables of this field show it: `100万元`, `1996.62万元`. */
function wanText(value: string): string {
  const trimmed = value.trim();
  if (!isMoney(trimmed)) return trimmed;
  const wan = yuanToWan(parseMoney(trimmed), 6).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return `${wan}万元`;
}
