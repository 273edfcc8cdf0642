import type { DepartmentBudgetInput, SheetTaskInput, TargetSheetResponse } from '@jixiao/contracts/api/target-sheet.contract';
import { budgetPartsRefusal, sumMoney } from '@jixiao/domain/money';
import { formatWan } from '../core/format/wan';
import { readTypedAmount } from '@jixiao/domain/typed-input';

/** One 年度主要任务 row being edited; the amount in 元 as typed. */
export interface DraftTask {
  key: number;
  name: string;
  content: string;
  amount: string;
}

/** The 部门预算 being edited, in 元 as typed ('' = not stated). */
export interface DraftBudget {
  total: string;
  basic: string;
  project: string;
}

export const BUDGET_LABELS: Readonly<Record<keyof DraftBudget, string>> = { total: '部门预算总额', basic: '基本支出', project: '项目支出' };

/** The drafts of a department-wide sheet's tasks and budget, as loaded. */
export function departmentDraft(sheet: Pick<TargetSheetResponse, 'tasks' | 'budget'>, key: () => number): { tasks: DraftTask[]; budget: DraftBudget } {
  return {
    tasks: sheet.tasks.map((t) => ({ key: key(), name: t.name, content: t.content ?? '', amount: t.amount ?? '' })),
    budget: { total: sheet.budget?.total ?? '', basic: sheet.budget?.basic ?? '', project: sheet.budget?.project ?? '' },
  };
}

/** What must be fixed in the tasks and budget before saving, in Chinese; null when nothing. */
export function departmentProblem(tasks: readonly DraftTask[], budget: DraftBudget): string | null {
  for (const [index, task] of tasks.entries()) {
    if (isBlank(task)) continue;
    if (task.name.trim() === '') return `年度主要任务第 ${index + 1} 行未填写任务名称。`;
    if (task.amount.trim() !== '' && readTypedAmount(task.amount) === null) {
      return `年度主要任务「${task.name.trim()}」的金额须为元金额，如 3298800 或 3298800.50。`;
    }
  }
  for (const field of Object.keys(BUDGET_LABELS) as (keyof DraftBudget)[]) {
    if (budget[field].trim() !== '' && readTypedAmount(budget[field]) === null) return `${BUDGET_LABELS[field]}须为元金额，如 19966200 或 19966200.50。`;
  }
  const parts = toBudgetInput(budget);
  const mismatch = budgetPartsRefusal(parts.total, parts.basic, parts.project);
  return mismatch === null ? null : `${mismatch}，请核对部门预算。`;
}

/** The tasks as the API takes them; rows left entirely blank are dropped. Call after `departmentProblem`. */
export function toTaskInputs(tasks: readonly DraftTask[]): SheetTaskInput[] {
  return tasks
    .filter((task) => !isBlank(task))
    .map((task) => ({
      name: task.name.trim(),
      content: task.content.trim() === '' ? null : task.content.trim(),
      amount: task.amount.trim() === '' ? null : readTypedAmount(task.amount),
    }));
}

/** The budget as the API takes it: blank and unreadable amounts are null. */
export function toBudgetInput(budget: DraftBudget): DepartmentBudgetInput {
  const read = (text: string) => (text.trim() === '' ? null : readTypedAmount(text));
  return { total: read(budget.total), basic: read(budget.basic), project: read(budget.project) };
}

/** 任务金额合计 in 万元, or null when no task states an amount or one is not an amount. */
export function taskTotalWan(tasks: readonly DraftTask[]): string | null {
  const amounts = tasks.map((t) => t.amount).filter((a) => a.trim() !== '');
  if (amounts.length === 0) return null;
  const yuan = amounts.map((a) => readTypedAmount(a));
  if (yuan.some((a) => a === null)) return null;
  return formatWan(sumMoney(yuan as string[]));
}

function isBlank(task: DraftTask): boolean {
  return task.name.trim() === '' && task.content.trim() === '' && task.amount.trim() === '';
}
