import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { varcharIn } from '../../core/database/check-expressions';
import type { EvaluationDetails } from '../services/evaluation-details';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** 自评结果 of a sheet: the budget execution, the total and the grade; per indicator in indicator_scores. */
@Entity('evaluations')
@Unique('evaluations_sheet_id_key', ['sheetId']) // one evaluation per sheet (a ManyToOne + this, not a OneToOne: its unique would get a generated name)
@Check('evaluations_grade_check', varcharIn('grade', ['优', '良', '中', '差']))
export class EvaluationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'evaluations_pkey' }) id: string;
  @Column({ name: 'sheet_id', type: 'uuid' }) sheetId: string;
  @ForeignKeyTo('TargetSheetEntity', { name: 'sheet_id', foreignKeyConstraintName: 'evaluations_sheet_id_fkey' }, 'CASCADE')
  sheet?: object | null; // TargetSheetEntity (another context): the foreign key only
  @Column({ type: 'numeric', precision: 18, scale: 2 }) budget: string; // 预算数
  @Column({ type: 'numeric', precision: 18, scale: 2 }) spent: string; // 执行数
  @Column({ name: 'execution_rate', type: 'numeric', nullable: true }) executionRate: string | null; // approximate (charts)
  @Column({ name: 'execution_percent', type: 'numeric', nullable: true }) executionPercent: string | null; // 预算执行率 % as shown: '95.12'
  @Column({ name: 'execution_score', type: 'numeric', precision: 7, scale: 2 }) executionScore: string;
  @Column({ name: 'total_score', type: 'numeric', precision: 7, scale: 2 }) totalScore: string;
  @Column({ type: 'varchar', length: 2 }) grade: string; // 优 / 良 / 中 / 差
  @Column({ type: 'jsonb' }) details: EvaluationDetails;
  @Column({ name: 'scheme_id', type: 'uuid', nullable: true }) schemeId: string | null; // 评分方案 version used; null: the national preset
  @ForeignKeyTo('ScoringSchemeEntity', { name: 'scheme_id', foreignKeyConstraintName: 'evaluations_scheme_id_fkey' }, 'SET NULL')
  scheme?: object | null; // ScoringSchemeEntity (another context): the foreign key only
  @Column({ name: 'scheme_version', type: 'integer', nullable: true }) schemeVersion: number | null;
  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' }) computedAt: Date;
}
