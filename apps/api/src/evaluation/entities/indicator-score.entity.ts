import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { UnmetSeverity } from '@jixiao/contracts';
import { varcharIn } from '../../core/database/check-expressions';
import { UserEntity } from '../../organizations/entities/user.entity';
import { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import { EvaluationEntity } from './evaluation.entity';

/** One indicator's year-end score in an evaluation, with a reviewer's override (评价人调整分) if any. */
@Entity('indicator_scores')
@Check('indicator_scores_unmet_flag_check', varcharIn('unmet_flag', ['minor', 'moderate', 'severe', 'missing']))
@Check('indicator_scores_check', `((override_score IS NULL) = (override_reason IS NULL))`) // an override always has its reason
export class IndicatorScoreEntity {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid', primaryKeyConstraintName: 'indicator_scores_pkey' }) evaluationId: string;
  @ManyToOne(() => EvaluationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'indicator_scores_evaluation_id_fkey' })
  evaluation?: Relation<EvaluationEntity>;
  @PrimaryColumn({ name: 'indicator_id', type: 'uuid', primaryKeyConstraintName: 'indicator_scores_pkey' }) indicatorId: string;
  @ManyToOne(() => IndicatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'indicator_scores_indicator_id_fkey' })
  indicator?: Relation<IndicatorEntity>;
  @Column({ type: 'numeric', precision: 7, scale: 2 }) weight: string;
  @Column({ name: 'completion_rate', type: 'numeric', precision: 12, scale: 6, nullable: true }) completionRate: string | null;
  @Column({ type: 'boolean' }) met: boolean;
  @Column({ name: 'computed_score', type: 'numeric', precision: 7, scale: 2 }) computedScore: string;
  @Column({ name: 'override_score', type: 'numeric', precision: 7, scale: 2, nullable: true }) overrideScore: string | null;
  @Column({ name: 'override_reason', type: 'text', nullable: true }) overrideReason: string | null;
  @Column({ name: 'override_by', type: 'uuid', nullable: true }) overrideBy: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'override_by', foreignKeyConstraintName: 'indicator_scores_override_by_fkey' })
  overrider?: Relation<UserEntity> | null;
  @Column({ name: 'unmet_flag', type: 'varchar', length: 10, nullable: true }) unmetFlag: UnmetSeverity | null;
  @Column({ type: 'text' }) explanation: string;
}
