import { Injectable } from '@nestjs/common';
import type { TargetSheetResponse } from '@jixiao/contracts';
import { budgetPartsRefusal, checkTargetSpec, editLockMessage, mayEditSheet, parseTarget, TargetSpec } from '@jixiao/domain';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { UpdateTargetSheetDto } from '../dto/update-target-sheet.dto';
import type { IndicatorEntity } from '../entities/indicator.entity';
import type { SheetTaskEntity } from '../entities/sheet-task.entity';
import type { TargetSheetEntity } from '../entities/target-sheet.entity';
import { SheetRepository } from '../persistence/sheet.repository';
import { SheetAccessService } from './sheet-access.service';
import { SheetReaderService } from './sheet-reader.service';
import { sheetSnapshot } from './sheet-snapshot';
import { versionConflict } from './version-conflict';

/**
 * Saves the editable content of a sheet in one transaction: goals, indicator tree, spending plan, and on a
 * department-wide sheet its 年度主要任务 and 部门预算 (when sent).
 */
@Injectable()
export class SheetEditorService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: SheetAccessService,
    private readonly sheets: SheetRepository,
    private readonly reader: SheetReaderService,
    private readonly audit: AuditService,
  ) {}

  async update(principal: Principal, sheetId: string, dto: UpdateTargetSheetDto, correlationId: string | null): Promise<TargetSheetResponse> {
    return this.transactions.run(async (tx) => {
      const scoped = await this.access.lockInScope(tx, principal, sheetId);
      const { sheet } = scoped;
      if (!mayEditSheet(principal.role, sheet.kind)) {
        throw new AppException(ErrorCode.ROLE_FORBIDDEN, sheet.kind === 'project' ? '项目绩效目标由单位填报人编辑 / only unit editors edit project sheets' : '部门整体绩效目标由部门填报 / only the department edits its sheet');
      }
      const locked = editLockMessage(sheet.status);
      if (locked !== null) throw new AppException(ErrorCode.SHEET_LOCKED, `${locked} / the sheet is locked`);
      if (sheet.rowVersion !== dto.rowVersion) {
        throw versionConflict({ currentRowVersion: sheet.rowVersion, lastChange: await this.audit.lastChangeOfSheet(sheetId, tx) });
      }
      const indicators = await this.sheets.indicatorsOf([sheetId], tx);
      const points = await this.sheets.planOf([sheetId], tx);
      const tasks = await this.sheets.tasksOf([sheetId], tx);
      const before = sheetSnapshot(sheet, indicators, points, tasks);

      const rows = this.indicatorRows(sheet, dto, new Set(indicators.map((i) => i.id)));
      this.checkPlan(sheet, dto);
      const newTasks = this.taskRows(sheet, dto);
      const budget = this.budget(sheet, dto);
      const kept = rows.filter((r) => indicators.some((i) => i.id === r.id)).map((r) => r.id!);
      sheet.goals = dto.goals.map((g) => g.trim()).filter((g) => g.length > 0);
      if (budget !== null) Object.assign(sheet, { budgetTotal: budget.total, budgetBasic: budget.basic, budgetProject: budget.project });
      const saved = await this.sheets.saveContent(tx, {
        sheetId,
        expectedRowVersion: dto.rowVersion,
        goals: sheet.goals,
        budget: { total: sheet.budgetTotal, basic: sheet.budgetBasic, project: sheet.budgetProject },
        indicators: rows,
        keptIndicatorIds: kept,
        spendingPlan: dto.spendingPlan,
        tasks: newTasks,
      });
      if (!saved) throw versionConflict({ currentRowVersion: dto.rowVersion + 1, lastChange: await this.audit.lastChangeOfSheet(sheetId, tx) });
      sheet.rowVersion = dto.rowVersion + 1;

      const after = sheetSnapshot(sheet, rows as IndicatorEntity[], dto.spendingPlan, newTasks ?? tasks);
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'sheet.update', entityType: 'target_sheet', entityId: sheet.id, sheetId: sheet.id,
        before, after, correlationId,
      });
      return this.reader.read(scoped, tx);
    });
  }

  private indicatorRows(sheet: TargetSheetEntity, dto: UpdateTargetSheetDto, existing: Set<string>): Partial<IndicatorEntity>[] {
    const seen = new Set<string>();
    return dto.indicators.map((input, position) => {
      if (input.id !== undefined) {
        if (!existing.has(input.id) || seen.has(input.id)) {
          throw new AppException(ErrorCode.VALIDATION_FAILED, `indicators[${position}].id：该指标不属于这张目标表，或重复出现 / unknown indicator id`);
        }
        seen.add(input.id);
      }
      const level2 = input.level2?.trim() || null;
      const parsed = parseTarget(input.target, { level1: input.level1, level2, name: input.name, fiscalYear: sheet.fiscalYear });
      let spec: TargetSpec = parsed.spec;
      let corrected = false;
      if (input.spec !== undefined && input.spec !== null) {
        const problem = checkTargetSpec(input.spec);
        if (problem) throw new AppException(ErrorCode.VALIDATION_FAILED, `indicators[${position}].spec：${problem}`);
        corrected = JSON.stringify(input.spec) !== JSON.stringify(parsed.spec);
        spec = input.spec as TargetSpec;
      }
      return {
        id: input.id ?? randomUUID(),
        sheetId: sheet.id,
        position,
        level1: input.level1.trim(),
        level2,
        name: input.name.trim(),
        description: input.description ?? null,
        targetText: input.target,
        spec,
        specWarnings: corrected ? [] : parsed.warnings,
        specCorrected: corrected,
        basis: input.basis ?? null,
        remark: input.remark ?? null,
        weight: input.weight ?? null,
      };
    });
  }

  /** The new 年度主要任务, or null when the request leaves them unchanged. */
  private taskRows(sheet: TargetSheetEntity, dto: UpdateTargetSheetDto): SheetTaskEntity[] | null {
    if (dto.tasks === undefined || dto.tasks === null) return null;
    if (sheet.kind !== 'department') {
      throw new AppException(ErrorCode.DEPARTMENT_SHEET_ONLY, 'tasks：年度主要任务只属于部门整体绩效目标，项目绩效目标表不能填写 / tasks belong to department sheets only');
    }
    return dto.tasks.map((task, position) => {
      const name = task.name.trim();
      if (name === '') throw new AppException(ErrorCode.VALIDATION_FAILED, `tasks[${position}].name：请填写任务名称 / task name required`);
      return { sheetId: sheet.id, position, name, content: task.content?.trim() || null, amount: task.amount ?? null };
    });
  }

  /** The new 部门预算, or null when the request leaves it unchanged. */
  private budget(sheet: TargetSheetEntity, dto: UpdateTargetSheetDto): { total: string | null; basic: string | null; project: string | null } | null {
    if (dto.budget === undefined || dto.budget === null) return null;
    if (sheet.kind !== 'department') {
      throw new AppException(ErrorCode.DEPARTMENT_SHEET_ONLY, 'budget：部门预算只属于部门整体绩效目标，项目绩效目标表的资金以项目金额为准 / budget belongs to department sheets only');
    }
    const budget = { total: dto.budget.total ?? null, basic: dto.budget.basic ?? null, project: dto.budget.project ?? null };
    const parts = budgetPartsRefusal(budget.total, budget.basic, budget.project);
    if (parts !== null) throw new AppException(ErrorCode.VALIDATION_FAILED, `budget：${parts} / basic + project must equal total`);
    return budget;
  }

  private checkPlan(sheet: TargetSheetEntity, dto: UpdateTargetSheetDto): void {
    const months = dto.spendingPlan.map((p) => p.month);
    if (new Set(months).size !== months.length) throw new AppException(ErrorCode.VALIDATION_FAILED, 'spendingPlan：同一月份只能填写一次 / duplicate month');
    if (sheet.kind === 'department' && months.length > 0) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, 'spendingPlan：部门整体绩效目标没有资金支出计划 / a department sheet has no spending plan');
    }
  }
}

