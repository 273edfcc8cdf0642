import { Injectable } from '@nestjs/common';
import type { TargetSheetResponse } from '@jixiao/contracts';
import { checkAmountParts, isEditable, SHEET_STATUS_LABELS } from '@jixiao/domain';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { UpdateProjectDto } from '../dto/update-project.dto';
import type { ProjectEntity } from '../entities/project.entity';
import { ProjectRepository } from '../persistence/project.repository';
import { SheetRepository } from '../persistence/sheet.repository';
import { assertCodeFree } from './project-codes';
import { SheetAccessService } from './sheet-access.service';
import { SheetReaderService } from './sheet-reader.service';
import { sheetSnapshot } from './sheet-snapshot';

type Header = Pick<ProjectEntity, 'name' | 'code' | 'category' | 'amountTotal' | 'amountFiscal' | 'amountOther' | 'purpose'>;

function headerOf(project: ProjectEntity): Header {
  const { name, code, category, amountTotal, amountFiscal, amountOther, purpose } = project;
  return { name, code, category, amountTotal, amountFiscal, amountOther, purpose };
}

function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * 修改项目信息 and 删除草稿: a project's header (name, code, category, amounts, purpose) is edited while
 * its sheet is a first version not yet under review (a draft or returned — an approved project's
 * amounts are what its monitoring and evaluation divide by; an adjustment keeps them); a project is
 * deleted only while it was never submitted: its sheet is still the first version's draft (a
 * submitted sheet comes back as `returned`, never as `draft`, and an adjustment starts version 2).
 */
@Injectable()
export class ProjectHeaderService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: SheetAccessService,
    private readonly projects: ProjectRepository,
    private readonly sheets: SheetRepository,
    private readonly reader: SheetReaderService,
    private readonly audit: AuditService,
  ) {}

  async update(principal: Principal, projectId: string, dto: UpdateProjectDto, correlationId: string | null): Promise<TargetSheetResponse> {
    return this.transactions.run(async (tx) => {
      const scoped = await this.access.projectInScope(tx, principal, projectId, true);
      const { sheet, owner } = scoped;
      const project = scoped.project!;
      if (sheet.version !== 1 || !isEditable(sheet.status)) {
        const why = sheet.version !== 1 ? `项目已批准并在第 ${sheet.version} 版调整中，资金以批准的项目信息为准` : `目标表当前为「${SHEET_STATUS_LABELS[sheet.status]}」`;
        throw new AppException(ErrorCode.SHEET_LOCKED, `${why}，不能修改项目信息；项目信息只能在首次提交审核前或被退回后修改`);
      }
      if (sheet.rowVersion !== dto.rowVersion) {
        throw new AppException(
          ErrorCode.SHEET_VERSION_CONFLICT,
          `该目标表已被他人修改并保存（您编辑的是第 ${dto.rowVersion} 次保存的内容，现为第 ${sheet.rowVersion} 次），请刷新后重新修改`,
          { currentRowVersion: sheet.rowVersion },
        );
      }
      const before = headerOf(project);
      const amount = dto.amount === undefined ? null : { total: dto.amount.total, fiscal: dto.amount.fiscal ?? null, other: dto.amount.other ?? null };
      const after: Header = {
        name: dto.name === undefined || dto.name === null ? project.name : dto.name.trim(),
        code: dto.code === undefined ? project.code : blankToNull(dto.code),
        category: dto.category === undefined ? project.category : blankToNull(dto.category),
        amountTotal: amount?.total ?? project.amountTotal,
        amountFiscal: amount ? amount.fiscal : project.amountFiscal,
        amountOther: amount ? amount.other : project.amountOther,
        purpose: dto.purpose === undefined ? project.purpose : blankToNull(dto.purpose),
      };
      if (after.name === '') throw new AppException(ErrorCode.VALIDATION_FAILED, '请填写项目名称');
      const parts = checkAmountParts(after.amountTotal, after.amountFiscal, after.amountOther);
      if (parts !== null) throw new AppException(ErrorCode.VALIDATION_FAILED, `资金：${parts}`);
      if (after.code !== project.code) {
        await this.projects.lockDepartmentYear(tx, project.departmentId, project.fiscalYear);
        await assertCodeFree(this.projects, tx, { ...project, code: after.code }, owner.name);
      }
      await this.projects.updateHeader(tx, project.id, after);
      if (!(await this.sheets.bumpRowVersion(tx, sheet.id, dto.rowVersion))) {
        throw new AppException(ErrorCode.SHEET_VERSION_CONFLICT, '该目标表已被他人修改并保存，请刷新后重新修改');
      }
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'project.update', entityType: 'project', entityId: project.id, sheetId: sheet.id,
        before: { ...before }, after: { ...after }, correlationId,
      });
      return this.reader.readInScope(tx, principal, sheet.id);
    });
  }

  /** 删除草稿: the project and everything of it, in one transaction; 409 PROJECT_NOT_DELETABLE once it was submitted. */
  async delete(principal: Principal, projectId: string, correlationId: string | null): Promise<void> {
    await this.transactions.run(async (tx) => {
      const scoped = await this.access.projectInScope(tx, principal, projectId, true);
      const { sheet, owner } = scoped;
      const project = scoped.project!;
      if (sheet.version !== 1 || sheet.status !== 'draft') {
        const state = sheet.version !== 1 ? `已批准，现为第 ${sheet.version} 版` : `当前为「${SHEET_STATUS_LABELS[sheet.status]}」`;
        throw new AppException(
          ErrorCode.PROJECT_NOT_DELETABLE,
          `项目「${project.name}」的目标表已提交过审核（${state}），不能删除；只有从未提交的草稿可以删除，审核记录须保留`,
          { status: sheet.status, version: sheet.version },
        );
      }
      const indicators = await this.sheets.indicatorsOf([sheet.id], tx);
      const points = await this.sheets.planOf([sheet.id], tx);
      await this.projects.delete(tx, project.id);
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'project.delete', entityType: 'project', entityId: project.id,
        before: { projectId: project.id, sheetId: sheet.id, fiscalYear: project.fiscalYear, unit: owner.name, ...headerOf(project), sheet: sheetSnapshot(sheet, indicators, points) },
        correlationId,
      });
    });
  }
}
