/**
 * The editor's money rules, applied to a valid dataset before it is imported: the import stores
 * nothing the editor would refuse. No amount is negative (a budget, a project's funds, a task, a
 * cumulative plan point), a project's 财政资金 + 其他资金 is its 资金总额, a department's 基本支出 +
 * 项目支出 is its 预算总额 within the rounding of a 万元 table (checkAmountParts / budgetPartsRefusal,
 * libs/domain money.ts: the editor's own rule). Pure.
 */
import { budgetPartsRefusal, checkAmountParts } from '@jixiao/domain/money';
import type { DatasetError } from './dataset-rules';
import type { Dataset } from './dataset.types';

function negative(errors: DatasetError[], path: string, value: string | null): void {
  if (value !== null && value.startsWith('-')) {
    errors.push({ path, code: 'NEGATIVE', message: `${path}：金额不能为负数（got "${value}"）/ amount must not be negative` });
  }
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
    const parts = budgetPartsRefusal(total, basic, project);
    if (parts !== null) errors.push({ path: 'departmentSheet.budget', code: 'PARTS', message: `departmentSheet.budget：${parts} / basic + project must equal total` });
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
