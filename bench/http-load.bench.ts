/**
 * 50 concurrent users for 30 s on the sheet GET, the project list and saves (issue 10): throughput and
 * p50/p99 of the whole API, next to a minimal Node `http` server answering the same JSON from the same
 * queries through `pg` (bench/support/minimal-server.ts).
 *
 *   npm run bench:http
 *   BENCH_SECONDS=30 (default) measured seconds per server, after BENCH_WARMUP_SECONDS=3; BENCH_USERS=50
 *   BENCH_ONLY_API=1 node --cpu-prof -r ts-node/register/transpile-only -r tsconfig-paths/register bench/http-load.bench.ts
 *       the API alone, to profile it (the load's child process is not profiled)
 *
 * The API (createApp, as `npm start` runs it, jobs in process) runs on a fresh database
 * jixiao_bench_<random> with the demo fixtures on the server of BENCH_DATABASE_URL; it is dropped at
 * the end. Virtual users: every editable (draft) sheet of the demo data with its editor — the unit's
 * 填报人 for a project sheet, the department's 审核人 for its department-wide sheet — each VU its own
 * sheet so that saves never conflict, and the regions' finance reviewers (read only) up to BENCH_USERS.
 * An editor loops GET sheet → GET list (the web's /api/projects?fiscalYear&departmentId) → GET sheet →
 * PUT save (the web's body, one remark changed); a finance reviewer GET sheet → GET list. The load runs
 * in a child process (bench/support/load-driver.ts) with fetch (undici, keep-alive); both servers in
 * this process, one after the other, on the same database.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { login, startBenchApp } from './support/bench-app';
import { ENDPOINTS, type EndpointStats, type LoadPlan, type LoadResult, type VirtualUser } from './support/load-driver';
import { startMinimalServer } from './support/minimal-server';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30);
const WARMUP_SECONDS = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 3);
const USERS = Number(process.env['BENCH_USERS'] ?? 50);
const ONLY_API = process.env['BENCH_ONLY_API'] === '1'; // no baseline: for profiling the API (node --cpu-prof)

type Json = Record<string, unknown>;

/** Editors with their own draft sheet, then finance reviewers (read only), up to `USERS`. */
async function planUsers(dataSource: DataSource): Promise<Omit<VirtualUser, 'token'>[]> {
  const editors: { username: string; sheet_id: string; department_id: string; fiscal_year: number }[] = await dataSource.query(
    `SELECT DISTINCT ON (s.id) u.username, s.id AS sheet_id, s.department_id, s.fiscal_year
       FROM target_sheets s
       LEFT JOIN projects p ON p.id = s.project_id
       JOIN users u ON u.active AND (
              (s.kind = 'project' AND u.role = 'unit_editor' AND u.organization_id = p.unit_id)
           OR (s.kind = 'department' AND u.role = 'department_reviewer' AND u.organization_id = s.department_id))
      WHERE s.is_current AND s.status IN ('draft', 'returned')
      ORDER BY s.id, u.username`,
  );
  const readers: { username: string; sheet_id: string; department_id: string; fiscal_year: number }[] = await dataSource.query(
    `SELECT u.username, s.id AS sheet_id, s.department_id, s.fiscal_year
       FROM users u
       JOIN organizations b ON b.id = u.organization_id
       JOIN organizations d ON d.path LIKE b.path || '%' AND d.kind = 'department'
       JOIN target_sheets s ON s.department_id = d.id AND s.is_current
      WHERE u.role = 'finance_reviewer' AND u.active
      ORDER BY row_number() OVER (PARTITION BY u.username ORDER BY s.id), u.username`,
  );
  const users = editors.slice(0, USERS).map((e) => ({ username: e.username, sheetId: e.sheet_id, departmentId: e.department_id, fiscalYear: e.fiscal_year, saves: true }));
  for (let i = 0; users.length < USERS && readers.length > 0; i++) {
    const r = readers[i % readers.length]!;
    users.push({ username: r.username, sheetId: r.sheet_id, departmentId: r.department_id, fiscalYear: r.fiscal_year, saves: false });
  }
  return users;
}

function drive(plan: LoadPlan): Promise<LoadResult> {
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--cpu-prof')); // profile the servers, not the clients
  const child = fork(require.resolve('./support/load-driver'), [], { execArgv, serialization: 'advanced' });
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('exit', (code) => reject(new Error(`load driver exited with ${code}`)));
    child.send(plan);
  });
}

async function getJson(url: string, token: string): Promise<unknown> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

function report(api: LoadResult, minimal: LoadResult): string {
  const lines = [
    row(['endpoint', 'API req/s', 'API p50', 'API p99', 'minimal req/s', 'minimal p50', 'minimal p99', 'API ÷ minimal: req/s', 'p50', 'p99', 'errors API / minimal']),
    row(Array(11).fill('---')),
  ];
  const line = (label: string, a: EndpointStats, m: EndpointStats) => {
    const ra = a.requests / api.seconds;
    const rm = m.requests / minimal.seconds;
    lines.push(row([label, ra.toFixed(0), ms(a.p50), ms(a.p99), rm.toFixed(0), ms(m.p50), ms(m.p99),
      `${(ra / rm).toFixed(2)}×`, `${(a.p50 / m.p50).toFixed(1)}×`, `${(a.p99 / m.p99).toFixed(1)}×`, `${a.errors} / ${m.errors}`]));
  };
  for (const e of ENDPOINTS) line(e, api.byEndpoint[e], minimal.byEndpoint[e]);
  line('**all**', api.overall, minimal.overall);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { app, base, databaseUrl, close } = await startBenchApp();
  try {
    const dataSource = app.get(DataSource);
    const planned = await planUsers(dataSource);
    const tokens = new Map<string, string>();
    for (const username of new Set(planned.map((u) => u.username))) tokens.set(username, (await login(base, username)).token);
    const users: VirtualUser[] = planned.map((u) => ({ ...u, token: tokens.get(u.username)! }));

    // the API's answers: templates of the minimal server's sheet bodies, and what both must answer alike
    const paths: { username: string; path: string; role: string }[] = await dataSource.query(
      `SELECT u.username, o.path, u.role FROM users u LEFT JOIN organizations o ON o.id = u.organization_id WHERE u.username = ANY($1::text[])`, [[...tokens.keys()]]);
    const scopes = new Map(paths.map((p) => [tokens.get(p.username)!, p.role === 'admin' ? null : p.path]));
    const templates = new Map<string, Json>();
    for (const u of users) if (!templates.has(u.sheetId)) templates.set(u.sheetId, (await getJson(`${base}/target-sheets/${u.sheetId}`, u.token)) as Json);
    const minimal = await startMinimalServer(databaseUrl, templates, scopes);
    try {
      for (const u of users) {
        for (const path of [`/target-sheets/${u.sheetId}`, `/projects?fiscalYear=${u.fiscalYear}&departmentId=${u.departmentId}`]) {
          const [a, m] = [await getJson(`${base}${path}`, u.token), await getJson(`${minimal.base}${path}`, u.token)];
          if (!isDeepStrictEqual(a, m)) throw new Error(`the minimal server answers ${path} for ${u.username} otherwise than the API:\n${JSON.stringify(a)}\n${JSON.stringify(m)}`);
        }
      }
      const editors = users.filter((u) => u.saves).length;
      console.log(`HTTP load: ${users.length} virtual users (${editors} editors each saving its own draft sheet, ${users.length - editors} finance reviewers reading) from ${tokens.size} accounts; ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured per server`);
      console.log(`${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; answers of both servers checked equal (${users.length} sheets and lists)`);
      const phase = async (label: string, target: string): Promise<LoadResult> => {
        const before = loadavg();
        const result = await drive({ base: target, users, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS });
        console.log(`${label}: ${result.overall.requests} requests, ${(result.overall.requests / SECONDS).toFixed(0)} req/s, errors ${result.overall.errors}; load average before ${before.map((l) => l.toFixed(2)).join(' ')}, after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
        for (const e of result.firstErrors) console.log(`  error: ${e}`);
        return result;
      };
      const apiResult = await phase('API (Nest, Express, TypeORM)', base);
      if (ONLY_API) {
        console.log(JSON.stringify(apiResult.byEndpoint));
        return;
      }
      const minimalResult = await phase('minimal (node:http + pg)', minimal.base);
      console.log(`\n${report(apiResult, minimalResult)}`);
      if (process.env['BENCH_JSON']) console.log(JSON.stringify({ api: apiResult, minimal: minimalResult }));
      if (apiResult.overall.errors + minimalResult.overall.errors > 0) process.exitCode = 1;
    } finally {
      await minimal.close();
    }
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
