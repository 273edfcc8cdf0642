import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ParseWarning, TargetSpec } from '@jixiao/domain';

/** 三级指标: one row of a sheet's indicator tree, with its parents named. */
@Entity('indicators')
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'sheet_id', type: 'uuid' }) sheetId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'varchar' }) level1: string; // 一级指标
  @Column({ type: 'varchar', nullable: true }) level2: string | null; // 二级指标
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'target_text', type: 'text' }) targetText: string; // 指标值 as written
  @Column({ type: 'jsonb' }) spec: TargetSpec;
  @Column({ name: 'spec_warnings', type: 'jsonb' }) specWarnings: ParseWarning[];
  @Column({ name: 'spec_corrected', type: 'boolean' }) specCorrected: boolean;
  @Column({ type: 'text', nullable: true }) basis: string | null;
  @Column({ type: 'text', nullable: true }) remark: string | null;
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true }) weight: string | null;
}
