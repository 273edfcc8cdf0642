import { Injectable } from '@nestjs/common';
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

/** 预算年度 for the other contexts: a year comes into being with its monitoring rounds. */
@Injectable()
export class FiscalYearService {
  constructor(private readonly years: FiscalYearRepository) {}

  /** Creates the fiscal year with its monitoring rounds, if it is new (its scoring schemes: the scoring-schemes context). */
  ensure(tx: Tx, year: number): Promise<void> {
    return this.years.insertIfNew(tx, { year }, defaultMonitoringPeriods(year));
  }

  /** True when the year exists (was opened). */
  async exists(year: number, tx?: Tx): Promise<boolean> {
    return (await this.years.findYears([year], tx)).length > 0;
  }
}
