import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FiscalYearEntity } from '../../fiscal-years/entities/fiscal-year.entity';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { UserEntity } from '../../organizations/entities/user.entity';

/** A department's data for one fiscal year, with where it came from (kept for a faithful export). */
@Entity('department_years')
export class DepartmentYearEntity {
  @PrimaryColumn({ name: 'department_id', type: 'uuid', primaryKeyConstraintName: 'department_years_pkey' }) departmentId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'department_years_department_id_fkey' })
  department?: Relation<OrganizationEntity>;
  @PrimaryColumn({ name: 'fiscal_year', type: 'integer', primaryKeyConstraintName: 'department_years_pkey' }) fiscalYear: number;
  @ManyToOne(() => FiscalYearEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'department_years_fiscal_year_fkey' })
  fiscalYearRecord?: Relation<FiscalYearEntity>;
  @Column({ type: 'text', nullable: true }) source: string | null;
  @Column({ name: 'imported_by', type: 'uuid', nullable: true }) importedBy: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'imported_by', foreignKeyConstraintName: 'department_years_imported_by_fkey' })
  importer?: Relation<UserEntity> | null;
  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' }) importedAt: Date;
}
