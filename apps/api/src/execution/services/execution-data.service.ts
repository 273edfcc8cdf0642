import { Injectable } from '@nestjs/common';
import type { DepartmentMoney, IndicatorActualValue, MonthlyExpenditure, Period, SpendingPlanPoint } from '@jixiao/domain';
import { departmentMoney, sumByMonth } from '@jixiao/domain';
import type { Tx } from '../../core/database/persistence';
import type { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import type { ProjectEntity } from '../../target-sheets/entities/project.entity';
import type { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';
import { ScoringSheet, SheetDataService } from '../../target-sheets/services/sheet-data.service';
import type { ExpenditureEntity } from '../entities/expenditure.entity';
import type { IndicatorActualEntity } from '../entities/indicator-actual.entity';
import { BasicExpenditureRepository } from '../persistence/basic-expenditure.repository';
import { ExecutionRepository } from '../persistence/execution.repository';

/** What monitoring and evaluation read for one sheet: its money and its indicators' records. */
export interface SheetExecutionData {
  sheet: TargetSheetEntity;
  budget: string; // 元: the project's total; a department sheet: its whole budget, or its projects' totals (departmentMoney)
  plan: SpendingPlanPoint[]; // the sheet's own plan (project sheets); a department sheet: none (linear)
  expenditures: MonthlyExpenditure[]; // by month; a department sheet: what counts (basic + projects, or projects), summed
  ownExpenditures: boolean; // false on a department sheet (its spending is its basic spending and its projects')
  indicators: IndicatorEntity[];
  actuals: IndicatorActualEntity[]; // of the periods asked for
  department: DepartmentExecution | null; // a department-wide sheet's money; null on a project sheet
}

/** A department-wide sheet's money (部门预算, DESIGN §2): which money counts, basic spending and its projects' by month. */
export interface DepartmentExecution {
  money: DepartmentMoney;
  basic: MonthlyExpenditure[]; // 基本支出执行 by month
  projects: MonthlyExpenditure[]; // every project of the department's year, summed by month
}

/** What the year-end evaluation reads of one sheet's execution, as plain values. */
export interface YearEndExecution {
  budget: string; // 元, as in SheetExecutionData
  spent: string[]; // the amounts that count as spent (a project's months; a department sheet's, by month)
  department: DepartmentExecution | null;
}

/** The fields of a department-wide sheet its money is counted from. */
export type DepartmentSheet = Pick<TargetSheetEntity, 'id' | 'kind' | 'departmentId' | 'fiscalYear' | 'budgetTotal' | 'budgetBasic' | 'budgetProject'>;

/** What monitoring and evaluation read of execution: exported to the evaluation context. */
@Injectable()
export class ExecutionDataService {
  constructor(
    private readonly sheetData: SheetDataService,
    private readonly execution: ExecutionRepository,
    private readonly basicSpending: BasicExpenditureRepository,
  ) {}

  /** These indicators' records (of the given periods only, when given). */
  actualsOf(indicatorIds: readonly string[], periods?: readonly Period[], tx?: Tx): Promise<IndicatorActualEntity[]> {
    return this.execution.actualsOf(indicatorIds, periods, tx);
  }

  /**
   * The year-end evaluation's reads of execution for a batch of sheets, as plain rows (two queries;
   * a department-wide sheet's money as in `load`): each sheet's budget and spending, and the `Y`
   * actual of each of their indicators (absent: none recorded).
   */
  async yearEnd(sheets: readonly ScoringSheet[], tx?: Tx): Promise<{ bySheet: Map<string, YearEndExecution>; actuals: Map<string, IndicatorActualValue | null> }> {
    const projectIds = sheets.flatMap((s) => (s.projectId ? [s.projectId] : []));
    const spending = new Map((await this.execution.spendingOf(projectIds, tx)).map((r) => [r.projectId, r.amounts]));
    const actuals = new Map((await this.execution.yearEndActualsOf(sheets.map((s) => s.id), tx)).map((r) => [r.indicatorId, r.actual]));
    const departments = await this.departmentsOf(sheets, tx);
    const bySheet = new Map<string, YearEndExecution>();
    for (const sheet of sheets) {
      const department = departments.get(sheet.id);
      if (sheet.kind === 'project' && sheet.projectId) {
        bySheet.set(sheet.id, { budget: sheet.projectTotal ?? '0.00', spent: spending.get(sheet.projectId) ?? [], department: null });
      } else if (department) {
        bySheet.set(sheet.id, { budget: department.money.budget, spent: department.money.expenditures.map((e) => e.amount), department });
      }
    }
    return { bySheet, actuals };
  }

  /**
   * Loads the execution data of many sheets with a handful of queries (no query per sheet), for one
   * sheet's page as for a region's roll-up or evaluation. `periods` limits the actuals read.
   */
  async load(sheets: readonly TargetSheetEntity[], periods?: readonly Period[], tx?: Tx): Promise<Map<string, SheetExecutionData>> {
    const result = new Map<string, SheetExecutionData>();
    if (sheets.length === 0) return result;
    const sheetIds = sheets.map((s) => s.id);

    const projectIds = sheets.flatMap((s) => (s.projectId ? [s.projectId] : []));
    // Queries one after another: inside a transaction there is one connection (pg 9 stops queueing concurrent ones).
    const projects = projectIds.length > 0 ? await this.sheetData.projectsByIds(projectIds, tx) : [];
    const departments = await this.departmentsOf(sheets.filter((s) => s.kind === 'department'), tx);
    const indicators = await this.sheetData.indicatorsOf(sheetIds, tx);
    const plans = await this.sheetData.planOf(sheetIds, tx);
    const expenditures = await this.execution.expendituresOf(projectIds, tx);
    const actuals = await this.execution.actualsOf(indicators.map((i) => i.id), periods, tx);

    const projectById = new Map(projects.map((p) => [p.id, p]));
    const spendingByProject = groupBy(expenditures, (e) => e.projectId);
    const indicatorsBySheet = groupBy(indicators, (i) => i.sheetId);
    const plansBySheet = groupBy(plans, (p) => p.sheetId);
    const actualsByIndicator = groupBy(actuals, (a) => a.indicatorId);

    for (const sheet of sheets) {
      const sheetIndicators = indicatorsBySheet.get(sheet.id) ?? [];
      const sheetActuals = sheetIndicators.flatMap((i) => actualsByIndicator.get(i.id) ?? []);
      const department = departments.get(sheet.id);
      if (sheet.kind === 'project' && sheet.projectId) {
        const project = projectById.get(sheet.projectId);
        result.set(sheet.id, {
          sheet,
          budget: project?.amountTotal ?? '0.00',
          plan: (plansBySheet.get(sheet.id) ?? []).map((p) => ({ month: p.month, cumulativeAmount: p.cumulativeAmount })),
          expenditures: monthly(spendingByProject.get(sheet.projectId) ?? []),
          ownExpenditures: true,
          indicators: sheetIndicators,
          actuals: sheetActuals,
          department: null,
        });
      } else if (department) {
        result.set(sheet.id, {
          sheet,
          budget: department.money.budget,
          plan: [],
          expenditures: department.money.expenditures,
          ownExpenditures: false,
          indicators: sheetIndicators,
          actuals: sheetActuals,
          department,
        });
      }
    }
    return result;
  }

  /**
   * The money of department-wide sheets (DESIGN §2 DepartmentBudget), keyed by sheet: each sheet's
   * budget summary, its department's basic spending of the year and every project of that year with
   * its spending, counted by libs/domain `departmentMoney`. Other sheets are skipped.
   */
  async departmentsOf(sheets: readonly DepartmentSheet[], tx?: Tx): Promise<Map<string, DepartmentExecution>> {
    const result = new Map<string, DepartmentExecution>();
    const departmentSheets = sheets.filter((s) => s.kind === 'department');
    if (departmentSheets.length === 0) return result;
    const departmentIds = [...new Set(departmentSheets.map((s) => s.departmentId))];
    const years = [...new Set(departmentSheets.map((s) => s.fiscalYear))];
    const projects = await this.sheetData.projectsOfDepartments(departmentIds, years, tx);
    const expenditures = await this.execution.expendituresOf(projects.map((p) => p.id), tx);
    const basic = await this.basicSpending.ofDepartments(departmentIds, years, tx);
    const spendingByProject = groupBy(expenditures, (e) => e.projectId);
    const yearOf = (row: { departmentId: string; fiscalYear: number }) => `${row.departmentId}:${row.fiscalYear}`;
    const projectsByYear = groupBy(projects, yearOf);
    const basicByYear = groupBy(basic, yearOf);
    for (const sheet of departmentSheets) {
      const own: ProjectEntity[] = projectsByYear.get(yearOf(sheet)) ?? [];
      const projectSpending = own.map((p) => ({ budget: p.amountTotal, expenditures: monthly(spendingByProject.get(p.id) ?? []) }));
      const basicMonths = monthly(basicByYear.get(yearOf(sheet)) ?? []);
      const stated = { total: sheet.budgetTotal, basic: sheet.budgetBasic, project: sheet.budgetProject };
      result.set(sheet.id, {
        money: departmentMoney({ stated, projects: projectSpending, basicExpenditures: basicMonths }),
        basic: basicMonths,
        projects: sumByMonth(projectSpending.map((p) => p.expenditures)),
      });
    }
    return result;
  }
}

/** Rows of one month each, as the domain reads them. */
function monthly(rows: readonly Pick<ExpenditureEntity, 'month' | 'amount'>[]): MonthlyExpenditure[] {
  return rows.map((e) => ({ month: e.month, amount: e.amount }));
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
