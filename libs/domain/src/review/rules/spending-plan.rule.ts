/**
 * Spending plan (资金支出计划): cumulative amounts at the end of checkpoint months must be valid,
 * never decrease, never exceed the budget, and reach it by December. The plan's amount holds after
 * its last checkpoint, so a plan ending in October with the whole budget is complete, and one ending
 * in October below the budget is not. Checkpoints may be listed in any order. An empty plan is not
 * checked (PLAN_MISSING only when ReviewOptions.requireSpendingPlan asks for one, on project sheets).
 */
import Big from 'big.js';
import { isMoney, isNonNegativeMoney, yuanToWan } from '../../money';
import type { ReviewFinding } from '../review.types';
import { ReviewContext, sheetFinding } from '../review-context';

interface Checkpoint {
  month: number;
  amount: Big;
}

/** 1234567.00 元 → "123.46 万元". */
function wan(amount: Big): string {
  return `${yuanToWan(amount.toFixed(2))} 万元`;
}

/** PLAN_MISSING, PLAN_MONTH_INVALID, PLAN_AMOUNT_INVALID, PLAN_DECREASES, PLAN_EXCEEDS_BUDGET, PLAN_NOT_COMPLETE. */
export function spendingPlanRule(context: ReviewContext): ReviewFinding[] {
  const { sheet, options } = context;
  const plan = sheet.spendingPlan ?? [];
  if (plan.length === 0) {
    if (options.requireSpendingPlan === true && sheet.kind === 'project') {
      return [sheetFinding('PLAN_MISSING', '项目没有填写资金支出计划，请按季度（3、6、9、12月）填写累计计划支出金额。')];
    }
    return [];
  }
  const findings: ReviewFinding[] = [];
  const seen = new Set<number>();
  const checkpoints: Checkpoint[] = [];
  for (const entry of plan) {
    const { month, cumulativeAmount } = entry;
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      findings.push(sheetFinding('PLAN_MONTH_INVALID', `资金支出计划中的月份“${month}”无效，请填写 1 至 12 之间的月份。`));
      continue;
    }
    if (seen.has(month)) {
      findings.push(sheetFinding('PLAN_MONTH_INVALID', `资金支出计划中 ${month} 月重复出现，每个月份只能填写一次，请合并或删除重复的节点。`));
      continue;
    }
    seen.add(month);
    if (!isNonNegativeMoney(cumulativeAmount)) {
      findings.push(
        sheetFinding('PLAN_AMOUNT_INVALID', `资金支出计划中 ${month} 月的累计金额“${String(cumulativeAmount)}”无效，请填写不小于 0 的金额（元，最多两位小数）。`),
      );
      continue;
    }
    checkpoints.push({ month, amount: new Big(cumulativeAmount) });
  }
  checkpoints.sort((a, b) => a.month - b.month);

  for (let k = 1; k < checkpoints.length; k += 1) {
    const previous = checkpoints[k - 1];
    const current = checkpoints[k];
    if (previous === undefined || current === undefined) continue;
    if (current.amount.lt(previous.amount)) {
      findings.push(
        sheetFinding(
          'PLAN_DECREASES',
          `资金支出计划的累计金额从 ${previous.month} 月的 ${wan(previous.amount)} 减少到 ${current.month} 月的 ${wan(current.amount)}，累计金额不能减少，请核对各月的累计计划支出。`,
        ),
      );
    }
  }

  const budget = sheet.budgetTotal !== null && isMoney(sheet.budgetTotal) ? new Big(sheet.budgetTotal) : null;
  const last = checkpoints[checkpoints.length - 1];
  if (budget === null || last === undefined) return findings;
  const budgetLabel = sheet.kind === 'department' ? '部门预算' : '项目预算';
  const over = checkpoints.find((c) => c.amount.gt(budget));
  if (over !== undefined) {
    findings.push(
      sheetFinding(
        'PLAN_EXCEEDS_BUDGET',
        `资金支出计划 ${over.month} 月的累计金额 ${wan(over.amount)} 超过了${budgetLabel} ${wan(budget)}，请调低计划支出或核对预算。`,
      ),
    );
  } else if (last.amount.lt(budget)) {
    const when = last.month === 12 ? '到 12 月' : `最后一个节点是 ${last.month} 月，到 12 月`;
    findings.push(
      sheetFinding(
        'PLAN_NOT_COMPLETE',
        `资金支出计划${when}累计只有 ${wan(last.amount)}，未达到${budgetLabel} ${wan(budget)}，请补充至 12 月累计支出达到预算金额。`,
      ),
    );
  }
  return findings;
}
