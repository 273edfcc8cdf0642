import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { varcharIn } from '../../core/database/check-expressions';
import { FiscalYearEntity } from './fiscal-year.entity';

/** 监控期: a monitoring round of a fiscal year with its open and close dates. */
@Entity('monitoring_periods')
@Check('monitoring_periods_period_check', varcharIn('period', ['Q1', 'Q2', 'Q3', 'Q4', 'M7', 'M9', 'Y']))
@Check('monitoring_periods_check', `(opens_on <= closes_on)`)
export class MonitoringPeriodEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'integer', primaryKeyConstraintName: 'monitoring_periods_pkey' }) fiscalYear: number;
  @ManyToOne(() => FiscalYearEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'monitoring_periods_fiscal_year_fkey' })
  fiscalYearRecord?: Relation<FiscalYearEntity>;
  @PrimaryColumn({ type: 'varchar', length: 4, primaryKeyConstraintName: 'monitoring_periods_pkey' }) period: string;
  @Column({ name: 'opens_on', type: 'date' }) opensOn: string;
  @Column({ name: 'closes_on', type: 'date' }) closesOn: string;
}
