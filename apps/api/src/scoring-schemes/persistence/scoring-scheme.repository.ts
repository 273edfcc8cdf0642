import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SheetKind } from '@jixiao/contracts';
import { DataSource } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { ScoringSchemeEntity } from '../entities/scoring-scheme.entity';

/** 评分方案 and their versions (scoring_schemes). */
@Injectable()
export class ScoringSchemeRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The current (highest) version of every scheme of these bureaus in these years. */
  async currentOf(bureauIds: readonly string[], years: readonly number[], tx?: Tx): Promise<ScoringSchemeEntity[]> {
    if (bureauIds.length === 0 || years.length === 0) return [];
    return this.em(tx)
      .createQueryBuilder(ScoringSchemeEntity, 's')
      .distinctOn(['s.bureau_id', 's.fiscal_year', 's.kind'])
      .where('s.bureau_id = ANY(:bureauIds) AND s.fiscal_year = ANY(:years)', { bureauIds: [...new Set(bureauIds)], years: [...new Set(years)] })
      .orderBy('s.bureau_id')
      .addOrderBy('s.fiscal_year')
      .addOrderBy('s.kind')
      .addOrderBy('s.version', 'DESC')
      .getMany();
  }

  /** Every version of one scheme, newest first. */
  /** Scheme versions saved for finance bureaus under an organization path. */
  async countUnder(path: string, tx: Tx): Promise<number> {
    const [{ n }] = await this.em(tx).query(
      `SELECT count(*)::int AS n FROM scoring_schemes s JOIN organizations o ON o.id = s.bureau_id WHERE o.path LIKE $1 || '%'`,
      [path],
    );
    return Number(n);
  }

  history(bureauId: string, fiscalYear: number, kind: SheetKind, tx?: Tx): Promise<ScoringSchemeEntity[]> {
    return this.em(tx).find(ScoringSchemeEntity, { where: { bureauId, fiscalYear, kind }, order: { version: 'DESC' } });
  }

  /** Serialises the changes of one scheme until the caller's transaction ends (two saves never take the same version). */
  async lock(tx: Tx, bureauId: string, fiscalYear: number, kind: SheetKind): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`scoring_scheme:${bureauId}:${fiscalYear}:${kind}`]);
  }

  async insert(tx: Tx, row: Pick<ScoringSchemeEntity, 'bureauId' | 'fiscalYear' | 'kind' | 'version' | 'definition' | 'createdBy'>): Promise<ScoringSchemeEntity> {
    const entity = tx.create(ScoringSchemeEntity, row);
    await tx.insert(ScoringSchemeEntity, entity);
    return tx.findOneByOrFail(ScoringSchemeEntity, { id: entity.id });
  }
}
