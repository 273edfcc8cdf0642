import { Injectable } from '@nestjs/common';
import type { EvaluationResponse, IndicatorScoreResponse, UnmetSeverity } from '@jixiao/contracts';
import { DEFAULT_SCORING_SCHEME, formatActualValue, gradeOfLabel } from '@jixiao/domain';
import type { Principal } from '../../core/auth/principal';
import type { Tx } from '../../core/database/persistence';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { ExecutionDataService } from '../../execution/services/execution-data.service';
import { organizationRef } from '../../organizations/organization-ref';
import { UserDirectoryService } from '../../organizations/services/user-directory.service';
import { ScoringSchemeService } from '../../scoring-schemes/services/scoring-scheme.service';
import { SheetAccessService } from '../../target-sheets/services/sheet-access.service';
import { SheetDataService } from '../../target-sheets/services/sheet-data.service';
import { implementingUnitRef, ScopedSheet } from '../../target-sheets/services/sheet-scope';
import { EvaluationRepository } from '../persistence/evaluation.repository';
import { fullCompletion, weightExplanationOf } from './evaluation-details';

/** A sheet's stored year-end evaluation with how every number was reached (also for the reports context). */
@Injectable()
export class EvaluationReaderService {
  constructor(
    private readonly access: SheetAccessService,
    private readonly evaluations: EvaluationRepository,
    private readonly sheetData: SheetDataService,
    private readonly executionData: ExecutionDataService,
    private readonly users: UserDirectoryService,
    private readonly schemes: ScoringSchemeService,
  ) {}

  async get(principal: Principal, sheetId: string): Promise<EvaluationResponse> {
    return this.read(await this.access.inScope(principal, sheetId));
  }

  /** The stored evaluation of a sheet already checked against the caller's scope. */
  async read({ sheet, project, department, owner }: ScopedSheet, tx?: Tx): Promise<EvaluationResponse> {
    const evaluation = await this.evaluations.findBySheet(sheet.id, tx);
    if (!evaluation) throw new AppException(ErrorCode.EVALUATION_NOT_FOUND, '该目标表尚未计算自评得分 / not evaluated yet');
    const indicators = await this.sheetData.indicatorsOf([sheet.id], tx);
    const scores = await this.evaluations.scoresOf(evaluation.id, tx);
    const finals = await this.executionData.actualsOf(indicators.map((i) => i.id), ['Y'], tx);
    const scoreOf = new Map(scores.map((s) => [s.indicatorId, s]));
    const finalOf = new Map(finals.map((a) => [a.indicatorId, a]));
    const nameOf = await this.users.displayNames(scores.flatMap((s) => (s.overrideBy ? [s.overrideBy] : [])), tx);
    const details = evaluation.details;
    const inEffect = await this.schemes.forSubject(sheet, tx);
    const unmetCounts: Record<UnmetSeverity, number> = { minor: 0, moderate: 0, severe: 0, missing: 0 };

    const rows: IndicatorScoreResponse[] = indicators.flatMap((indicator) => {
      const score = scoreOf.get(indicator.id);
      if (!score) return []; // an indicator added after the evaluation: shown after the next one
      const extra = details.indicators[indicator.id];
      const final = finalOf.get(indicator.id) ?? null;
      if (score.unmetFlag) unmetCounts[score.unmetFlag] += 1;
      return [
        {
          indicatorId: indicator.id,
          order: indicator.position,
          level1: indicator.level1,
          level2: indicator.level2,
          name: indicator.name,
          target: indicator.targetText,
          spec: indicator.spec,
          actual: final?.actual ?? null,
          actualText: formatActualValue(final?.actual ?? null, indicator.spec),
          group: extra?.group ?? 'other',
          weight: score.weight,
          weightExplanation: weightExplanationOf(details, extra),
          completion: fullCompletion(extra?.completion, score),
          computedScore: score.computedScore,
          override: score.overrideScore === null ? null : { score: score.overrideScore, reason: score.overrideReason ?? '', by: score.overrideBy ? (nameOf.get(score.overrideBy) ?? null) : null },
          score: score.overrideScore ?? score.computedScore,
          unmet: score.unmetFlag,
          deviationReason: final?.deviationReason ?? null,
          measures: final?.measures ?? null,
          explanation: score.explanation,
        },
      ];
    });

    return {
      sheetId: sheet.id,
      kind: sheet.kind,
      fiscalYear: sheet.fiscalYear,
      department: organizationRef(department),
      project: project && {
        id: project.id,
        code: project.code,
        name: project.name,
        unit: implementingUnitRef({ department, owner }),
        purpose: project.purpose,
        amount: { total: project.amountTotal, fiscal: project.amountFiscal, other: project.amountOther },
      },
      goals: sheet.goals,
      computedAt: new Date(evaluation.computedAt).toISOString(),
      budgetExecution: details.budgetExecution,
      groups: details.groups,
      indicators: rows,
      total: evaluation.totalScore,
      totalExplanation: details.totalExplanation,
      grade: gradeOfLabel(evaluation.grade)!,
      gradeLabel: evaluation.grade,
      unmetCounts,
      warnings: details.warnings,
      scheme: { id: evaluation.schemeId, version: evaluation.schemeVersion, name: details.scheme?.name ?? DEFAULT_SCORING_SCHEME.name },
      stale: inEffect.id !== evaluation.schemeId, // the bureau's scheme changed since (or was configured, or the department moved)
    };
  }
}
