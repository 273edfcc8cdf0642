import { Check, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { integerBetween } from '../../core/database/check-expressions';

/** 预算年度 (its scoring schemes: scoring_schemes, per finance bureau and kind of sheet). */
@Entity('fiscal_years')
@Check('fiscal_years_year_check', integerBetween('year', 2000, 2100))
export class FiscalYearEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'fiscal_years_pkey' }) year: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
