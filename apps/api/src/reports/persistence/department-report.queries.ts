import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Persistence } from '../../core/database/persistence';

export interface ReportSheetRow {
  id: string;
  kind: 'project' | 'department';
  project_name: string | null;
  project_budget: string | null;
  project_spent: string | null;
  budget_total: string | null;
  budget_basic: string | null;
  budget_project: string | null;
  evaluated: boolean;
}

/**
 * The read model of a department's 自评报告: its sheets with their project money and whether they are
 * evaluated. Joins the tables of target sheets, execution and evaluation; writes nothing.
 */
@Injectable()
export class DepartmentReportQueries extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Those of these sheets that belong to the department (unordered). */
  async sheetsOfDepartment(sheetIds: readonly string[], departmentId: string): Promise<ReportSheetRow[]> {
    if (sheetIds.length === 0) return [];
    return this.em().query(
      `SELECT s.id, s.kind, p.name AS project_name, p.amount_total::text AS project_budget,
              CASE WHEN p.id IS NULL THEN NULL
                   ELSE coalesce((SELECT sum(e.amount) FROM expenditures e WHERE e.project_id = p.id), 0)::numeric(18,2)::text END AS project_spent,
              s.budget_total::text AS budget_total, s.budget_basic::text AS budget_basic, s.budget_project::text AS budget_project,
              EXISTS (SELECT 1 FROM evaluations ev WHERE ev.sheet_id = s.id) AS evaluated
         FROM target_sheets s
         LEFT JOIN projects p ON p.id = s.project_id
        WHERE s.id = ANY($1::uuid[]) AND s.department_id = $2`,
      [sheetIds, departmentId],
    );
  }
}
