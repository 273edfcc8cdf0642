import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TargetSheetResponse } from '@jixiao/contracts';
import { checkAcknowledgements, decideTransition, diffSheets, SheetDiff } from '@jixiao/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { TransitionDto } from '../dto/transition.dto';
import { IndicatorEntity } from '../entities/indicator.entity';
import { SheetTaskEntity } from '../entities/sheet-task.entity';
import { SpendingPlanPointEntity } from '../entities/spending-plan-point.entity';
import { TargetSheetEntity } from '../entities/target-sheet.entity';
import { SheetReaderService } from './sheet-reader.service';
import { reviewStoredSheet } from './sheet-review';
import { AuditedAcknowledgement, auditedAcknowledgements, replaceAcknowledgements } from './sheet-acknowledgements';
import { carryActualsForward } from './carry-forward';
import { loadSheetInScope } from './sheet-scope';

const WORKFLOW_HTTP: Record<string, ErrorCode> = {
  TRANSITION_NOT_ALLOWED: 'TRANSITION_NOT_ALLOWED',
  ROLE_NOT_ALLOWED: 'ROLE_FORBIDDEN',
  RETURN_COMMENT_REQUIRED: 'RETURN_COMMENT_REQUIRED',
};

/** 审核与调整: moves a sheet through its workflow; an adjustment opens a new version. One transaction each. */
@Injectable()
export class SheetWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: SheetReaderService,
    private readonly audit: AuditService,
  ) {}

  async transition(principal: Principal, sheetId: string, dto: TransitionDto, correlationId: string | null): Promise<TargetSheetResponse> {
    return this.dataSource.transaction(async (em) => {
      const scoped = await loadSheetInScope(em, principal, sheetId, true);
      const { sheet } = scoped;
      const decision = decideTransition({
        status: sheet.status, action: dto.action, role: principal.role, comment: dto.comment ?? null,
        sheetKind: sheet.kind, isAdjustment: sheet.version > 1,
      });
      if (!decision.ok) throw new AppException(WORKFLOW_HTTP[decision.code] ?? 'TRANSITION_NOT_ALLOWED', decision.message);
      if (!sheet.isCurrent) throw new AppException('TRANSITION_NOT_ALLOWED', `这是第 ${sheet.version} 版的历史目标表，已有更新的版本 / not the current version`);
      if (sheet.rowVersion !== dto.rowVersion) {
        throw new AppException('SHEET_VERSION_CONFLICT', '该目标表刚被他人修改或审核，请刷新后再操作 / changed by someone else', { currentRowVersion: sheet.rowVersion });
      }
      if (dto.action !== 'submit' && dto.acknowledgements !== undefined) {
        throw new AppException('VALIDATION_FAILED', '只有「提交」时可以填写问题确认（acknowledgements）/ acknowledgements go with submit only');
      }
      const indicators = await em.find(IndicatorEntity, { where: { sheetId }, order: { position: 'ASC' } });
      const points = await em.find(SpendingPlanPointEntity, { where: { sheetId }, order: { month: 'ASC' } });
      const findings = dto.action === 'submit' ? reviewStoredSheet(sheet, scoped.project, indicators, points) : [];
      // 提交: the review runs again on the stored sheet; every error-level finding needs a written reason.
      let acknowledgements: AuditedAcknowledgement[] | undefined;
      if (dto.action === 'submit') {
        const check = checkAcknowledgements(findings, dto.acknowledgements ?? []);
        if (!check.ok) {
          throw new AppException('FINDINGS_NOT_ACKNOWLEDGED', check.message, {
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
        const next = await this.openNewVersion(em, sheet, indicators, points);
        await this.audit.record(em, {
          actorId: principal.userId, action: 'sheet.adjust', entityType: 'target_sheet', entityId: next.id, sheetId: next.id,
          before: { ...before, sheetId: sheet.id }, after: { status: next.status, version: next.version, comment }, correlationId,
        });
        return this.reader.read(em, { ...scoped, sheet: next });
      }

      const [, updated] = await em.query(
        `UPDATE target_sheets SET status = $1, row_version = row_version + 1, updated_at = now() WHERE id = $2 AND row_version = $3`,
        [decision.to, sheet.id, dto.rowVersion],
      );
      if (updated !== 1) throw new AppException('SHEET_VERSION_CONFLICT', '该目标表刚被他人修改或审核，请刷新后再操作 / changed by someone else');
      sheet.status = decision.to;
      sheet.rowVersion = dto.rowVersion + 1;
      const carried = decision.to === 'approved' && sheet.previousVersionId ? await carryActualsForward(em, sheet.previousVersionId, sheet.id) : undefined;
      if (acknowledgements !== undefined) await replaceAcknowledgements(em, sheet.id, acknowledgements, principal.userId);
      await this.audit.record(em, {
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
      return this.reader.read(em, scoped);
    });
  }

  /** The readable diff of a sheet against the version it adjusts (empty for a first version). */
  async diffToPrevious(principal: Principal, sheetId: string): Promise<SheetDiff & { previousVersionId: string | null; previousVersion: number | null }> {
    const em = this.dataSource.manager;
    const { sheet } = await loadSheetInScope(em, principal, sheetId);
    if (!sheet.previousVersionId) return { previousVersionId: null, previousVersion: null, ...diffSheets(emptySnapshot(), emptySnapshot()) };
    const previous = await em.findOneByOrFail(TargetSheetEntity, { id: sheet.previousVersionId });
    const diff = diffSheets(await this.snapshot(em, previous), await this.snapshot(em, sheet));
    return { previousVersionId: previous.id, previousVersion: previous.version, ...diff };
  }

  private async snapshot(em: EntityManager, sheet: TargetSheetEntity) {
    const indicators = await em.find(IndicatorEntity, { where: { sheetId: sheet.id }, order: { position: 'ASC' } });
    const points = await em.find(SpendingPlanPointEntity, { where: { sheetId: sheet.id }, order: { month: 'ASC' } });
    const tasks = await em.find(SheetTaskEntity, { where: { sheetId: sheet.id }, order: { position: 'ASC' } });
    return {
      goals: sheet.goals,
      // versions copy indicators with new ids: match them by their place in the tree, not by id
      indicators: indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.targetText, weight: i.weight, basis: i.basis, remark: i.remark, description: i.description })),
      spendingPlan: points.map((p) => ({ month: p.month, cumulativeAmount: p.cumulativeAmount })),
      tasks: tasks.map((t) => ({ name: t.name, content: t.content, amount: t.amount })),
      budget: sheet.kind === 'department' ? { total: sheet.budgetTotal, basic: sheet.budgetBasic, project: sheet.budgetProject } : null,
    };
  }

  /** 调整: a draft copy of an approved sheet becomes the current version; the approved one stays readable. */
  private async openNewVersion(em: EntityManager, sheet: TargetSheetEntity, indicators: IndicatorEntity[], points: SpendingPlanPointEntity[]): Promise<TargetSheetEntity> {
    await em.update(TargetSheetEntity, { id: sheet.id }, { isCurrent: false });
    const { createdAt: _created, updatedAt: _updated, ...content } = sheet;
    const next = em.create(TargetSheetEntity, {
      ...content, id: randomUUID(), version: sheet.version + 1, previousVersionId: sheet.id, isCurrent: true, status: 'draft', rowVersion: 1,
    });
    await em.insert(TargetSheetEntity, next);
    if (indicators.length) await em.insert(IndicatorEntity, indicators.map((i) => ({ ...i, id: randomUUID(), sheetId: next.id })));
    if (points.length) await em.insert(SpendingPlanPointEntity, points.map((p) => ({ ...p, sheetId: next.id })));
    const tasks = await em.find(SheetTaskEntity, { where: { sheetId: sheet.id } });
    if (tasks.length) await em.insert(SheetTaskEntity, tasks.map((t) => ({ ...t, sheetId: next.id })));
    return next;
  }
}

function emptySnapshot() {
  return { goals: [], indicators: [], spendingPlan: [] };
}
