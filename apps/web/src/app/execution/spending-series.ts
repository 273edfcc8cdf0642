import type { ExpenditureResponse } from '@jixiao/contracts/api/execution.contract';
import { yuanToWan } from '@jixiao/domain/money';
import Big from 'big.js';

export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Cumulative spend (元, two places) at the end of each month 1–12, from monthly amounts. */
export function cumulativeByMonth(expenditures: readonly Pick<ExpenditureResponse, 'month' | 'amount'>[]): string[] {
  const byMonth = new Map<number, Big>();
  for (const e of expenditures) byMonth.set(e.month, (byMonth.get(e.month) ?? new Big(0)).plus(e.amount));
  let sum = new Big(0);
  return MONTHS.map((month) => {
    sum = sum.plus(byMonth.get(month) ?? 0);
    return sum.toFixed(2);
  });
}

/** The plan's cumulative amount at each month's end (元), linear between checkpoints from 0 in January; linear over the budget without a plan. */
export function plannedByMonth(plan: readonly { month: number; cumulativeAmount: string }[], budget: string): string[] {
  const knots = [{ month: 0, amount: new Big(0) }, ...[...plan].sort((a, b) => a.month - b.month).map((p) => ({ month: p.month, amount: new Big(p.cumulativeAmount) }))];
  if ((knots.at(-1)?.month ?? 0) < 12) knots.push({ month: 12, amount: new Big(budget) });
  return MONTHS.map((month) => {
    const to = knots.findIndex((k) => k.month >= month);
    const b = knots[to]!;
    const a = knots[Math.max(0, to - 1)]!;
    if (b.month === month || b.month === a.month) return b.amount.toFixed(2);
    return a.amount.plus(b.amount.minus(a.amount).times(month - a.month).div(b.month - a.month)).toFixed(2);
  });
}

/** 元 → 万元 as a chart number (four places). */
export function wanNumber(yuan: string): number {
  return Number(yuanToWan(yuan, 4));
}
