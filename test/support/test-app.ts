import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadEnv } from '../../apps/api/src/core/config/env';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  databaseLabel: string;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole API on a database of its own: a fresh database on the PostgreSQL server named by
 * TEST_DATABASE_URL (dropped afterwards), or else a fresh embedded PGlite folder.
 */
export async function startTestApp(
  options: {
    demoData?: false | 'fixtures' | 'story';
    redis?: boolean;
    /** Variables set on top of the test environment (e.g. METRICS_TOKEN, REDIS_URL, WEB_DIST_DIR). */
    env?: Record<string, string>;
    /** The address the app reaches its database by (e.g. through a proxy a test can cut); the database itself is created and dropped as usual. */
    databaseUrl?: (url: string) => string;
  } = {},
): Promise<TestApp> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  let databaseUrl: string | undefined;
  let dropDatabase = async () => undefined as void;
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  if (serverUrl) {
    const name = `jixiao_e2e_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const env = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl && options.databaseUrl ? options.databaseUrl(databaseUrl) : databaseUrl,
    DATA_DIR: dataDir,
    JWT_SECRET: 'e2e-secret-0123456789abcdef',
    DEMO_DATA: options.demoData === false ? 'none' : options.demoData ?? 'fixtures', // the published drafts unless a test asks for the story
    WEB_DIST_DIR: join(dataDir, 'no-web-build'),
    REDIS_URL: options.redis ? process.env['TEST_REDIS_URL'] : undefined,
    QUEUE_PREFIX: `jixiao-e2e-${randomBytes(4).toString('hex')}`,
    ...options.env,
  });
  const app = await createApp(env);
  await app.init();
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    dataSource: app.get(DataSourceToken),
    databaseLabel: databaseUrl ? 'postgresql server' : 'embedded PGlite',
    async login(username: string, password = 'jixiao-demo') {
      const res = await http.post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Row counts of every table a dataset import writes: equal before and after a failed import. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables = ['organizations', 'users', 'fiscal_years', 'department_years', 'projects', 'target_sheets', 'sheet_tasks', 'indicators', 'spending_plan_points', 'audit_events'];
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await dataSource.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n);
  return counts;
}
