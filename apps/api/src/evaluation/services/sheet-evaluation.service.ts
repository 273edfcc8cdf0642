import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvaluationResponse, IndicatorScoreResponse, UnmetSeverity } from '@jixiao/contracts';
import { formatActualValue, gradeOfLabel } from '@jixiao/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { AppException } from '../../core/errors/error-codes';
import { IndicatorActualEntity } from '../../execution/entities/indicator-actual.entity';
import { UserEntity } from '../../organizations/entities/user.entity';
import { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import { organizationRef } from '../../organizations/entities/organization.entity';
import { implementingUnitRef, loadSheetInScope, ScopedSheet } from '../../target-sheets/services/sheet-scope';
import type { OverrideScoreDto } from '../dto/override-score.dto';
import { EvaluationEntity } from '../entities/evaluation.entity';
import { IndicatorScoreEntity } from '../entities/indicator-score.entity';
import { SheetEvaluator } from './sheet-evaluator';

/** Who may evaluate a sheet (自评): its editors and every reviewer above them. */
export const EVALUATORS = ['unit_editor', 'department_reviewer', 'finance_reviewer', 'admin'] as const;
/** Who may adjust a computed score (评价人调整分): reviewers only. */
export const SCORE_OVERRIDERS = ['department_reviewer', 'finance_reviewer', 'admin'] as const;


/** One sheet's year-end evaluation: compute it now, read it, adjust a score with a reason. */
@Injectable()
export class SheetEvaluationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluator: SheetEvaluator,
    private readonly audit: AuditService,
  ) {}

  async evaluate(principal: Principal, sheetId: string, correlationId: string | null): Promise<EvaluationResponse> {
    return this.dataSource.transaction(async (em) => {
      const scoped = await loadSheetInScope(em, principal, sheetId, true);
      if (scoped.sheet.status !== 'approved') {
        throw new AppException('SHEET_NOT_APPROVED', '目标表尚未批准，批准后才能自评 / only approved sheets are evaluated');
      }
      const result = await this.evaluator.evaluate(em, [scoped.sheet]);
      if (result.blocked.length > 0) {
        const errors = result.blocked[0]!.errors;
        throw new AppException('EVALUATION_BLOCKED', `暂不能计算得分：${errors[0]?.message ?? ''}${errors.length > 1 ? `（共 ${errors.length} 个问题）` : ''} / the sheet cannot be scored`, { errors });
      }
      const response = await this.read(em, scoped);
      await this.audit.record(em, {
        actorId: principal.userId,
        action: 'evaluation.compute',
        entityType: 'target_sheet',
        entityId: scoped.sheet.id,
        sheetId: scoped.sheet.id,
        after: { total: response.total, grade: response.gradeLabel, unmet: response.unmetCounts },
        correlationId,
      });
      return response;
    });
  }

  async get(principal: Principal, sheetId: string): Promise<EvaluationResponse> {
    const em = this.dataSource.manager;
    return this.read(em, await loadSheetInScope(em, principal, sheetId));
  }

  /** Sets or clears a reviewer's score for one indicator and recomputes the total, in one transaction. */
  async override(principal: Principal, sheetId: string, indicatorId: string, dto: OverrideScoreDto, correlationId: string | null): Promise<EvaluationResponse> {
    return this.dataSource.transaction(async (em) => {
      const scoped = await loadSheetInScope(em, principal, sheetId, true);
      const evaluation = await em.findOneBy(EvaluationEntity, { sheetId: scoped.sheet.id });
      if (!evaluation) throw new AppException('EVALUATION_NOT_FOUND', '该目标表尚未计算自评得分，请先计算 / not evaluated yet');
      const row = await em.findOneBy(IndicatorScoreEntity, { evaluationId: evaluation.id, indicatorId });
      if (!row) throw new AppException('INDICATOR_NOT_IN_SHEET', '该指标不在此自评结果中 / indicator not in this evaluation');
      const reason = dto.reason?.trim() ?? '';
      if (dto.score !== null) {
        if (Number(dto.score) > Number(row.weight)) {
          throw new AppException('OVERRIDE_INVALID', `调整分 ${dto.score} 超过该指标分值 ${row.weight} / the score exceeds the weight`);
        }
        if (reason === '') throw new AppException('OVERRIDE_INVALID', '调整得分须写明理由 / a reason is required');
      }
      const before = { score: row.overrideScore, reason: row.overrideReason };
      await em.update(
        IndicatorScoreEntity,
        { evaluationId: evaluation.id, indicatorId },
        dto.score === null ? { overrideScore: null, overrideReason: null, overrideBy: null } : { overrideScore: dto.score, overrideReason: reason, overrideBy: principal.userId },
      );
      const result = await this.evaluator.evaluate(em, [scoped.sheet]);
      if (result.blocked.length > 0) {
        throw new AppException('EVALUATION_BLOCKED', `暂不能重新计算得分：${result.blocked[0]!.errors[0]?.message ?? ''} / the sheet cannot be scored`, { errors: result.blocked[0]!.errors });
      }
      const response = await this.read(em, scoped);
      await this.audit.record(em, {
        actorId: principal.userId,
        action: 'evaluation.override',
        entityType: 'indicator',
        entityId: indicatorId,
        sheetId: scoped.sheet.id,
        before,
        after: { score: dto.score, reason: dto.score === null ? null : reason, total: response.total },
        correlationId,
      });
      return response;
    });
  }

  /** The stored evaluation of a sheet already checked against the caller's scope. */
  async read(em: EntityManager, { sheet, project, department, owner }: ScopedSheet): Promise<EvaluationResponse> {
    const evaluation = await em.findOneBy(EvaluationEntity, { sheetId: sheet.id });
    if (!evaluation) throw new AppException('EVALUATION_NOT_FOUND', '该目标表尚未计算自评得分 / not evaluated yet');
    const indicators = await em.find(IndicatorEntity, { where: { sheetId: sheet.id }, order: { position: 'ASC' } });
    const scores = await em.find(IndicatorScoreEntity, { where: { evaluationId: evaluation.id } });
    const finals = indicators.length === 0 ? [] : await em.find(IndicatorActualEntity, { where: { indicatorId: In(indicators.map((i) => i.id)), period: 'Y' } });
    const scoreOf = new Map(scores.map((s) => [s.indicatorId, s]));
    const finalOf = new Map(finals.map((a) => [a.indicatorId, a]));
    const overriders = [...new Set(scores.flatMap((s) => (s.overrideBy ? [s.overrideBy] : [])))];
    const users = overriders.length === 0 ? [] : await em.find(UserEntity, { where: { id: In(overriders) } });
    const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
    const details = evaluation.details;
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
          weightExplanation: extra?.weightExplanation ?? '',
          completion: extra?.completion ?? null,
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
    };
  }
}
