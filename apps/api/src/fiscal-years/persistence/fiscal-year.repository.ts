import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { FiscalYearEntity } from '../entities/fiscal-year.entity';
import { MonitoringPeriodEntity } from '../entities/monitoring-period.entity';
import { MonitoringReopeningEntity } from '../entities/monitoring-reopening.entity';

/** A reopening with who made it. */
export interface StoredReopening {
  fiscal_year: number;
  period: string;
  organization_id: string;
  until: string; // 'YYYY-MM-DD'
  reason: string;
  reopened_at: Date;
  user_id: string | null;
  username: string | null;
  display_name: string | null;
}

/** 预算年度, their monitoring rounds and the rounds reopened for an organization (fiscal_years, monitoring_periods, monitoring_reopenings). */
@Injectable()
export class FiscalYearRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Inserts the year and its rounds, leaving those that exist as they are. */
  async insertIfNew(tx: Tx, year: Pick<FiscalYearEntity, 'year'>, periods: MonitoringPeriodEntity[]): Promise<void> {
    await tx.createQueryBuilder().insert().into(FiscalYearEntity).values(year).orIgnore().execute();
    await tx.createQueryBuilder().insert().into(MonitoringPeriodEntity).values(periods).orIgnore().execute();
  }

  findYears(years: readonly number[], tx?: Tx): Promise<FiscalYearEntity[]> {
    return this.em(tx).find(FiscalYearEntity, { where: { year: In([...years]) } });
  }

  /** Every opened year, newest first. */
  async allYears(tx?: Tx): Promise<number[]> {
    const rows = await this.em(tx).find(FiscalYearEntity, { select: { year: true }, order: { year: 'DESC' } });
    return rows.map((r) => r.year);
  }

  async exists(year: number, tx?: Tx): Promise<boolean> {
    return (await this.em(tx).countBy(FiscalYearEntity, { year })) > 0;
  }

  /** Serialises the writes to one year's calendar (opening it, its windows) until the transaction ends. */
  async lockYear(tx: Tx, year: number): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('jixiao.fiscal_year'), $1)`, [year]);
  }

  /** The rounds of these years. */
  periodsOf(years: readonly number[], tx?: Tx): Promise<MonitoringPeriodEntity[]> {
    return years.length === 0 ? Promise.resolve([]) : this.em(tx).find(MonitoringPeriodEntity, { where: { fiscalYear: In([...years]) } });
  }

  /** Sets the dates of a year's rounds (a round not yet stored is added; reopenings stay). */
  async savePeriods(tx: Tx, periods: MonitoringPeriodEntity[]): Promise<void> {
    if (periods.length === 0) return;
    await tx.createQueryBuilder().insert().into(MonitoringPeriodEntity).values(periods).orUpdate(['opens_on', 'closes_on'], ['fiscal_year', 'period']).execute();
  }

  /** The reopenings of these years (of one round, and for these organizations, when given), with who made them. */
  reopeningsOf(years: readonly number[], filter: { period?: string; organizationIds?: readonly string[] } = {}, tx?: Tx): Promise<StoredReopening[]> {
    return this.em(tx).query(
      `SELECT r.fiscal_year, r.period, r.organization_id, to_char(r.until, 'YYYY-MM-DD') AS until, r.reason, r.reopened_at,
              u.id AS user_id, u.username, u.display_name
         FROM monitoring_reopenings r LEFT JOIN users u ON u.id = r.reopened_by
        WHERE r.fiscal_year = ANY($1::int[]) AND ($2::text IS NULL OR r.period = $2)
          AND ($3::uuid[] IS NULL OR r.organization_id = ANY($3::uuid[]))
        ORDER BY r.fiscal_year, r.period, r.reopened_at`,
      [years, filter.period ?? null, filter.organizationIds ?? null],
    );
  }

  /** Stores a reopening, replacing the one of the same round and organization. */
  async saveReopening(tx: Tx, reopening: Omit<MonitoringReopeningEntity, 'reopenedAt'>): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(MonitoringReopeningEntity)
      .values({ ...reopening, reopenedAt: () => 'now()' })
      .orUpdate(['until', 'reason', 'reopened_by', 'reopened_at'], ['fiscal_year', 'period', 'organization_id'])
      .execute();
  }
}
