/**
 * A readable diff between two versions of a target sheet (调整前后对比, DESIGN §1 调整): what an
 * adjustment added, removed or changed in the goals, the indicator tree, the spending plan and the
 * tasks and budget summary of a department sheet, each change with a plain Chinese sentence.
 *
 * Texts are compared as the review rules read them (NFKC, no whitespace): `≥ 26万人` and `≥26万人`
 * are the same target. Money and weights are compared as decimals (`100.0` = `100.00`).
 */
import { compact } from '../review/review-text';
import { diffIndicators } from './sheet-diff.indicators';
import { Counts, fieldMessage, moneyText, sameDecimal, text, wanText } from './sheet-diff.text';
import {
  BUDGET_FIELD_LABELS,
  BudgetField,
  NO_CHANGE_SUMMARY,
  SheetChange,
  SheetDiff,
  SheetSnapshot,
  SnapshotBudget,
  SnapshotTask,
  TASK_FIELD_LABELS,
} from './sheet-diff.types';

export * from './sheet-diff.types';

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
