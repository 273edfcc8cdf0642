// One department-wide table (部门整体支出绩效目标表 / 部门（单位）整体绩效目标表): 部门名称, 年度主要任务,
// 预算 (金额合计 / 部门预算总额, 基本支出, 项目支出), 年度履职目标 / 年度总体目标 and the indicator rows.
import { addMoney, subtractMoney } from '@jixiao/domain/money';
import type { DatasetDepartmentSheet, DatasetTask } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import { amountText, toYuan, unitNamed, type AmountUnit } from './amounts';
import { joinGoalLines, splitGoals } from './goals';
import { problem } from './indicator-rows';
import { isAnyIndicatorHeader, readIndicatorRows } from './indicator-table';
import { departmentName, labelledCells } from './label-cells';
import type { SheetRead } from './read-project-table';
import { labelKey } from './text-normalise';
import { filledCells, isEmptyRow, type TextRow } from './text-rows';

const GOALS = /^(年度履职目标|年度总体目标|总体绩效目标|部门整体绩效目标|年度绩效目标)/;
const TASK_HEADER = /^(任务名称|主要内容|预算金额|总额|财政拨款|其他资金|项目名称)/;
const BUDGET_LINE = /(金额合计|部门预算总额|预算总额|预算情况|资金来源|资金结构|基本支出|项目支出|政府预算资金|财政专户|单位资金)/;

type Part = 'none' | 'goals' | 'tasks';

/** The amount cells of a row (after its text cells), in 元. */
function amountsOf(texts: string[], unit: AmountUnit): string[] {
  return texts.map((text) => (amountText(text) === null ? null : toYuan(text, unit))).filter((value): value is string => value !== null);
}

/** Reads the department-wide table spanning `rows` (its 部门名称 row first). */
export function readDepartmentTable(rows: TextRow[], problems: ReadProblem[]): SheetRead<DatasetDepartmentSheet> {
  const sheet: DatasetDepartmentSheet = { goals: [], tasks: [], budget: { total: null, basic: null, project: null }, indicators: [] };
  const first = rows[0];
  const nameCells = labelledCells(first, (key) => /^(部门(\(单位\))?名称|单位名称)/.test(key));
  const department = nameCells[0]?.values[0] ? departmentName(nameCells[0].values[0]) : null;
  let unit: AmountUnit = 'wan';
  let part: Part = 'none';
  let goalsText = '';
  let index = 1;
  for (; index < rows.length && !isAnyIndicatorHeader(rows[index]); index += 1) {
    const row = rows[index];
    if (isEmptyRow(row)) continue;
    const texts = filledCells(row).map((cell) => cell.text);
    const keys = texts.map(labelKey);
    unit = keys.map(unitNamed).find((found) => found !== null) ?? unit;
    if (GOALS.test(keys[0])) {
      part = 'goals';
      goalsText = texts.slice(1).join(' ');
      continue;
    }
    if (keys.some((key) => BUDGET_LINE.test(key))) {
      part = 'none';
      readBudgetLine(texts, keys, unit, sheet);
      continue;
    }
    if (keys[0].startsWith('年度主要任务') || keys.some((key) => key.startsWith('任务名称'))) {
      part = 'tasks';
      const rest = texts.filter((_, i) => !keys[i].startsWith('年度主要任务') && !TASK_HEADER.test(keys[i]));
      if (rest.length > 0) addTask(rest, unit, sheet.tasks);
      continue;
    }
    if (part === 'goals') goalsText = joinGoalLines(goalsText, texts.join(' '));
    else if (part === 'tasks' && !keys.every((key) => TASK_HEADER.test(key))) addTask(texts, unit, sheet.tasks);
    else if (!keys.every((key) => TASK_HEADER.test(key))) {
      problems.push(problem('ROW_UNREADABLE', `第 ${row.line} 行：部门整体绩效目标表中这一行未能识别，未导入`, 'warning', row.line));
    }
  }
  sheet.goals = splitGoals(goalsText);
  deriveBudget(sheet);
  if (index < rows.length) sheet.indicators = readIndicatorRows(rows.slice(index), problems);
  return { department, sheet, line: first.line };
}

function addTask(texts: string[], unit: AmountUnit, tasks: DatasetTask[]): void {
  const words = texts.filter((text) => amountText(text) === null);
  const amounts = amountsOf(texts, unit);
  if (words.length === 0) return;
  tasks.push({ name: words[0], content: words.length > 1 ? words.slice(1).join(' ') : null, amount: amounts[0] ?? null });
}

function readBudgetLine(texts: string[], keys: string[], unit: AmountUnit, sheet: DatasetDepartmentSheet): void {
  const at = (pattern: RegExp): string | null => {
    const index = keys.findIndex((key) => pattern.test(key));
    if (index < 0) return null;
    return amountsOf(texts.slice(index + 1), unit)[0] ?? null;
  };
  sheet.budget.total = sheet.budget.total ?? at(/金额合计|部门预算总额|^预算总额/);
  sheet.budget.basic = sheet.budget.basic ?? at(/基本支出/);
  sheet.budget.project = sheet.budget.project ?? at(/项目支出/);
}

/** 基本支出 = 人员经费 + 公用经费 where the table gives only its tasks; 项目支出 = 总额 − 基本支出. */
function deriveBudget(sheet: DatasetDepartmentSheet): void {
  const { budget, tasks } = sheet;
  if (budget.total === null || budget.basic !== null) return;
  const basicTasks = tasks.filter((task) => /^(人员经费|公用经费|基本支出)$/.test(labelKey(task.name)));
  if (basicTasks.length === 0 || basicTasks.some((task) => task.amount === null)) return;
  budget.basic = basicTasks.reduce((sum, task) => addMoney(sum, task.amount as string), '0.00');
  budget.project = budget.project ?? subtractMoney(budget.total, budget.basic);
}
