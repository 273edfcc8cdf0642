import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TargetSheetResponse } from '@jixiao/contracts';
import { checkAmountParts } from '@jixiao/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { isInScope, Principal } from '../../core/auth/principal';
import { AppException } from '../../core/errors/error-codes';
import { DepartmentYearEntity } from '../entities/department-year.entity';
import { FiscalYearService } from '../../fiscal-years/fiscal-year.service';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import type { CreateProjectDto } from '../dto/create-project.dto';
import { ProjectEntity } from '../entities/project.entity';
import { TargetSheetEntity } from '../entities/target-sheet.entity';
import { SheetReaderService } from './sheet-reader.service';
import { loadSheetInScope } from './sheet-scope';

/** 新建项目: a unit's project and its empty draft sheet, in one transaction. */
@Injectable()
export class ProjectCreationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fiscalYears: FiscalYearService,
    private readonly reader: SheetReaderService,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, dto: CreateProjectDto, correlationId: string | null): Promise<TargetSheetResponse> {
    const { fiscal = null, other = null, total } = dto.amount;
    const parts = checkAmountParts(total, fiscal, other);
    if (parts !== null) throw new AppException('VALIDATION_FAILED', `amount：${parts} / fiscal + other must equal total`);
    return this.dataSource.transaction(async (em) => {
      const unit = await em.findOneBy(OrganizationEntity, { id: dto.unitId, kind: 'unit' });
      if (!unit || !isInScope(principal, unit.path)) throw new AppException('UNIT_NOT_FOUND', '找不到该单位，或不在您的管辖范围内 / unit not found');
      const departmentId = unit.parentId!;
      await this.fiscalYears.ensure(em, dto.fiscalYear);
      await em.createQueryBuilder().insert().into(DepartmentYearEntity)
        .values({ departmentId, fiscalYear: dto.fiscalYear, source: null, importedBy: null, importedAt: new Date() }).orIgnore().execute();
      const [{ next }] = await em.query(
        `SELECT coalesce(max(position), -1) + 1 AS next FROM projects WHERE department_id = $1 AND fiscal_year = $2`,
        [departmentId, dto.fiscalYear],
      );
      const project = em.create(ProjectEntity, {
        id: randomUUID(), fiscalYear: dto.fiscalYear, departmentId, unitId: unit.id, code: dto.code?.trim() || null, name: dto.name.trim(),
        category: dto.category?.trim() || null, amountTotal: total, amountFiscal: fiscal, amountOther: other, purpose: dto.purpose?.trim() || null,
        position: Number(next),
      });
      await em.insert(ProjectEntity, project);
      const sheet = em.create(TargetSheetEntity, {
        id: randomUUID(), kind: 'project', fiscalYear: dto.fiscalYear, departmentId, projectId: project.id, version: 1, previousVersionId: null,
        isCurrent: true, status: 'draft', rowVersion: 1, goals: [], budgetTotal: null, budgetBasic: null, budgetProject: null,
      });
      await em.insert(TargetSheetEntity, sheet);
      await this.audit.record(em, {
        actorId: principal.userId, action: 'project.create', entityType: 'project', entityId: project.id, sheetId: sheet.id,
        after: { name: project.name, code: project.code, unit: unit.name, amount: dto.amount, fiscalYear: dto.fiscalYear }, correlationId,
      });
      return this.reader.read(em, await loadSheetInScope(em, principal, sheet.id));
    });
  }
}
