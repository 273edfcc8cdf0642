import { Injectable } from '@nestjs/common';
import { defaultMonitoringWindows } from '@jixiao/domain';
import type { Tx } from '../core/database/persistence';
import type { MonitoringPeriodEntity } from './entities/monitoring-period.entity';
import { FiscalYearRepository } from './persistence/fiscal-year.repository';

/** Default monitoring rounds (libs/domain defaultMonitoringWindows): each opens when its period ends and stays open for three weeks (Y: one quarter). */
export function defaultMonitoringPeriods(year: number): MonitoringPeriodEntity[] {
  return defaultMonitoringWindows(year).map((w) => ({ fiscalYear: year, period: w.period, opensOn: w.opensOn, closesOn: w.closesOn }));
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
