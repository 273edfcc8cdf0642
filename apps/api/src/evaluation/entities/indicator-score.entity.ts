import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { UnmetSeverity } from '@jixiao/contracts';
import { varcharIn } from '../../core/database/check-expressions';
import { EvaluationEntity } from './evaluation.entity';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** One indicator's year-end score in an evaluation, with a reviewer's override (评价人调整分) if any. */
@Entity('indicator_scores')
@Check('indicator_scores_unmet_flag_check', varcharIn('unmet_flag', ['minor', 'moderate', 'severe', 'missing']))
@Index('indicator_scores_overridden_idx', ['evaluationId'], { where: `(override_score IS NOT NULL)` }) // the overrides a re-evaluation keeps
@Check('indicator_scores_check', `((override_score IS NULL) = (override_reason IS NULL))`) // an override always has its reason
export class IndicatorScoreEntity {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid', primaryKeyConstraintName: 'indicator_scores_pkey' }) evaluationId: string;
  @ManyToOne(() => EvaluationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'indicator_scores_evaluation_id_fkey' })
  evaluation?: Relation<EvaluationEntity>;
  @PrimaryColumn({ name: 'indicator_id', type: 'uuid', primaryKeyConstraintName: 'indicator_scores_pkey' }) indicatorId: string;
  @ForeignKeyTo('IndicatorEntity', { name: 'indicator_id', foreignKeyConstraintName: 'indicator_scores_indicator_id_fkey' }, 'CASCADE')
  indicator?: object | null; // IndicatorEntity (another context): the foreign key only
  @Column({ type: 'numeric', precision: 7, scale: 2 }) weight: string;
  @Column({ name: 'completion_rate', type: 'numeric', nullable: true }) completionRate: string | null; // 完成率 r, approximate (charts, sorting)
  @Column({ name: 'completion_percent', type: 'numeric', nullable: true }) completionPercent: string | null; // r × 100 as shown: '66.67'
  @Column({ type: 'boolean' }) met: boolean;
  @Column({ name: 'computed_score', type: 'numeric', precision: 7, scale: 2 }) computedScore: string;
  @Column({ name: 'override_score', type: 'numeric', precision: 7, scale: 2, nullable: true }) overrideScore: string | null;
  @Column({ name: 'override_reason', type: 'text', nullable: true }) overrideReason: string | null;
  @Column({ name: 'override_by', type: 'uuid', nullable: true }) overrideBy: string | null;
  @ForeignKeyTo('UserEntity', { name: 'override_by', foreignKeyConstraintName: 'indicator_scores_override_by_fkey' }, 'SET NULL')
  overrider?: object | null; // UserEntity (another context): the foreign key only
  @Column({ name: 'unmet_flag', type: 'varchar', length: 10, nullable: true }) unmetFlag: UnmetSeverity | null;
  @Column({ type: 'text' }) explanation: string;
}
