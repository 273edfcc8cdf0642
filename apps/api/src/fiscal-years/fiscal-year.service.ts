import { Injectable } from '@nestjs/common';
import { DEFAULT_SCORING_SCHEME } from '@jixiao/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../core/auth/principal';
import { FiscalYearEntity } from './entities/fiscal-year.entity';
import { MonitoringPeriodEntity } from './entities/monitoring-period.entity';

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

@Injectable()
export class FiscalYearService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Years with sheets the caller may see, newest first. */
  async listVisible(principal: Principal): Promise<number[]> {
    const rows: { fiscal_year: number }[] = await this.dataSource.query(
      `SELECT DISTINCT s.fiscal_year
         FROM target_sheets s
         LEFT JOIN projects p ON p.id = s.project_id
         JOIN organizations o ON o.id = coalesce(p.unit_id, s.department_id)
        WHERE s.is_current AND ($1::text IS NULL OR o.path LIKE $1 || '%')
        ORDER BY 1 DESC`,
      [principal.role === 'admin' ? null : principal.organizationPath],
    );
    return rows.map((r) => r.fiscal_year);
  }

  /** Creates the fiscal year with the national default scoring scheme and monitoring rounds, if it is new. */
  async ensure(em: EntityManager, year: number): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(FiscalYearEntity)
      .values({ year, scoringScheme: { ...DEFAULT_SCORING_SCHEME } as unknown as Record<string, number> })
      .orIgnore()
      .execute();
    await em.createQueryBuilder().insert().into(MonitoringPeriodEntity).values(defaultMonitoringPeriods(year)).orIgnore().execute();
  }
}
