import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { BasicExpenditureEntity } from '../entities/basic-expenditure.entity';

export type NewBasicExpenditure = Pick<BasicExpenditureEntity, 'departmentId' | 'fiscalYear' | 'month' | 'amount' | 'note' | 'recordedBy'>;

/** 基本支出执行 (basic_expenditures): a department's basic spending by month of a year. */
@Injectable()
export class BasicExpenditureRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Months of basic spending recorded for departments under an organization path (系统管理: such a department is only deactivated). */
  async countUnder(path: string, tx: Tx): Promise<number> {
    const [{ n }] = await this.em(tx).query(
      `SELECT count(*)::int AS n FROM basic_expenditures b JOIN organizations o ON o.id = b.department_id WHERE o.path LIKE $1 || '%'`,
      [path],
    );
    return Number(n);
  }

  /** The basic spending of these departments in these years, by month. */
  async ofDepartments(departmentIds: readonly string[], fiscalYears: readonly number[], tx?: Tx): Promise<BasicExpenditureEntity[]> {
    if (departmentIds.length === 0 || fiscalYears.length === 0) return [];
    const rows: { department_id: string; fiscal_year: number; month: number; amount: string; note: string | null }[] = await this.em(tx).query(
      `SELECT department_id, fiscal_year, month, amount::text AS amount, note
         FROM basic_expenditures
        WHERE department_id = ANY($1::uuid[]) AND fiscal_year = ANY($2::int[])
        ORDER BY department_id, fiscal_year, month`,
      [departmentIds, fiscalYears],
    );
    return rows.map((r) =>
      Object.assign(new BasicExpenditureEntity(), { departmentId: r.department_id, fiscalYear: Number(r.fiscal_year), month: Number(r.month), amount: r.amount, note: r.note }),
    );
  }

  /** Replaces a department's basic spending of a year; returns the rows written. */
  async replace(tx: Tx, departmentId: string, fiscalYear: number, rows: NewBasicExpenditure[]): Promise<BasicExpenditureEntity[]> {
    await tx.delete(BasicExpenditureEntity, { departmentId, fiscalYear });
    const entities = rows.map((row) => tx.create(BasicExpenditureEntity, row));
    if (entities.length > 0) await tx.insert(BasicExpenditureEntity, entities);
    return entities;
  }
}
