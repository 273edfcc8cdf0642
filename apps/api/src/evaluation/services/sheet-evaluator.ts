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

const INSERT_CHUNK = 1000; // rows per INSERT (PostgreSQL allows 65535 parameters; 11 columns a row)

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
        executionRate: score.budgetExecution.rate === null ? null : score.budgetExecution.rate.toFixed(6),
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
            completionRate: i.completion === null ? null : i.completion.rate.toFixed(6),
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
      await em.delete(EvaluationEntity, { sheetId: In(evaluatedIds) }); // indicator_scores go with them (ON DELETE CASCADE)
      for (let i = 0; i < evaluations.length; i += INSERT_CHUNK) {
        await em.createQueryBuilder().insert().into(EvaluationEntity).values(evaluations.slice(i, i + INSERT_CHUNK)).execute();
      }
      const rows = scoreRows.flat();
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await em.createQueryBuilder().insert().into(IndicatorScoreEntity).values(rows.slice(i, i + INSERT_CHUNK)).execute();
      }
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
