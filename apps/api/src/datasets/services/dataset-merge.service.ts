import { Injectable } from '@nestjs/common';
import { DATASET_FORMAT, Dataset, ImportCommittedSheet } from '@jixiao/contracts';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { advisoryXactLock } from '../../core/database/locks';
import type { Tx } from '../../core/database/persistence';
import { FiscalYearService } from '../../fiscal-years/fiscal-year.service';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import { DepartmentYearsService, ExistingDepartmentYear } from '../../target-sheets/services/department-years.service';
import { buildDatasetRows, resolveDatasetOrganizations } from './dataset-rows';

/** What a merge did with one dataset. */
export interface DatasetMergeOutcome {
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  sheets: ImportCommittedSheet[];
}

/**
 * A project of the year that is the same as the file's: same 项目编码 when the file gives one, else the
 * same name (the department and year are already the same).
 */
export function findExistingProject(
  existing: ExistingDepartmentYear['projects'],
  project: { code: string | null; name: string },
): ExistingDepartmentYear['projects'][number] | null {
  const code = project.code?.trim() || null;
  if (code !== null) return existing.find((p) => p.code !== null && p.code.trim() === code) ?? null;
  const name = project.name.trim();
  return existing.find((p) => p.name.trim() === name) ?? null;
}

/**
 * Writes a valid, permitted dataset into a department's year that may already hold some of it (an import
 * through a preview, issue 11): the sheets not yet in the system become drafts; a project already there
 * (findExistingProject), or the department sheet when the year has one, is left as it is and reported as
 * `exists` — a second import of the same project says so instead of duplicating it. Runs in the caller's
 * transaction: the caller commits several datasets all or nothing.
 */
@Injectable()
export class DatasetMergeService {
  constructor(
    private readonly tree: OrganizationTreeService,
    private readonly fiscalYears: FiscalYearService,
    private readonly departmentYears: DepartmentYearsService,
    private readonly audit: AuditService,
  ) {}

  async mergeWithin(tx: Tx, dataset: Dataset, principal: Principal, origin: { previewId: string; source: string }): Promise<DatasetMergeOutcome> {
    const year = dataset.fiscalYear;
    await advisoryXactLock(tx, 'datasets.import', dataset.region ?? ''); // organizations found or created one import at a time
    await this.fiscalYears.ensure(tx, year);
    const { department, unitIdByCode } = await resolveDatasetOrganizations(tx, this.tree, dataset);
    await this.departmentYears.lock(tx, department.id, year);
    const existing = await this.departmentYears.existing(department.id, year, tx);

    const sheets: ImportCommittedSheet[] = [];
    const ds = dataset.departmentSheet;
    const writeDepartmentSheet = ds !== null && existing.departmentSheetId === null;
    if (ds && !writeDepartmentSheet) {
      sheets.push({ sheet: 'department', kind: 'department', name: department.name, code: department.code, outcome: 'exists', sheetId: existing.departmentSheetId, projectId: null, indicatorCount: ds.indicators.length });
    }
    const newProjects: { project: Dataset['projects'][number]; position: number; index: number }[] = [];
    dataset.projects.forEach((project, index) => {
      const found = findExistingProject(existing.projects, project);
      if (found) {
        sheets.push({ sheet: index, kind: 'project', name: project.name, code: project.code, outcome: 'exists', sheetId: found.sheetId, projectId: found.id || null, indicatorCount: project.indicators.length });
      } else {
        newProjects.push({ project, index, position: existing.nextPosition + newProjects.length });
        existing.projects.push({ id: '', code: project.code, name: project.name, sheetId: null }); // the same project twice in one file is written once
      }
    });

    const rows = buildDatasetRows({
      fiscalYear: year, departmentId: department.id, unitIdByCode,
      departmentSheet: writeDepartmentSheet ? ds : null,
      projects: newProjects,
    });
    if (rows.sheets.length > 0) {
      await this.departmentYears.append(tx, {
        ...rows,
        departmentYear: { departmentId: department.id, fiscalYear: year, source: dataset.source, importedBy: principal.userId, importedAt: new Date() },
      });
    }
    if (writeDepartmentSheet && ds) {
      sheets.push({ sheet: 'department', kind: 'department', name: department.name, code: department.code, outcome: 'created', sheetId: rows.departmentSheetId, projectId: null, indicatorCount: ds.indicators.length });
    }
    newProjects.forEach(({ project, index }, i) => {
      const ids = rows.projectSheetIds[i]!;
      sheets.push({ sheet: index, kind: 'project', name: project.name, code: project.code, outcome: 'created', sheetId: ids.sheetId, projectId: ids.projectId, indicatorCount: project.indicators.length });
    });
    sheets.sort((a, b) => order(a.sheet) - order(b.sheet));

    const created = sheets.filter((s) => s.outcome === 'created');
    await this.audit.record(tx, {
      actorId: principal.userId, action: 'dataset.import', entityType: 'department_year', entityId: department.id,
      after: {
        format: DATASET_FORMAT, source: dataset.source, via: origin.source, previewId: origin.previewId, fiscalYear: year,
        createdSheets: created.length, existingSheets: sheets.length - created.length,
        indicatorCount: created.reduce((n, s) => n + s.indicatorCount, 0),
      },
    });
    return { departmentId: department.id, departmentName: department.name, fiscalYear: year, sheets };
  }
}

const order = (sheet: 'department' | number) => (sheet === 'department' ? -1 : sheet);
