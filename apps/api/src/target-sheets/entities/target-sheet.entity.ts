import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { SheetKind, SheetStatus } from '@jixiao/contracts';

/** 绩效目标表: of a project, or of a department as a whole (整体绩效目标). */
@Entity('target_sheets')
export class TargetSheetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar' }) kind: SheetKind;
  @Column({ name: 'fiscal_year', type: 'integer' }) fiscalYear: number;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @Column({ name: 'project_id', type: 'uuid', nullable: true }) projectId: string | null;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'previous_version_id', type: 'uuid', nullable: true }) previousVersionId: string | null;
  @Column({ name: 'is_current', type: 'boolean' }) isCurrent: boolean;
  @Column({ type: 'varchar' }) status: SheetStatus;
  @VersionColumn({ name: 'row_version' }) rowVersion: number;
  @Column({ type: 'jsonb' }) goals: string[];
  @Column({ name: 'budget_total', type: 'numeric', precision: 18, scale: 2, nullable: true }) budgetTotal: string | null;
  @Column({ name: 'budget_basic', type: 'numeric', precision: 18, scale: 2, nullable: true }) budgetBasic: string | null;
  @Column({ name: 'budget_project', type: 'numeric', precision: 18, scale: 2, nullable: true }) budgetProject: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
