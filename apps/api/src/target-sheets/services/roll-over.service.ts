import { Injectable } from '@nestjs/common';
import type { TargetSheetResponse } from '@jixiao/contracts';
import { mayEditSheet, parseTarget, SHEET_STATUS_LABELS } from '@jixiao/domain';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import type { Tx } from '../../core/database/persistence';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { YearCalendarService } from '../../fiscal-years/services/year-calendar.service';
import type { RollOverDto } from '../dto/update-project.dto';
import type { IndicatorEntity } from '../entities/indicator.entity';
import type { TargetSheetEntity } from '../entities/target-sheet.entity';
import { ProjectRepository } from '../persistence/project.repository';
import { SheetRepository } from '../persistence/sheet.repository';
import { assertCodeFree } from './project-codes';
import { SheetAccessService } from './sheet-access.service';
import { SheetReaderService } from './sheet-reader.service';
import type { ScopedSheet } from './sheet-scope';

/**
 * 结转: a unit (or a department, for its department-wide sheet) starts a later year's sheet from this
 * one — the version in effect (the highest approved), else the current one. The new sheet is a draft
 * of the same unit: goals, indicators (text, parsed spec, levels, weights, basis, remark), the spending
 * plan or the tasks and budget are copied, and so is a project's header (edited afterwards: 修改项目信息);
 * each indicator keeps a reference to the one it copies, so last year's target and actual show beside
 * it. The target year must be open; a lineage is rolled over once (409 naming the sheet it became).
 */
@Injectable()
export class RollOverService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: SheetAccessService,
    private readonly calendar: YearCalendarService,
    private readonly projects: ProjectRepository,
    private readonly sheets: SheetRepository,
    private readonly reader: SheetReaderService,
    private readonly audit: AuditService,
  ) {}

  async rollOver(principal: Principal, sheetId: string, dto: RollOverDto, correlationId: string | null): Promise<TargetSheetResponse> {
    return this.transactions.run(async (tx) => {
      const scoped = await this.access.lockInScope(tx, principal, sheetId);
      const { sheet } = scoped;
      if (!mayEditSheet(principal.role, sheet.kind)) {
        throw new AppException(ErrorCode.ROLE_FORBIDDEN, sheet.kind === 'project' ? '项目绩效目标由单位填报人结转' : '部门整体绩效目标由部门结转');
      }
      const year = dto.fiscalYear;
      if (year <= sheet.fiscalYear) throw new AppException(ErrorCode.VALIDATION_FAILED, `只能结转到 ${sheet.fiscalYear} 年以后的预算年度`);
      await this.calendar.assertOpen(tx, year);
      if (scoped.project) await this.projects.findById(scoped.project.id, tx, true); // one roll-over of a project at a time
      const versions = await this.sheets.versionsOf(sheet, tx);
      const [already] = await this.sheets.rolledOverFrom(versions.map((v) => v.id), tx);
      if (already !== undefined) {
        throw new AppException(
          ErrorCode.SHEET_ALREADY_ROLLED_OVER,
          `该目标表已结转到 ${already.fiscal_year} 年度（「${already.name}」，${SHEET_STATUS_LABELS[already.status]}，第 ${already.version} 版），不能重复结转`,
          { sheetId: already.id, fiscalYear: already.fiscal_year },
        );
      }
      const source = [...versions].reverse().find((v) => v.status === 'approved') ?? versions.find((v) => v.isCurrent) ?? sheet;
      const next = scoped.project ? await this.newProjectSheet(tx, scoped, source, year) : await this.newDepartmentSheet(tx, scoped, source, year);
      const indicators = await this.sheets.indicatorsOf([source.id], tx);
      await this.sheets.insertContent(tx, {
        indicators: indicators.map((i) => copyIndicator(i, next.id, year)),
        planPoints: (await this.sheets.planOf([source.id], tx)).map((p) => ({ sheetId: next.id, month: p.month, cumulativeAmount: p.cumulativeAmount })),
        tasks: (await this.sheets.tasksOf([source.id], tx)).map((t) => ({ ...t, sheetId: next.id })),
      });
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'sheet.roll_over', entityType: 'target_sheet', entityId: next.id, sheetId: next.id,
        before: { sheetId: source.id, fiscalYear: source.fiscalYear, version: source.version, status: source.status },
        after: { fiscalYear: year, status: next.status, version: next.version, indicatorCount: indicators.length },
        correlationId,
      });
      return this.reader.readInScope(tx, principal, next.id);
    });
  }

  /** The project again in the later year, same unit and header, with a draft sheet. */
  private async newProjectSheet(tx: Tx, scoped: ScopedSheet, source: TargetSheetEntity, year: number): Promise<TargetSheetEntity> {
    const project = scoped.project!;
    await this.projects.lockDepartmentYear(tx, project.departmentId, year);
    await assertCodeFree(this.projects, tx, { unitId: project.unitId, departmentId: project.departmentId, fiscalYear: year, code: project.code }, scoped.owner.name);
    await this.projects.insertDepartmentYearIfNew(tx, { departmentId: project.departmentId, fiscalYear: year, source: null, importedBy: null, importedAt: new Date() });
    const { createdAt: _created, updatedAt: _updated, ...header } = project;
    const { sheet } = await this.projects.insertWithDraftSheet(
      tx,
      { ...header, id: randomUUID(), fiscalYear: year, position: await this.projects.nextPosition(tx, project.departmentId, year) },
      { goals: [...source.goals], rolledOverFromId: source.id },
    );
    return sheet;
  }

  /** The department's department-wide sheet of the later year, unless it has one. */
  private async newDepartmentSheet(tx: Tx, scoped: ScopedSheet, source: TargetSheetEntity, year: number): Promise<TargetSheetEntity> {
    const existing = await this.sheets.findCurrentDepartmentSheet(source.departmentId, year, tx);
    if (existing !== null) {
      throw new AppException(
        ErrorCode.SHEET_ALREADY_ROLLED_OVER,
        `「${scoped.department.name}」${year} 年度已有部门整体绩效目标（${SHEET_STATUS_LABELS[existing.status]}，第 ${existing.version} 版），不能再结转`,
        { sheetId: existing.id, fiscalYear: year },
      );
    }
    await this.projects.insertDepartmentYearIfNew(tx, { departmentId: source.departmentId, fiscalYear: year, source: null, importedBy: null, importedAt: new Date() });
    return this.sheets.insertSheet(tx, {
      id: randomUUID(), kind: 'department', fiscalYear: year, departmentId: source.departmentId, projectId: null, version: 1, previousVersionId: null,
      isCurrent: true, status: 'draft', rowVersion: 1, goals: [...source.goals],
      budgetTotal: source.budgetTotal, budgetBasic: source.budgetBasic, budgetProject: source.budgetProject, rolledOverFromId: source.id,
    });
  }
}

/** An indicator of last year's sheet as the first row of this year's: a user's correction is kept, any other target is read again for the new year. */
function copyIndicator(i: IndicatorEntity, sheetId: string, fiscalYear: number): Partial<IndicatorEntity> {
  const parsed = i.specCorrected ? null : parseTarget(i.targetText, { level1: i.level1, level2: i.level2, name: i.name, fiscalYear });
  return {
    id: randomUUID(), sheetId, position: i.position, level1: i.level1, level2: i.level2, name: i.name, description: i.description,
    targetText: i.targetText, spec: parsed?.spec ?? i.spec, specWarnings: parsed?.warnings ?? [], specCorrected: i.specCorrected,
    basis: i.basis, remark: i.remark, weight: i.weight, previousIndicatorId: i.id,
  };
}
