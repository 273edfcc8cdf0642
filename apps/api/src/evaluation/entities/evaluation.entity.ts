import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EvaluationDetails } from '../services/evaluation-details';

/** 自评结果 of a sheet: the budget execution, the total and the grade; per indicator in indicator_scores. */
@Entity('evaluations')
export class EvaluationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'sheet_id', type: 'uuid' }) sheetId: string;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) budget: string; // 预算数
  @Column({ type: 'numeric', precision: 18, scale: 2 }) spent: string; // 执行数
  @Column({ name: 'execution_rate', type: 'numeric', nullable: true }) executionRate: string | null; // approximate (charts)
  @Column({ name: 'execution_percent', type: 'numeric', nullable: true }) executionPercent: string | null; // 预算执行率 % as shown: '95.12'
  @Column({ name: 'execution_score', type: 'numeric', precision: 7, scale: 2 }) executionScore: string;
  @Column({ name: 'total_score', type: 'numeric', precision: 7, scale: 2 }) totalScore: string;
  @Column({ type: 'varchar', length: 2 }) grade: string; // 优 / 良 / 中 / 差
  @Column({ type: 'jsonb' }) details: EvaluationDetails;
  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' }) computedAt: Date;
}
