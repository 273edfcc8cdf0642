import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import type { ParseWarning, TargetSpec } from '@jixiao/domain';
import { TargetSheetEntity } from './target-sheet.entity';

/** 三级指标: one row of a sheet's indicator tree, with its parents named. */
@Entity('indicators')
@Unique('indicators_sheet_id_position_key', ['sheetId', 'position'])
@Index('indicators_previous_indicator_idx', ['previousIndicatorId'], { where: `(previous_indicator_id IS NOT NULL)` })
@Check('indicators_weight_check', `((weight IS NULL) OR (weight >= (0)::numeric))`)
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'indicators_pkey' }) id: string;
  @Column({ name: 'sheet_id', type: 'uuid' }) sheetId: string;
  @ManyToOne(() => TargetSheetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sheet_id', foreignKeyConstraintName: 'indicators_sheet_id_fkey' })
  sheet?: Relation<TargetSheetEntity>;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'varchar', length: 100 }) level1: string; // 一级指标
  @Column({ type: 'varchar', length: 100, nullable: true }) level2: string | null; // 二级指标
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'target_text', type: 'text' }) targetText: string; // 指标值 as written
  @Column({ type: 'jsonb' }) spec: TargetSpec;
  @Column({ name: 'spec_warnings', type: 'jsonb', default: [] }) specWarnings: ParseWarning[];
  @Column({ name: 'spec_corrected', type: 'boolean', default: false }) specCorrected: boolean; // true once a user corrected the parsed spec
  @Column({ type: 'text', nullable: true }) basis: string | null;
  @Column({ type: 'text', nullable: true }) remark: string | null;
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true }) weight: string | null;
  @Column({ name: 'previous_indicator_id', type: 'uuid', nullable: true }) previousIndicatorId: string | null; // 结转: last year's indicator
  @ManyToOne(() => IndicatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'previous_indicator_id', foreignKeyConstraintName: 'indicators_previous_indicator_id_fkey' })
  previousIndicator?: Relation<IndicatorEntity> | null;
}
