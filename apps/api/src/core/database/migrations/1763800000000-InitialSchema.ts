import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The DESIGN §2 model. Money is numeric(18,2) (元); every table a user writes has created/updated stamps;
 * organizations carry a materialised path so "inside the caller's subtree" is one indexed prefix match.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (                                -- 财政局 / 部门 / 单位
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES organizations(id) ON DELETE RESTRICT,
        kind varchar(20) NOT NULL CHECK (kind IN ('finance_bureau', 'department', 'unit')),
        code varchar(64),
        name varchar(200) NOT NULL CHECK (name <> ''),
        region varchar(100),                                      -- the administrative area of a finance bureau
        path text NOT NULL,                                       -- '/<root id>/…/<own id>/'
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'finance_bureau') = (region IS NOT NULL)),
        CHECK (kind <> 'unit' OR parent_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX organizations_parent_idx ON organizations (parent_id)`);
    await q.query(`CREATE INDEX organizations_path_idx ON organizations (path text_pattern_ops)`);
    await q.query(`CREATE UNIQUE INDEX organizations_bureau_region_uq ON organizations (region) WHERE kind = 'finance_bureau'`);
    await q.query(`CREATE UNIQUE INDEX organizations_sibling_name_uq ON organizations (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, name)`);

    await q.query(`
      CREATE TABLE users (                                        -- 用户
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
        display_name varchar(100) NOT NULL,
        password_hash varchar(100) NOT NULL,
        role varchar(32) NOT NULL CHECK (role IN ('unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'admin')),
        organization_id uuid REFERENCES organizations(id) ON DELETE RESTRICT,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role = 'admin' OR organization_id IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE fiscal_years (                                 -- 预算年度
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        scoring_scheme jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE monitoring_periods (                           -- 监控期
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year) ON DELETE CASCADE,
        period varchar(4) NOT NULL CHECK (period IN ('Q1', 'Q2', 'Q3', 'Q4', 'M7', 'M9', 'Y')),
        opens_on date NOT NULL,
        closes_on date NOT NULL,
        PRIMARY KEY (fiscal_year, period),
        CHECK (opens_on <= closes_on)
      )`);

    await q.query(`
      CREATE TABLE department_years (                             -- a department's data for one year, with its provenance
        department_id uuid NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year) ON DELETE RESTRICT,
        source text,
        imported_by uuid REFERENCES users(id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (department_id, fiscal_year)
      )`);

    await q.query(`
      CREATE TABLE projects (                                     -- 预算项目
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year) ON DELETE RESTRICT,
        department_id uuid NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
        unit_id uuid REFERENCES organizations(id) ON DELETE RESTRICT,
        code varchar(64),
        name varchar(300) NOT NULL CHECK (name <> ''),
        category varchar(100),
        amount_total numeric(18,2) NOT NULL,
        amount_fiscal numeric(18,2),
        amount_other numeric(18,2),
        purpose text,
        position integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (department_id, fiscal_year, position)
      )`);
    await q.query(`CREATE INDEX projects_year_department_idx ON projects (fiscal_year, department_id)`);

    await q.query(`
      CREATE TABLE target_sheets (                                -- 绩效目标表 (project or department-wide), versioned
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(20) NOT NULL CHECK (kind IN ('project', 'department')),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year) ON DELETE RESTRICT,
        department_id uuid NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
        project_id uuid REFERENCES projects(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        previous_version_id uuid REFERENCES target_sheets(id) ON DELETE SET NULL,
        is_current boolean NOT NULL DEFAULT true,
        status varchar(32) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'submitted', 'department_approved', 'approved', 'returned')),
        row_version integer NOT NULL DEFAULT 1,                   -- optimistic concurrency
        goals jsonb NOT NULL DEFAULT '[]'::jsonb,
        budget_total numeric(18,2),                               -- department sheet: 预算总额 / 基本支出 / 项目支出
        budget_basic numeric(18,2),
        budget_project numeric(18,2),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'project') = (project_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX target_sheets_current_project_uq ON target_sheets (project_id) WHERE is_current AND kind = 'project'`);
    await q.query(`CREATE UNIQUE INDEX target_sheets_current_department_uq ON target_sheets (department_id, fiscal_year) WHERE is_current AND kind = 'department'`);
    await q.query(`CREATE INDEX target_sheets_year_department_idx ON target_sheets (fiscal_year, department_id)`);

    await q.query(`
      CREATE TABLE sheet_tasks (                                  -- 年度主要任务 of a department sheet
        sheet_id uuid NOT NULL REFERENCES target_sheets(id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL,
        content text,
        amount numeric(18,2),
        PRIMARY KEY (sheet_id, position)
      )`);

    await q.query(`
      CREATE TABLE indicators (                                   -- 三级指标
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sheet_id uuid NOT NULL REFERENCES target_sheets(id) ON DELETE CASCADE,
        position integer NOT NULL,
        level1 varchar(100) NOT NULL,
        level2 varchar(100),
        name text NOT NULL,
        description text,
        target_text text NOT NULL,
        spec jsonb NOT NULL,
        spec_warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        spec_corrected boolean NOT NULL DEFAULT false,            -- true once a user corrected the parsed spec
        basis text,
        remark text,
        weight numeric(7,2) CHECK (weight IS NULL OR weight >= 0),
        UNIQUE (sheet_id, position)
      )`);

    await q.query(`
      CREATE TABLE spending_plan_points (                         -- 资金支出计划: cumulative at a checkpoint month
        sheet_id uuid NOT NULL REFERENCES target_sheets(id) ON DELETE CASCADE,
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        cumulative_amount numeric(18,2) NOT NULL,
        PRIMARY KEY (sheet_id, month)
      )`);

    await q.query(`
      CREATE TABLE expenditures (                                 -- 支出执行: spent in a month
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        amount numeric(18,2) NOT NULL,
        note text,
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, month)
      )`);

    await q.query(`
      CREATE TABLE indicator_actuals (                            -- 实际完成值 per period
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        period varchar(4) NOT NULL CHECK (period IN ('Q1', 'Q2', 'Q3', 'Q4', 'M7', 'M9', 'Y')),
        actual jsonb,
        forecast jsonb,
        likelihood varchar(20) CHECK (likelihood IN ('certain', 'possible', 'impossible')),
        deviation_category varchar(20) CHECK (deviation_category IN ('funding', 'institutional', 'staffing', 'facilities', 'other')),
        deviation_reason text,
        measures text,
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (indicator_id, period)
      )`);

    await q.query(`
      CREATE TABLE evaluations (                                  -- 自评结果 of a sheet
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sheet_id uuid NOT NULL UNIQUE REFERENCES target_sheets(id) ON DELETE CASCADE,
        budget numeric(18,2) NOT NULL,
        spent numeric(18,2) NOT NULL,
        execution_rate numeric(12,6),
        execution_score numeric(7,2) NOT NULL,
        total_score numeric(7,2) NOT NULL,
        grade varchar(2) NOT NULL CHECK (grade IN ('优', '良', '中', '差')),
        details jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE indicator_scores (
        evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        weight numeric(7,2) NOT NULL,
        completion_rate numeric(12,6),
        met boolean NOT NULL,
        computed_score numeric(7,2) NOT NULL,
        override_score numeric(7,2),
        override_reason text,
        override_by uuid REFERENCES users(id) ON DELETE SET NULL,
        unmet_flag varchar(10) CHECK (unmet_flag IN ('minor', 'moderate', 'severe', 'missing')),
        explanation text NOT NULL,
        PRIMARY KEY (evaluation_id, indicator_id),
        CHECK ((override_score IS NULL) = (override_reason IS NULL))
      )`);

    await q.query(`
      CREATE TABLE audit_events (                                 -- 操作日志
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action varchar(64) NOT NULL,
        entity_type varchar(64) NOT NULL,
        entity_id uuid,
        sheet_id uuid REFERENCES target_sheets(id) ON DELETE SET NULL,
        before jsonb,
        after jsonb,
        correlation_id varchar(64)
      )`);
    await q.query(`CREATE INDEX audit_events_sheet_idx ON audit_events (sheet_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_events', 'indicator_scores', 'evaluations', 'indicator_actuals', 'expenditures', 'spending_plan_points',
      'indicators', 'sheet_tasks', 'target_sheets', 'projects', 'department_years', 'monitoring_periods',
      'fiscal_years', 'users', 'organizations',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
