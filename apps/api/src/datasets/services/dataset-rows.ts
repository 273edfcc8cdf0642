import type { Dataset, DatasetDepartmentSheet, DatasetIndicator, DatasetProject } from '@jixiao/contracts';
import { parseTarget } from '@jixiao/domain';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../core/database/persistence';
import type { OrganizationEntity } from '../../organizations/entities/organization.entity';
import type { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import type { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import type { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';
import type { DepartmentYearRows } from '../../target-sheets/services/department-years.service';

/** The organizations a dataset's sheets belong to, found or created. */
export interface DatasetOrganizations {
  department: OrganizationEntity;
  /** Units that have a code, by code: what a project's `unitCode` names. */
  unitIdByCode: Map<string, string>;
}

/**
 * Finds or creates the region's finance bureau, the department and its units (OrganizationTreeService.childOf:
 * an existing organization is never changed). A unit without a code is found by its name within the
 * department, and created without a code when new: the database allows a null 单位代码 (codes are unique
 * among siblings only where present), the administrators' form leaves it blank the same way, and no code is
 * invented that would then appear in exports and reports as if it were the unit's real one.
 */
export async function resolveDatasetOrganizations(tx: Tx, tree: OrganizationTreeService, dataset: Dataset): Promise<DatasetOrganizations> {
  const bureau = dataset.region ? await tree.bureauOf(tx, dataset.region) : null;
  const department = await tree.childOf(tx, bureau, 'department', { ...dataset.department, position: 0 });
  const unitIdByCode = new Map<string, string>();
  for (const [position, unit] of dataset.units.entries()) {
    const entity = await tree.childOf(tx, department, 'unit', { ...unit, position });
    if (unit.code !== null) unitIdByCode.set(unit.code, entity.id);
  }
  return { department, unitIdByCode };
}

/** Which sheets of a dataset to write, and where. */
export interface DatasetRowsPlan {
  fiscalYear: number;
  departmentId: string;
  unitIdByCode: ReadonlyMap<string, string>;
  departmentSheet: DatasetDepartmentSheet | null;
  /** The projects to write with their positions in the department's year. */
  projects: { project: DatasetProject; position: number }[];
}

/** The rows of new draft sheets (version 1, current), with the ids given to each written project's sheet. */
export interface DatasetRows extends Omit<DepartmentYearRows, 'departmentYear'> {
  departmentSheetId: string | null;
  projectSheetIds: { projectId: string; sheetId: string }[];
}

/** Builds the rows of the planned sheets: draft sheets, their indicators (targets parsed), tasks and plan points. */
export function buildDatasetRows(plan: DatasetRowsPlan): DatasetRows {
  const year = plan.fiscalYear;
  const rows: DatasetRows = { projects: [], sheets: [], tasks: [], indicators: [], planPoints: [], departmentSheetId: null, projectSheetIds: [] };
  const newSheet = (kind: 'project' | 'department', projectId: string | null, goals: string[]): Partial<TargetSheetEntity> & { id: string } => {
    const sheet = {
      id: randomUUID(), kind, fiscalYear: year, departmentId: plan.departmentId, projectId,
      version: 1, isCurrent: true, status: 'draft' as const, goals,
      budgetTotal: null, budgetBasic: null, budgetProject: null,
    };
    rows.sheets.push(sheet);
    return sheet;
  };
  const addIndicators = (sheetId: string, indicators: DatasetIndicator[]) => {
    indicators.forEach((row, position) => rows.indicators.push(toIndicator(sheetId, position, row, year)));
  };

  const ds = plan.departmentSheet;
  if (ds) {
    const sheet = newSheet('department', null, ds.goals);
    Object.assign(sheet, { budgetTotal: ds.budget.total, budgetBasic: ds.budget.basic, budgetProject: ds.budget.project });
    ds.tasks.forEach((task, position) => rows.tasks.push({ sheetId: sheet.id, position, ...task }));
    addIndicators(sheet.id, ds.indicators);
    rows.departmentSheetId = sheet.id;
  }
  for (const { project: p, position } of plan.projects) {
    const projectId = randomUUID();
    rows.projects.push({
      id: projectId, fiscalYear: year, departmentId: plan.departmentId,
      unitId: p.unitCode === null ? null : plan.unitIdByCode.get(p.unitCode) ?? null,
      code: p.code, name: p.name, category: p.category,
      amountTotal: p.amount.total, amountFiscal: p.amount.fiscal, amountOther: p.amount.other,
      purpose: p.purpose, position,
    });
    const sheet = newSheet('project', projectId, p.goals);
    p.spendingPlan.forEach((point) => rows.planPoints.push({ sheetId: sheet.id, ...point }));
    addIndicators(sheet.id, p.indicators);
    rows.projectSheetIds.push({ projectId, sheetId: sheet.id });
  }
  return rows;
}

function toIndicator(sheetId: string, position: number, row: DatasetIndicator, fiscalYear: number): Partial<IndicatorEntity> {
  const parsed = parseTarget(row.target, { level1: row.level1, level2: row.level2, name: row.name, fiscalYear });
  return {
    id: randomUUID(), sheetId, position,
    level1: row.level1, level2: row.level2, name: row.name, description: row.description,
    targetText: row.target, spec: parsed.spec, specWarnings: parsed.warnings, specCorrected: false,
    basis: row.basis, remark: row.remark, weight: null,
  };
}
