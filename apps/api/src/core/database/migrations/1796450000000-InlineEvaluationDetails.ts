import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An evaluation's details (how every number was reached: about 4.7 kB of JSON for 12 indicators,
 * 2.2 kB compressed) stay in the evaluation's row (storage MAIN: compressed, moved out of line only
 * when the row would not fit a page) instead of the TOAST table. Every read of an evaluation reads its
 * details, and the year-end run writes one per sheet: out of line, each write was a second insert
 * into the TOAST table and its index (about 11% of PostgreSQL's time in the region run, bench/README.md).
 * Existing rows keep their place until rewritten; the next evaluation of a sheet writes it inline.
 */
export class InlineEvaluationDetails1796450000000 implements MigrationInterface {
  name = 'InlineEvaluationDetails1796450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluations ALTER COLUMN details SET STORAGE MAIN`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluations ALTER COLUMN details SET STORAGE EXTENDED`);
  }
}
