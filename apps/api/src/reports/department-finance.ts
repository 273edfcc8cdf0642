/**
 * The department's money in its 自评报告 (一、基本情况 （三）预算与执行): its budget as the
 * department-wide sheet states it, and what the execution rate counts — the whole budget (基本支出 +
 * 项目支出) and all the department's spending where the department states its basic budget
 * (libs/domain `departmentMoney`), else its projects' sums. Pure.
 */
import { Money, moneyRate } from '@jixiao/domain';
import { rateText, wan } from './report-format';

/** The department's budget figures (元, two places). */
export interface DepartmentFinanceFigures {
  /** What the department's execution rate divides by, as the finance overview counts it: its whole budget (基本支出 + 项目支出) where its department-wide sheet states its basic budget, else its projects'. */
  budget: Money;
  spent: Money; // 全年支出 of that budget
  /** 部门预算 as the department-wide sheet states it (基本支出 + 项目支出 = 总额), when filled. */
  departmentBudget?: { total: Money | null; basic: Money | null; project: Money | null } | null;
  /** What was spent, by part, when the rate is of the whole budget. */
  spentParts?: { basic: Money; project: Money } | null;
}

/** The sentences stating the department's budget and its execution rate. */
export function departmentFinanceSentences(fiscalYear: number, finance: DepartmentFinanceFigures): string[] {
  const rate = rateText(moneyRate(finance.spent, finance.budget));
  const stated = finance.departmentBudget ?? null;
  const parts = [stated?.basic ? `基本支出 ${wan(stated.basic)} 万元` : null, stated?.project ? `项目支出 ${wan(stated.project)} 万元` : null].filter(Boolean);
  const ofWhich = parts.length > 0 ? `，其中${parts.join('、')}` : '';
  if (finance.spentParts) {
    return [
      `${fiscalYear}年度部门预算 ${wan(finance.budget)} 万元${ofWhich}。`,
      `全年支出 ${wan(finance.spent)} 万元（基本支出 ${wan(finance.spentParts.basic)} 万元、项目支出 ${wan(finance.spentParts.project)} 万元），部门预算执行率 ${rate}。`,
    ];
  }
  if (stated?.total) {
    return [
      `${fiscalYear}年度部门预算 ${wan(stated.total)} 万元${ofWhich}。`,
      `纳入支出执行监控的预算 ${wan(finance.budget)} 万元，全年支出 ${wan(finance.spent)} 万元，预算执行率 ${rate}。`,
    ];
  }
  return [`${fiscalYear}年度部门预算 ${wan(finance.budget)} 万元，全年支出 ${wan(finance.spent)} 万元，预算执行率 ${rate}。`];
}
