import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { FiscalYearEntity } from '../entities/fiscal-year.entity';
import { MonitoringPeriodEntity } from '../entities/monitoring-period.entity';

/** 预算年度 and their monitoring rounds (fiscal_years, monitoring_periods). */
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
}
