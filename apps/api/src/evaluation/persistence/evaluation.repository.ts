import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IndicatorOverride } from '@jixiao/domain';
import { DataSource } from 'typeorm';
import { BulkWriter } from '../../core/database/bulk-writer';
import { Persistence, Tx } from '../../core/database/persistence';
import { EvaluationEntity } from '../entities/evaluation.entity';
import { IndicatorScoreEntity } from '../entities/indicator-score.entity';

const EVALUATION_COLUMNS = ['id', 'sheet_id', 'budget', 'spent', 'execution_rate', 'execution_percent', 'execution_score', 'total_score', 'grade', 'details', 'scheme_id', 'scheme_version'];
const SCORE_COLUMNS = ['evaluation_id', 'indicator_id', 'weight', 'completion_rate', 'completion_percent', 'met', 'computed_score', 'override_score', 'override_reason', 'override_by', 'unmet_flag', 'explanation'];

export type StoredOverride = IndicatorOverride & { by: string | null };

/** 自评结果 (evaluations, indicator_scores). */
@Injectable()
export class EvaluationRepository extends Persistence {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly bulk: BulkWriter,
  ) {
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
    // COPY on a server (BulkWriter): the bulk of a region's year-end run, 12 scores a sheet
    await this.bulk.write(tx, 'evaluations', EVALUATION_COLUMNS, evaluations.map((r) => [
      r.id, r.sheetId, r.budget, r.spent, r.executionRate, r.executionPercent, r.executionScore, r.totalScore, r.grade,
      JSON.stringify(r.details), r.schemeId, r.schemeVersion,
    ]));
    await this.bulk.write(tx, 'indicator_scores', SCORE_COLUMNS, scores.map((r) => [
      r.evaluationId, r.indicatorId, r.weight, r.completionRate, r.completionPercent, r.met, r.computedScore,
      r.overrideScore, r.overrideReason, r.overrideBy, r.unmetFlag, r.explanation,
    ]));
  }
}
