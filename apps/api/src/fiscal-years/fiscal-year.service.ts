import { Injectable } from '@nestjs/common';
import { DEFAULT_SCORING_SCHEME, defaultMonitoringWindows, ScoringScheme } from '@jixiao/domain';

/** A year's stored scheme: the groups form, or the first form's four numbers (预算执行率, 产出, 效益, 满意度) read as the national groups with those points. */
export function storedScheme(stored: unknown): ScoringScheme {
  const value = (stored ?? {}) as Partial<ScoringScheme> & Record<string, unknown>;
  if (Array.isArray(value.groups)) return value as ScoringScheme;
  const points = (key: string, fallback: number): number => (typeof value[key] === 'number' ? (value[key] as number) : fallback);
  return {
    ...DEFAULT_SCORING_SCHEME,
    budgetExecution: points('budgetExecution', DEFAULT_SCORING_SCHEME.budgetExecution),
    groups: DEFAULT_SCORING_SCHEME.groups.map((group) => ({ ...group, aliases: [...group.aliases], points: points(group.key, group.points) })),
  };
}
import type { Tx } from '../core/database/persistence';
import type { MonitoringPeriodEntity } from './entities/monitoring-period.entity';
import { FiscalYearRepository } from './persistence/fiscal-year.repository';

/** Default monitoring rounds (libs/domain defaultMonitoringWindows): each opens when its period ends and stays open for three weeks (Y: one quarter). */
export function defaultMonitoringPeriods(year: number): MonitoringPeriodEntity[] {
  return defaultMonitoringWindows(year).map((w) => ({ fiscalYear: year, period: w.period, opensOn: w.opensOn, closesOn: w.closesOn }));
}

/** 预算年度 for the other contexts: a year comes into being with its scoring scheme and monitoring rounds. */
@Injectable()
export class FiscalYearService {
  constructor(private readonly years: FiscalYearRepository) {}

  /** Creates the fiscal year with the national default scoring scheme and monitoring rounds, if it is new. */
  ensure(tx: Tx, year: number): Promise<void> {
    return this.years.insertIfNew(tx, { year, scoringScheme: structuredClone(DEFAULT_SCORING_SCHEME) as unknown as Record<string, number> }, defaultMonitoringPeriods(year));
  }

  /** The scoring scheme of each of these years that exists. */
  async scoringSchemes(tx: Tx, years: readonly number[]): Promise<Map<number, ScoringScheme>> {
    const rows = await this.years.findYears(years, tx);
    return new Map(rows.map((r) => [r.year, storedScheme(r.scoringScheme)]));
  }
}
