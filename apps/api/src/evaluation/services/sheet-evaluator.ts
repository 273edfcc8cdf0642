import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EvaluationRunResult } from '@jixiao/contracts';
import { DEFAULT_SCORING_SCHEME, GRADE_LABELS, IndicatorOverride, ScoringScheme, scoreSheet, sumMoney } from '@jixiao/domain';
import { EntityManager, In } from 'typeorm';
import { loadExecutionData } from '../../execution/services/execution-data';
import { FiscalYearEntity } from '../../fiscal-years/entities/fiscal-year.entity';
import type { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';
import { EvaluationEntity } from '../entities/evaluation.entity';
import { IndicatorScoreEntity } from '../entities/indicator-score.entity';
import type { EvaluationDetails } from './evaluation-details';

const INSERT_CHUNK = 5000; // rows per INSERT (one JSON parameter): a batch of 500 sheets is two or three statements

export interface EvaluatedBatch {
  evaluated: string[]; // sheet ids written
  blocked: EvaluationRunResult['blocked'];
}

/**
 * Year-end evaluation (自评, DESIGN §3) of a batch of sheets inside the caller's transaction: reads
 * the inputs with a few queries, scores every sheet with libs/domain `scoreSheet` (budget = the
 * project's total, spent = the year's expenditures, actual = the `Y` record), and replaces each
 * sheet's evaluation and indicator scores. Overrides (评价人调整分) survive a re-evaluation. A sheet
 * the rules cannot score (e.g. weights that do not add up) is reported as blocked and keeps its previous
 * evaluation. All rows of a batch are written in the caller's transaction: all or nothing.
 */
@Injectable()
export class SheetEvaluator {
  async evaluate(em: EntityManager, sheets: readonly TargetSheetEntity[]): Promise<EvaluatedBatch> {
    if (sheets.length === 0) return { evaluated: [], blocked: [] };
    const data = await loadExecutionData(em, sheets, ['Y']);
    const schemes = await this.schemes(em, [...new Set(sheets.map((s) => s.fiscalYear))]);
    const overrides = await this.overrides(em, sheets.map((s) => s.id));
    const names = await this.sheetNames(em, sheets);

    const evaluations: Partial<EvaluationEntity>[] = [];
    const scoreRows: IndicatorScoreEntity[][] = [];
    const blocked: EvaluatedBatch['blocked'] = [];
    for (const sheet of sheets) {
      const d = data.get(sheet.id)!;
      const finalOf = new Map(d.actuals.filter((a) => a.period === 'Y').map((a) => [a.indicatorId, a]));
      const sheetOverrides = overrides.get(sheet.id) ?? new Map<string, IndicatorOverride & { by: string | null }>();
      const score = scoreSheet({
        scheme: schemes.get(sheet.fiscalYear) ?? DEFAULT_SCORING_SCHEME,
        budget: d.budget,
        spent: sumMoney(d.expenditures.map((e) => e.amount)),
        fiscalYear: sheet.fiscalYear,
        indicators: d.indicators.map((i) => ({
          id: i.id,
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          spec: i.spec,
          weight: i.weight,
          actual: finalOf.get(i.id)?.actual ?? null,
          override: sheetOverrides.get(i.id) ?? null,
        })),
      });
      if (!score.ok || score.total === null || score.grade === null) {
        blocked.push({ sheetId: sheet.id, name: names.get(sheet.id) ?? '', errors: score.errors });
        continue;
      }
      const id = randomUUID();
      const unmetOf = new Map(score.unmet.map((u) => [u.indicatorId, u.severity]));
      const details: EvaluationDetails = {
        budgetExecution: score.budgetExecution,
        groups: score.groups,
        totalExplanation: score.totalExplanation,
        warnings: score.warnings,
        indicators: Object.fromEntries(score.indicators.map((i) => [i.id, { group: i.group, weightExplanation: i.weightExplanation, completion: i.completion }])),
      };
      evaluations.push({
        id,
        sheetId: sheet.id,
        budget: score.budgetExecution.budget ?? d.budget,
        spent: score.budgetExecution.spent ?? '0.00',
        executionRate: score.budgetExecution.rate === null ? null : String(score.budgetExecution.rate),
        executionPercent: score.budgetExecution.ratePercent,
        executionScore: score.budgetExecution.score ?? '0.00',
        totalScore: score.total,
        grade: GRADE_LABELS[score.grade],
        details,
      });
      scoreRows.push(
        score.indicators.map((i) => {
          const override = sheetOverrides.get(i.id);
          return {
            evaluationId: id,
            indicatorId: i.id,
            weight: i.weight ?? '0.00',
            completionRate: i.completion === null ? null : String(i.completion.rate),
            completionPercent: i.completion?.ratePercent ?? null,
            met: i.completion?.met ?? false,
            computedScore: i.computedScore ?? '0.00',
            overrideScore: i.override?.score ?? null,
            overrideReason: i.override?.reason ?? null,
            overrideBy: i.override ? (override?.by ?? null) : null,
            unmetFlag: unmetOf.get(i.id) ?? null,
            explanation: i.explanation,
          };
        }),
      );
    }

    const evaluatedIds = evaluations.map((e) => e.sheetId!);
    if (evaluatedIds.length > 0) {
      await em.query(`DELETE FROM evaluations WHERE sheet_id = ANY($1::uuid[])`, [evaluatedIds]); // indicator_scores go with them (ON DELETE CASCADE)
      await insertEvaluations(em, evaluations);
      await insertIndicatorScores(em, scoreRows.flat());
    }
    return { evaluated: evaluatedIds, blocked };
  }

  private async schemes(em: EntityManager, years: number[]): Promise<Map<number, ScoringScheme>> {
    const rows = await em.find(FiscalYearEntity, { where: { year: In(years) } });
    return new Map(rows.map((r) => [r.year, r.scoringScheme as unknown as ScoringScheme]));
  }

  /** Overrides of the sheets' current evaluations, by sheet and indicator. */
  private async overrides(em: EntityManager, sheetIds: string[]): Promise<Map<string, Map<string, IndicatorOverride & { by: string | null }>>> {
    const rows: { sheet_id: string; indicator_id: string; override_score: string; override_reason: string; override_by: string | null }[] = await em.query(
      `SELECT e.sheet_id, s.indicator_id, s.override_score::text AS override_score, s.override_reason, s.override_by
         FROM indicator_scores s JOIN evaluations e ON e.id = s.evaluation_id
        WHERE e.sheet_id = ANY($1::uuid[]) AND s.override_score IS NOT NULL`,
      [sheetIds],
    );
    const map = new Map<string, Map<string, IndicatorOverride & { by: string | null }>>();
    for (const r of rows) {
      const inner = map.get(r.sheet_id) ?? new Map();
      inner.set(r.indicator_id, { score: Number(r.override_score), reason: r.override_reason, by: r.override_by });
      map.set(r.sheet_id, inner);
    }
    return map;
  }

  private async sheetNames(em: EntityManager, sheets: readonly TargetSheetEntity[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await em.query(
      `SELECT s.id, coalesce(p.name, d.name || ' 部门整体') AS name
         FROM target_sheets s LEFT JOIN projects p ON p.id = s.project_id JOIN organizations d ON d.id = s.department_id
        WHERE s.id = ANY($1::uuid[])`,
      [sheets.map((s) => s.id)],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

/**
 * Multi-row inserts with the rows as one JSON parameter (`INSERT … SELECT FROM jsonb_to_recordset`):
 * the same rows as TypeORM's insert builder without a bound parameter per value, whose building and
 * binding dominated the writes of a region's year-end run (see bench/README.md).
 */
async function insertEvaluations(em: EntityManager, rows: readonly Partial<EvaluationEntity>[]): Promise<void> {
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
    }));
    await em.query(
      `INSERT INTO evaluations (id, sheet_id, budget, spent, execution_rate, execution_percent, execution_score, total_score, grade, details)
       SELECT id, sheet_id, budget, spent, execution_rate, execution_percent, execution_score, total_score, grade, details
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, sheet_id uuid, budget numeric, spent numeric, execution_rate numeric, execution_percent numeric,
                                                 execution_score numeric, total_score numeric, grade varchar, details jsonb)`,
      [JSON.stringify(chunk)],
    );
  }
}

async function insertIndicatorScores(em: EntityManager, rows: readonly IndicatorScoreEntity[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => ({
      evaluation_id: r.evaluationId,
      indicator_id: r.indicatorId,
      weight: r.weight,
      completion_rate: r.completionRate,
      completion_percent: r.completionPercent,
      met: r.met,
      computed_score: r.computedScore,
      override_score: r.overrideScore,
      override_reason: r.overrideReason,
      override_by: r.overrideBy,
      unmet_flag: r.unmetFlag,
      explanation: r.explanation,
    }));
    await em.query(
      `INSERT INTO indicator_scores (evaluation_id, indicator_id, weight, completion_rate, completion_percent, met, computed_score, override_score, override_reason, override_by, unmet_flag, explanation)
       SELECT evaluation_id, indicator_id, weight, completion_rate, completion_percent, met, computed_score, override_score, override_reason, override_by, unmet_flag, explanation
         FROM jsonb_to_recordset($1::jsonb) AS r(evaluation_id uuid, indicator_id uuid, weight numeric, completion_rate numeric, completion_percent numeric, met boolean, computed_score numeric,
                                                 override_score numeric, override_reason text, override_by uuid, unmet_flag varchar, explanation text)`,
      [JSON.stringify(chunk)],
    );
  }
}
