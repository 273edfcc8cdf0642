import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EvaluationRunResult } from '@jixiao/contracts';
import { GRADE_LABELS, scoreSheet, sumMoney } from '@jixiao/domain';
import type { Tx } from '../../core/database/persistence';
import { ExecutionDataService } from '../../execution/services/execution-data.service';
import { ScoringSchemeService } from '../../scoring-schemes/services/scoring-scheme.service';
import { ScoringIndicator, SheetDataService } from '../../target-sheets/services/sheet-data.service';
import type { EvaluationEntity } from '../entities/evaluation.entity';
import type { IndicatorScoreEntity } from '../entities/indicator-score.entity';
import { EvaluationRepository, StoredOverride } from '../persistence/evaluation.repository';
import { EvaluationDetails, storedIndicatorDetails } from './evaluation-details';

export interface EvaluatedBatch {
  evaluated: string[]; // sheet ids written
  blocked: EvaluationRunResult['blocked'];
}

/**
 * Year-end evaluation (自评, DESIGN §3) of a batch of sheets inside the caller's transaction: reads
 * the inputs with a few queries as plain rows (no entities), scores every sheet with libs/domain `scoreSheet` under the scheme of
 * its finance bureau × year × kind (recorded with the evaluation; budget = the project's total, or a
 * department's whole budget; spent = the year's expenditures, a department's basic and project
 * spending; actual = the `Y` record), and replaces each
 * sheet's evaluation and indicator scores. Overrides (评价人调整分) survive a re-evaluation. A sheet
 * the rules cannot score (e.g. weights that do not add up) is reported as blocked and keeps its previous
 * evaluation. All rows of a batch are written in the caller's transaction: all or nothing.
 */
@Injectable()
export class SheetEvaluator {
  constructor(
    private readonly executionData: ExecutionDataService,
    private readonly schemes: ScoringSchemeService,
    private readonly sheetData: SheetDataService,
    private readonly evaluations: EvaluationRepository,
  ) {}

  /** Evaluates these sheets (their ids; a sheet already locked by the caller, as the job and the single evaluation do). */
  async evaluate(tx: Tx, sheetIds: readonly string[]): Promise<EvaluatedBatch> {
    if (sheetIds.length === 0) return { evaluated: [], blocked: [] };
    // Plain rows, a few queries for the whole batch: sheets, indicators, spending, Y actuals, schemes, overrides.
    const { sheets, indicators } = await this.sheetData.scoringInputs(sheetIds, tx);
    const execution = await this.executionData.yearEnd(sheets, tx);
    const schemes = await this.schemes.forSubjects(sheets, tx); // the scheme of each sheet's finance bureau × year × kind
    const overrides = await this.evaluations.overridesOf(sheets.map((s) => s.id), tx);
    const indicatorsOf = new Map<string, ScoringIndicator[]>();
    for (const i of indicators) {
      const list = indicatorsOf.get(i.sheetId);
      if (list) list.push(i);
      else indicatorsOf.set(i.sheetId, [i]);
    }

    const evaluations: Partial<EvaluationEntity>[] = [];
    const scoreRows: IndicatorScoreEntity[][] = [];
    const blocked: EvaluatedBatch['blocked'] = [];
    for (const [index, sheet] of sheets.entries()) {
      const d = execution.bySheet.get(sheet.id)!;
      const applied = schemes[index]!;
      const sheetOverrides = overrides.get(sheet.id) ?? new Map<string, StoredOverride>();
      const score = scoreSheet({
        scheme: applied.definition,
        budget: d.budget,
        spent: sumMoney(d.spent),
        budgetBasis: d.department?.money.explanation ?? null, // a department-wide sheet: basic + project ÷ the whole budget
        fiscalYear: sheet.fiscalYear,
        indicators: (indicatorsOf.get(sheet.id) ?? []).map((i) => ({
          id: i.id,
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          spec: i.spec,
          weight: i.weight,
          actual: execution.actuals.get(i.id) ?? null,
          override: sheetOverrides.get(i.id) ?? null,
        })),
      });
      if (!score.ok || score.total === null || score.grade === null) {
        blocked.push({ sheetId: sheet.id, name: sheet.name, errors: score.errors });
        continue;
      }
      const id = randomUUID();
      const unmetOf = new Map(score.unmet.map((u) => [u.indicatorId, u.severity]));
      const details: EvaluationDetails = {
        budgetExecution: score.budgetExecution,
        groups: score.groups,
        totalExplanation: score.totalExplanation,
        warnings: score.warnings,
        scheme: { name: applied.definition.name },
        ...storedIndicatorDetails(score.indicators),
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
        schemeId: applied.id,
        schemeVersion: applied.version,
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

    await this.evaluations.replace(tx, evaluations, scoreRows.flat());
    return { evaluated: evaluations.map((e) => e.sheetId!), blocked };
  }
}
