import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { SheetKind, SheetStatus } from '@jixiao/contracts';
import { varcharIn } from '../../core/database/check-expressions';
import { ProjectEntity } from './project.entity';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** 绩效目标表: of a project, or of a department as a whole (整体绩效目标). */
@Entity('target_sheets')
@Check('target_sheets_kind_check', varcharIn('kind', ['project', 'department']))
@Check('target_sheets_version_check', `(version >= 1)`)
@Check('target_sheets_status_check', varcharIn('status', ['draft', 'submitted', 'department_approved', 'approved', 'returned']))
@Check('target_sheets_check', `(((kind)::text = 'project'::text) = (project_id IS NOT NULL))`) // a project exactly for project sheets
// one current version per project, and per department and year
@Index('target_sheets_current_project_uq', ['projectId'], { unique: true, where: `(is_current AND ((kind)::text = 'project'::text))` })
@Index('target_sheets_current_department_uq', ['departmentId', 'fiscalYear'], { unique: true, where: `(is_current AND ((kind)::text = 'department'::text))` })
@Index('target_sheets_year_department_idx', ['fiscalYear', 'departmentId'])
@Index('target_sheets_rolled_over_from_idx', ['rolledOverFromId'], { where: `(rolled_over_from_id IS NOT NULL)` })
export class TargetSheetEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'target_sheets_pkey' }) id: string;
  @Column({ type: 'varchar', length: 20 }) kind: SheetKind;
  @Column({ name: 'fiscal_year', type: 'integer' }) fiscalYear: number;
  @ForeignKeyTo('FiscalYearEntity', { name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'target_sheets_fiscal_year_fkey' }, 'RESTRICT')
  fiscalYearRecord?: object | null; // FiscalYearEntity (another context): the foreign key only
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @ForeignKeyTo('OrganizationEntity', { name: 'department_id', foreignKeyConstraintName: 'target_sheets_department_id_fkey' }, 'RESTRICT')
  department?: object | null; // OrganizationEntity (another context): the foreign key only
  @Column({ name: 'project_id', type: 'uuid', nullable: true }) projectId: string | null;
  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'target_sheets_project_id_fkey' })
  project?: Relation<ProjectEntity> | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'previous_version_id', type: 'uuid', nullable: true }) previousVersionId: string | null;
  @ManyToOne(() => TargetSheetEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'previous_version_id', foreignKeyConstraintName: 'target_sheets_previous_version_id_fkey' })
  previousVersion?: Relation<TargetSheetEntity> | null;
  @Column({ name: 'is_current', type: 'boolean', default: true }) isCurrent: boolean;
  @Column({ type: 'varchar', length: 32, default: 'draft' }) status: SheetStatus;
  @VersionColumn({ name: 'row_version', default: 1 }) rowVersion: number;
  @Column({ type: 'jsonb', default: [] }) goals: string[];
  @Column({ name: 'budget_total', type: 'numeric', precision: 18, scale: 2, nullable: true }) budgetTotal: string | null;
  @Column({ name: 'budget_basic', type: 'numeric', precision: 18, scale: 2, nullable: true }) budgetBasic: string | null;
  @Column({ name: 'budget_project', type: 'numeric', precision: 18, scale: 2, nullable: true }) budgetProject: string | null;
  @Column({ name: 'rolled_over_from_id', type: 'uuid', nullable: true }) rolledOverFromId: string | null; // 结转自: last year's sheet
  @ManyToOne(() => TargetSheetEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'rolled_over_from_id', foreignKeyConstraintName: 'target_sheets_rolled_over_from_id_fkey' })
  rolledOverFrom?: Relation<TargetSheetEntity> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
