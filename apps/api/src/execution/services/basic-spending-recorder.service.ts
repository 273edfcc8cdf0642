import { Injectable } from '@nestjs/common';
import type { SheetExecutionResponse } from '@jixiao/contracts';
import { AuditService } from '../../audit/audit.service';
import { isInScope, Principal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { MonitoringWindowsService } from '../../fiscal-years/services/monitoring-windows.service';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import { SheetAccessService } from '../../target-sheets/services/sheet-access.service';
import { SheetDataService } from '../../target-sheets/services/sheet-data.service';
import type { UpdateBasicExpendituresDto } from '../dto/update-basic-expenditures.dto';
import { BasicExpenditureRepository } from '../persistence/basic-expenditure.repository';
import { BASIC_SPENDING_RECORDERS } from './execution-access';
import { blankToNull, changedMonths } from './changed-months';
import { ExecutionReaderService } from './execution-reader.service';

/**
 * Records a department's basic spending (基本支出执行, DESIGN §2 DepartmentBudget) by month: one
 * transaction per save, with its audit event on the department-wide sheet in effect, whose budget
 * summary is the department's budget. Spending above the basic budget is recorded — it is what the
 * treasury paid — and shown as a warning with the sheet's execution, not refused.
 */
@Injectable()
export class BasicSpendingRecorderService {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationTreeService,
    private readonly sheetData: SheetDataService,
    private readonly access: SheetAccessService,
    private readonly basicSpending: BasicExpenditureRepository,
    private readonly reader: ExecutionReaderService,
    private readonly audit: AuditService,
    private readonly windows: MonitoringWindowsService,
  ) {}

  /** Replaces the department's basic spending of the year; answers the department-wide sheet's execution. */
  async update(principal: Principal, departmentId: string, fiscalYear: number, dto: UpdateBasicExpendituresDto, correlationId: string | null): Promise<SheetExecutionResponse> {
    return this.transactions.run(async (tx) => {
      const department = await this.organizations.findOfKind(departmentId, 'department', tx);
      if (!department || !isInScope(principal, department.path)) {
        throw new AppException(ErrorCode.DEPARTMENT_NOT_FOUND, '找不到该部门，或您无权查看');
      }
      if (!BASIC_SPENDING_RECORDERS.includes(principal.role)) {
        throw new AppException(ErrorCode.ROLE_FORBIDDEN, '基本支出由部门审核人录入');
      }
      const sheetId = await this.sheetData.departmentSheetInEffect(departmentId, fiscalYear, tx);
      if (sheetId === null) {
        throw new AppException(
          ErrorCode.SHEET_NOT_APPROVED,
          `「${department.name}」${fiscalYear} 年度的部门整体绩效目标表尚未批准：基本支出按批准的部门预算录入，批准后才能录入`,
        );
      }
      const scoped = await this.access.lockInScope(tx, principal, sheetId);
      const months = new Set<number>();
      for (const e of dto.expenditures) {
        if (months.has(e.month)) throw new AppException(ErrorCode.VALIDATION_FAILED, `${e.month} 月的基本支出重复，请合并为一行`);
        months.add(e.month);
      }
      if (scoped.sheet.budgetBasic === null && dto.expenditures.length > 0) {
        throw new AppException(
          ErrorCode.BASIC_BUDGET_MISSING,
          `「${department.name}」${fiscalYear} 年度的部门预算未填写基本支出，录入的基本支出无法计入执行率：请先通过调整在部门整体绩效目标表中填写基本支出预算`,
        );
      }
      const before = await this.basicSpending.ofDepartments([departmentId], [fiscalYear], tx);
      // Like a project's spending: a changed month must be inside its 填报时间 (or reopened for the department).
      await this.windows.assertMonthsOpen(tx, fiscalYear, changedMonths(before, dto.expenditures), department.path);
      const rows = await this.basicSpending.replace(
        tx,
        departmentId,
        fiscalYear,
        [...dto.expenditures]
          .sort((a, b) => a.month - b.month)
          .map((e) => ({ departmentId, fiscalYear, month: e.month, amount: e.amount, note: blankToNull(e.note), recordedBy: principal.userId })),
      );
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'execution.basic_expenditures',
        entityType: 'department',
        entityId: departmentId,
        sheetId: scoped.sheet.id,
        before: { fiscalYear, basicExpenditures: before.map((e) => ({ month: e.month, amount: e.amount, note: e.note })) },
        after: { fiscalYear, basicExpenditures: rows.map((e) => ({ month: e.month, amount: e.amount, note: e.note })) },
        correlationId,
      });
      return this.reader.read(principal, scoped, tx);
    });
  }
}
