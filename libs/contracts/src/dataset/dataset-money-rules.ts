/**
 * The editor's money rules, applied to a valid dataset before it is imported: the import stores
 * nothing the editor would refuse. No amount is negative (a budget, a project's funds, a task, a
 * cumulative plan point), a project's 财政资金 + 其他资金 is its 资金总额, a department's 基本支出 +
 * 项目支出 is its 预算总额 (checkAmountParts / checkBudgetParts, libs/domain money.ts). Pure.
 *
 * One allowance, for published tables kept in 万元 with two decimals: when the three budget figures
 * are all whole hundreds of 元, a difference of at most 100 元 (0.01 万元) is the source's rounding
 * (许昌 2024: 872.31 + 183611.33 ≠ 184483.63 万元). It is imported as published; the evaluation then
 * computes on the 预算总额 and says so (department-budget.ts).
 */
import { addMoney, checkAmountParts, checkBudgetParts, compareMoney, subtractMoney } from '@jixiao/domain/money';
import type { DatasetError } from './dataset-rules';
import type { Dataset } from './dataset.types';

function negative(errors: DatasetError[], path: string, value: string | null): void {
  if (value !== null && value.startsWith('-')) {
    errors.push({ path, code: 'NEGATIVE', message: `${path}：金额不能为负数（got "${value}"）/ amount must not be negative` });
  }
}

/** Figures of a 万元 table (whole hundreds of 元) that differ by at most its last digit (100 元). */
function wanRounding(total: string | null, basic: string | null, project: string | null): boolean {
  if (total === null || basic === null || project === null) return false;
  if (![total, basic, project].every((v) => /00\.00$/.test(v))) return false;
  const difference = subtractMoney(addMoney(basic, project), total);
  return compareMoney(difference.replace(/^-/, ''), '100.00') <= 0;
}

/** Every breach of the editor's money rules in `dataset` (already valid as a format), in file order. */
export function checkDatasetMoneyRules(dataset: Dataset): DatasetError[] {
  const errors: DatasetError[] = [];
  const sheet = dataset.departmentSheet;
  if (sheet) {
    sheet.tasks.forEach((task, i) => negative(errors, `departmentSheet.tasks[${i}].amount`, task.amount));
    const { total, basic, project } = sheet.budget;
    negative(errors, 'departmentSheet.budget.total', total);
    negative(errors, 'departmentSheet.budget.basic', basic);
    negative(errors, 'departmentSheet.budget.project', project);
    const parts = checkBudgetParts(total, basic, project);
    if (parts !== null && !wanRounding(total, basic, project)) errors.push({ path: 'departmentSheet.budget', code: 'PARTS', message: `departmentSheet.budget：${parts} / basic + project must equal total` });
  }
  dataset.projects.forEach((p, i) => {
    const path = `projects[${i}].amount`;
    negative(errors, `${path}.total`, p.amount.total);
    negative(errors, `${path}.fiscal`, p.amount.fiscal);
    negative(errors, `${path}.other`, p.amount.other);
    const parts = checkAmountParts(p.amount.total, p.amount.fiscal, p.amount.other);
    if (parts !== null) errors.push({ path, code: 'PARTS', message: `${path}：${parts} / fiscal + other must equal total` });
    p.spendingPlan.forEach((point, j) => negative(errors, `projects[${i}].spendingPlan[${j}].cumulativeAmount`, point.cumulativeAmount));
  });
  return errors;
}
