import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 基本支出执行 (DESIGN §2 DepartmentBudget): a department's basic spending (基本支出: salaries, running
 * costs) by month of a fiscal year, recorded by the department like a project's spending. The
 * department's budget itself (基本支出 + 项目支出 = 总额) is the budget summary of its department-wide
 * sheet, reviewed, approved and adjusted with the targets; a department-wide sheet's execution rate
 * counts this spending with every project's against that whole budget.
 */
export class BasicExpenditures1796300000000 implements MigrationInterface {
  name = 'BasicExpenditures1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE basic_expenditures (                           -- 基本支出执行: a department's basic spending in a month
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year) ON DELETE RESTRICT,
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        amount numeric(18,2) NOT NULL CHECK (amount >= 0),       -- 元
        note text,
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (department_id, fiscal_year, month)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE basic_expenditures`);
  }
}
