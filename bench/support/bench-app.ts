import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadEnv } from '../../apps/api/src/core/config/env';

/** The server the benchmarks create their databases on. */
export const BENCH_SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The password of every demo user. */
export const DEMO_PASSWORD = 'jixiao-demo';

export interface BenchApp {
  app: NestExpressApplication;
  /** http://127.0.0.1:<port>/api */
  base: string;
  /** The fresh database's URL. */
  databaseUrl: string;
  close(): Promise<void>;
}

/** Creates a fresh database jixiao_bench_<random> on the bench server: its name and URL, and how to drop it. */
export async function createBenchDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `jixiao_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: BENCH_SERVER_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * The whole API (createApp, as `npm start` runs it) on a fresh database with the demo fixtures,
 * listening on a local port; `close` stops it and drops the database.
 */
export async function startBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
  const database = await createBenchDatabase();
  try {
    const app = await createApp(loadEnv({
      NODE_ENV: 'test', // errors and warnings only in the log
      DATABASE_URL: database.url, JWT_SECRET: randomBytes(24).toString('hex'), DEMO_DATA: 'fixtures',
      DATA_DIR: `/tmp/${database.name}`, WEB_DIST_DIR: `/tmp/${database.name}/no-web`,
      ...env,
    }));
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
    return {
      app, base, databaseUrl: database.url,
      async close() {
        try {
          await app.close();
        } finally {
          await database.drop();
        }
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** Logs a demo user in over HTTP: the access token and how long the login took. */
export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<{ token: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string };
  return { token: body.accessToken, ms: performance.now() - started };
}

/** The p-th percentile (nearest rank) of ascending samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
