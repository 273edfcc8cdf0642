/**
 * The demo's year in progress, decided once and deterministically from the fixtures (issue 9 item 9):
 * which sheets went through review and where each stands, how much each project spent by the end of
 * September, and what each indicator achieved in each monitoring round — varied so that every light
 * colour shows up. Pure: the demo loader plays this plan through the product's own services.
 */
import type { IndicatorActualValue, Likelihood, Period, TargetSpec } from '@jixiao/domain';
import { formatMoney, isNonNegativeMoney, moneyToBig, parseMoney, requiredOccurrences } from '@jixiao/domain';
import Big from 'big.js';

/** Where a sheet stands in the demo year. */
export type DemoSheetState = 'approved' | 'department_approved' | 'submitted' | 'returned' | 'draft';

/** How a project's year is going: on plan, behind it, ahead of it, or far behind. */
export type DemoPace = 'on_plan' | 'behind' | 'ahead' | 'stalled';

/** The monitoring rounds the demo year has recorded (through 1–9月). */
export const DEMO_PERIODS: readonly Period[] = ['Q1', 'Q2', 'M7', 'Q3', 'M9'];

const PERIOD_MONTH: Readonly<Record<string, number>> = { Q1: 3, Q2: 6, M7: 7, Q3: 9, M9: 9 };

/** Each sheet's place in the demo year: by its position among the sheets, so the same fixtures always tell the same story. */
export function demoSheetState(position: number, kind: 'project' | 'department'): DemoSheetState {
  // The third department (沈丘) waits for finance: its 投入管理指标 is not in the region's scoring scheme yet.
  if (kind === 'department') return position % 5 === 2 ? 'department_approved' : 'approved';
  const slot = position % 10;
  if (slot === 3) return 'submitted';
  if (slot === 6) return 'department_approved';
  if (slot === 8) return 'returned';
  if (slot === 9 && position % 20 === 19) return 'draft';
  return 'approved';
}

/** How an approved project's year goes, spread so every light colour appears. */
export function demoPace(position: number): DemoPace {
  return (['on_plan', 'behind', 'on_plan', 'ahead', 'stalled', 'on_plan'] as const)[position % 6]!;
}

/** The share of the year's budget spent by the end of `month` at this pace (a fraction, two places at most). */
export function spentShare(pace: DemoPace, month: number): number {
  const linear = month / 12;
  const factor = { on_plan: 0.95, behind: 0.6, ahead: 1.35, stalled: 0.3 }[pace];
  return Math.min(1, Math.round(linear * factor * 100) / 100);
}

/** Monthly spending through September as cents of the budget, the cumulative share of each month met exactly. */
export function monthlySpendingCents(budgetCents: number, pace: DemoPace): { month: number; cents: number }[] {
  const rows: { month: number; cents: number }[] = [];
  let spent = 0;
  for (let month = 1; month <= 9; month += 1) {
    const cumulative = Math.round(budgetCents * spentShare(pace, month));
    if (cumulative > spent) rows.push({ month, cents: cumulative - spent });
    spent = Math.max(spent, cumulative);
  }
  return rows;
}

export interface DemoRecord {
  actual: IndicatorActualValue | null;
  forecast: number | null;
  likelihood: Likelihood | null;
}

/** A number written with at most two decimals, as a user would type it. */
function typed(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * What one indicator recorded in one round at this pace: a quantity to date, a rate as it stands, a
 * date once done, occurrences so far, a tier — and a stated likelihood that darkens where the year
 * goes badly. `fiscalYear` places dates.
 */
export function demoRecord(spec: TargetSpec, period: Period, pace: DemoPace, fiscalYear: number, indicatorPosition: number): DemoRecord {
  const month = PERIOD_MONTH[period] ?? 12;
  const share = month / 12;
  const factor = { on_plan: 1, behind: 0.7, ahead: 1.3, stalled: 0.4 }[pace];
  const likelihood: Likelihood | null = pace === 'stalled' ? 'possible' : pace === 'behind' && indicatorPosition % 3 === 0 ? 'possible' : null;
  switch (spec.kind) {
    case 'numeric': {
      const rate = spec.unit === '%' || spec.unit === '‰';
      if (spec.op === '<=' || spec.op === '<') {
        const over = pace === 'stalled' && indicatorPosition % 2 === 0 ? 1.1 : 0.6;
        return { actual: { kind: 'number', value: typed(spec.value * (rate ? over : over * share)) }, forecast: null, likelihood };
      }
      const value = rate ? spec.value * Math.min(1.02, 0.88 + 0.1 * factor) : spec.value * share * factor;
      return { actual: { kind: 'number', value: typed(value) }, forecast: null, likelihood };
    }
    case 'range':
      return { actual: { kind: 'number', value: typed(pace === 'stalled' ? spec.min * 0.7 : (spec.min + spec.max) / 2) }, forecast: null, likelihood };
    case 'deadline': {
      const [m, d] = spec.by.split('-').map(Number) as [number, number];
      if (m > month) return { actual: { kind: 'date', doneOn: null }, forecast: null, likelihood: likelihood ?? 'certain' };
      if (pace === 'stalled' || pace === 'behind') return { actual: { kind: 'date', doneOn: null }, forecast: null, likelihood: 'possible' };
      const day = Math.max(1, Math.min(d, 28) - 3);
      return { actual: { kind: 'date', doneOn: `${fiscalYear}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` }, forecast: null, likelihood: null };
    }
    case 'recurring': {
      const total = requiredOccurrences(spec, month);
      if (total === 0) return { actual: null, forecast: null, likelihood: likelihood ?? 'certain' };
      const missed = pace === 'stalled' ? Math.ceil(total / 2) : pace === 'behind' ? 1 : 0;
      return { actual: { kind: 'occurrences', onTime: Math.max(0, total - missed), total }, forecast: null, likelihood };
    }
    case 'relative': {
      const previousYear = spec.unit === '%' ? 90 : 100;
      const change = spec.delta === null ? 1 : spec.delta * factor;
      const value = spec.change === 'percent' ? previousYear * (1 + change / 100) : previousYear + change;
      return { actual: { kind: 'number', value: typed(value), previousYear }, forecast: null, likelihood };
    }
    case 'qualitative':
      return { actual: { kind: 'tier', tier: pace === 'stalled' ? 'partial' : 'achieved' }, forecast: null, likelihood };
  }
}

/** An amount in 元 (a non-negative decimal string) as whole cents: read by the domain's money rule. */
export function moneyToCents(amount: string): number {
  if (!isNonNegativeMoney(amount.trim())) throw new Error(`not an amount in 元: ${amount}`);
  return Number(moneyToBig(parseMoney(amount.trim())).times(100).toFixed(0));
}

/** Whole cents as an amount in 元 with two places, written by the domain's money rule (no floating point). */
export function centsToMoney(cents: number): string {
  return formatMoney(new Big(cents).div(100));
}
