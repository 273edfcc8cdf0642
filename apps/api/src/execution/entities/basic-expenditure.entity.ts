import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { integerBetween } from '../../core/database/check-expressions';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** 基本支出执行: what a department spent of its basic budget (基本支出) in one month of a fiscal year. */
@Entity('basic_expenditures')
@Unique('basic_expenditures_department_id_fiscal_year_month_key', ['departmentId', 'fiscalYear', 'month'])
@Check('basic_expenditures_month_check', integerBetween('month', 1, 12))
@Check('basic_expenditures_amount_check', `((amount >= (0)::numeric))`)
export class BasicExpenditureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'basic_expenditures_pkey' }) id: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @ForeignKeyTo('OrganizationEntity', { name: 'department_id', foreignKeyConstraintName: 'basic_expenditures_department_id_fkey' }, 'RESTRICT')
  department?: object | null; // OrganizationEntity (another context): the foreign key only
  @Column({ name: 'fiscal_year', type: 'integer' }) fiscalYear: number;
  @ForeignKeyTo('FiscalYearEntity', { name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'basic_expenditures_fiscal_year_fkey' }, 'RESTRICT')
  fiscalYearRecord?: object | null; // FiscalYearEntity (another context): the foreign key only
  @Column({ type: 'smallint' }) month: number;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) amount: string; // 元
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @ForeignKeyTo('UserEntity', { name: 'recorded_by', foreignKeyConstraintName: 'basic_expenditures_recorded_by_fkey' }, 'SET NULL')
  recorder?: object | null; // UserEntity (another context): the foreign key only
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
}
