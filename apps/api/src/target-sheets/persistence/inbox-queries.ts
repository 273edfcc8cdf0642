import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SheetKind, SheetStatus } from '@jixiao/contracts';
import { DataSource } from 'typeorm';
import { Persistence } from '../../core/database/persistence';

/** Who the inbox is for: the statuses that wait for the caller per sheet kind, and the caller's subtree. */
export interface InboxScope {
  statuses: Record<SheetKind, SheetStatus[]>;
  prefix: string | null; // organization path prefix, null: everywhere
}

export interface InboxFilter {
  status: SheetStatus | null;
  departmentId: string | null;
  fiscalYear: number | null;
  search: string | null; // as typed; matched case-insensitively as a part of the text
}

export interface InboxRow {
  id: string; kind: SheetKind; fiscal_year: number; status: SheetStatus; version: number; updated_at: Date;
  project_id: string | null; project_code: string | null; project_name: string | null; amount: string | null;
  dept_id: string; dept_code: string | null; dept_name: string;
  unit_id: string | null; unit_code: string | null; unit_name: string | null;
  region: string | null; indicator_count: number;
}

export interface InboxFacetRow {
  status: SheetStatus | null;
  dept_id: string | null; dept_code: string | null; dept_name: string | null; region: string | null;
  fiscal_year: number | null;
  n: number;
}

/**
 * 待我处理: the current sheets in a scope whose status waits for the caller (InboxScope), as a read
 * model over sheets, projects and the organization tree. Writes nothing.
 */
@Injectable()
export class InboxQueries extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** One page of the filtered inbox: returned sheets first, then the longest waiting. */
  page(scope: InboxScope, filter: InboxFilter, limit: number, offset: number): Promise<InboxRow[]> {
    const [where, params] = this.where(scope, filter);
    return this.em().query(
      `SELECT s.id, s.kind, s.fiscal_year, s.status, s.version, s.updated_at,
              p.id AS project_id, p.code AS project_code, p.name AS project_name, coalesce(p.amount_total, s.budget_total) AS amount,
              d.id AS dept_id, d.code AS dept_code, d.name AS dept_name,
              u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, b.region,
              (SELECT count(*)::int FROM indicators i WHERE i.sheet_id = s.id) AS indicator_count
         ${FROM}
        WHERE ${where}
        ORDER BY (s.status = 'returned') DESC, s.updated_at ASC, s.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
  }

  /** How many sheets of the filtered inbox there are. */
  async count(scope: InboxScope, filter: InboxFilter): Promise<number> {
    const [where, params] = this.where(scope, filter);
    const [row] = (await this.em().query(`SELECT count(*)::int AS n ${FROM} WHERE ${where}`, params)) as { n: number }[];
    return row?.n ?? 0;
  }

  /** The whole inbox counted per status, per department and per year (one row per group). */
  facets(scope: InboxScope): Promise<InboxFacetRow[]> {
    const [where, params] = this.where(scope, { status: null, departmentId: null, fiscalYear: null, search: null });
    return this.em().query(
      `SELECT s.status, d.id AS dept_id, d.code AS dept_code, d.name AS dept_name, b.region, s.fiscal_year, count(*)::int AS n
         ${FROM}
        WHERE ${where}
        GROUP BY GROUPING SETS ((s.status), (d.id, d.code, d.name, b.region), (s.fiscal_year))
        ORDER BY b.region NULLS LAST, d.name, s.fiscal_year DESC`,
      params,
    );
  }

  private where(scope: InboxScope, filter: InboxFilter): [string, unknown[]] {
    const params: unknown[] = [scope.statuses.project, scope.statuses.department, scope.prefix];
    const conditions = [
      's.is_current',
      `((s.kind = 'project' AND s.status = ANY($1::text[])) OR (s.kind = 'department' AND s.status = ANY($2::text[])))`,
      `($3::text IS NULL OR owner.path LIKE $3 || '%')`,
    ];
    const add = (condition: (n: number) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(params.length));
    };
    if (filter.status !== null) add((n) => `s.status = $${n}`, filter.status);
    if (filter.departmentId !== null) add((n) => `s.department_id = $${n}`, filter.departmentId);
    if (filter.fiscalYear !== null) add((n) => `s.fiscal_year = $${n}`, filter.fiscalYear);
    if (filter.search !== null) {
      add(
        (n) => `(p.name ILIKE $${n} ESCAPE '\\' OR p.code ILIKE $${n} ESCAPE '\\' OR (s.kind = 'department' AND d.name ILIKE $${n} ESCAPE '\\'))`,
        `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      );
    }
    return [conditions.join(' AND '), params];
  }
}

const FROM = `FROM target_sheets s
         LEFT JOIN projects p ON p.id = s.project_id
         JOIN organizations d ON d.id = s.department_id
         LEFT JOIN organizations u ON u.id = p.unit_id
         JOIN organizations owner ON owner.id = coalesce(p.unit_id, s.department_id)
         LEFT JOIN organizations b ON b.id = d.parent_id AND b.kind = 'finance_bureau'`;
