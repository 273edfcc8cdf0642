import { Injectable } from '@nestjs/common';
import type { MonthlyExpenditure, Period, SpendingPlanPoint } from '@jixiao/domain';
import { sumByMonth, sumMoney } from '@jixiao/domain';
import type { Tx } from '../../core/database/persistence';
import type { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import type { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';
import { SheetDataService } from '../../target-sheets/services/sheet-data.service';
import type { IndicatorActualEntity } from '../entities/indicator-actual.entity';
import { ExecutionRepository } from '../persistence/execution.repository';

/** What monitoring and evaluation read for one sheet: its money and its indicators' records. */
export interface SheetExecutionData {
  sheet: TargetSheetEntity;
  budget: string; // 元: the project's total; a department sheet: the sum of its projects' totals
  plan: SpendingPlanPoint[]; // the sheet's own plan (project sheets); a department sheet: none (linear)
  expenditures: MonthlyExpenditure[]; // by month; a department sheet: its projects summed
  ownExpenditures: boolean; // false on a department sheet (its spending is its projects')
  indicators: IndicatorEntity[];
  actuals: IndicatorActualEntity[]; // of the periods asked for
}

/** What monitoring and evaluation read of execution: exported to the evaluation context. */
@Injectable()
export class ExecutionDataService {
  constructor(
    private readonly sheetData: SheetDataService,
    private readonly execution: ExecutionRepository,
  ) {}

  /** These indicators' records (of the given periods only, when given). */
  actualsOf(indicatorIds: readonly string[], periods?: readonly Period[], tx?: Tx): Promise<IndicatorActualEntity[]> {
    return this.execution.actualsOf(indicatorIds, periods, tx);
  }

  /**
   * Loads the execution data of many sheets with a handful of queries (no query per sheet), for one
   * sheet's page as for a region's roll-up or evaluation. `periods` limits the actuals read.
   */
  async load(sheets: readonly TargetSheetEntity[], periods?: readonly Period[], tx?: Tx): Promise<Map<string, SheetExecutionData>> {
    const result = new Map<string, SheetExecutionData>();
    if (sheets.length === 0) return result;
    const sheetIds = sheets.map((s) => s.id);

    // Department sheets take their department's projects of the year.
    const projectIds = sheets.flatMap((s) => (s.projectId ? [s.projectId] : []));
    const departmentSheets = sheets.filter((s) => s.kind === 'department');
    // Queries one after another: inside a transaction there is one connection (pg 9 stops queueing concurrent ones).
    const projects = projectIds.length > 0 ? await this.sheetData.projectsByIds(projectIds, tx) : [];
    const departmentProjects =
      departmentSheets.length > 0
        ? await this.sheetData.projectsOfDepartments([...new Set(departmentSheets.map((s) => s.departmentId))], [...new Set(departmentSheets.map((s) => s.fiscalYear))], tx)
        : [];
    const allProjectIds = [...new Set([...projectIds, ...departmentProjects.map((p) => p.id)])];

    const indicators = await this.sheetData.indicatorsOf(sheetIds, tx);
    const plans = await this.sheetData.planOf(sheetIds, tx);
    const expenditures = await this.execution.expendituresOf(allProjectIds, tx);
    const actuals = await this.execution.actualsOf(indicators.map((i) => i.id), periods, tx);

    const projectById = new Map(projects.map((p) => [p.id, p]));
    const spendingByProject = groupBy(expenditures, (e) => e.projectId);
    const indicatorsBySheet = groupBy(indicators, (i) => i.sheetId);
    const plansBySheet = groupBy(plans, (p) => p.sheetId);
    const actualsByIndicator = groupBy(actuals, (a) => a.indicatorId);
    const monthly = (projectId: string): MonthlyExpenditure[] => (spendingByProject.get(projectId) ?? []).map((e) => ({ month: e.month, amount: e.amount }));

    for (const sheet of sheets) {
      const sheetIndicators = indicatorsBySheet.get(sheet.id) ?? [];
      const sheetActuals = sheetIndicators.flatMap((i) => actualsByIndicator.get(i.id) ?? []);
      if (sheet.kind === 'project' && sheet.projectId) {
        const project = projectById.get(sheet.projectId);
        result.set(sheet.id, {
          sheet,
          budget: project?.amountTotal ?? '0.00',
          plan: (plansBySheet.get(sheet.id) ?? []).map((p) => ({ month: p.month, cumulativeAmount: p.cumulativeAmount })),
          expenditures: monthly(sheet.projectId),
          ownExpenditures: true,
          indicators: sheetIndicators,
          actuals: sheetActuals,
        });
      } else {
        const own = departmentProjects.filter((p) => p.departmentId === sheet.departmentId && p.fiscalYear === sheet.fiscalYear);
        result.set(sheet.id, {
          sheet,
          budget: sumMoney(own.map((p) => p.amountTotal)),
          plan: [],
          expenditures: sumByMonth(own.map((p) => monthly(p.id))),
          ownExpenditures: false,
          indicators: sheetIndicators,
          actuals: sheetActuals,
        });
      }
    }
    return result;
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
