/**
 * 部门预算 (DESIGN §2 `DepartmentBudget`, §3): which money a department-wide sheet (部门整体支出)
 * counts for its execution rate, its spending light and its year-end 预算执行率 score.
 *
 * A department's year is 基本支出 + 项目支出 = 部门预算总额, as the department-wide sheet states it
 * (its budget summary, reviewed and approved with the targets). Basic spending is recorded by month
 * for the department (基本支出执行), project spending by month on each project. Then:
 *
 * - when the department states its basic budget, the rate is of the whole: (basic spent + every
 *   project's spending) ÷ the whole budget (the stated total; basic + project where no total is stated);
 * - where it states no basic budget, the rate stays what it was before basic spending existed: the
 *   projects' spending ÷ the projects' budgets, and the explanation says so.
 *
 * Pure; amounts are decimal 元 strings (money.ts), sums exact.
 */
import Big from 'big.js';
import { checkBudgetParts, formatMoney, isNonNegativeMoney, Money } from './money';
import { MonthlyExpenditure, sumByMonth } from './monitoring';

/** 部门预算 as the department-wide sheet states it (元); any part may be left blank. */
export interface StatedDepartmentBudget {
  total: Money | null; // 部门预算总额
  basic: Money | null; // 基本支出
  project: Money | null; // 项目支出
}

export interface DepartmentMoneyInput {
  stated: StatedDepartmentBudget | null;
  /** Every project of the department's year: its total (预算数) and its spending by month. */
  projects: readonly { budget: Money; expenditures: readonly MonthlyExpenditure[] }[];
  /** 基本支出执行: the department's basic spending by month. */
  basicExpenditures: readonly MonthlyExpenditure[];
}

export interface DepartmentMoney {
  /** True: basic + project ÷ the whole budget. False: no basic budget stated, projects only. */
  whole: boolean;
  budget: Money; // what the rate divides by
  spent: Money; // what the rate counts
  expenditures: MonthlyExpenditure[]; // what counts, by month (basic and projects summed when whole)
  basicBudget: Money | null; // 基本支出预算 (null: not stated)
  projectBudget: Money; // 项目支出预算 counted: the stated part when whole, else the projects' totals
  projectsBudget: Money; // the projects' totals as recorded
  basicSpent: Money; // 基本支出 recorded (counted only when whole)
  projectSpent: Money; // every project's spending
  explanation: string; // Chinese: which money counts
  warnings: string[]; // Chinese: over the basic budget, parts that do not add up, basic spending not counted
}

/** The money a department-wide sheet's execution counts (see the module comment). */
export function departmentMoney(input: DepartmentMoneyInput): DepartmentMoney {
  const projectsBudget = sum(input.projects.map((p) => amount(p.budget, '项目预算')));
  const projectMonths = sumByMonth(input.projects.map((p) => checked(p.expenditures)));
  const basicMonths = sumByMonth([checked(input.basicExpenditures)]);
  const projectSpent = sum(projectMonths.map((e) => new Big(e.amount)));
  const basicSpent = sum(basicMonths.map((e) => new Big(e.amount)));
  const stated = input.stated;
  for (const value of [stated?.total, stated?.basic, stated?.project]) if (value !== null && value !== undefined) amount(value, '部门预算');
  const warnings: string[] = [];

  if (stated === null || stated.basic === null) {
    if (basicSpent.gt(0)) warnings.push(`已录入基本支出 ${formatMoney(basicSpent)} 元，但部门预算未填写基本支出，未计入执行率`);
    return {
      whole: false,
      budget: formatMoney(projectsBudget),
      spent: formatMoney(projectSpent),
      expenditures: projectMonths,
      basicBudget: null,
      projectBudget: formatMoney(projectsBudget),
      projectsBudget: formatMoney(projectsBudget),
      basicSpent: formatMoney(basicSpent),
      projectSpent: formatMoney(projectSpent),
      explanation: `部门未填写基本支出预算，执行率按各项目预算合计 ${formatMoney(projectsBudget)} 元及其支出 ${formatMoney(projectSpent)} 元计算（不含基本支出）`,
      warnings,
    };
  }

  const basicBudget = new Big(stated.basic);
  const projectBudget =
    stated.project !== null ? new Big(stated.project) : stated.total !== null ? new Big(stated.total).minus(basicBudget) : projectsBudget;
  const budget = stated.total !== null ? new Big(stated.total) : basicBudget.plus(projectBudget);
  const spent = basicSpent.plus(projectSpent);
  const mismatch = checkBudgetParts(stated.total, stated.basic, stated.project);
  if (mismatch !== null) warnings.push(`${mismatch}：执行率按部门预算总额 ${formatMoney(budget)} 元计算`);
  if (projectBudget.lt(0)) warnings.push(`基本支出预算 ${formatMoney(basicBudget)} 元超过部门预算总额 ${formatMoney(budget)} 元`);
  if (basicSpent.gt(basicBudget)) {
    warnings.push(`基本支出累计 ${formatMoney(basicSpent)} 元，超过基本支出预算 ${formatMoney(basicBudget)} 元 ${formatMoney(basicSpent.minus(basicBudget))} 元；如已追加预算，请通过调整更新部门预算`);
  }
  if (input.projects.length > 0 && !projectsBudget.eq(projectBudget)) {
    warnings.push(`各项目预算合计 ${formatMoney(projectsBudget)} 元与部门预算中的项目支出 ${formatMoney(projectBudget)} 元不一致`);
  }
  return {
    whole: true,
    budget: formatMoney(budget),
    spent: formatMoney(spent),
    expenditures: sumByMonth([basicMonths, projectMonths]),
    basicBudget: formatMoney(basicBudget),
    projectBudget: formatMoney(projectBudget),
    projectsBudget: formatMoney(projectsBudget),
    basicSpent: formatMoney(basicSpent),
    projectSpent: formatMoney(projectSpent),
    explanation:
      `部门整体：全部支出 ${formatMoney(spent)}（基本支出 ${formatMoney(basicSpent)} + 项目支出 ${formatMoney(projectSpent)}）` +
      ` ÷ 部门预算总额 ${formatMoney(budget)}（基本支出 ${formatMoney(basicBudget)} + 项目支出 ${formatMoney(projectBudget)}）`,
    warnings,
  };
}

function amount(value: Money, what: string): Big {
  if (!isNonNegativeMoney(value)) throw new Error(`Invalid ${what} ${JSON.stringify(value)}: expected a non-negative amount in 元`);
  return new Big(value);
}

function checked(expenditures: readonly MonthlyExpenditure[]): readonly MonthlyExpenditure[] {
  for (const e of expenditures) {
    if (!Number.isInteger(e.month) || e.month < 1 || e.month > 12) throw new Error(`Invalid month: ${e.month}`);
    amount(e.amount, `amount for month ${e.month}`);
  }
  return expenditures;
}

function sum(values: readonly Big[]): Big {
  return values.reduce((total, value) => total.plus(value), new Big(0));
}
