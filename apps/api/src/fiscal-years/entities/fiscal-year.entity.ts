import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 预算年度 with its scoring scheme (DESIGN §3). */
@Entity('fiscal_years')
export class FiscalYearEntity {
  @PrimaryColumn({ type: 'integer' }) year: number;
  @Column({ name: 'scoring_scheme', type: 'jsonb' }) scoringScheme: Record<string, number>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
