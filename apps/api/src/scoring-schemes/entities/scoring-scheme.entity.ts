import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { SheetKind } from '@jixiao/contracts';
import type { ScoringScheme } from '@jixiao/domain';
import { varcharIn } from '../../core/database/check-expressions';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** 评分方案: one version of a finance bureau's scheme for a fiscal year and a kind of sheet; the current one is the highest version. */
@Entity('scoring_schemes')
@Unique('scoring_schemes_bureau_id_fiscal_year_kind_version_key', ['bureauId', 'fiscalYear', 'kind', 'version'])
@Check('scoring_schemes_kind_check', varcharIn('kind', ['project', 'department']))
@Check('scoring_schemes_version_check', `((version >= 1))`)
export class ScoringSchemeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'scoring_schemes_pkey' }) id: string;
  @Column({ name: 'bureau_id', type: 'uuid' }) bureauId: string; // 财政局
  @ForeignKeyTo('OrganizationEntity', { name: 'bureau_id', foreignKeyConstraintName: 'scoring_schemes_bureau_id_fkey' }, 'RESTRICT')
  bureau?: object | null; // OrganizationEntity (another context): the foreign key only
  @Column({ name: 'fiscal_year', type: 'integer' }) fiscalYear: number;
  @ForeignKeyTo('FiscalYearEntity', { name: 'fiscal_year', referencedColumnName: 'year', foreignKeyConstraintName: 'scoring_schemes_fiscal_year_fkey' }, 'CASCADE')
  fiscalYearRecord?: object | null; // FiscalYearEntity (another context): the foreign key only
  @Column({ type: 'varchar', length: 10 }) kind: SheetKind;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) definition: ScoringScheme;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @ForeignKeyTo('UserEntity', { name: 'created_by', foreignKeyConstraintName: 'scoring_schemes_created_by_fkey' }, 'SET NULL')
  creator?: object | null; // UserEntity (another context): the foreign key only
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
