/**
 * Year-end evaluation of a region in PostgreSQL (issue 4): 100,000 approved project sheets × 12
 * indicators, evaluated exactly as the `evaluation.region` job does (effectiveSheetIds, batches of
 * 500, one transaction each, SheetEvaluator → libs/domain scoreSheet → evaluations + indicator_scores),
 * against a plain SQL pass that reads the same rows and writes the same number of result rows.
 *
 * Creates a fresh database jixiao_bench_<random> on the server of BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test), runs the app's migrations, loads synthetic data with
 * INSERT … SELECT generate_series, measures, and drops the database at the end.
 *
 *   npm run bench:evaluation          (BENCH_PROJECTS=2000 for a short run; BENCH_KEEP_DB=1 keeps the database)
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { databaseOptions } from '../apps/api/src/core/database/database.options';
import { DEFAULT_EVALUATION_BATCH } from '../apps/api/src/evaluation/evaluation-run.job';
import { evaluationOn } from './evaluation-wiring';
import { NATIONAL_PROJECT_SCHEME } from '../libs/domain/src';

const PROJECTS = Number(process.env['BENCH_PROJECTS'] ?? 100_000);
const DEPARTMENTS = 100;
const INDICATORS_PER_SHEET = 12;
const FISCAL_YEAR = 2024;
const BATCH = DEFAULT_EVALUATION_BATCH; // 500, as the job
const SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

// ---------------------------------------------------------------------------------------------
// Measuring: wall time, time inside SQL reads / writes (patched query runner), peak RSS and heap.

interface SqlTimes {
  readMs: number;
  writeMs: number;
  reads: number;
  writes: number;
}
const sql: SqlTimes = { readMs: 0, writeMs: 0, reads: 0, writes: 0 };
let countSql = false;
/** BENCH_SQL_DETAIL=1: time per statement shape, printed at the end (to see which query costs what). */
const PER_QUERY = process.env['BENCH_SQL_DETAIL'] ? new Map<string, { ms: number; count: number }>() : null;
const originalQuery = PostgresQueryRunner.prototype.query;
// Queries of one transaction issued together (Promise.all) wait for each other on the connection:
// the phase times count the time at least one read (write) is in flight, not the sum of the queries.
const inFlight = { read: 0, write: 0 };
const since = { read: 0n, write: 0n };
PostgresQueryRunner.prototype.query = async function (this: QueryRunner, ...args: Parameters<typeof originalQuery>) {
  if (!countSql) return originalQuery.apply(this, args);
  const verb = String(args[0]).trimStart().slice(0, 6).toUpperCase();
  const kind = verb === 'SELECT' || verb === 'WITH ' ? 'read' : verb === 'INSERT' || verb === 'DELETE' || verb === 'UPDATE' ? 'write' : null;
  const started = process.hrtime.bigint();
  if (kind && inFlight[kind]++ === 0) since[kind] = started;
  try {
    return await originalQuery.apply(this, args);
  } finally {
    const ended = process.hrtime.bigint();
    const ms = Number(ended - started) / 1e6;
    if (kind && --inFlight[kind] === 0) {
      const spanMs = Number(ended - since[kind]) / 1e6;
      if (kind === 'read') sql.readMs += spanMs;
      else sql.writeMs += spanMs;
    }
    if (kind === 'read') sql.reads++;
    else if (kind === 'write') sql.writes++;
    if (PER_QUERY) {
      const key = String(args[0]).replace(/\$\d+(, ?\$\d+)*/g, '$…').replace(/\s+/g, ' ').slice(0, 140);
      const entry = PER_QUERY.get(key) ?? { ms: 0, count: 0 };
      entry.ms += ms;
      entry.count++;
      PER_QUERY.set(key, entry);
    }
  }
} as typeof originalQuery;

interface Measured<T> {
  value: T;
  ms: number;
  peakRss: number;
  peakHeap: number;
}

async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  globalThis.gc?.();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 100);
  const started = process.hrtime.bigint();
  try {
    const value = await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    sample();
    return { value, ms, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const n = (x: number): string => x.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// Synthetic data, all in SQL.

const SCHEME = NATIONAL_PROJECT_SCHEME; // configured for the bureau's project sheets, as finance would (评分方案)

/**
 * The 12 indicators of every sheet (k = 1..12): level1, level2, name, target text and spec as SQL
 * expressions of g (the project number), so the numbers vary from project to project.
 */
const INDICATOR_TEMPLATES: { level1: string; level2: string; name: string; target: string; spec: string }[] = [
  { level1: '产出指标', level2: '数量指标', name: '培训人次', target: `'≥' || (1000 + g % 500) || '人次'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 1000 + g % 500, 'unit', '人次')` },
  { level1: '产出指标', level2: '数量指标', name: '改造户数', target: `'≥' || (200 + g % 100) || '户'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 200 + g % 100, 'unit', '户')` },
  { level1: '产出指标', level2: '质量指标', name: '验收合格率', target: `'≥95%'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 95, 'unit', '%')` },
  { level1: '产出指标', level2: '质量指标', name: '工程质量', target: `'符合国家标准'`, spec: `jsonb_build_object('kind', 'qualitative', 'text', '符合国家标准')` },
  { level1: '产出指标', level2: '时效指标', name: '项目完成时间', target: `'10月底前'`, spec: `jsonb_build_object('kind', 'deadline', 'by', '10-31')` },
  { level1: '产出指标', level2: '时效指标', name: '资金拨付及时性', target: `'及时'`, spec: `jsonb_build_object('kind', 'qualitative', 'text', '及时')` },
  { level1: '产出指标', level2: '成本指标', name: '单位改造成本', target: `'≤' || (30 + g % 20) || '万元'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '<=', 'value', 30 + g % 20, 'unit', '万元')` },
  { level1: '效益指标', level2: '社会效益指标', name: '受益群众人数', target: `'≥' || (3000 + g % 1000) || '人'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 3000 + g % 1000, 'unit', '人')` },
  { level1: '效益指标', level2: '经济效益指标', name: '带动产业发展', target: `'有效促进'`, spec: `jsonb_build_object('kind', 'qualitative', 'text', '有效促进')` },
  { level1: '效益指标', level2: '可持续影响指标', name: '长效管护机制', target: `'持续提升'`, spec: `jsonb_build_object('kind', 'qualitative', 'text', '持续提升')` },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '受益群众满意度', target: `'≥90%'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 90, 'unit', '%')` },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '参训人员满意度', target: `'≥85%'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 85, 'unit', '%')` },
];

const caseOf = (field: keyof (typeof INDICATOR_TEMPLATES)[number]): string =>
  `CASE k ${INDICATOR_TEMPLATES.map((t, i) => `WHEN ${i + 1} THEN ${field === 'spec' || field === 'target' ? t[field] : `'${t[field]}'`}`).join(' ')} END`;

async function loadData(ds: DataSource): Promise<{ bureauPath: string }> {
  const bureauId = randomUUID();
  const bureauPath = `/${bureauId}/`;
  const q = (text: string, params: unknown[] = []): Promise<unknown> => ds.query(text, params);
  await q(`INSERT INTO fiscal_years (year) VALUES ($1)`, [FISCAL_YEAR]);
  await q(`INSERT INTO organizations (id, kind, name, region, path) VALUES ($1, 'finance_bureau', '基准市财政局', '基准市', $2)`, [bureauId, bureauPath]);
  await q(`INSERT INTO scoring_schemes (bureau_id, fiscal_year, kind, version, definition) VALUES ($1, $2, 'project', 1, $3::jsonb)`, [bureauId, FISCAL_YEAR, JSON.stringify(SCHEME)]);
  await q(
    `INSERT INTO organizations (id, parent_id, kind, code, name, path, position)
     SELECT id, $1, 'department', 'D' || lpad(d::text, 3, '0'), '基准部门' || d, $2 || id || '/', d
       FROM (SELECT gen_random_uuid() AS id, d FROM generate_series(1, $3::int) d) x`,
    [bureauId, bureauPath, DEPARTMENTS],
  );
  // Project g belongs to department (g % 100) + 1; its position (unique per department and year) is g.
  await q(
    `INSERT INTO projects (fiscal_year, department_id, code, name, category, amount_total, amount_fiscal, position)
     SELECT $1, d.id, 'P' || lpad(g::text, 6, '0'), '基准项目' || g, '项目支出', amount, amount, g
       FROM (SELECT g, (100000 + (g % 50) * 20000)::numeric(18,2) AS amount FROM generate_series(1, $2::int) g) p
       JOIN organizations d ON d.kind = 'department' AND d.position = (g % $3) + 1`,
    [FISCAL_YEAR, PROJECTS, DEPARTMENTS],
  );
  await q(
    `INSERT INTO target_sheets (kind, fiscal_year, department_id, project_id, version, is_current, status)
     SELECT 'project', fiscal_year, department_id, id, 1, true, 'approved' FROM projects`,
  );
  await q(
    `INSERT INTO indicators (sheet_id, position, level1, level2, name, target_text, spec)
     SELECT s.id, k, ${caseOf('level1')}, ${caseOf('level2')}, ${caseOf('name')}, ${caseOf('target')}, ${caseOf('spec')}
       FROM target_sheets s JOIN projects p ON p.id = s.project_id
       CROSS JOIN LATERAL (SELECT p.position AS g) pg
       CROSS JOIN generate_series(1, ${INDICATOR_TEMPLATES.length}) k`,
  );
  // Year-end actuals (period Y) for ~95% of indicators; about one in six falls short.
  // h = a deterministic number of (project, indicator): 0..99.
  await q(
    `INSERT INTO indicator_actuals (indicator_id, period, actual)
     SELECT i.id, 'Y',
            CASE
              WHEN i.spec->>'kind' = 'numeric' AND i.spec->>'op' = '>=' THEN
                jsonb_build_object('kind', 'number', 'value', round((i.spec->>'value')::numeric * CASE WHEN h % 6 = 0 THEN 0.9 ELSE 1.03 END, 2))
              WHEN i.spec->>'kind' = 'numeric' THEN
                jsonb_build_object('kind', 'number', 'value', round((i.spec->>'value')::numeric * CASE WHEN h % 6 = 0 THEN 1.12 ELSE 0.96 END, 2))
              WHEN i.spec->>'kind' = 'deadline' THEN
                jsonb_build_object('kind', 'date', 'doneOn', CASE WHEN h % 6 = 0 THEN '2024-11-20' ELSE '2024-10-15' END)
              ELSE jsonb_build_object('kind', 'tier', 'tier', CASE WHEN h % 6 = 0 THEN 'partial' ELSE 'achieved' END)
            END
       FROM (SELECT i.*, (p.position * 13 + i.position * 7) % 100 AS h
               FROM indicators i JOIN target_sheets s ON s.id = i.sheet_id JOIN projects p ON p.id = s.project_id) i
      WHERE i.h % 20 <> 19`,
  );
  // Four monthly expenditures per project: 70%–100% of the budget spent over the year.
  await q(
    `INSERT INTO expenditures (project_id, month, amount)
     SELECT p.id, m, round(p.amount_total * (0.70 + (p.position % 31) / 100.0) / 4, 2)
       FROM projects p CROSS JOIN unnest(ARRAY[3, 6, 9, 12]) m`,
  );
  // As a database in use: hint bits set and statistics fresh (otherwise the first pass to read the
  // freshly loaded rows pays for setting them), and the load's dirty pages written out.
  await q('VACUUM ANALYZE');
  await q('CHECKPOINT').catch(() => undefined); // superuser only
  return { bureauPath };
}

// ---------------------------------------------------------------------------------------------
// The two passes.

async function evaluateAsTheJob(ds: DataSource, bureauPath: string): Promise<{ evaluated: number; blocked: number; sheets: number }> {
  const { evaluator, sheetData } = evaluationOn(ds);
  const ids = await sheetData.effectiveSheetIds(FISCAL_YEAR, bureauPath);
  let evaluated = 0;
  let blocked = 0;
  for (let start = 0; start < ids.length; start += BATCH) {
    const batchIds = ids.slice(start, start + BATCH);
    const batch = await ds.transaction(async (em) => evaluator.evaluate(em, batchIds));
    evaluated += batch.evaluated.length;
    blocked += batch.blocked.length;
  }
  return { evaluated, blocked, sheets: ids.length };
}

/**
 * The plain SQL pass: one statement reading the same rows (the sheets in effect, their indicators,
 * the Y actuals, the projects' budgets and the sums of their expenditures) and writing one
 * evaluation per sheet and one indicator_scores row per indicator, with a trivial computation
 * (even weights per first-level group from the bureau's scheme, rate = actual ÷ target or the tier).
 */
async function plainSqlPass(ds: DataSource, bureauPath: string): Promise<number> {
  const ids = await evaluationOn(ds).sheetData.effectiveSheetIds(FISCAL_YEAR, bureauPath);
  return ds.transaction(async (em) => {
    const rows: { n: number }[] = await em.query(
      `WITH sheets AS (
         SELECT s.id AS sheet_id, p.amount_total AS budget, coalesce(x.spent, 0) AS spent, f.scheme
           FROM target_sheets s JOIN projects p ON p.id = s.project_id
           JOIN organizations d ON d.id = s.department_id
           JOIN LATERAL (SELECT (SELECT jsonb_object_agg(g->>'key', g->'points') FROM jsonb_array_elements(c.definition->'groups') g)
                                || jsonb_build_object('budgetExecution', c.definition->'budgetExecution') AS scheme
                           FROM scoring_schemes c WHERE c.bureau_id = d.parent_id AND c.fiscal_year = s.fiscal_year AND c.kind = s.kind
                          ORDER BY c.version DESC LIMIT 1) f ON true
           LEFT JOIN (SELECT project_id, sum(amount) AS spent FROM expenditures GROUP BY project_id) x ON x.project_id = p.id
          WHERE s.id = ANY($1::uuid[])
       ), scored AS (
         SELECT i.sheet_id, i.id AS indicator_id, i.position, w.weight, r.rate,
                round(w.weight * least(coalesce(r.rate, 0), 1), 2) AS score
           FROM indicators i JOIN sheets USING (sheet_id)
           LEFT JOIN indicator_actuals a ON a.indicator_id = i.id AND a.period = 'Y'
           CROSS JOIN LATERAL (SELECT CASE i.level1 WHEN '效益指标' THEN 'benefit' WHEN '满意度指标' THEN 'satisfaction' ELSE 'output' END AS grp) g
           CROSS JOIN LATERAL (SELECT round((sheets.scheme->>g.grp)::numeric / count(*) OVER (PARTITION BY i.sheet_id, g.grp), 2) AS weight) w
           CROSS JOIN LATERAL (SELECT CASE
               WHEN a.actual IS NULL THEN NULL
               WHEN a.actual->>'kind' = 'number' AND i.spec->>'op' IN ('>=', '>') THEN (a.actual->>'value')::numeric / (i.spec->>'value')::numeric
               WHEN a.actual->>'kind' = 'number' THEN least(1, (i.spec->>'value')::numeric / nullif((a.actual->>'value')::numeric, 0))
               WHEN a.actual->>'kind' = 'date' THEN CASE WHEN a.actual->>'doneOn' <= '${FISCAL_YEAR}-' || (i.spec->>'by') THEN 1.0 ELSE 0.7 END
               WHEN a.actual->>'tier' = 'achieved' THEN 1.0 WHEN a.actual->>'tier' = 'partial' THEN 0.7 ELSE 0.3
             END AS rate) r
       ), totals AS (
         SELECT sheets.sheet_id, sheets.budget, sheets.spent,
                round(sheets.spent / nullif(sheets.budget, 0), 6) AS rate,
                round((sheets.scheme->>'budgetExecution')::numeric * least(sheets.spent / nullif(sheets.budget, 0), 1), 2) AS execution_score,
                sum(scored.score) AS indicator_total
           FROM sheets JOIN scored USING (sheet_id)
          GROUP BY sheets.sheet_id, sheets.budget, sheets.spent, sheets.scheme
       ), written AS (
         INSERT INTO evaluations (sheet_id, budget, spent, execution_rate, execution_score, total_score, grade, details)
         SELECT sheet_id, budget, spent, rate, execution_score, execution_score + indicator_total,
                CASE WHEN execution_score + indicator_total >= 90 THEN '优' WHEN execution_score + indicator_total >= 80 THEN '良'
                     WHEN execution_score + indicator_total >= 60 THEN '中' ELSE '差' END,
                jsonb_build_object('totalExplanation', '预算执行 ' || execution_score || ' + 指标 ' || indicator_total)
           FROM totals
         RETURNING id, sheet_id
       ), scores AS (
         INSERT INTO indicator_scores (evaluation_id, indicator_id, weight, completion_rate, met, computed_score, unmet_flag, explanation)
         SELECT written.id, scored.indicator_id, scored.weight, round(scored.rate, 6), coalesce(scored.rate >= 1, false), scored.score,
                CASE WHEN scored.rate IS NULL THEN 'missing' WHEN scored.rate >= 1 THEN NULL WHEN scored.rate >= 0.9 THEN 'minor'
                     WHEN scored.rate >= 0.6 THEN 'moderate' ELSE 'severe' END,
                scored.weight || ' × min(' || coalesce(round(scored.rate * 100, 2) || '%', '无实际值') || ', 1) = ' || scored.score
           FROM scored JOIN written USING (sheet_id)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM scores)::int AS n`,
      [ids],
    );
    return rows[0]!.n;
  });
}

// ---------------------------------------------------------------------------------------------

async function counts(ds: DataSource): Promise<{ evaluations: number; scores: number }> {
  const [row] = await ds.query(`SELECT (SELECT count(*) FROM evaluations)::int AS evaluations, (SELECT count(*) FROM indicator_scores)::int AS scores`);
  return row;
}

/** A fingerprint of the evaluation's results that does not depend on the random ids: to check a speed-up changed nothing. */
async function fingerprint(ds: DataSource): Promise<string> {
  const [row] = await ds.query(
    `SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS f FROM (
       SELECT p.position || '|' || e.budget || '|' || e.spent || '|' || coalesce(e.execution_rate::text, '') || '|' || e.execution_score || '|' ||
              e.total_score || '|' || e.grade || '|' || (e.details - 'indicators')::text || '|' ||
              (SELECT string_agg(i.position || ':' || sc.weight || ':' || coalesce(sc.completion_rate::text, '') || ':' || sc.met || ':' || sc.computed_score || ':' ||
                                 coalesce(sc.unmet_flag, '') || ':' || sc.explanation || ':' || (e.details->'indicators'->(i.id::text))::text, ';' ORDER BY i.position)
                 FROM indicator_scores sc JOIN indicators i ON i.id = sc.indicator_id WHERE sc.evaluation_id = e.id) AS line
         FROM evaluations e JOIN target_sheets s ON s.id = e.sheet_id JOIN projects p ON p.id = s.project_id) x`,
  );
  return row.f;
}

async function main(): Promise<void> {
  const dbName = `jixiao_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${dbName}`;
  const ds = new DataSource(databaseOptions(url.toString(), false));
  try {
    await ds.initialize();
    await ds.runMigrations();
    const [{ server }] = await ds.query(`SELECT current_setting('server_version') AS server`);

    const load = await measure(() => loadData(ds));
    const bureauPath = load.value.bureauPath;
    const [sizes] = await ds.query(
      `SELECT (SELECT count(*) FROM target_sheets)::int AS sheets, (SELECT count(*) FROM indicators)::int AS indicators,
              (SELECT count(*) FROM indicator_actuals)::int AS actuals, (SELECT count(*) FROM expenditures)::int AS expenditures`,
    );
    console.log(`database ${dbName} (PostgreSQL ${server}); loaded in ${sec(load.ms)}: ${n(sizes.sheets)} sheets, ${n(sizes.indicators)} indicators, ${n(sizes.actuals)} Y actuals, ${n(sizes.expenditures)} expenditures`);

    // 1. The real evaluation, as the job runs it.
    countSql = true;
    const evaluation = await measure(() => evaluateAsTheJob(ds, bureauPath));
    countSql = false;
    const sqlOfEvaluation = { ...sql };
    const afterEvaluation = await counts(ds);
    const fp = await fingerprint(ds);
    const ok =
      evaluation.value.blocked === 0 &&
      evaluation.value.evaluated === PROJECTS &&
      afterEvaluation.evaluations === PROJECTS &&
      afterEvaluation.scores === PROJECTS * INDICATORS_PER_SHEET;

    // 2. The plain SQL pass on the same data (evaluations deleted first, untimed).
    await ds.query('DELETE FROM evaluations');
    await ds.query('VACUUM ANALYZE evaluations');
    await ds.query('VACUUM ANALYZE indicator_scores');
    await ds.query('CHECKPOINT').catch(() => undefined);
    const plain = await measure(() => plainSqlPass(ds, bureauPath));
    const afterSql = await counts(ds);
    const sqlOk = afterSql.evaluations === PROJECTS && afterSql.scores === PROJECTS * INDICATORS_PER_SHEET && plain.value === afterSql.scores;

    const evalMs = evaluation.ms;
    const jsMs = evalMs - sqlOfEvaluation.readMs - sqlOfEvaluation.writeMs;
    const row = (label: string, ms: number, m: Measured<unknown>): string =>
      `| ${label} | ${sec(ms)} | ${n(Math.round(PROJECTS / (ms / 1000)))} sheets/s | ${mb(m.peakRss)} | ${mb(m.peakHeap)} |`;
    console.log('');
    console.log(`${n(PROJECTS)} projects × ${INDICATORS_PER_SHEET} indicators, batches of ${BATCH}; node ${process.version}, ${cpus().length} cpus`);
    console.log('| pass | time | throughput | peak RSS | peak heap |');
    console.log('|---|---|---|---|---|');
    console.log(row('evaluation job (SheetEvaluator, scoreSheet)', evalMs, evaluation));
    console.log(row('plain SQL (one INSERT … SELECT)', plain.ms, plain));
    console.log('');
    console.log(`evaluation phases: SQL reads ${sec(sqlOfEvaluation.readMs)} (${n(sqlOfEvaluation.reads)} queries), SQL writes ${sec(sqlOfEvaluation.writeMs)} (${n(sqlOfEvaluation.writes)} statements), JavaScript (hydration, scoreSheet, rows) ${sec(jsMs)}`);
    console.log(`ratio evaluation ÷ plain SQL: ${(evalMs / plain.ms).toFixed(1)}×`);
    console.log(`evaluation: ${n(evaluation.value.evaluated)} evaluated, ${evaluation.value.blocked} blocked; rows ${n(afterEvaluation.evaluations)} evaluations, ${n(afterEvaluation.scores)} indicator_scores — ${ok ? 'OK' : 'MISMATCH'}`);
    console.log(`plain SQL:  rows ${n(afterSql.evaluations)} evaluations, ${n(afterSql.scores)} indicator_scores — ${sqlOk ? 'OK' : 'MISMATCH'}`);
    console.log(`results fingerprint (md5, id-independent): ${fp}`);
    if (PER_QUERY) {
      console.log('\nSQL of the evaluation by statement shape:');
      for (const [key, v] of [...PER_QUERY].sort((a, b) => b[1].ms - a[1].ms)) console.log(`${sec(v.ms).padStart(8)} ${String(v.count).padStart(5)}×  ${key}`);
    }
    if (!ok || !sqlOk) process.exitCode = 1;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (process.env['BENCH_KEEP_DB']) console.log(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
