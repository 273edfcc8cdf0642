import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department's data for one fiscal year, with where it came from (kept for a faithful export). */
@Entity('department_years')
export class DepartmentYearEntity {
  @PrimaryColumn({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @PrimaryColumn({ name: 'fiscal_year', type: 'integer' }) fiscalYear: number;
  @Column({ type: 'text', nullable: true }) source: string | null;
  @Column({ name: 'imported_by', type: 'uuid', nullable: true }) importedBy: string | null;
  @Column({ name: 'imported_at', type: 'timestamptz' }) importedAt: Date;
}
