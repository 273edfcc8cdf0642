import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exact rates (DESIGN §3 "Exact arithmetic"): every page and export shows a rate as the digits the
 * domain rounded half-up to 0.01% — stored beside the score (`completion_percent`,
 * `execution_percent`) instead of being re-rounded from a 6-place approximation. The approximate
 * rates lose their precision limit, so no rate, however large, can overflow its column.
 */
export class ExactRates1795960000000 implements MigrationInterface {
  name = 'ExactRates1795960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator_scores ALTER COLUMN completion_rate TYPE numeric`);
    await q.query(`ALTER TABLE indicator_scores ADD COLUMN completion_percent numeric`); // 完成率 % as shown: '66.67'
    await q.query(`UPDATE indicator_scores SET completion_percent = round(completion_rate * 100, 2) WHERE completion_rate IS NOT NULL`);
    await q.query(`ALTER TABLE evaluations ALTER COLUMN execution_rate TYPE numeric`);
    await q.query(`ALTER TABLE evaluations ADD COLUMN execution_percent numeric`); // 预算执行率 % as shown
    await q.query(`UPDATE evaluations SET execution_percent = round(execution_rate * 100, 2) WHERE execution_rate IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluations DROP COLUMN execution_percent`);
    await q.query(`ALTER TABLE evaluations ALTER COLUMN execution_rate TYPE numeric(12,6)`);
    await q.query(`ALTER TABLE indicator_scores DROP COLUMN completion_percent`);
    await q.query(`ALTER TABLE indicator_scores ALTER COLUMN completion_rate TYPE numeric(12,6)`);
  }
}
