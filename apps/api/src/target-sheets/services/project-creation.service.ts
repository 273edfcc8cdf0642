import { Injectable } from '@nestjs/common';
import type { TargetSheetResponse } from '@jixiao/contracts';
import { checkAmountParts } from '@jixiao/domain';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../../audit/audit.service';
import { isInScope, Principal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { YearCalendarService } from '../../fiscal-years/services/year-calendar.service';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import type { CreateProjectDto } from '../dto/create-project.dto';
import { ProjectRepository } from '../persistence/project.repository';
import { assertCodeFree } from './project-codes';
import { SheetReaderService } from './sheet-reader.service';

/** 新建项目: a unit's project and its empty draft sheet, in one transaction, in an opened year; its code unique for the unit and year. */
@Injectable()
export class ProjectCreationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationTreeService,
    private readonly calendar: YearCalendarService,
    private readonly projects: ProjectRepository,
    private readonly reader: SheetReaderService,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, dto: CreateProjectDto, correlationId: string | null): Promise<TargetSheetResponse> {
    const { fiscal = null, other = null, total } = dto.amount;
    const parts = checkAmountParts(total, fiscal, other);
    if (parts !== null) throw new AppException(ErrorCode.VALIDATION_FAILED, `amount：${parts} / fiscal + other must equal total`);
    return this.transactions.run(async (tx) => {
      const unit = await this.organizations.findOfKind(dto.unitId, 'unit', tx);
      if (!unit || !isInScope(principal, unit.path)) throw new AppException(ErrorCode.UNIT_NOT_FOUND, '找不到该单位，或不在您的管辖范围内 / unit not found');
      if (!unit.active) throw new AppException(ErrorCode.ORGANIZATION_INACTIVE, `单位「${unit.name}」已停用，不能新建项目`);
      const departmentId = unit.parentId!;
      await this.calendar.assertOpen(tx, dto.fiscalYear);
      const code = dto.code?.trim() || null;
      await this.projects.lockDepartmentYear(tx, departmentId, dto.fiscalYear); // simultaneous creations: one after the other
      await assertCodeFree(this.projects, tx, { unitId: unit.id, departmentId, fiscalYear: dto.fiscalYear, code }, unit.name);
      await this.projects.insertDepartmentYearIfNew(tx, { departmentId, fiscalYear: dto.fiscalYear, source: null, importedBy: null, importedAt: new Date() });
      const { project, sheet } = await this.projects.insertWithDraftSheet(tx, {
        id: randomUUID(), fiscalYear: dto.fiscalYear, departmentId, unitId: unit.id, code, name: dto.name.trim(),
        category: dto.category?.trim() || null, amountTotal: total, amountFiscal: fiscal, amountOther: other, purpose: dto.purpose?.trim() || null,
        position: await this.projects.nextPosition(tx, departmentId, dto.fiscalYear),
      });
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'project.create', entityType: 'project', entityId: project.id, sheetId: sheet.id,
        after: { name: project.name, code: project.code, unit: unit.name, amount: dto.amount, fiscalYear: dto.fiscalYear }, correlationId,
      });
      return this.reader.readInScope(tx, principal, sheet.id);
    });
  }
}
