import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IndicatorOverride } from '@jixiao/domain';
import { DataSource } from 'typeorm';
import { pgArrayLiteral, textBytes } from '../../core/database/pg-array';
import { Persistence, Tx } from '../../core/database/persistence';
import { EvaluationEntity } from '../entities/evaluation.entity';
import { IndicatorScoreEntity } from '../entities/indicator-score.entity';

const INSERT_CHUNK = 5000; // rows per INSERT: a batch of 500 sheets is two or three statements

export type StoredOverride = IndicatorOverride & { by: string | null };

/** 自评结果 (evaluations, indicator_scores). */
@Injectable()
export class EvaluationRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findBySheet(sheetId: string, tx?: Tx): Promise<EvaluationEntity | null> {
    return this.em(tx).findOneBy(EvaluationEntity, { sheetId });
  }

  findScore(evaluationId: string, indicatorId: string, tx?: Tx): Promise<IndicatorScoreEntity | null> {
    return this.em(tx).findOneBy(IndicatorScoreEntity, { evaluationId, indicatorId });
  }

  scoresOf(evaluationId: string, tx?: Tx): Promise<IndicatorScoreEntity[]> {
    return this.em(tx).find(IndicatorScoreEntity, { where: { evaluationId } });
  }

  /** Sets (or, with nulls, clears) a reviewer's score of one indicator. */
  async setOverride(tx: Tx, evaluationId: string, indicatorId: string, override: Pick<IndicatorScoreEntity, 'overrideScore' | 'overrideReason' | 'overrideBy'>): Promise<void> {
    await tx.update(IndicatorScoreEntity, { evaluationId, indicatorId }, override);
  }

  /** Overrides of the sheets' current evaluations, by sheet and indicator. */
  async overridesOf(sheetIds: readonly string[], tx?: Tx): Promise<Map<string, Map<string, StoredOverride>>> {
    const rows: { sheet_id: string; indicator_id: string; override_score: string; override_reason: string; override_by: string | null }[] = await this.em(tx).query(
      // Per evaluation on purpose (a lateral subquery kept apart by OFFSET 0): as a plain join PostgreSQL
      // planned a sequential scan of indicator_scores for every batch of a year-end run, before the
      // table it is filling was analyzed; per evaluation it can only look its rows up by index.
      `SELECT e.sheet_id, s.indicator_id, s.override_score::text AS override_score, s.override_reason, s.override_by
         FROM evaluations e
        CROSS JOIN LATERAL (SELECT indicator_id, override_score, override_reason, override_by FROM indicator_scores
                             WHERE evaluation_id = e.id AND override_score IS NOT NULL OFFSET 0) s
        WHERE e.sheet_id = ANY($1::uuid[])`,
      [sheetIds],
    );
    const map = new Map<string, Map<string, StoredOverride>>();
    for (const r of rows) {
      const inner = map.get(r.sheet_id) ?? new Map<string, StoredOverride>();
      inner.set(r.indicator_id, { score: Number(r.override_score), reason: r.override_reason, by: r.override_by });
      map.set(r.sheet_id, inner);
    }
    return map;
  }

  /** Replaces the evaluations of their sheets with these, and their indicator scores. */
  async replace(tx: Tx, evaluations: readonly Partial<EvaluationEntity>[], scores: readonly IndicatorScoreEntity[]): Promise<void> {
    const sheetIds = evaluations.map((e) => e.sheetId!);
    if (sheetIds.length === 0) return;
    await tx.query(`DELETE FROM evaluations WHERE sheet_id = ANY($1::uuid[])`, [sheetIds]); // indicator_scores go with them (ON DELETE CASCADE)
    await insertEvaluations(tx, evaluations);
    await insertIndicatorScores(tx, scores);
  }
}

/**
 * Multi-row inserts with the rows as one JSON parameter (`INSERT … SELECT FROM jsonb_to_recordset`):
 * the same rows as TypeORM's insert builder without a bound parameter per value, whose building and
 * binding dominated the writes of a region's year-end run (see bench/README.md); sent as bytes (textBytes).
 */
async function insertEvaluations(tx: Tx, rows: readonly Partial<EvaluationEntity>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => ({
      id: r.id,
      sheet_id: r.sheetId,
      budget: r.budget,
      spent: r.spent,
      execution_rate: r.executionRate ?? null,
      execution_percent: r.executionPercent ?? null,
      execution_score: r.executionScore,
      total_score: r.totalScore,
      grade: r.grade,
      details: r.details,
      scheme_id: r.schemeId ?? null,
      scheme_version: r.schemeVersion ?? null,
    }));
    await tx.query(
      `INSERT INTO evaluations (id, sheet_id, budget, spent, execution_rate, execution_percent, execution_score, total_score, grade, details, scheme_id, scheme_version)
       SELECT id, sheet_id, budget, spent, execution_rate, execution_percent, execution_score, total_score, grade, details, scheme_id, scheme_version
         FROM jsonb_to_recordset($1::text::jsonb) AS r(id uuid, sheet_id uuid, budget numeric, spent numeric, execution_rate numeric, execution_percent numeric,
                                                 execution_score numeric, total_score numeric, grade varchar, details jsonb, scheme_id uuid, scheme_version integer)`,
      [textBytes(JSON.stringify(chunk))],
    );
  }
}

/**
 * The indicator scores (12 a sheet: the bulk of a region's rows) with one array literal per column
 * (`unnest`): PostgreSQL reads them in about half the time of the same rows as one JSON document.
 */
async function insertIndicatorScores(tx: Tx, rows: readonly IndicatorScoreEntity[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const column = (value: (row: IndicatorScoreEntity) => string | number | boolean | null) => textBytes(pgArrayLiteral(chunk.map(value)));
    await tx.query(
      `INSERT INTO indicator_scores (evaluation_id, indicator_id, weight, completion_rate, completion_percent, met, computed_score, override_score, override_reason, override_by, unmet_flag, explanation)
       SELECT * FROM unnest($1::text::uuid[], $2::text::uuid[], $3::text::numeric[], $4::text::numeric[], $5::text::numeric[], $6::text::boolean[], $7::text::numeric[],
                            $8::text::numeric[], $9::text::text[], $10::text::uuid[], $11::text::varchar[], $12::text::text[])`,
      [
        column((r) => r.evaluationId),
        column((r) => r.indicatorId),
        column((r) => r.weight),
        column((r) => r.completionRate),
        column((r) => r.completionPercent),
        column((r) => r.met),
        column((r) => r.computedScore),
        column((r) => r.overrideScore),
        column((r) => r.overrideReason),
        column((r) => r.overrideBy),
        column((r) => r.unmetFlag),
        column((r) => r.explanation),
      ],
    );
  }
}
