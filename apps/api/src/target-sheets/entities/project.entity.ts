import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** 预算项目. Amounts are numeric(18,2) and travel as decimal strings in 元. */
@Entity('projects')
@Unique('projects_department_id_fiscal_year_position_key', ['departmentId', 'fiscalYear', 'position'])
@Check('projects_name_check', `((name)::text <> ''::text)`)
@Index('projects_year_department_idx', ['fiscalYear', 'departmentId'])
// Not expressible in TypeORM, kept by the migration: the code is unique per implementing unit (else department) and year.
@Index('projects_owner_year_code_uq', { synchronize: false })
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'projects_pkey' }) id: string;
  @Column({ name: 'fiscal_year', type: 'integer' }) fiscalYear: number;
  @ForeignKeyTo('FiscalYearEntity', { name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'projects_fiscal_year_fkey' }, 'RESTRICT')
  fiscalYearRecord?: object | null; // FiscalYearEntity (another context): the foreign key only
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @ForeignKeyTo('OrganizationEntity', { name: 'department_id', foreignKeyConstraintName: 'projects_department_id_fkey' }, 'RESTRICT')
  department?: object | null; // OrganizationEntity (another context): the foreign key only
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @ForeignKeyTo('OrganizationEntity', { name: 'unit_id', foreignKeyConstraintName: 'projects_unit_id_fkey' }, 'RESTRICT')
  unit?: object | null; // OrganizationEntity (another context): the foreign key only
  @Column({ type: 'varchar', length: 64, nullable: true }) code: string | null;
  @Column({ type: 'varchar', length: 300 }) name: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) category: string | null;
  @Column({ name: 'amount_total', type: 'numeric', precision: 18, scale: 2 }) amountTotal: string;
  @Column({ name: 'amount_fiscal', type: 'numeric', precision: 18, scale: 2, nullable: true }) amountFiscal: string | null;
  @Column({ name: 'amount_other', type: 'numeric', precision: 18, scale: 2, nullable: true }) amountOther: string | null;
  @Column({ type: 'text', nullable: true }) purpose: string | null;
  @Column({ type: 'integer' }) position: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
