import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** A department's data for one fiscal year, with where it came from (kept for a faithful export). */
@Entity('department_years')
export class DepartmentYearEntity {
  @PrimaryColumn({ name: 'department_id', type: 'uuid', primaryKeyConstraintName: 'department_years_pkey' }) departmentId: string;
  @ForeignKeyTo('OrganizationEntity', { name: 'department_id', foreignKeyConstraintName: 'department_years_department_id_fkey' }, 'RESTRICT')
  department?: object | null; // OrganizationEntity (another context): the foreign key only
  @PrimaryColumn({ name: 'fiscal_year', type: 'integer', primaryKeyConstraintName: 'department_years_pkey' }) fiscalYear: number;
  @ForeignKeyTo('FiscalYearEntity', { name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'department_years_fiscal_year_fkey' }, 'RESTRICT')
  fiscalYearRecord?: object | null; // FiscalYearEntity (another context): the foreign key only
  @Column({ type: 'text', nullable: true }) source: string | null;
  @Column({ name: 'imported_by', type: 'uuid', nullable: true }) importedBy: string | null;
  @ForeignKeyTo('UserEntity', { name: 'imported_by', foreignKeyConstraintName: 'department_years_imported_by_fkey' }, 'SET NULL')
  importer?: object | null; // UserEntity (another context): the foreign key only
  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' }) importedAt: Date;
}
