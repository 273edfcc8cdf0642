import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DepartmentListItemResponse, OrganizationKind, ProjectListItemResponse, SheetStatus } from '@jixiao/contracts';
import { DataSource } from 'typeorm';
import type { Principal } from '../../core/auth/principal';

/** `$n::text IS NULL OR path LIKE $n || '%'`: the caller's subtree (admin: null, everything). */
function scopePrefix(principal: Principal): string | null {
  return principal.role === 'admin' ? null : principal.organizationPath;
}

interface DepartmentRow {
  id: string; code: string | null; name: string; region: string | null; path: string;
  project_count: number; budget_total: string | null;
  sheet_id: string | null; sheet_status: SheetStatus | null; sheet_version: number | null; indicator_count: number;
}

interface ProjectRow {
  id: string; fiscal_year: number; code: string | null; name: string; category: string | null;
  amount_total: string; amount_fiscal: string | null; amount_other: string | null;
  dept_id: string; dept_code: string | null; dept_name: string;
  unit_id: string | null; unit_code: string | null; unit_name: string | null;
  sheet_id: string; sheet_status: SheetStatus; sheet_version: number; indicator_count: number;
}

/** Read models for lists: departments and projects of a year inside the caller's subtree. */
@Injectable()
export class SheetListingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Departments with data in the year that lie in the caller's subtree, plus the department a unit
   * user belongs to (listed so its own projects can be reached; its department-wide sheet stays hidden).
   */
  async listDepartments(principal: Principal, fiscalYear: number): Promise<DepartmentListItemResponse[]> {
    const prefix = scopePrefix(principal);
    const rows: DepartmentRow[] = await this.dataSource.query(
      `SELECT d.id, d.code, d.name, b.region, d.path,
              (SELECT count(*)::int FROM projects p JOIN organizations o ON o.id = coalesce(p.unit_id, p.department_id)
                WHERE p.department_id = d.id AND p.fiscal_year = $1 AND ($2::text IS NULL OR o.path LIKE $2 || '%')) AS project_count,
              s.budget_total, s.id AS sheet_id, s.status AS sheet_status, s.version AS sheet_version,
              (SELECT count(*)::int FROM indicators i WHERE i.sheet_id = s.id) AS indicator_count
         FROM department_years dy
         JOIN organizations d ON d.id = dy.department_id
         LEFT JOIN organizations b ON b.id = d.parent_id AND b.kind = 'finance_bureau'
         LEFT JOIN target_sheets s ON s.department_id = d.id AND s.fiscal_year = $1 AND s.kind = 'department' AND s.is_current
        WHERE dy.fiscal_year = $1 AND ($2::text IS NULL OR d.path LIKE $2 || '%' OR $2 LIKE d.path || '%')
        ORDER BY b.region NULLS LAST, d.name`,
      [fiscalYear, prefix],
    );
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
    const rows: ProjectRow[] = await this.dataSource.query(
      `SELECT p.id, p.fiscal_year, p.code, p.name, p.category, p.amount_total, p.amount_fiscal, p.amount_other,
              d.id AS dept_id, d.code AS dept_code, d.name AS dept_name,
              u.id AS unit_id, u.code AS unit_code, u.name AS unit_name,
              s.id AS sheet_id, s.status AS sheet_status, s.version AS sheet_version,
              (SELECT count(*)::int FROM indicators i WHERE i.sheet_id = s.id) AS indicator_count
         FROM projects p
         JOIN organizations d ON d.id = p.department_id
         LEFT JOIN organizations u ON u.id = p.unit_id
         JOIN organizations owner ON owner.id = coalesce(p.unit_id, p.department_id)
         JOIN target_sheets s ON s.project_id = p.id AND s.is_current
        WHERE p.fiscal_year = $1 AND ($2::uuid IS NULL OR p.department_id = $2)
          AND ($3::text IS NULL OR owner.path LIKE $3 || '%')
        ORDER BY d.name, p.position`,
      [fiscalYear, departmentId ?? null, scopePrefix(principal)],
    );
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
