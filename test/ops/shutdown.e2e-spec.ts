import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * The API as it runs in production — its own process from apps/api/src/main.ts, JSON logs — is sent
 * SIGTERM and must be gone within 10 s, by its orderly shutdown (not the hard exit timer's
 * code 1): once with Redis unreachable (before, it ignored SIGTERM), once with Redis up.
 */
const ROOT = resolve(__dirname, '../..');
const SERVER_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Started {
  child: ChildProcess;
  port: number;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function withDatabase(run: (url: string) => Promise<void>): Promise<void> {
  const name = `jixiao_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  try {
    await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Starts the API in a process of its own and waits until it listens. */
async function startApi(databaseUrl: string, redisUrl: string, demoData: 'none' | 'fixtures'): Promise<Started> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-shutdown-'));
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `jixiao-e2e-${randomBytes(4).toString('hex')}`,
      JWT_SECRET: 'shutdown-secret-0123456789',
      DEMO_DATA: demoData,
      DATA_DIR: dataDir,
      WEB_DIST_DIR: join(dataDir, 'no-web-build'),
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim() !== ''));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => {
    rmSync(dataDir, { recursive: true, force: true });
    done({ code, signal });
  }));
  const deadline = Date.now() + 150_000;
  while (!lines.some((l) => l.includes('listening on'))) {
    if (child.exitCode !== null) throw new Error(`the API exited while starting:\n${lines.join('\n')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not start:\n${lines.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, port, lines, exited };
}

/** Sends SIGTERM and measures how long the process takes to go (killed at 20 s so that the test never hangs). */
async function terminate(api: Started): Promise<{ seconds: number; orderly: boolean }> {
  const sent = Date.now();
  api.child.kill('SIGTERM');
  const guard = setTimeout(() => api.child.kill('SIGKILL'), 20_000);
  const { code, signal } = await api.exited;
  clearTimeout(guard);
  // Nest's shutdown hooks end by raising the signal again: an orderly end is "killed by SIGTERM" (or 0), the hard exit timer's is code 1
  return { seconds: (Date.now() - sent) / 1000, orderly: signal === 'SIGTERM' || code === 0 };
}

const json = (lines: string[]) => lines.map((line) => { try { return JSON.parse(line) as Record<string, unknown>; } catch { return { unparsed: line }; } });

describe('SIGTERM stops the API within 10 s', () => {
  it('with Redis unreachable: readiness says so, and SIGTERM still ends the process in order', async () => {
    await withDatabase(async (databaseUrl) => {
      const api = await startApi(databaseUrl, 'redis://127.0.0.1:1', 'none');
      const base = `http://127.0.0.1:${api.port}`;
      const ready = await fetch(`${base}/api/health/ready`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: { redis: { status: string } } }).checks.redis.status).toBe('down');
      const { seconds, orderly } = await terminate(api);
      expect({ within10s: seconds < 10, orderly }).toEqual({ within10s: true, orderly: true });
      expect(api.lines.join('\n')).not.toContain('took longer than');
    });
  }, 240_000);

  it('with Redis up, after a job has run: the workers close and the process ends in order; every log line is JSON with the request id', async () => {
    await withDatabase(async (databaseUrl) => {
      const api = await startApi(databaseUrl, process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379', 'fixtures');
      const base = `http://127.0.0.1:${api.port}`;
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hanyin.finance', password: 'jixiao-demo' }) });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const start = await fetch(`${base}/api/evaluation-runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, 'x-request-id': 'shutdown-run-1' },
        body: JSON.stringify({ fiscalYear: 2024 }),
      });
      expect(start.status).toBe(202);
      const { jobId } = (await start.json()) as { jobId: string };
      for (let i = 0; i < 200; i++) {
        const job = (await (await fetch(`${base}/api/jobs/${jobId}`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { state: string };
        if (job.state === 'completed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const { seconds, orderly } = await terminate(api);
      expect({ within10s: seconds < 10, orderly }).toEqual({ within10s: true, orderly: true });
      const records = json(api.lines);
      expect(records.filter((r) => 'unparsed' in r)).toEqual([]);
      expect(records.every((r) => typeof r['level'] === 'string' && typeof r['time'] === 'string' && 'message' in r)).toBe(true);
      // the request's access line and the job's own lines (run by the worker) carry the request id
      const traced = records.filter((r) => r['requestId'] === 'shutdown-run-1');
      expect(traced.map((r) => r['context'])).toEqual(expect.arrayContaining(['HTTP', 'EvaluationRunJob', 'JobHandlerRegistry']));
      expect(records.some((r) => r['context'] === 'Jixiao' && r['message'] === 'SIGTERM: shutting down')).toBe(true);
    });
  }, 240_000);
});
