import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SheetKind } from '@jixiao/contracts';
import type { TargetSpec } from '@jixiao/domain';
import { DataSource } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';

/** A sheet as the year-end evaluation reads it: plain values, no entity. */
export interface ScoringSheet {
  id: string;
  kind: SheetKind;
  fiscalYear: number;
  departmentId: string;
  projectId: string | null;
  budgetTotal: string | null; // a department-wide sheet's budget summary (元)
  budgetBasic: string | null;
  budgetProject: string | null;
  projectTotal: string | null; // a project sheet's project total (元)
  name: string; // its project's name, or '<department> 部门整体'
}

/** An indicator as scoreSheet takes it. */
export interface ScoringIndicator {
  id: string;
  sheetId: string;
  level1: string;
  level2: string | null;
  name: string;
  spec: TargetSpec;
  weight: string | null;
}

/**
 * What the year-end evaluation reads of sheets, as rows (two queries for a batch of any size, one
 * `uuid[]` parameter each): reading a region's 1.2 million indicators into entities cost more than
 * scoring them (bench/README.md, year-end evaluation).
 */
@Injectable()
export class ScoringInputQueries extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The sheets with their budgets and names, in id order. */
  sheets(sheetIds: readonly string[], tx?: Tx): Promise<ScoringSheet[]> {
    if (sheetIds.length === 0) return Promise.resolve([]);
    return this.em(tx).query(
      `SELECT s.id, s.kind, s.fiscal_year AS "fiscalYear", s.department_id AS "departmentId", s.project_id AS "projectId",
              s.budget_total::text AS "budgetTotal", s.budget_basic::text AS "budgetBasic", s.budget_project::text AS "budgetProject",
              p.amount_total::text AS "projectTotal", coalesce(p.name, d.name || ' 部门整体') AS name
         FROM target_sheets s LEFT JOIN projects p ON p.id = s.project_id JOIN organizations d ON d.id = s.department_id
        WHERE s.id = ANY($1::uuid[])
        ORDER BY s.id`,
      [sheetIds],
    );
  }

  /** Their indicators, each sheet's in tree order. */
  indicators(sheetIds: readonly string[], tx?: Tx): Promise<ScoringIndicator[]> {
    if (sheetIds.length === 0) return Promise.resolve([]);
    return this.em(tx).query(
      `SELECT id, sheet_id AS "sheetId", level1, level2, name, spec, weight::text AS weight
         FROM indicators WHERE sheet_id = ANY($1::uuid[])
        ORDER BY sheet_id, position`,
      [sheetIds],
    );
  }
}
