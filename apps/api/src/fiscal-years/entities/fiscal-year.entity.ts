import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { integerBetween } from '../../core/database/check-expressions';

/** 预算年度 with its scoring scheme (DESIGN §3). */
@Entity('fiscal_years')
@Check('fiscal_years_year_check', integerBetween('year', 2000, 2100))
export class FiscalYearEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'fiscal_years_pkey' }) year: number;
  @Column({ name: 'scoring_scheme', type: 'jsonb' }) scoringScheme: Record<string, number>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
