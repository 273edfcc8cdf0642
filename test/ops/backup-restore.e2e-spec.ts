import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../apps/api/src/core/database/database.options';
import { startEmbeddedPostgres } from '../../apps/api/src/core/database/embedded-postgres';
import { runMigrations } from '../../apps/api/src/core/database/migrate';

/**
 * `npm run backup` / `npm run restore` (scripts/backup.mjs) on both databases the app runs on: the app's
 * schema with some rows, a backup, the rows changed and deleted, the restore — and every table is back
 * exactly (row count and a checksum of its rows).
 */
const SCRIPT = resolve(__dirname, '../../scripts/backup.mjs');
type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

function script(args: string[], env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Some rows of the app's tables: a finance bureau with departments, a fiscal year, audit events. */
async function seed(query: Query): Promise<void> {
  const [bureau] = await query(`INSERT INTO organizations (kind, name, region, path) VALUES ('finance_bureau', '淮河市财政局', '淮河市', '/') RETURNING id`);
  await query(`UPDATE organizations SET path = '/' || id || '/' WHERE id = $1`, [bureau!['id']]);
  await query(
    `INSERT INTO organizations (parent_id, kind, code, name, path, position)
     SELECT $1::uuid, 'department', 'D' || g, '部门' || g, '/' || $1::text || '/' || gen_random_uuid() || '/', g FROM generate_series(1, 25) g`,
    [bureau!['id']],
  );
  await query(`INSERT INTO fiscal_years (year) VALUES (2025)`);
  await query(`INSERT INTO monitoring_periods (fiscal_year, period, opens_on, closes_on) VALUES (2025, 'M7', '2025-07-01', '2025-07-31'), (2025, 'Y', '2026-01-01', '2026-02-28')`);
  await query(`INSERT INTO audit_events (action, entity_type, after) SELECT 'bench.row', 'probe', jsonb_build_object('n', g, 'text', '绩效' || g) FROM generate_series(1, 200) g`);
}

/** Per table of the schema: its row count and the md5 of its rows in a stable order. */
async function fingerprint(query: Query): Promise<Record<string, string>> {
  const tables = (await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r) => String(r['tablename']));
  const result: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${table} t`);
    result[table] = `${row!['n']} ${row!['sum']}`;
  }
  return result;
}

/** Deletes and changes rows, so that the restore has something to undo. */
async function damage(query: Query): Promise<void> {
  await query(`DELETE FROM audit_events WHERE id % 3 = 0`);
  await query(`UPDATE organizations SET name = name || '（改）' WHERE kind = 'department'`);
  await query(`DELETE FROM fiscal_years`);
  await query(`INSERT INTO audit_events (action, entity_type) VALUES ('after.backup', 'probe')`);
}

describe('backup and restore (scripts/backup.mjs)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('PostgreSQL: pg_dump, rows changed, pg_restore — every table back exactly', async () => {
    const server = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `jixiao_e2e_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const dataSource = new DataSource(databaseOptions(url.toString(), false));
    try {
      await dataSource.initialize();
      await runMigrations(dataSource, url.toString(), false);
      const query: Query = (sql, params) => dataSource.query(sql, params);
      await seed(query);
      const before = await fingerprint(query);
      expect(before['organizations']).toMatch(/^26 /);
      expect(before['audit_events']).toMatch(/^200 /);

      const file = join(folder, 'server.dump');
      const backup = script(['backup', file], { DATABASE_URL: url.toString() });
      expect(backup).toMatchObject({ status: 0, output: expect.stringContaining('backup written') });
      expect(statSync(file).size).toBeGreaterThan(1000);

      await damage(query);
      expect(await fingerprint(query)).not.toEqual(before);

      const restore = script(['restore', file], { DATABASE_URL: url.toString() }); // the app's pool stays connected
      expect(restore).toMatchObject({ status: 0, output: expect.stringContaining('restored') });
      expect(await fingerprint(query)).toEqual(before);
      expect(await dataSource.showMigrations()).toBe(false); // the migrations table came back too
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);

  it('embedded PGlite: refused while open; the data folder dumped, rows changed, loaded back — every table back exactly', async () => {
    const dataDir = join(folder, 'data');
    const open = async () => {
      const embedded = await startEmbeddedPostgres(dataDir);
      const dataSource = await new DataSource(databaseOptions(embedded.url, true)).initialize();
      return {
        query: ((sql, params) => dataSource.query(sql, params)) as Query,
        dataSource,
        url: embedded.url,
        async close() {
          await dataSource.destroy();
          await embedded.stop();
        },
      };
    };
    const file = join(folder, 'embedded.tar.gz');
    let db = await open();
    let before: Record<string, string>;
    try {
      await runMigrations(db.dataSource, db.url, true);
      await seed(db.query);
      before = await fingerprint(db.query);
      expect(before['organizations']).toMatch(/^26 /);
      const whileOpen = script(['backup', file], { DATA_DIR: dataDir });
      expect(whileOpen.status).toBe(1);
      expect(whileOpen.output).toContain('stop the app first');
      expect(existsSync(file)).toBe(false);
    } finally {
      await db.close();
    }

    const backup = script(['backup', file], { DATA_DIR: dataDir });
    expect(backup).toMatchObject({ status: 0, output: expect.stringContaining('backup written') });

    db = await open();
    try {
      await damage(db.query);
      expect(await fingerprint(db.query)).not.toEqual(before);
    } finally {
      await db.close();
    }

    const restore = script(['restore', file], { DATA_DIR: dataDir });
    expect(restore).toMatchObject({ status: 0, output: expect.stringContaining('previous folder is kept') });
    expect(readdirSync(dataDir).filter((f) => f.startsWith('pgdata.before-restore-'))).toHaveLength(1);

    db = await open();
    try {
      expect(await fingerprint(db.query)).toEqual(before);
      expect(await db.dataSource.showMigrations()).toBe(false);
    } finally {
      await db.close();
    }
  }, 300_000);
});
