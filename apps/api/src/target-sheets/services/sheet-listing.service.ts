import { Injectable } from '@nestjs/common';
import type { DepartmentListItemResponse, FiscalYearResponse, OrganizationKind, ProjectListItemResponse } from '@jixiao/contracts';
import { Principal, scopePathOf } from '../../core/auth/principal';
import { MonitoringWindowsService } from '../../fiscal-years/services/monitoring-windows.service';
import { SheetQueries } from '../persistence/sheet-queries';

/** Read models for lists: years, and departments and projects of a year, inside the caller's subtree. */
@Injectable()
export class SheetListingService {
  constructor(
    private readonly queries: SheetQueries,
    private readonly windows: MonitoringWindowsService,
  ) {}

  /** Every opened year, newest first, with its 填报时间 and whether the caller sees sheets (and sheets in effect) in it. */
  async listFiscalYears(principal: Principal): Promise<FiscalYearResponse[]> {
    const withSheets = new Map((await this.queries.fiscalYears(scopePathOf(principal))).map((y) => [y.year, y.inEffect]));
    return (await this.windows.list(principal)).map((year) => ({ ...year, hasSheets: withSheets.has(year.year), hasSheetsInEffect: withSheets.get(year.year) ?? false }));
  }

  /**
   * Departments with data in the year that lie in the caller's subtree, plus the department a unit
   * user belongs to (listed so its own projects can be reached; its department-wide sheet stays hidden).
   */
  async listDepartments(principal: Principal, fiscalYear: number): Promise<DepartmentListItemResponse[]> {
    const prefix = scopePathOf(principal);
    const rows = await this.queries.listDepartments(fiscalYear, prefix);
    return rows.map((r) => {
      const sheetVisible = r.sheet_id !== null && (prefix === null || r.path.startsWith(prefix));
      return {
        department: { id: r.id, code: r.code, name: r.name, kind: 'department' as OrganizationKind },
        region: r.region,
        fiscalYear,
        projectCount: r.project_count,
        budgetTotal: sheetVisible ? r.budget_total : null,
        sheet: sheetVisible
          ? { id: r.sheet_id!, status: r.sheet_status!, version: r.sheet_version!, indicatorCount: r.indicator_count }
          : null,
        sheetHidden: r.sheet_id !== null && !sheetVisible,
      };
    });
  }

  async listProjects(principal: Principal, fiscalYear: number, departmentId?: string): Promise<ProjectListItemResponse[]> {
    const rows = await this.queries.listProjects(fiscalYear, departmentId ?? null, scopePathOf(principal));
    return rows.map((r) => ({
      id: r.id,
      fiscalYear: r.fiscal_year,
      code: r.code,
      name: r.name,
      category: r.category,
      amount: { total: r.amount_total, fiscal: r.amount_fiscal, other: r.amount_other },
      department: { id: r.dept_id, code: r.dept_code, name: r.dept_name, kind: 'department' },
      unit: r.unit_id ? { id: r.unit_id, code: r.unit_code, name: r.unit_name!, kind: 'unit' } : null,
      sheet: { id: r.sheet_id, status: r.sheet_status, version: r.sheet_version, indicatorCount: r.indicator_count },
    }));
  }
}
