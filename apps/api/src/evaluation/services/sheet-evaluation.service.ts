import { Injectable } from '@nestjs/common';
import type { EvaluationResponse } from '@jixiao/contracts';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { SheetAccessService } from '../../target-sheets/services/sheet-access.service';
import type { OverrideScoreDto } from '../dto/override-score.dto';
import { EvaluationRepository } from '../persistence/evaluation.repository';
import { evaluationBusy } from './evaluation-busy';
import { EvaluationReaderService } from './evaluation-reader.service';
import { SheetEvaluator } from './sheet-evaluator';

/** Who may evaluate a sheet (自评): its editors and every reviewer above them. */
export const EVALUATORS = ['unit_editor', 'department_reviewer', 'finance_reviewer', 'admin'] as const;
/** Who may adjust a computed score (评价人调整分): reviewers only. */
export const SCORE_OVERRIDERS = ['department_reviewer', 'finance_reviewer', 'admin'] as const;


/** One sheet's year-end evaluation: compute it now, adjust a score with a reason (reading it: EvaluationReaderService). */
@Injectable()
export class SheetEvaluationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: SheetAccessService,
    private readonly evaluator: SheetEvaluator,
    private readonly evaluations: EvaluationRepository,
    private readonly reader: EvaluationReaderService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Locks the sheet first (as each batch of the region's run locks its sheets first, in id order),
   * then replaces its evaluation; a deadlock or serialization failure is tried once more, then 409 EVALUATION_BUSY.
   */
  async evaluate(principal: Principal, sheetId: string, correlationId: string | null): Promise<EvaluationResponse> {
    return this.transactions.runRetrying(async (tx) => {
      const scoped = await this.access.lockInScope(tx, principal, sheetId);
      if (scoped.sheet.status !== 'approved') {
        throw new AppException(ErrorCode.SHEET_NOT_APPROVED, '目标表尚未批准，批准后才能自评 / only approved sheets are evaluated');
      }
      const result = await this.evaluator.evaluate(tx, [scoped.sheet.id]);
      if (result.blocked.length > 0) {
        const errors = result.blocked[0]!.errors;
        throw new AppException(ErrorCode.EVALUATION_BLOCKED, `暂不能计算得分：${errors[0]?.message ?? ''}${errors.length > 1 ? `（共 ${errors.length} 个问题）` : ''} / the sheet cannot be scored`, { errors });
      }
      const response = await this.reader.read(scoped, tx);
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'evaluation.compute',
        entityType: 'target_sheet',
        entityId: scoped.sheet.id,
        sheetId: scoped.sheet.id,
        after: { total: response.total, grade: response.gradeLabel, unmet: response.unmetCounts },
        correlationId,
      });
      return response;
    }, evaluationBusy);
  }

  /** Sets or clears a reviewer's score for one indicator and recomputes the total, in one transaction. */
  async override(principal: Principal, sheetId: string, indicatorId: string, dto: OverrideScoreDto, correlationId: string | null): Promise<EvaluationResponse> {
    return this.transactions.runRetrying(async (tx) => {
      const scoped = await this.access.lockInScope(tx, principal, sheetId);
      const evaluation = await this.evaluations.findBySheet(scoped.sheet.id, tx);
      if (!evaluation) throw new AppException(ErrorCode.EVALUATION_NOT_FOUND, '该目标表尚未计算自评得分，请先计算 / not evaluated yet');
      const row = await this.evaluations.findScore(evaluation.id, indicatorId, tx);
      if (!row) throw new AppException(ErrorCode.INDICATOR_NOT_IN_SHEET, '该指标不在此自评结果中 / indicator not in this evaluation');
      const reason = dto.reason?.trim() ?? '';
      if (dto.score !== null) {
        if (Number(dto.score) > Number(row.weight)) {
          throw new AppException(ErrorCode.OVERRIDE_INVALID, `调整分 ${dto.score} 超过该指标分值 ${row.weight} / the score exceeds the weight`);
        }
        if (reason === '') throw new AppException(ErrorCode.OVERRIDE_INVALID, '调整得分须写明理由 / a reason is required');
      }
      const before = { score: row.overrideScore, reason: row.overrideReason };
      await this.evaluations.setOverride(
        tx,
        evaluation.id,
        indicatorId,
        dto.score === null ? { overrideScore: null, overrideReason: null, overrideBy: null } : { overrideScore: dto.score, overrideReason: reason, overrideBy: principal.userId },
      );
      const result = await this.evaluator.evaluate(tx, [scoped.sheet.id]);
      if (result.blocked.length > 0) {
        throw new AppException(ErrorCode.EVALUATION_BLOCKED, `暂不能重新计算得分：${result.blocked[0]!.errors[0]?.message ?? ''} / the sheet cannot be scored`, { errors: result.blocked[0]!.errors });
      }
      const response = await this.reader.read(scoped, tx);
      await this.audit.record(tx, {
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
    }, evaluationBusy);
  }
}
