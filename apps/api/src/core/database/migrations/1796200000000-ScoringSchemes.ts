import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 评分方案 (DESIGN §2, §3) per finance bureau × fiscal year × sheet kind, versioned: every change is a
 * new row, the current scheme is the highest version; where none is configured the national project
 * scheme applies. An evaluation records the version it was computed with (scheme_id, scheme_version),
 * so that a later change shows it as 待重新计算. The per-year scheme of fiscal_years goes: it only
 * ever held the national default (written when a year came into being; nothing else wrote it).
 */
export class ScoringSchemes1796200000000 implements MigrationInterface {
  name = 'ScoringSchemes1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_schemes (                              -- 评分方案, one row per version
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bureau_id uuid NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT, -- 财政局
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year) ON DELETE CASCADE,
        kind varchar(10) NOT NULL CHECK (kind IN ('project', 'department')),
        version integer NOT NULL CHECK (version >= 1),
        definition jsonb NOT NULL,                                -- ScoringScheme (libs/domain)
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (bureau_id, fiscal_year, kind, version)
      )`);
    await q.query(`ALTER TABLE evaluations ADD COLUMN scheme_id uuid REFERENCES scoring_schemes(id) ON DELETE SET NULL`); // null: the national preset
    await q.query(`ALTER TABLE evaluations ADD COLUMN scheme_version integer`);
    await q.query(`ALTER TABLE fiscal_years DROP COLUMN scoring_scheme`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fiscal_years ADD COLUMN scoring_scheme jsonb NOT NULL DEFAULT '{"budgetExecution": 10, "output": 50, "benefit": 30, "satisfaction": 10}'::jsonb`);
    await q.query(`ALTER TABLE fiscal_years ALTER COLUMN scoring_scheme DROP DEFAULT`);
    await q.query(`ALTER TABLE evaluations DROP COLUMN scheme_version`);
    await q.query(`ALTER TABLE evaluations DROP COLUMN scheme_id`);
    await q.query(`DROP TABLE scoring_schemes`);
  }
}
