import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UnmetSeverity } from '@jixiao/contracts';
import { DataSource } from 'typeorm';
import { Persistence } from '../../core/database/persistence';

export interface OverviewSheetRow {
  id: string;
  kind: 'project' | 'department';
  fiscal_year: number;
  department_id: string;
  department_code: string | null;
  department_name: string;
  region: string | null;
  project_name: string | null;
  budget: string | null;
  spent: string;
  total_score: string | null;
  grade: string | null;
  scheme_id: string | null; // 评分方案 version the evaluation used
}

export interface UnmetRow {
  sheet_id: string;
  indicator_id: string;
  name: string;
  unmet_flag: UnmetSeverity;
  completion_rate: string | null;
  completion_percent: string | null;
}

/**
 * The read model of 结果应用: sheets with their department, project money and evaluation, and the
 * unmet indicators. Joins the tables of target sheets, execution and the organization tree; writes nothing.
 */
@Injectable()
export class FinanceOverviewQueries extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** These sheets (unordered) with their department, region, project, budget, spending, total and grade. */
  sheets(sheetIds: readonly string[]): Promise<OverviewSheetRow[]> {
    return this.em().query(
      `SELECT s.id, s.kind, s.fiscal_year, d.id AS department_id, d.code AS department_code, d.name AS department_name, b.region,
              p.name AS project_name, p.amount_total::text AS budget,
              coalesce((SELECT sum(e.amount) FROM expenditures e WHERE e.project_id = p.id), 0)::numeric(18,2)::text AS spent,
              ev.total_score::text AS total_score, ev.grade, ev.scheme_id
         FROM target_sheets s
         JOIN organizations d ON d.id = s.department_id
         LEFT JOIN organizations b ON b.id = d.parent_id AND b.kind = 'finance_bureau'
         LEFT JOIN projects p ON p.id = s.project_id
         LEFT JOIN evaluations ev ON ev.sheet_id = s.id
        WHERE s.id = ANY($1::uuid[])`,
      [sheetIds],
    );
  }

  /** The unmet indicators of these sheets' evaluations, in tree order. */
  unmetIndicators(sheetIds: readonly string[]): Promise<UnmetRow[]> {
    return this.em().query(
      `SELECT ev.sheet_id, sc.indicator_id, i.name, sc.unmet_flag, sc.completion_rate::text AS completion_rate, sc.completion_percent::text AS completion_percent
         FROM indicator_scores sc
         JOIN evaluations ev ON ev.id = sc.evaluation_id
         JOIN indicators i ON i.id = sc.indicator_id
        WHERE ev.sheet_id = ANY($1::uuid[]) AND sc.unmet_flag IS NOT NULL
        ORDER BY i.position`,
      [sheetIds],
    );
  }
}
