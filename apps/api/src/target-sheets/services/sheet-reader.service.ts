import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventResponse, TargetSheetResponse } from '@jixiao/contracts';
import { AuditService } from '../../audit/audit.service';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import { IndicatorEntity } from '../entities/indicator.entity';
import { SheetTaskEntity } from '../entities/sheet-task.entity';
import { SpendingPlanPointEntity } from '../entities/spending-plan-point.entity';
import { reviewStoredSheet } from './sheet-review';
import { readAcknowledgements } from './sheet-acknowledgements';
import { organizationRef } from '../../organizations/entities/organization.entity';
import { implementingUnitRef, loadSheetInScope, ScopedSheet } from './sheet-scope';

/** One target sheet with its indicator tree and spending plan, if the caller may see it. */
@Injectable()
export class SheetReaderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditLog: AuditService,
  ) {}

  async get(principal: Principal, sheetId: string): Promise<TargetSheetResponse> {
    return this.read(this.dataSource.manager, await loadSheetInScope(this.dataSource.manager, principal, sheetId));
  }

  /** The sheet's 操作日志, if the caller may see the sheet. */
  async audit(principal: Principal, sheetId: string): Promise<AuditEventResponse[]> {
    const { sheet } = await loadSheetInScope(this.dataSource.manager, principal, sheetId);
    return this.auditLog.listForSheet(this.dataSource.manager, sheet.id);
  }

  /** The response for a sheet already checked against the caller's scope (also inside a write's transaction). */
  async read(em: EntityManager, { sheet, project, department, owner }: ScopedSheet): Promise<TargetSheetResponse> {
    const sheetId = sheet.id;

    // One after another: inside a transaction there is one connection, and pg stops queueing concurrent queries on a client in v9.
    const indicators = await em.find(IndicatorEntity, { where: { sheetId }, order: { position: 'ASC' } });
    const points = await em.find(SpendingPlanPointEntity, { where: { sheetId }, order: { month: 'ASC' } });
    const tasks = await em.find(SheetTaskEntity, { where: { sheetId }, order: { position: 'ASC' } });
    const acknowledgements = await readAcknowledgements(em, sheet);
    return {
      id: sheet.id,
      kind: sheet.kind,
      fiscalYear: sheet.fiscalYear,
      status: sheet.status,
      version: sheet.version,
      rowVersion: sheet.rowVersion,
      department: organizationRef(department),
      project: project && {
        id: project.id,
        code: project.code,
        name: project.name,
        category: project.category,
        purpose: project.purpose,
        unit: implementingUnitRef({ department, owner }),
        amount: { total: project.amountTotal, fiscal: project.amountFiscal, other: project.amountOther },
      },
      goals: sheet.goals,
      tasks: tasks.map((t) => ({ name: t.name, content: t.content, amount: t.amount })),
      budget: sheet.kind === 'department' ? { total: sheet.budgetTotal, basic: sheet.budgetBasic, project: sheet.budgetProject } : null,
      indicators: indicators.map((i) => ({
        id: i.id,
        order: i.position,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        description: i.description,
        target: i.targetText,
        spec: i.spec,
        specWarnings: i.specWarnings,
        specCorrected: i.specCorrected,
        basis: i.basis,
        remark: i.remark,
        weight: i.weight,
      })),
      spendingPlan: points.map((p) => ({ month: p.month, cumulativeAmount: p.cumulativeAmount })),
      findings: reviewStoredSheet(sheet, project, indicators, points),
      acknowledgements,
    };
  }
}
