import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { DeviationCategory, IndicatorActualValue, Likelihood, Period } from '@jixiao/domain';
import { varcharIn } from '../../core/database/check-expressions';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** 实际完成值 of one indicator in one period, with the forecast and the deviation analysis. */
@Entity('indicator_actuals')
@Unique('indicator_actuals_indicator_id_period_key', ['indicatorId', 'period'])
@Check('indicator_actuals_period_check', varcharIn('period', ['Q1', 'Q2', 'Q3', 'Q4', 'M7', 'M9', 'Y']))
@Check('indicator_actuals_likelihood_check', varcharIn('likelihood', ['certain', 'possible', 'impossible']))
@Check('indicator_actuals_deviation_category_check', varcharIn('deviation_category', ['funding', 'institutional', 'staffing', 'facilities', 'other']))
export class IndicatorActualEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'indicator_actuals_pkey' }) id: string;
  @Column({ name: 'indicator_id', type: 'uuid' }) indicatorId: string;
  @ForeignKeyTo('IndicatorEntity', { name: 'indicator_id', foreignKeyConstraintName: 'indicator_actuals_indicator_id_fkey' }, 'CASCADE')
  indicator?: object | null; // IndicatorEntity (another context): the foreign key only
  @Column({ type: 'varchar', length: 4 }) period: Period;
  @Column({ type: 'jsonb', nullable: true }) actual: IndicatorActualValue | null;
  @Column({ type: 'jsonb', nullable: true }) forecast: number | null; // 全年预计完成值
  @Column({ type: 'varchar', length: 20, nullable: true }) likelihood: Likelihood | null; // 完成可能性
  @Column({ name: 'deviation_category', type: 'varchar', length: 20, nullable: true }) deviationCategory: DeviationCategory | null; // 偏差原因类别
  @Column({ name: 'deviation_reason', type: 'text', nullable: true }) deviationReason: string | null;
  @Column({ type: 'text', nullable: true }) measures: string | null; // 改进措施
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @ForeignKeyTo('UserEntity', { name: 'recorded_by', foreignKeyConstraintName: 'indicator_actuals_recorded_by_fkey' }, 'SET NULL')
  recorder?: object | null; // UserEntity (another context): the foreign key only
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
}
