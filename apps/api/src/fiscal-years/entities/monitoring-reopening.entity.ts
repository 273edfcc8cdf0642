import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ForeignKeyTo } from '../../core/database/foreign-key';
import { MonitoringPeriodEntity } from './monitoring-period.entity';

/**
 * 重新开放填报: finance lets one organization — and every unit under it — record a round whose window
 * has closed (or not yet opened), until a date. One per round and organization; reopening again
 * replaces it.
 */
@Entity('monitoring_reopenings')
@Check('monitoring_reopenings_reason_check', `(((char_length(btrim(reason)) >= 2) AND (char_length(btrim(reason)) <= 500)))`)
export class MonitoringReopeningEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'integer', primaryKeyConstraintName: 'monitoring_reopenings_pkey' }) fiscalYear: number;
  @PrimaryColumn({ type: 'varchar', length: 4, primaryKeyConstraintName: 'monitoring_reopenings_pkey' }) period: string;
  @ManyToOne(() => MonitoringPeriodEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'fiscal_year', referencedColumnName: 'fiscalYear', foreignKeyConstraintName: 'monitoring_reopenings_fiscal_year_period_fkey' },
    { name: 'period', referencedColumnName: 'period', foreignKeyConstraintName: 'monitoring_reopenings_fiscal_year_period_fkey' },
  ])
  window?: Relation<MonitoringPeriodEntity>;
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'monitoring_reopenings_pkey' }) organizationId: string;
  @ForeignKeyTo('OrganizationEntity', { name: 'organization_id', foreignKeyConstraintName: 'monitoring_reopenings_organization_id_fkey' }, 'CASCADE')
  organization?: object | null; // OrganizationEntity (another context): the foreign key only
  @Column({ type: 'date' }) until: string; // the last day it allows recording
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'reopened_by', type: 'uuid', nullable: true }) reopenedBy: string | null;
  @ForeignKeyTo('UserEntity', { name: 'reopened_by', foreignKeyConstraintName: 'monitoring_reopenings_reopened_by_fkey' }, 'SET NULL')
  reopener?: object | null; // UserEntity (another context): the foreign key only
  @Column({ name: 'reopened_at', type: 'timestamptz', default: () => 'now()' }) reopenedAt: Date;
}
