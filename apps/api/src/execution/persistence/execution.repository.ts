import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IndicatorActualValue, Period } from '@jixiao/domain';
import { DataSource, In, Raw } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { ExpenditureEntity } from '../entities/expenditure.entity';
import { IndicatorActualEntity } from '../entities/indicator-actual.entity';

export type NewExpenditure = Pick<ExpenditureEntity, 'projectId' | 'month' | 'amount' | 'note' | 'recordedBy'>;
export type NewActual = Omit<IndicatorActualEntity, 'id' | 'recordedAt'>;

/** 支出执行 and 实际完成值 (expenditures, indicator_actuals). */
@Injectable()
export class ExecutionRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The monthly spending of these projects, by month. */
  async expendituresOf(projectIds: readonly string[], tx?: Tx): Promise<ExpenditureEntity[]> {
    return projectIds.length === 0 ? [] : this.em(tx).find(ExpenditureEntity, { where: { projectId: In([...projectIds]) }, order: { month: 'ASC' } });
  }

  /** The amounts these projects spent, each project's by month (plain rows: what the year-end evaluation sums). */
  async spendingOf(projectIds: readonly string[], tx?: Tx): Promise<{ projectId: string; amounts: string[] }[]> {
    if (projectIds.length === 0) return [];
    return this.em(tx).query(
      `SELECT project_id AS "projectId", array_agg(amount::text ORDER BY month) AS amounts
         FROM expenditures WHERE project_id = ANY($1::uuid[]) GROUP BY project_id`,
      [projectIds],
    );
  }

  /**
   * The year-end (Y) actual of each of these sheets' indicators (plain rows, the actual as stored;
   * null where none is recorded). Selected by sheet: a batch's 500 sheet ids are sent, not its 6,000
   * indicator ids. The actual is a subquery per indicator on purpose: as a join, PostgreSQL planned
   * a parallel hash join over the whole of indicator_actuals for every batch once the region was large
   * (373 ms and three processes per batch at 50,000 sheets, growing with the region), where 6,000
   * index lookups take 80 ms.
   */
  async yearEndActualsOf(sheetIds: readonly string[], tx?: Tx): Promise<{ indicatorId: string; actual: IndicatorActualValue | null }[]> {
    if (sheetIds.length === 0) return [];
    return this.em(tx).query(
      `SELECT i.id AS "indicatorId",
              (SELECT a.actual FROM indicator_actuals a WHERE a.indicator_id = i.id AND a.period = 'Y') AS actual
         FROM indicators i WHERE i.sheet_id = ANY($1::uuid[])`,
      [sheetIds],
    );
  }

  /** One project's spending rows as the page shows them (amounts as written, with notes). */
  async expenditureRows(projectId: string, tx?: Tx): Promise<{ month: number; amount: string; note: string | null }[]> {
    const rows: { month: number; amount: string; note: string | null }[] = await this.em(tx).query(
      'SELECT month, amount::text AS amount, note FROM expenditures WHERE project_id = $1 ORDER BY month',
      [projectId],
    );
    return rows.map((r) => ({ month: Number(r.month), amount: r.amount, note: r.note }));
  }

  /** Replaces a project's spending; returns the rows written. */
  async replaceExpenditures(tx: Tx, projectId: string, expenditures: NewExpenditure[]): Promise<ExpenditureEntity[]> {
    await tx.delete(ExpenditureEntity, { projectId });
    const rows = expenditures.map((e) => tx.create(ExpenditureEntity, e));
    if (rows.length > 0) await tx.insert(ExpenditureEntity, rows);
    return rows;
  }

  /** The records of these indicators (of the given periods only, when given). */
  async actualsOf(indicatorIds: readonly string[], periods?: readonly Period[], tx?: Tx): Promise<IndicatorActualEntity[]> {
    if (indicatorIds.length === 0) return [];
    return this.em(tx).find(IndicatorActualEntity, {
      // one array parameter, not one per indicator (a region's batch has thousands)
      where: { indicatorId: Raw((column) => `${column} = ANY(:indicatorIds::uuid[])`, { indicatorIds }), ...(periods ? { period: In([...periods]) } : {}) },
    });
  }

  /** These indicators' records of one period. */
  async actualsOfPeriod(tx: Tx, indicatorIds: readonly string[], period: Period): Promise<IndicatorActualEntity[]> {
    return indicatorIds.length === 0 ? [] : tx.find(IndicatorActualEntity, { where: { indicatorId: In([...indicatorIds]), period } });
  }

  /** Replaces these indicators' records of one period; returns the rows written. */
  async replaceActuals(tx: Tx, indicatorIds: readonly string[], period: Period, actuals: NewActual[]): Promise<IndicatorActualEntity[]> {
    if (indicatorIds.length > 0) await tx.delete(IndicatorActualEntity, { indicatorId: In([...indicatorIds]), period });
    const rows = actuals.map((a) => tx.create(IndicatorActualEntity, a));
    if (rows.length > 0) await tx.insert(IndicatorActualEntity, rows);
    return rows;
  }

  /**
   * Copies the records of one sheet's indicators to the same indicators of another sheet, matched by
   * 一级 / 二级 / 三级指标 name (versions copy indicators under new ids). Records the target already has
   * win. Returns the number of records copied.
   */
  async copyActuals(tx: Tx, fromSheetId: string, toSheetId: string): Promise<number> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO indicator_actuals (indicator_id, period, actual, forecast, likelihood, deviation_category, deviation_reason, measures, recorded_by, recorded_at)
       SELECT DISTINCT ON (n.id, a.period) n.id, a.period, a.actual, a.forecast, a.likelihood, a.deviation_category, a.deviation_reason, a.measures, a.recorded_by, a.recorded_at
         FROM indicators n
         JOIN indicators o ON o.sheet_id = $1 AND o.level1 = n.level1 AND o.level2 IS NOT DISTINCT FROM n.level2 AND o.name = n.name
         JOIN indicator_actuals a ON a.indicator_id = o.id
        WHERE n.sheet_id = $2
        ORDER BY n.id, a.period, o.position
       ON CONFLICT (indicator_id, period) DO NOTHING
       RETURNING id`,
      [fromSheetId, toSheetId],
    );
    return rows.length;
  }
}
