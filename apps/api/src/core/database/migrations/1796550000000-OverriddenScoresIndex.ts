import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indicator scores a reviewer overrode (评价人调整分), by evaluation: every batch of the year-end run
 * reads its sheets' overrides to keep them. Without this index PostgreSQL read them with a sequential
 * scan of indicator_scores, which grows with every batch the run writes (1.2 million rows at 100,000
 * sheets): a run's cost grew with the square of the region (bench/README.md, fourth round). Overrides
 * are few, so the partial index is small and costs nothing on the run's inserts.
 */
export class OverriddenScoresIndex1796550000000 implements MigrationInterface {
  name = 'OverriddenScoresIndex1796550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX indicator_scores_overridden_idx ON indicator_scores (evaluation_id) WHERE override_score IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX indicator_scores_overridden_idx`);
  }
}
