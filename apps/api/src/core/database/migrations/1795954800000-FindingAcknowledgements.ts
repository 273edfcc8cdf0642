import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 问题确认 (DESIGN §5): the author's written reason for each error-level finding of the review,
 * given at submission. One row per finding of the sheet's latest submission — a new submission
 * replaces them; every submission's set also stays in its audit event. The finding is kept as the
 * review stated it then (code, indicator, message), so that the reviewers read what was acknowledged.
 */
export class FindingAcknowledgements1795954800000 implements MigrationInterface {
  name = 'FindingAcknowledgements1795954800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE finding_acknowledgements (                     -- 问题确认 of a sheet's latest submission
        sheet_id uuid NOT NULL REFERENCES target_sheets(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),          -- order of the findings in the review
        code varchar(64) NOT NULL,                                -- ReviewCode
        indicator_id uuid REFERENCES indicators(id) ON DELETE SET NULL,
        indicator_index integer CHECK (indicator_index >= 0),     -- position in the sheet at submission; null: the sheet
        indicator_name text,
        occurrence integer NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
        message text NOT NULL,
        reason text NOT NULL CHECK (char_length(btrim(reason)) BETWEEN 2 AND 500),
        acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sheet_id, position),
        UNIQUE (sheet_id, code, indicator_index, occurrence)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finding_acknowledgements`);
  }
}
