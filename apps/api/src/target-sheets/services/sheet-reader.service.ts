import { Injectable } from '@nestjs/common';
import type { AuditEventResponse, TargetSheetResponse } from '@jixiao/contracts';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import type { Tx } from '../../core/database/persistence';
import { organizationRef } from '../../organizations/organization-ref';
import { ScoringSchemeService } from '../../scoring-schemes/services/scoring-scheme.service';
import { FindingAcknowledgementRepository } from '../persistence/finding-acknowledgement.repository';
import { SheetRepository } from '../persistence/sheet.repository';
import { SheetQueries } from '../persistence/sheet-queries';
import { PreviousYearValues } from './previous-year-values';
import { SheetAccessService } from './sheet-access.service';
import { reviewStoredSheet } from './sheet-review';
import { acknowledgementResponse, UNDER_REVIEW_OR_APPROVED } from './sheet-acknowledgements';
import { implementingUnitRef, ScopedSheet } from './sheet-scope';

/** One target sheet with its indicator tree and spending plan, if the caller may see it. */
@Injectable()
export class SheetReaderService {
  constructor(
    private readonly access: SheetAccessService,
    private readonly sheets: SheetRepository,
    private readonly auditLog: AuditService,
    private readonly acknowledgements: FindingAcknowledgementRepository,
    private readonly schemes: ScoringSchemeService,
    private readonly previousYear: PreviousYearValues,
    private readonly queries: SheetQueries,
  ) {}

  async get(principal: Principal, sheetId: string): Promise<TargetSheetResponse> {
    return this.read(await this.access.inScope(principal, sheetId));
  }

  /** The sheet's 操作日志, if the caller may see the sheet. */
  async audit(principal: Principal, sheetId: string): Promise<AuditEventResponse[]> {
    const { sheet } = await this.access.inScope(principal, sheetId);
    return this.auditLog.listForSheet(sheet.id);
  }

  /** The response for a sheet in the caller's transaction, if the caller may see it (after a write). */
  async readInScope(tx: Tx, principal: Principal, sheetId: string): Promise<TargetSheetResponse> {
    return this.read(await this.access.inScope(principal, sheetId, tx), tx);
  }

  /** The response for a sheet already checked against the caller's scope (also inside a write's transaction). */
  async read({ sheet, project, department, owner }: ScopedSheet, tx?: Tx): Promise<TargetSheetResponse> {
    // One after another: inside a transaction there is one connection, and pg stops queueing concurrent queries on a client in v9.
    const indicators = await this.sheets.indicatorsOf([sheet.id], tx);
    const points = await this.sheets.planOf([sheet.id], tx);
    const tasks = await this.sheets.tasksOf([sheet.id], tx);
    const scheme = await this.schemes.forSubject(sheet, tx); // 评分方案 of the region for this kind of sheet
    const acknowledgements = UNDER_REVIEW_OR_APPROVED.includes(sheet.status) ? (await this.acknowledgements.listForSheet(sheet.id, tx)).map(acknowledgementResponse) : [];
    const previousYear = await this.previousYear.of(indicators, tx);
    const source = sheet.rolledOverFromId === null ? null : (await this.sheets.findByIds([sheet.rolledOverFromId], tx))[0];
    const sourceName = source ? (await this.queries.sheetNames([source.id], tx)).get(source.id) : undefined;
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
        previousYear: previousYear.get(i.id) ?? null,
      })),
      spendingPlan: points.map((p) => ({ month: p.month, cumulativeAmount: p.cumulativeAmount })),
      findings: reviewStoredSheet(sheet, project, indicators, points, scheme.definition),
      scheme,
      acknowledgements,
      rolledOverFrom: source ? { sheetId: source.id, fiscalYear: source.fiscalYear, name: sourceName ?? '' } : null,
    };
  }
}
