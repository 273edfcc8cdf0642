import { Injectable } from '@nestjs/common';
import type { TargetSheetResponse } from '@jixiao/contracts';
import { checkAcknowledgements, decideTransition, diffSheets, SheetDiff } from '@jixiao/domain';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { ScoringSchemeService } from '../../scoring-schemes/services/scoring-scheme.service';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { TransitionDto } from '../dto/transition.dto';
import type { TargetSheetEntity } from '../entities/target-sheet.entity';
import { AuditedAcknowledgement, FindingAcknowledgementRepository } from '../persistence/finding-acknowledgement.repository';
import { SheetRepository } from '../persistence/sheet.repository';
import { AdjustmentHooks } from './adjustment-hooks';
import { SheetAccessService } from './sheet-access.service';
import { SheetReaderService } from './sheet-reader.service';
import { auditedAcknowledgements } from './sheet-acknowledgements';
import { reviewStoredSheet } from './sheet-review';

const WORKFLOW_HTTP: Record<string, ErrorCode> = {
  TRANSITION_NOT_ALLOWED: ErrorCode.TRANSITION_NOT_ALLOWED,
  ROLE_NOT_ALLOWED: ErrorCode.ROLE_FORBIDDEN,
  RETURN_COMMENT_REQUIRED: ErrorCode.RETURN_COMMENT_REQUIRED,
};

/** 审核与调整: moves a sheet through its workflow; an adjustment opens a new version. One transaction each. */
@Injectable()
export class SheetWorkflowService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: SheetAccessService,
    private readonly sheets: SheetRepository,
    private readonly reader: SheetReaderService,
    private readonly audit: AuditService,
    private readonly adjustments: AdjustmentHooks,
    private readonly acknowledgementStore: FindingAcknowledgementRepository,
    private readonly schemes: ScoringSchemeService,
  ) {}

  async transition(principal: Principal, sheetId: string, dto: TransitionDto, correlationId: string | null): Promise<TargetSheetResponse> {
    return this.transactions.run(async (tx) => {
      const scoped = await this.access.lockInScope(tx, principal, sheetId);
      const { sheet } = scoped;
      const decision = decideTransition({
        status: sheet.status, action: dto.action, role: principal.role, comment: dto.comment ?? null,
        sheetKind: sheet.kind, isAdjustment: sheet.version > 1,
      });
      if (!decision.ok) throw new AppException(WORKFLOW_HTTP[decision.code] ?? ErrorCode.TRANSITION_NOT_ALLOWED, decision.message);
      if (!sheet.isCurrent) throw new AppException(ErrorCode.TRANSITION_NOT_ALLOWED, `这是第 ${sheet.version} 版的历史目标表，已有更新的版本 / not the current version`);
      if (sheet.rowVersion !== dto.rowVersion) {
        throw new AppException(ErrorCode.SHEET_VERSION_CONFLICT, '该目标表刚被他人修改或审核，请刷新后再操作 / changed by someone else', { currentRowVersion: sheet.rowVersion });
      }
      if (dto.action !== 'submit' && dto.acknowledgements !== undefined) {
        throw new AppException(ErrorCode.VALIDATION_FAILED, '只有「提交」时可以填写问题确认（acknowledgements）/ acknowledgements go with submit only');
      }
      const indicators = await this.sheets.indicatorsOf([sheetId], tx);
      const points = await this.sheets.planOf([sheetId], tx);
      const findings = dto.action === 'submit' ? reviewStoredSheet(sheet, scoped.project, indicators, points, (await this.schemes.forSubject(sheet, tx)).definition) : [];
      // 提交: the review runs again on the stored sheet; every error-level finding needs a written reason.
      let acknowledgements: AuditedAcknowledgement[] | undefined;
      if (dto.action === 'submit') {
        const check = checkAcknowledgements(findings, dto.acknowledgements ?? []);
        if (!check.ok) {
          throw new AppException(ErrorCode.FINDINGS_NOT_ACKNOWLEDGED, check.message, {
            unacknowledged: check.unacknowledged.map(({ finding, occurrence, given }) => ({ ...finding, occurrence, given })),
            tooLong: check.tooLong.map(({ finding, occurrence }) => ({ ...finding, occurrence })),
            unknown: check.unknown,
          });
        }
        acknowledgements = auditedAcknowledgements(check.acknowledged, indicators);
      }
      const before = { status: sheet.status, version: sheet.version };
      const comment = dto.comment?.trim() || null;

      if (decision.createsVersion) {
        const { createdAt: _created, updatedAt: _updated, ...content } = sheet;
        const next = await this.sheets.insertNewVersion(
          tx,
          sheet.id,
          { ...content, id: randomUUID(), version: sheet.version + 1, previousVersionId: sheet.id, isCurrent: true, status: 'draft', rowVersion: 1 },
          indicators,
          points,
        );
        await this.audit.record(tx, {
          actorId: principal.userId, action: 'sheet.adjust', entityType: 'target_sheet', entityId: next.id, sheetId: next.id,
          before: { ...before, sheetId: sheet.id }, after: { status: next.status, version: next.version, comment }, correlationId,
        });
        return this.reader.read({ ...scoped, sheet: next }, tx);
      }

      const updated = await this.sheets.updateStatus(tx, sheet.id, decision.to, dto.rowVersion);
      if (!updated) throw new AppException(ErrorCode.SHEET_VERSION_CONFLICT, '该目标表刚被他人修改或审核，请刷新后再操作 / changed by someone else');
      sheet.status = decision.to;
      sheet.rowVersion = dto.rowVersion + 1;
      const carried = decision.to === 'approved' && sheet.previousVersionId ? await this.adjustments.approved(tx, sheet.previousVersionId, sheet.id) : undefined;
      if (acknowledgements !== undefined) await this.acknowledgementStore.replace(tx, sheet.id, acknowledgements, principal.userId);
      await this.audit.record(tx, {
        actorId: principal.userId, action: `sheet.${dto.action}`, entityType: 'target_sheet', entityId: sheet.id, sheetId: sheet.id,
        before,
        after: {
          status: sheet.status, version: sheet.version, comment,
          findingCount: dto.action === 'submit' ? findings.length : undefined,
          errorCount: dto.action === 'submit' ? findings.filter((f) => f.severity === 'error').length : undefined,
          acknowledgements,
          actualsCarriedOver: carried,
        },
        correlationId,
      });
      return this.reader.read(scoped, tx);
    });
  }

  /** The readable diff of a sheet against the version it adjusts (empty for a first version). */
  async diffToPrevious(principal: Principal, sheetId: string): Promise<SheetDiff & { previousVersionId: string | null; previousVersion: number | null }> {
    const { sheet } = await this.access.inScope(principal, sheetId);
    if (!sheet.previousVersionId) return { previousVersionId: null, previousVersion: null, ...diffSheets(emptySnapshot(), emptySnapshot()) };
    const previous = await this.sheets.getById(sheet.previousVersionId);
    const diff = diffSheets(await this.snapshot(previous), await this.snapshot(sheet));
    return { previousVersionId: previous.id, previousVersion: previous.version, ...diff };
  }

  private async snapshot(sheet: TargetSheetEntity) {
    const indicators = await this.sheets.indicatorsOf([sheet.id]);
    const points = await this.sheets.planOf([sheet.id]);
    const tasks = await this.sheets.tasksOf([sheet.id]);
    return {
      goals: sheet.goals,
      // versions copy indicators with new ids: match them by their place in the tree, not by id
      indicators: indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.targetText, weight: i.weight, basis: i.basis, remark: i.remark, description: i.description })),
      spendingPlan: points.map((p) => ({ month: p.month, cumulativeAmount: p.cumulativeAmount })),
      tasks: tasks.map((t) => ({ name: t.name, content: t.content, amount: t.amount })),
      budget: sheet.kind === 'department' ? { total: sheet.budgetTotal, basic: sheet.budgetBasic, project: sheet.budgetProject } : null,
    };
  }
}

function emptySnapshot() {
  return { goals: [], indicators: [], spendingPlan: [] };
}
