import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';

/** A sheet in effect with a stored evaluation, as a page of a region's export reads it. */
export interface EvaluatedSheetKey {
  departmentId: string;
  sheetId: string;
}

/**
 * The sheets in effect of a year in a subtree (per project and per department's department-wide
 * sheet, the highest approved version: as SheetQueries.effectiveSheetIds) that have an evaluation.
 */
const EVALUATED_IN_EFFECT = `
  SELECT e.id, e.department_id FROM (
    SELECT DISTINCT ON (s.kind, coalesce(s.project_id, s.department_id)) s.id, s.department_id
      FROM target_sheets s
      LEFT JOIN projects p ON p.id = s.project_id
      JOIN organizations owner ON owner.id = coalesce(p.unit_id, s.department_id)
     WHERE s.fiscal_year = $1 AND s.status = 'approved' AND ($2::text IS NULL OR owner.path LIKE $2 || '%')
     ORDER BY s.kind, coalesce(s.project_id, s.department_id), s.version DESC
  ) e
  WHERE EXISTS (SELECT 1 FROM evaluations v WHERE v.sheet_id = e.id)`;

/** 自评结果 of a region read page by page (keyset on department, then sheet), never all at once. */
@Injectable()
export class EvaluatedSheetsQueries extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async count(fiscalYear: number, pathPrefix: string | null, tx?: Tx): Promise<number> {
    const [row] = (await this.em(tx).query(`SELECT count(*)::int AS n FROM (${EVALUATED_IN_EFFECT}) x`, [fiscalYear, pathPrefix])) as { n: number }[];
    return row?.n ?? 0;
  }

  /** The next `limit` after `after` (the first page when null), ordered by department id, then sheet id. */
  async page(fiscalYear: number, pathPrefix: string | null, after: EvaluatedSheetKey | null, limit: number, tx?: Tx): Promise<EvaluatedSheetKey[]> {
    const rows = (await this.em(tx).query(
      `SELECT id, department_id FROM (${EVALUATED_IN_EFFECT}) x
        WHERE $3::uuid IS NULL OR (department_id, id) > ($3::uuid, $4::uuid)
        ORDER BY department_id, id
        LIMIT $5`,
      [fiscalYear, pathPrefix, after?.departmentId ?? null, after?.sheetId ?? null, limit],
    )) as { id: string; department_id: string }[];
    return rows.map((r) => ({ departmentId: r.department_id, sheetId: r.id }));
  }
}
