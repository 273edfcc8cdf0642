import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { integerBetween } from '../../core/database/check-expressions';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** 支出执行: what a project spent in one month. */
@Entity('expenditures')
@Unique('expenditures_project_id_month_key', ['projectId', 'month'])
@Check('expenditures_month_check', integerBetween('month', 1, 12))
export class ExpenditureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'expenditures_pkey' }) id: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId: string;
  @ForeignKeyTo('ProjectEntity', { name: 'project_id', foreignKeyConstraintName: 'expenditures_project_id_fkey' }, 'CASCADE')
  project?: object | null; // ProjectEntity (another context): the foreign key only
  @Column({ type: 'smallint' }) month: number;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) amount: string; // 元
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @ForeignKeyTo('UserEntity', { name: 'recorded_by', foreignKeyConstraintName: 'expenditures_recorded_by_fkey' }, 'SET NULL')
  recorder?: object | null; // UserEntity (another context): the foreign key only
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
}
