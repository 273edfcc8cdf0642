import { EntityManager } from 'typeorm';
import type { Principal } from '../../core/auth/principal';

/**
 * The sheets in effect (执行中的目标表) of a year inside an organization subtree: per project, and per
 * department's department-wide sheet, the highest approved version. During an adjustment the new
 * version is a draft, so the approved one it replaces stays in effect until finance approves again.
 * `pathPrefix` null: everywhere (admin). Ordered by department, then project position.
 */
export async function effectiveSheetIds(em: EntityManager, fiscalYear: number, pathPrefix: string | null): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT id FROM (
       SELECT DISTINCT ON (s.kind, coalesce(s.project_id, s.department_id)) s.id, s.department_id, s.kind, p.position
         FROM target_sheets s
         LEFT JOIN projects p ON p.id = s.project_id
         JOIN organizations owner ON owner.id = coalesce(p.unit_id, s.department_id)
        WHERE s.fiscal_year = $1 AND s.status = 'approved' AND ($2::text IS NULL OR owner.path LIKE $2 || '%')
        ORDER BY s.kind, coalesce(s.project_id, s.department_id), s.version DESC
     ) effective
     ORDER BY department_id, kind DESC, position NULLS FIRST, id`,
    [fiscalYear, pathPrefix],
  );
  return rows.map((r) => r.id);
}

/** The caller's subtree as a path prefix for `effectiveSheetIds`; admin: null. */
export function scopePathOf(principal: Principal): string | null {
  return principal.role === 'admin' ? null : principal.organizationPath;
}
