import type { PeriodLightsResponse } from '@jixiao/contracts';
import { darkestLight, indicatorLight, Period, PERIODS, periodEnd, spendingLight } from '@jixiao/domain';
import type { SheetExecutionData } from './execution-data.service';

/** The sheet's lights in one period (DESIGN §4): spending against the plan, each indicator's pace. */
export function periodLights(data: SheetExecutionData, period: Period): PeriodLightsResponse {
  const recordOf = new Map(data.actuals.filter((a) => a.period === period).map((a) => [a.indicatorId, a]));
  const spending = spendingLight({ period, budget: data.budget, plan: data.plan, expenditures: data.expenditures });
  const indicators = data.indicators.map((indicator) => {
    const record = recordOf.get(indicator.id) ?? null;
    const pace = indicatorLight(indicator.spec, period, record && { actual: record.actual, forecast: record.forecast, likelihood: record.likelihood }, { fiscalYear: data.sheet.fiscalYear });
    return { indicatorId: indicator.id, ...pace };
  });
  return {
    period,
    spending: { pace: spending.pace, light: spending.light, explanation: spending.explanation, planned: spending.planned, spent: spending.spent },
    indicators,
    overall: darkestLight([spending.light, ...indicators.map((i) => i.light)]),
  };
}

/** Periods worth showing: those with actuals recorded, or whose months have spending recorded. */
export function periodsWithData(data: SheetExecutionData): Period[] {
  const recorded = new Set(data.actuals.map((a) => a.period));
  const lastMonthSpent = Math.max(0, ...data.expenditures.map((e) => e.month));
  return PERIODS.filter((p) => recorded.has(p) || (lastMonthSpent > 0 && periodEnd(p) <= lastMonthSpent && p !== 'Y'));
}
