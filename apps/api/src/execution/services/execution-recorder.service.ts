import { Injectable } from '@nestjs/common';
import type { SheetExecutionResponse } from '@jixiao/contracts';
import { checkActualPlausibility, checkActualValue, Period, PERIOD_LABELS } from '@jixiao/domain';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import type { Tx } from '../../core/database/persistence';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { MonitoringWindowsService } from '../../fiscal-years/services/monitoring-windows.service';
import { SheetAccessService } from '../../target-sheets/services/sheet-access.service';
import { SheetDataService } from '../../target-sheets/services/sheet-data.service';
import type { ScopedSheet } from '../../target-sheets/services/sheet-scope';
import type { UpdateActualsDto } from '../dto/update-actuals.dto';
import type { UpdateExpendituresDto } from '../dto/update-expenditures.dto';
import type { IndicatorActualEntity } from '../entities/indicator-actual.entity';
import { ExecutionRepository } from '../persistence/execution.repository';
import { EXECUTION_RECORDERS } from './execution-access';
import { blankToNull, changedMonths } from './changed-months';
import { ExecutionReaderService } from './execution-reader.service';

/** Records spending (支出执行) and actuals (实际完成值): one transaction per save, with its audit event. */
@Injectable()
export class ExecutionRecorderService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: SheetAccessService,
    private readonly sheetData: SheetDataService,
    private readonly execution: ExecutionRepository,
    private readonly reader: ExecutionReaderService,
    private readonly audit: AuditService,
    private readonly windows: MonitoringWindowsService,
  ) {}

  /** Replaces the project's monthly spending of the year. */
  async updateExpenditures(principal: Principal, sheetId: string, dto: UpdateExpendituresDto, correlationId: string | null): Promise<SheetExecutionResponse> {
    return this.transactions.run(async (tx) => {
      const scoped = await this.loadForRecording(tx, principal, sheetId);
      const { sheet, project } = scoped;
      if (sheet.kind !== 'project' || !project) {
        throw new AppException(ErrorCode.EXPENDITURES_PROJECT_ONLY, '部门整体绩效目标的支出由其各项目的支出汇总，请在项目中录入 / spending is recorded on project sheets');
      }
      const months = new Set<number>();
      for (const e of dto.expenditures) {
        if (months.has(e.month)) throw new AppException(ErrorCode.VALIDATION_FAILED, `${e.month} 月的支出重复，请合并为一行 / duplicate month ${e.month}`);
        months.add(e.month);
      }
      const before = await this.execution.expendituresOf([project.id], tx);
      // 填报时间: only the months that change must be reported by a round open today (the whole year is resent each time)
      await this.windows.assertMonthsOpen(tx, sheet.fiscalYear, changedMonths(before, dto.expenditures), scoped.owner.path);
      const rows = await this.execution.replaceExpenditures(
        tx,
        project.id,
        [...dto.expenditures]
          .sort((a, b) => a.month - b.month)
          .map((e) => ({ projectId: project.id, month: e.month, amount: e.amount, note: blankToNull(e.note), recordedBy: principal.userId })),
      );
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'execution.expenditures',
        entityType: 'project',
        entityId: project.id,
        sheetId: sheet.id,
        before: { expenditures: before.map((e) => ({ month: e.month, amount: e.amount, note: e.note })) },
        after: { expenditures: rows.map((e) => ({ month: e.month, amount: e.amount, note: e.note })) },
        correlationId,
      });
      return this.reader.read(principal, scoped, tx);
    });
  }

  /** Replaces the given indicators' records of one period; the others are kept. */
  async updateActuals(principal: Principal, sheetId: string, period: Period, dto: UpdateActualsDto, correlationId: string | null): Promise<SheetExecutionResponse> {
    return this.transactions.run(async (tx) => {
      const scoped = await this.loadForRecording(tx, principal, sheetId);
      const { sheet } = scoped;
      await this.windows.assertPeriodOpen(tx, sheet.fiscalYear, period, scoped.owner.path);
      const indicators = await this.sheetData.indicatorsOf([sheet.id], tx);
      const byId = new Map(indicators.map((i) => [i.id, i]));
      const seen = new Set<string>();
      const problems: { indicatorId: string; message: string }[] = [];
      const implausible: ImplausibleEntry[] = [];
      const confirmed: string[] = []; // doubted values the user confirmed: kept in the audit event
      for (const input of dto.actuals) {
        const indicator = byId.get(input.indicatorId);
        if (!indicator) {
          throw new AppException(ErrorCode.INDICATOR_NOT_IN_SHEET, `指标 ${input.indicatorId} 不属于该目标表 / indicator not in this sheet`);
        }
        if (seen.has(input.indicatorId)) throw new AppException(ErrorCode.VALIDATION_FAILED, `指标「${indicator.name}」重复填报 / duplicate indicator`);
        seen.add(input.indicatorId);
        const problem = checkActualValue(indicator.spec, input.actual ?? null, { final: period === 'Y', fiscalYear: sheet.fiscalYear });
        if (problem !== null) problems.push({ indicatorId: indicator.id, message: `「${indicator.name}」：${problem}` });
        const doubt = checkActualPlausibility(indicator.spec, input.actual ?? null, { final: period === 'Y' });
        if (doubt !== null && input.confirmedImplausible === true) confirmed.push(indicator.id);
        else if (doubt !== null) {
          implausible.push({ indicatorId: indicator.id, name: indicator.name, target: doubt.target, targetText: indicator.targetText, actual: doubt.actual, direction: doubt.direction, message: `「${indicator.name}」：${doubt.message}` });
        }
      }
      if (problems.length > 0) {
        throw new AppException(ErrorCode.ACTUAL_INVALID, `${problems[0]!.message}${problems.length > 1 ? `（另有 ${problems.length - 1} 处）` : ''} / invalid actual values`, problems);
      }
      if (implausible.length > 0) {
        const names = implausible.map((i) => `「${i.name}」（指标值 ${i.target}，录入 ${i.actual}）`).join('、');
        throw new AppException(
          ErrorCode.ACTUAL_IMPLAUSIBLE,
          `${implausible.length === 1 ? implausible[0]!.message : `以下 ${implausible.length} 项实际完成值与指标值相差百倍以上，可能录入有误：${names}；请核对，确认无误后选择“数值无误，仍然保存”`} / implausible actual values, confirm with confirmedImplausible`,
          { implausible },
        );
      }
      const ids = [...seen];
      const before = await this.execution.actualsOfPeriod(tx, ids, period);
      const rows = await this.execution.replaceActuals(
        tx,
        ids,
        period,
        dto.actuals.map((input) => ({
          indicatorId: input.indicatorId,
          period,
          actual: input.actual ?? null,
          forecast: input.forecast ?? null,
          likelihood: input.likelihood ?? null,
          deviationCategory: input.deviationCategory ?? null,
          deviationReason: blankToNull(input.deviationReason),
          measures: blankToNull(input.measures),
          recordedBy: principal.userId,
        })),
      );
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'execution.actuals',
        entityType: 'target_sheet',
        entityId: sheet.id,
        sheetId: sheet.id,
        before: { period, actuals: before.map(actualSnapshot) },
        after: { period, actuals: rows.map(actualSnapshot), ...(confirmed.length > 0 ? { confirmedImplausible: confirmed } : {}) },
        correlationId,
      });
      return this.reader.read(principal, scoped, tx);
    });
  }

  private async loadForRecording(tx: Tx, principal: Principal, sheetId: string): Promise<ScopedSheet> {
    const scoped = await this.access.lockInScope(tx, principal, sheetId);
    if (!EXECUTION_RECORDERS.includes(principal.role)) {
      throw new AppException(ErrorCode.ROLE_FORBIDDEN, '执行情况由单位填报人或部门审核人录入 / only unit editors and department reviewers record execution');
    }
    if (scoped.sheet.status !== 'approved') {
      throw new AppException(ErrorCode.SHEET_NOT_APPROVED, '目标表尚未批准，批准后才能录入执行情况 / the sheet is not approved yet');
    }
    return scoped;
  }
}

/** One doubted value of a refused save (ACTUAL_IMPLAUSIBLE details). */
interface ImplausibleEntry {
  indicatorId: string;
  name: string;
  target: string; // the target as printed: '≥ 2 人'
  targetText: string; // the 指标值 as written
  actual: string;
  direction: 'above' | 'below';
  message: string;
}

function actualSnapshot(a: IndicatorActualEntity): Record<string, unknown> {
  return {
    indicatorId: a.indicatorId,
    period: a.period,
    periodLabel: PERIOD_LABELS[a.period],
    actual: a.actual,
    forecast: a.forecast,
    likelihood: a.likelihood,
    deviationCategory: a.deviationCategory,
    deviationReason: a.deviationReason,
    measures: a.measures,
  };
}
