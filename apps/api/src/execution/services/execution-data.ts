import type { MonthlyExpenditure, SpendingPlanPoint } from '@jixiao/domain';
import { sumByMonth, sumMoney } from '@jixiao/domain';
import { EntityManager, In, Raw } from 'typeorm';
import { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import { ProjectEntity } from '../../target-sheets/entities/project.entity';
import { SpendingPlanPointEntity } from '../../target-sheets/entities/spending-plan-point.entity';
import type { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';
import { ExpenditureEntity } from '../entities/expenditure.entity';
import { IndicatorActualEntity } from '../entities/indicator-actual.entity';

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

/**
 * Loads the execution data of many sheets with a handful of queries (no query per sheet), for one
 * sheet's page as for a region's roll-up or evaluation. `periods` limits the actuals read.
 */
export async function loadExecutionData(
  em: EntityManager,
  sheets: readonly TargetSheetEntity[],
  periods?: readonly string[],
): Promise<Map<string, SheetExecutionData>> {
  const result = new Map<string, SheetExecutionData>();
  if (sheets.length === 0) return result;
  const sheetIds = sheets.map((s) => s.id);

  // Department sheets take their department's projects of the year.
  const projectIds = sheets.flatMap((s) => (s.projectId ? [s.projectId] : []));
  const departmentSheets = sheets.filter((s) => s.kind === 'department');
  // Queries one after another: inside a transaction there is one connection (pg 9 stops queueing concurrent ones).
  const projects = projectIds.length > 0 ? await em.find(ProjectEntity, { where: { id: In(projectIds) } }) : [];
  const departmentProjects =
    departmentSheets.length > 0
      ? await em.find(ProjectEntity, {
          where: { departmentId: In([...new Set(departmentSheets.map((s) => s.departmentId))]), fiscalYear: In([...new Set(departmentSheets.map((s) => s.fiscalYear))]) },
        })
      : [];
  const allProjectIds = [...new Set([...projectIds, ...departmentProjects.map((p) => p.id)])];

  const indicators = await em.find(IndicatorEntity, { where: { sheetId: In(sheetIds) }, order: { position: 'ASC' } });
  const plans = await em.find(SpendingPlanPointEntity, { where: { sheetId: In(sheetIds) }, order: { month: 'ASC' } });
  const expenditures = allProjectIds.length > 0 ? await em.find(ExpenditureEntity, { where: { projectId: In(allProjectIds) }, order: { month: 'ASC' } }) : [];
  const indicatorIds = indicators.map((i) => i.id);
  const actuals =
    indicatorIds.length === 0
      ? []
      : await em.find(IndicatorActualEntity, {
          // one array parameter, not one per indicator (a region's batch has thousands)
          where: { indicatorId: Raw((column) => `${column} = ANY(:indicatorIds::uuid[])`, { indicatorIds }), ...(periods ? { period: In([...periods]) } : {}) },
        });

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
