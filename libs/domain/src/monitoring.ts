/**
 * 执行监控 of one sheet in one period, and roll-ups (DESIGN §4): the spending light, each
 * indicator's light, the darkest light, counts. Pure; built on `lights.ts`.
 *
 * Decisions where the design is silent:
 * - Spending to date of a period = the sum of the months up to the period's last month.
 * - Each indicator's light follows its target kind (indicator-light.ts).
 * - The darkest light orders red < yellow < green; blue (ahead of plan) counts as green: it is shown,
 *   not praised, and it is not a warning either; grey (no final actual) only when nothing else is lit.
 */
import Big from 'big.js';
import { Light, lightForPace, Period, periodEnd, spendingPace, SpendingPaceResult, SpendingPlanPoint } from './lights';
import { formatMoney, isMoney, Money } from './money';

/** 支出执行: spent in one month of the fiscal year. */
export interface MonthlyExpenditure {
  month: number; // 1–12
  amount: Money;
}

export interface LightCounts {
  red: number;
  yellow: number;
  green: number;
  blue: number;
  grey: number;
  none: number;
}

/** red < yellow < green = blue; grey (nothing recorded at year end) only when nothing else is lit. */
const DARKNESS: Readonly<Record<Light, number>> = { red: 0, yellow: 1, green: 2, blue: 2, grey: 3 };

/** Spent from January to the end of `month` (inclusive), to the cent. */
export function spentThrough(expenditures: readonly MonthlyExpenditure[], month: number): Money {
  let sum = new Big(0);
  for (const e of expenditures) {
    if (!isMoney(e.amount)) throw new Error(`Invalid amount for month ${e.month}: ${JSON.stringify(e.amount)}`);
    if (e.month <= month) sum = sum.plus(e.amount);
  }
  return formatMoney(sum);
}

/** Monthly spending summed month by month (several projects into one department). */
export function sumByMonth(lists: readonly (readonly MonthlyExpenditure[])[]): MonthlyExpenditure[] {
  const sums = new Map<number, Big>();
  for (const list of lists) for (const e of list) sums.set(e.month, (sums.get(e.month) ?? new Big(0)).plus(e.amount));
  return [...sums.entries()].sort((a, b) => a[0] - b[0]).map(([month, amount]) => ({ month, amount: formatMoney(amount) }));
}

/** The spending light at the end of a period: spend to date against the plan (linear without one). */
export function spendingLight(input: {
  period: Period;
  budget: Money;
  plan: readonly SpendingPlanPoint[];
  expenditures: readonly MonthlyExpenditure[];
}): SpendingPaceResult & { spent: Money } {
  const spent = spentThrough(input.expenditures, periodEnd(input.period));
  return { ...spendingPace({ plan: input.plan, budget: input.budget, spentToDate: spent, asOf: input.period }), spent };
}

/** The darkest of some lights (red < yellow < green = blue < grey); null when none is lit. */
export function darkestLight(lights: readonly (Light | null)[]): Light | null {
  let darkest: Light | null = null;
  for (const light of lights) {
    if (light === null) continue;
    if (darkest === null || DARKNESS[light] < DARKNESS[darkest]) darkest = light;
  }
  return darkest;
}

export function countLights(lights: readonly (Light | null)[]): LightCounts {
  const counts: LightCounts = { red: 0, yellow: 0, green: 0, blue: 0, grey: 0, none: 0 };
  for (const light of lights) counts[light ?? 'none'] += 1;
  return counts;
}

export function addLightCounts(a: LightCounts, b: LightCounts): LightCounts {
  return { red: a.red + b.red, yellow: a.yellow + b.yellow, green: a.green + b.green, blue: a.blue + b.blue, grey: a.grey + b.grey, none: a.none + b.none };
}

/** Spending of several projects together: summed spend ÷ summed plan at the same date. */
export function rollUpSpending(items: readonly { planned: Money; spent: Money }[]): { planned: Money; spent: Money; pace: number | null; light: Light | null } {
  let planned = new Big(0);
  let spent = new Big(0);
  for (const item of items) {
    planned = planned.plus(item.planned);
    spent = spent.plus(item.spent);
  }
  if (items.length === 0) return { planned: '0.00', spent: '0.00', pace: null, light: null };
  if (planned.eq(0)) return { planned: formatMoney(planned), spent: formatMoney(spent), pace: null, light: spent.gt(0) ? 'blue' : 'green' };
  const pace = spent.div(planned).round(10, Big.roundHalfUp).toNumber();
  return { planned: formatMoney(planned), spent: formatMoney(spent), pace, light: lightForPace(pace) };
}

/**
 * Why a sheet needs the second monitoring round (1–9月, DESIGN §4): nothing spent by the end of July,
 * or an indicator whose 1–7月 pace deviates from plan by more than 30% either way. Empty: not needed.
 */
export function secondRoundReasons(input: { spentThroughJuly: Money; indicators: readonly { name: string; pace: number | null }[] }): string[] {
  const reasons: string[] = [];
  if (new Big(input.spentThroughJuly).eq(0)) reasons.push('1–7月未发生支出');
  for (const indicator of input.indicators) {
    if (indicator.pace === null) continue;
    const deviation = new Big(indicator.pace).minus(1).abs();
    if (deviation.gt(0.3)) {
      reasons.push(`「${indicator.name}」1–7月进度偏差 ${deviation.times(100).round(2, Big.roundDown).toFixed(2)}%（${indicator.pace < 1 ? '滞后' : '超前'}，超过 30%）`);
    }
  }
  return reasons;
}
