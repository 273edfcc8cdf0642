import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnmetSeverity } from '@jixiao/contracts';

/** One indicator's year-end score in an evaluation, with a reviewer's override (评价人调整分) if any. */
@Entity('indicator_scores')
export class IndicatorScoreEntity {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @PrimaryColumn({ name: 'indicator_id', type: 'uuid' }) indicatorId: string;
  @Column({ type: 'numeric', precision: 7, scale: 2 }) weight: string;
  @Column({ name: 'completion_rate', type: 'numeric', nullable: true }) completionRate: string | null; // 完成率 r, approximate (charts, sorting)
  @Column({ name: 'completion_percent', type: 'numeric', nullable: true }) completionPercent: string | null; // r × 100 as shown: '66.67'
  @Column({ type: 'boolean' }) met: boolean;
  @Column({ name: 'computed_score', type: 'numeric', precision: 7, scale: 2 }) computedScore: string;
  @Column({ name: 'override_score', type: 'numeric', precision: 7, scale: 2, nullable: true }) overrideScore: string | null;
  @Column({ name: 'override_reason', type: 'text', nullable: true }) overrideReason: string | null;
  @Column({ name: 'override_by', type: 'uuid', nullable: true }) overrideBy: string | null;
  @Column({ name: 'unmet_flag', type: 'varchar', length: 10, nullable: true }) unmetFlag: UnmetSeverity | null;
  @Column({ type: 'text' }) explanation: string;
}
