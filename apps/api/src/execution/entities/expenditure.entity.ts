import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { integerBetween } from '../../core/database/check-expressions';
import { UserEntity } from '../../organizations/entities/user.entity';
import { ProjectEntity } from '../../target-sheets/entities/project.entity';

/** 支出执行: what a project spent in one month. */
@Entity('expenditures')
@Unique('expenditures_project_id_month_key', ['projectId', 'month'])
@Check('expenditures_month_check', integerBetween('month', 1, 12))
export class ExpenditureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'expenditures_pkey' }) id: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId: string;
  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'expenditures_project_id_fkey' })
  project?: Relation<ProjectEntity>;
  @Column({ type: 'smallint' }) month: number;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) amount: string; // 元
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'expenditures_recorded_by_fkey' })
  recorder?: Relation<UserEntity> | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
}
