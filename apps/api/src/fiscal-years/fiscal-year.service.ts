import { Injectable } from '@nestjs/common';
import { DEFAULT_SCORING_SCHEME, ScoringScheme } from '@jixiao/domain';

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

/** Default monitoring rounds: each opens when its period ends and stays open for three weeks (Y: one quarter). */
export function defaultMonitoringPeriods(year: number): Omit<MonitoringPeriodEntity, never>[] {
  const next = year + 1;
  const rows: [string, string, string][] = [
    ['Q1', `${year}-04-01`, `${year}-04-21`],
    ['Q2', `${year}-07-01`, `${year}-07-21`],
    ['M7', `${year}-08-01`, `${year}-08-21`], // 1–7月, the national monitoring round
    ['Q3', `${year}-10-01`, `${year}-10-21`],
    ['M9', `${year}-10-01`, `${year}-10-21`], // 1–9月, the second round
    ['Q4', `${next}-01-01`, `${next}-01-21`],
    ['Y', `${next}-01-01`, `${next}-03-31`], // 自评
  ];
  return rows.map(([period, opensOn, closesOn]) => ({ fiscalYear: year, period, opensOn, closesOn }));
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
