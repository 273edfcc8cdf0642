import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn } from 'typeorm';
import { FiscalYearEntity } from '../../fiscal-years/entities/fiscal-year.entity';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/** 预算项目. Amounts are numeric(18,2) and travel as decimal strings in 元. */
@Entity('projects')
@Unique('projects_department_id_fiscal_year_position_key', ['departmentId', 'fiscalYear', 'position'])
@Check('projects_name_check', `((name)::text <> ''::text)`)
@Index('projects_year_department_idx', ['fiscalYear', 'departmentId'])
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'projects_pkey' }) id: string;
  @Column({ name: 'fiscal_year', type: 'integer' }) fiscalYear: number;
  @ManyToOne(() => FiscalYearEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'projects_fiscal_year_fkey' })
  fiscalYearRecord?: Relation<FiscalYearEntity>;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'projects_department_id_fkey' })
  department?: Relation<OrganizationEntity>;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'projects_unit_id_fkey' })
  unit?: Relation<OrganizationEntity> | null;
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
