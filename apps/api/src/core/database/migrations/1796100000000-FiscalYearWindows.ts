import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fiscal years in service (issue 9, item 3):
 * - monitoring_reopenings: finance reopens a closed monitoring round for one organization's subtree
 *   until a date (the windows themselves are monitoring_periods);
 * - 结转 (roll-over): a sheet started from last year's keeps where it came from
 *   (target_sheets.rolled_over_from_id) and each indicator the one of last year it copies
 *   (indicators.previous_indicator_id), so the editor shows last year's target and actual beside it;
 * - project codes are unique per implementing unit (the department when it runs the project itself)
 *   and year. Duplicates already stored stop the migration with their names: they must be resolved
 *   by hand, never silently.
 */
export class FiscalYearWindows1796100000000 implements MigrationInterface {
  name = 'FiscalYearWindows1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monitoring_reopenings (                        -- 重新开放填报
        fiscal_year integer NOT NULL,
        period varchar(4) NOT NULL,
        organization_id uuid NOT NULL,
        until date NOT NULL,                                      -- the last day it allows recording
        reason text NOT NULL,
        reopened_by uuid,
        reopened_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT monitoring_reopenings_pkey PRIMARY KEY (fiscal_year, period, organization_id),
        CONSTRAINT monitoring_reopenings_fiscal_year_period_fkey FOREIGN KEY (fiscal_year, period)
          REFERENCES monitoring_periods (fiscal_year, period) ON DELETE CASCADE,
        CONSTRAINT monitoring_reopenings_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT monitoring_reopenings_reopened_by_fkey FOREIGN KEY (reopened_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT monitoring_reopenings_reason_check CHECK (char_length(btrim(reason)) BETWEEN 2 AND 500)
      )`);

    await q.query(`ALTER TABLE target_sheets ADD COLUMN rolled_over_from_id uuid
      CONSTRAINT target_sheets_rolled_over_from_id_fkey REFERENCES target_sheets (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX target_sheets_rolled_over_from_idx ON target_sheets (rolled_over_from_id) WHERE rolled_over_from_id IS NOT NULL`);
    await q.query(`ALTER TABLE indicators ADD COLUMN previous_indicator_id uuid
      CONSTRAINT indicators_previous_indicator_id_fkey REFERENCES indicators (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX indicators_previous_indicator_idx ON indicators (previous_indicator_id) WHERE previous_indicator_id IS NOT NULL`);

    const clashes: { code: string; fiscal_year: number; names: string }[] = await q.query(
      `SELECT code, fiscal_year, string_agg(name, '」「' ORDER BY name) AS names FROM projects WHERE code IS NOT NULL
        GROUP BY coalesce(unit_id, department_id), fiscal_year, code HAVING count(*) > 1`,
    );
    if (clashes.length > 0) {
      const list = clashes.map((c) => `${c.fiscal_year} 年度编码 ${c.code}：「${c.names}」`).join('；');
      throw new Error(`同一单位同一年度的项目编码重复，请先修改后再升级 / duplicate project codes per unit and year: ${list}`);
    }
    await q.query(`CREATE UNIQUE INDEX projects_owner_year_code_uq ON projects (coalesce(unit_id, department_id), fiscal_year, code) WHERE code IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX projects_owner_year_code_uq`);
    await q.query(`ALTER TABLE indicators DROP COLUMN previous_indicator_id`);
    await q.query(`ALTER TABLE target_sheets DROP COLUMN rolled_over_from_id`);
    await q.query(`DROP TABLE monitoring_reopenings`);
  }
}
