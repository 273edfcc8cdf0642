/**
 * Another user's request while 10 logins are in flight (issue 10, item 4): how long GET /api/auth/me
 * of a logged-in user takes alone, and while ten other users log in at the same moment.
 *
 * The whole API (createApp, as `npm start` runs it) on a fresh database jixiao_bench_<random> on the
 * server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) with the demo users,
 * listening on a local port; requests over real HTTP (fetch). The database is dropped at the end.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/login-latency.ts
 *       scrypt (node:crypto, libuv's threadpool): today's code
 *   … bench/login-latency.ts --hash=bcrypt
 *       bcrypt as before (bcryptjs, cost 10, on the main thread): the ten users' hashes are bcrypt,
 *       and the login verifies them with bcryptjs and upgrades nothing, as the code did
 *   BENCH_ROUNDS=20 (default) rounds; BENCH_LOGINS=10 logins per round
 */
import 'reflect-metadata';
import { hash as bcryptHash, compare as bcryptCompare } from 'bcryptjs';
import { cpus } from 'node:os';
import { DataSource } from 'typeorm';
import * as passwords from '../apps/api/src/organizations/services/password.util';
import { DEMO_PASSWORD as PASSWORD, login as loginOverHttp, percentile, startBenchApp } from './support/bench-app';

const MODE = process.argv.includes('--hash=bcrypt') ? 'bcrypt' : 'scrypt';
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20);
const LOGINS = Number(process.env['BENCH_LOGINS'] ?? 10);
const LOGIN_USERS = ['hanyin', 'shenmu', 'shenqiu', 'wangdu', 'xuchang'].flatMap((region) => [`${region}.editor`, `${region}.reviewer`]);
const PROBE_USER = 'admin';

function summary(label: string, samples: readonly number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(8);
  return `${label.padEnd(44)} median ${f(percentile(s, 50))} ms   p90 ${f(percentile(s, 90))} ms   max ${f(s[s.length - 1]!)} ms`;
}

async function main(): Promise<void> {
  if (LOGIN_USERS.length < LOGINS) throw new Error(`at most ${LOGIN_USERS.length} logins per round`);
  if (MODE === 'bcrypt') {
    // the code of before: bcryptjs verifies on the main thread, nothing is upgraded
    Object.assign(passwords, { verifyPassword: (plain: string, stored: string) => bcryptCompare(plain, stored), needsRehash: () => false });
  }
  const { app, base, close } = await startBenchApp();
  try {
    if (MODE === 'bcrypt') {
      const legacy = await bcryptHash(PASSWORD, 10);
      await app.get(DataSource).query(`UPDATE users SET password_hash = $1`, [legacy]); // every user, as the database was before
    }
    const login = (username: string) => loginOverHttp(base, username);
    const { token } = await login(PROBE_USER);
    const probe = async (): Promise<number> => {
      const started = performance.now();
      const res = await fetch(`${base}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`probe: ${res.status}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 5; i++) await probe(); // warm up
    for (const user of LOGIN_USERS.slice(0, LOGINS)) await login(user);

    const alone: number[] = [];
    for (let i = 0; i < ROUNDS; i++) alone.push(await probe());
    const loaded: number[] = [];
    const logins: number[] = [];
    const bursts: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      const inFlight = LOGIN_USERS.slice(0, LOGINS).map((user) => login(user));
      await new Promise((resolve) => setTimeout(resolve, 5)); // the logins have reached the server
      loaded.push(await probe());
      const done = await Promise.all(inFlight);
      bursts.push(performance.now() - started);
      logins.push(...done.map((d) => d.ms));
    }
    const [{ hashes }] = await app.get(DataSource).query(
      `SELECT string_agg(DISTINCT split_part(password_hash, '$', 1) || split_part(password_hash, '$', 2), ', ') AS hashes FROM users WHERE username = ANY($1::text[])`,
      [LOGIN_USERS.slice(0, LOGINS)],
    );
    console.log(`login latency — ${MODE === 'bcrypt' ? 'bcrypt (bcryptjs, cost 10, main thread): before' : 'scrypt (node:crypto, threadpool): after'}`);
    console.log(`${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, UV_THREADPOOL_SIZE ${process.env['UV_THREADPOOL_SIZE'] ?? '4 (default)'}; ${ROUNDS} rounds of ${LOGINS} logins; stored hashes: ${hashes}`);
    console.log(summary('GET /api/auth/me alone', alone));
    console.log(summary(`GET /api/auth/me with ${LOGINS} logins in flight`, loaded));
    console.log(summary('each of those logins', logins));
    console.log(summary(`all ${LOGINS} logins of a round`, bursts));
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
