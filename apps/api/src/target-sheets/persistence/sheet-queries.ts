import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SheetStatus } from '@jixiao/contracts';
import { DataSource } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';

/** A current sheet of a department's year, with the unit that owns its project (null: the department itself). */
export interface DepartmentYearSheet {
  id: string;
  kind: 'project' | 'department';
  unitId: string | null;
}

export interface DepartmentRow {
  id: string; code: string | null; name: string; region: string | null; path: string;
  project_count: number; budget_total: string | null;
  sheet_id: string | null; sheet_status: SheetStatus | null; sheet_version: number | null; indicator_count: number;
}

export interface ProjectRow {
  id: string; fiscal_year: number; code: string | null; name: string; category: string | null;
  amount_total: string; amount_fiscal: string | null; amount_other: string | null;
  dept_id: string; dept_code: string | null; dept_name: string;
  unit_id: string | null; unit_code: string | null; unit_name: string | null;
  sheet_id: string; sheet_status: SheetStatus; sheet_version: number; indicator_count: number;
}

/**
 * Read models over sheets (lists, the sheets in effect, counts). A scope is an organization path
 * prefix (`path LIKE prefix || '%'`), null for everywhere; the owner of a sheet is its project's
 * unit, else its department. These queries read the organization tree by join, and write nothing.
 */
/**
 * Projects of a year (of one department when $2 is given) whose owner lies under the path prefix $3,
 * with their current sheet; also the HTTP benchmark's minimal server's list (bench/support).
 */
export const PROJECT_LIST_SQL = `
  SELECT p.id, p.fiscal_year, p.code, p.name, p.category, p.amount_total, p.amount_fiscal, p.amount_other,
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
   ORDER BY d.name, p.position`;

@Injectable()
export class SheetQueries extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Departments with data in the year that lie in the scope, plus the department that the scope
   * lies in (a unit user's), with their department-wide sheet and how many projects the scope sees.
   */
  listDepartments(fiscalYear: number, prefix: string | null): Promise<DepartmentRow[]> {
    return this.em().query(
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
  }

  /** Projects of the year (of one department, or all) whose owner lies in the scope, with their current sheet. */
  listProjects(fiscalYear: number, departmentId: string | null, prefix: string | null): Promise<ProjectRow[]> {
    return this.em().query(PROJECT_LIST_SQL, [fiscalYear, departmentId, prefix]);
  }

  /** Years with sheets in the scope, newest first, and whether some sheet of the year is in effect (approved). */
  async fiscalYears(prefix: string | null): Promise<{ year: number; inEffect: boolean }[]> {
    const rows: { fiscal_year: number; in_effect: boolean }[] = await this.em().query(
      `SELECT s.fiscal_year, bool_or(s.status = 'approved') AS in_effect
         FROM target_sheets s
         LEFT JOIN projects p ON p.id = s.project_id
         JOIN organizations o ON o.id = coalesce(p.unit_id, s.department_id)
        WHERE ($1::text IS NULL OR o.path LIKE $1 || '%')
        GROUP BY s.fiscal_year
        ORDER BY 1 DESC`,
      [prefix],
    );
    return rows.map((r) => ({ year: r.fiscal_year, inEffect: r.in_effect }));
  }

  /**
   * The sheets in effect (执行中的目标表) of a year in the scope: per project, and per department's
   * department-wide sheet, the highest approved version. Ordered by department, then project position.
   */
  async effectiveSheetIds(fiscalYear: number, prefix: string | null, tx?: Tx): Promise<string[]> {
    const rows: { id: string }[] = await this.em(tx).query(
      `SELECT id FROM (
         SELECT DISTINCT ON (s.kind, coalesce(s.project_id, s.department_id)) s.id, s.department_id, s.kind, p.position
           FROM target_sheets s
           LEFT JOIN projects p ON p.id = s.project_id
           JOIN organizations owner ON owner.id = coalesce(p.unit_id, s.department_id)
          WHERE s.fiscal_year = $1 AND s.status = 'approved' AND ($2::text IS NULL OR owner.path LIKE $2 || '%')
          ORDER BY s.kind, coalesce(s.project_id, s.department_id), s.version DESC
       ) effective
       ORDER BY department_id, kind DESC, position NULLS FIRST, id`,
      [fiscalYear, prefix],
    );
    return rows.map((r) => r.id);
  }

  /** The department-wide sheet in effect of a department's year (its highest approved version), if any. */
  async departmentSheetInEffect(departmentId: string, fiscalYear: number, tx?: Tx): Promise<string | null> {
    const rows: { id: string }[] = await this.em(tx).query(
      `SELECT id FROM target_sheets
        WHERE department_id = $1 AND fiscal_year = $2 AND kind = 'department' AND status = 'approved'
        ORDER BY version DESC LIMIT 1`,
      [departmentId, fiscalYear],
    );
    return rows[0]?.id ?? null;
  }

  /** The current sheets of a department's year: the department-wide sheet first, then the projects in their order. */
  async currentSheetsOfDepartment(departmentId: string, fiscalYear: number, tx?: Tx): Promise<DepartmentYearSheet[]> {
    const rows: { id: string; kind: 'project' | 'department'; unit_id: string | null }[] = await this.em(tx).query(
      `SELECT s.id, s.kind, p.unit_id
         FROM target_sheets s LEFT JOIN projects p ON p.id = s.project_id
        WHERE s.department_id = $1 AND s.fiscal_year = $2 AND s.is_current
        ORDER BY s.kind DESC, p.position NULLS FIRST, s.id`,
      [departmentId, fiscalYear],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, unitId: r.unit_id }));
  }

  /** First versions of the year in the scope that are not approved (nothing in effect to evaluate). */
  async countNotApproved(fiscalYear: number, prefix: string): Promise<number> {
    const [row] = (await this.em().query(
      `SELECT count(*)::int AS n
         FROM target_sheets s LEFT JOIN projects p ON p.id = s.project_id
         JOIN organizations owner ON owner.id = coalesce(p.unit_id, s.department_id)
        WHERE s.fiscal_year = $1 AND s.is_current AND s.status <> 'approved' AND s.version = 1 AND owner.path LIKE $2 || '%'`,
      [fiscalYear, prefix],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** What a sheet is called: its project's name, or '<department> 部门整体'. */
  async sheetNames(sheetIds: readonly string[], tx?: Tx): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.em(tx).query(
      `SELECT s.id, coalesce(p.name, d.name || ' 部门整体') AS name
         FROM target_sheets s LEFT JOIN projects p ON p.id = s.project_id JOIN organizations d ON d.id = s.department_id
        WHERE s.id = ANY($1::uuid[])`,
      [sheetIds],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
