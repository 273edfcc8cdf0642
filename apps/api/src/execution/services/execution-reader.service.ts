import { Injectable } from '@nestjs/common';
import type { DepartmentBudgetExecutionResponse, IndicatorActualResponse, RecordingWindowResponse, SheetExecutionResponse } from '@jixiao/contracts';
import { acceptsRecords, periodRecordingProblem, PERIODS_IN_YEAR_ORDER, secondRoundReasons, spentThrough, sumMoney, windowSentence } from '@jixiao/domain';
import type { Principal } from '../../core/auth/principal';
import { Clock } from '../../core/clock/clock';
import type { Tx } from '../../core/database/persistence';
import type { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';
import { MonitoringWindowsService } from '../../fiscal-years/services/monitoring-windows.service';
import { organizationRef } from '../../organizations/organization-ref';
import { UserDirectoryService } from '../../organizations/services/user-directory.service';
import { SheetAccessService } from '../../target-sheets/services/sheet-access.service';
import { implementingUnitRef, ScopedSheet } from '../../target-sheets/services/sheet-scope';
import { BasicExpenditureRepository } from '../persistence/basic-expenditure.repository';
import { ExecutionRepository } from '../persistence/execution.repository';
import { mayRecordBasicSpending, mayRecordExecution } from './execution-access';
import { DepartmentExecution, ExecutionDataService } from './execution-data.service';
import { periodLights, periodsWithData } from './sheet-lights';

/** 执行监控 of one sheet: spending by month, actuals by period, and the lights. */
@Injectable()
export class ExecutionReaderService {
  constructor(
    private readonly access: SheetAccessService,
    private readonly data: ExecutionDataService,
    private readonly execution: ExecutionRepository,
    private readonly users: UserDirectoryService,
    private readonly basicSpending: BasicExpenditureRepository,
    private readonly windows: MonitoringWindowsService,
    private readonly clock: Clock,
  ) {}

  async get(principal: Principal, sheetId: string): Promise<SheetExecutionResponse> {
    return this.read(principal, await this.access.inScope(principal, sheetId));
  }

  /** The response for a sheet already checked against the caller's scope (also inside a write's transaction). */
  async read(principal: Principal, { sheet, project, department, owner }: ScopedSheet, tx?: Tx): Promise<SheetExecutionResponse> {
    const data = (await this.data.load([sheet], undefined, tx)).get(sheet.id)!;
    const names = await this.users.displayNames(data.actuals.flatMap((a) => (a.recordedBy ? [a.recordedBy] : [])), tx);
    const lights = periodsWithData(data).map((period) => periodLights(data, period));
    const actuals: IndicatorActualResponse[] = data.actuals.map((a) => ({
      indicatorId: a.indicatorId,
      period: a.period,
      actual: a.actual,
      forecast: a.forecast === null ? null : Number(a.forecast),
      likelihood: a.likelihood,
      deviationCategory: a.deviationCategory,
      deviationReason: a.deviationReason,
      measures: a.measures,
      recordedAt: new Date(a.recordedAt).toISOString(),
      recordedBy: a.recordedBy ? (names.get(a.recordedBy) ?? null) : null,
    }));
    return {
      sheetId: sheet.id,
      kind: sheet.kind,
      status: sheet.status,
      fiscalYear: sheet.fiscalYear,
      department: organizationRef(department),
      project: project && {
        id: project.id,
        code: project.code,
        name: project.name,
        unit: implementingUnitRef({ department, owner }),
      },
      budget: data.budget,
      spent: sumMoney(data.expenditures.map((e) => e.amount)),
      spendingPlan: data.plan,
      expenditures: data.ownExpenditures ? await this.execution.expenditureRows(sheet.projectId!, tx) : data.expenditures.map((e) => ({ month: e.month, amount: e.amount, note: null })),
      departmentBudget: data.department && (await this.departmentBudget(principal, sheet, data.department, tx)),
      indicators: data.indicators.map((i) => ({ id: i.id, order: i.position, level1: i.level1, level2: i.level2, name: i.name, target: i.targetText, spec: i.spec })),
      actuals,
      lights,
      secondRound: lights.some((l) => l.period === 'M7') && data.actuals.some((a) => a.period === 'M7')
        ? secondRoundReasons({
            spentThroughJuly: spentThrough(data.expenditures, 7),
            indicators: lights.find((l) => l.period === 'M7')!.indicators.map((l) => ({ name: data.indicators.find((i) => i.id === l.indicatorId)!.name, pace: l.pace })),
          })
        : [],
      editable: mayRecordExecution(principal.role, sheet.status),
      windows: await this.recordingWindows(sheet.fiscalYear, owner.path, tx),
    };
  }

  /** A department-wide sheet's budget parts, basic spending (with notes) and which money counts. */
  private async departmentBudget(principal: Principal, sheet: TargetSheetEntity, department: DepartmentExecution, tx?: Tx): Promise<DepartmentBudgetExecutionResponse> {
    const { money } = department;
    const rows = await this.basicSpending.ofDepartments([sheet.departmentId], [sheet.fiscalYear], tx);
    return {
      whole: money.whole,
      stated: { total: sheet.budgetTotal, basic: sheet.budgetBasic, project: sheet.budgetProject },
      basicBudget: money.basicBudget,
      projectBudget: money.projectBudget,
      projectsBudget: money.projectsBudget,
      basicSpent: money.basicSpent,
      projectSpent: money.projectSpent,
      basicExpenditures: rows.map((r) => ({ month: r.month, amount: r.amount, note: r.note })),
      projectExpenditures: department.projects,
      explanation: money.explanation,
      warnings: money.warnings,
      editable: mayRecordBasicSpending(principal.role, sheet.status),
    };
  }

  /** 填报时间 of each round for the sheet's unit today, with its reopenings. */
  private async recordingWindows(fiscalYear: number, ownerPath: string, tx?: Tx): Promise<RecordingWindowResponse[]> {
    const today = this.clock.today();
    const windows = await this.windows.windowsFor(fiscalYear, ownerPath, tx);
    return PERIODS_IN_YEAR_ORDER.flatMap((period) => {
      const w = windows.find((x) => x.period === period);
      if (w === undefined) return [];
      const accepts = acceptsRecords(w, today);
      const reopened = w.reopenedUntil !== null && accepts ? `（已为本单位重新开放至 ${w.reopenedUntil}）` : '';
      return [{ ...w, accepts, message: accepts ? `${windowSentence(w, today)}${reopened}` : periodRecordingProblem(w, today)! }];
    });
  }
}
