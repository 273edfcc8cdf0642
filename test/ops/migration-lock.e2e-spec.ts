import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../apps/api/src/core/database/database.options';
import { MIGRATION_LOCK_KEY, runMigrations } from '../../apps/api/src/core/database/migrate';
import { MIGRATIONS } from '../../apps/api/src/core/database/migrations';

/**
 * Several API replicas and workers start at once on a fresh database (docker/compose.yaml): each runs
 * the migrations at boot under one PostgreSQL advisory lock, so they migrate one after the other and
 * every migration is applied exactly once.
 */
const THIS_DATABASE = '(SELECT oid FROM pg_database WHERE datname = current_database())'; // other runs on the server use the same key

describe('migrations of replicas starting together, under the advisory lock', () => {
  const server = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `jixiao_e2e_${randomBytes(6).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  const sources: DataSource[] = [];
  let admin: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    for (const source of sources) if (source.isInitialized) await source.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  const migrator = async (): Promise<DataSource> => {
    const source = new DataSource(databaseOptions(url.toString(), false));
    sources.push(source);
    return source.initialize();
  };

  it('lets two migrators started at once wait for the lock, then applies every migration once', async () => {
    // someone holds the lock (a replica migrating): both new migrators must wait for it
    const holder = new Client({ connectionString: url.toString() });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const [first, second] = await Promise.all([migrator(), migrator()]);
    const runs = [runMigrations(first, url.toString(), false), runMigrations(second, url.toString(), false)];
    const waiting = async () =>
      Number((await holder.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted AND database = ${THIS_DATABASE}`, [MIGRATION_LOCK_KEY])).rows[0].n);
    for (let i = 0; i < 100 && (await waiting()) < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await waiting()).toBe(2);
    const [{ n: tablesMeanwhile }] = (await holder.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows;
    expect(tablesMeanwhile).toBe(0); // nothing migrated while the lock was held

    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await holder.end();
    await Promise.all(runs); // both finish without error: the second finds nothing left to do

    const applied: { name: string; n: number }[] = await first.query(`SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name ORDER BY name`);
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(applied.every((m) => m.n === 1)).toBe(true);
    expect(await first.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND database = ${THIS_DATABASE}`, [MIGRATION_LOCK_KEY])).toEqual([{ n: 0 }]);
    expect(await first.showMigrations()).toBe(false); // nothing pending
  });
});
