import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 预算项目. Amounts are numeric(18,2) and travel as decimal strings in 元. */
@Entity('projects')
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'fiscal_year', type: 'integer' }) fiscalYear: number;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ type: 'varchar', nullable: true }) code: string | null;
  @Column({ type: 'varchar' }) name: string;
  @Column({ type: 'varchar', nullable: true }) category: string | null;
  @Column({ name: 'amount_total', type: 'numeric', precision: 18, scale: 2 }) amountTotal: string;
  @Column({ name: 'amount_fiscal', type: 'numeric', precision: 18, scale: 2, nullable: true }) amountFiscal: string | null;
  @Column({ name: 'amount_other', type: 'numeric', precision: 18, scale: 2, nullable: true }) amountOther: string | null;
  @Column({ type: 'text', nullable: true }) purpose: string | null;
  @Column({ type: 'integer' }) position: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
