import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** pg_advisory_lock key shared by every replica and worker. */
export const MIGRATION_LOCK_KEY = 7_345_001;

/**
 * Runs pending migrations. On a server, under an advisory lock so that replicas starting together
 * migrate once; the embedded database has a single process and a single session, so no lock.
 */
export async function runMigrations(dataSource: DataSource, url: string, embedded: boolean): Promise<void> {
  const logger = new Logger('Migrations');
  let lock: Client | null = null;
  if (!embedded) {
    lock = new Client({ connectionString: url });
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  }
  try {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    if (done.length > 0) logger.log(`applied ${done.map((m) => m.name).join(', ')}`);
  } finally {
    if (lock) {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await lock.end();
    }
  }
}
