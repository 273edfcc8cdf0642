import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 导入预览 (issue 11): what an uploaded workbook, a pasted published table or a dataset file was read
 * into, kept for its caller until committed or expired. The commit reads the datasets from here (the
 * file is not sent twice) and marks the row committed in the same transaction as the sheets it writes,
 * so a second commit of the same preview is refused.
 */
export class ImportPreviews1796500000000 implements MigrationInterface {
  name = 'ImportPreviews1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_previews (                               -- 导入预览: a reading awaiting its commit
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        source varchar(20) NOT NULL CHECK (source IN ('target-sheets', 'disclosure-text', 'datasets')),
        reading jsonb NOT NULL,                                    -- the DatasetReading: datasets as read and the reader's problems
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        committed_at timestamptz
      )`);
    await q.query(`CREATE INDEX import_previews_user_idx ON import_previews (user_id)`);
    await q.query(`CREATE INDEX import_previews_expires_idx ON import_previews (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_previews`);
  }
}
