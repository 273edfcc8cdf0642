/**
 * Occurrences of a recurring target (定期完成, DESIGN §3): how many a target asks for in a year or up
 * to a month. `每季度至少1次` asks for 4 in the year, 2 by the end of July; `每月20日前` (no count) for
 * one in each month.
 */
import type { RecurringEvery, TargetSpec } from './target-spec';

export type RecurringSpec = Extract<TargetSpec, { kind: 'recurring' }>;

/** The periods of each kind in a year: 12 months, 4 quarters, 1 year. */
export const PERIODS_PER_YEAR: Readonly<Record<RecurringEvery, number>> = { month: 12, quarter: 4, year: 1 };

/**
 * 应完成次数: `times` (1 when the target states no count) in every period that has ended by the end of
 * `throughMonth` (1–12; 12, the whole year, by default). 0 when no period has ended yet (a yearly
 * target before December).
 */
export function requiredOccurrences(spec: RecurringSpec, throughMonth = 12): number {
  if (!Number.isInteger(throughMonth) || throughMonth < 1 || throughMonth > 12) throw new Error(`Invalid month: ${throughMonth}`);
  const monthsPerPeriod = 12 / PERIODS_PER_YEAR[spec.every];
  return (spec.times ?? 1) * Math.floor(throughMonth / monthsPerPeriod);
}

/**
 * What the two counts recorded for a recurring target are called: 按时完成次数 for a deadline in each
 * period (每月20日前), 达标次数 for a count per period (每季度至少1次); and 应完成次数.
 */
export function occurrenceLabels(spec: TargetSpec): { done: string; required: string } {
  return { done: spec.kind === 'recurring' && spec.times !== undefined ? '达标次数' : '按时完成次数', required: '应完成次数' };
}
