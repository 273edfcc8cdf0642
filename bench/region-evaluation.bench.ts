/**
 * Year-end evaluation of a region in PostgreSQL (issue 4, issue 10): 100,000 approved project sheets
 * × 12 indicators, evaluated by the `evaluation.region` job through real BullMQ on Redis with real
 * worker processes (one, then two), against a plain SQL pass that reads the same rows and writes the
 * same number of result rows; then a worker killed with -9 mid-run, and a region with absurd actuals.
 *
 * Creates a fresh database jixiao_bench_<random> on the server of BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test), runs the app's migrations, loads synthetic data with
 * INSERT … SELECT generate_series, builds the worker, measures, and drops the database at the end.
 * Every check is asserted: the process exits with 1 when one fails.
 *
 *   npm run bench:evaluation   (BENCH_PROJECTS=2000 for a short run; BENCH_KEEP_DB=1 keeps the database;
 *                               BENCH_SQL_DETAIL=1 adds an in-process pass timing every statement shape)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../apps/api/src/core/database/database.options';
import { DEFAULT_EVALUATION_BATCH } from '../apps/api/src/evaluation/evaluation-run.job';
import { counts, FISCAL_YEAR, fingerprint, loadData, plainSqlPass, plantAbsurdActuals, PROJECTS, resetEvaluations, wholeness } from './evaluation-data';
import { evaluationOn } from './evaluation-wiring';
import { buildWorker, openQueue, RegionRun, runRegionJob, startWorker, WorkerProcess, WorkerSetup } from './evaluation-workers';
import { countingSql, mb, measure, n, PER_QUERY, sec, sql } from './measuring';

const INDICATORS_PER_SHEET = 12;
const SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** The workers' job lock (JOB_LOCK_SECONDS): shortened so that a killed worker's batch is taken up again within ~10 s. */
const LOCK_SECONDS = Number(process.env['BENCH_LOCK_SECONDS'] ?? 5);

const failures: string[] = [];
function check(label: string, ok: boolean, detail = ''): void {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(label);
}

interface RunResult { evaluated: number; skipped: number; blocked: { sheetId: string; name: string; errors: { code: string; message: string; indicatorId: string | null }[] }[] }

/** The checks of a complete run: completed, every sheet once with all its scores, progress summed and never back, same results. */
async function checkRun(ds: DataSource, label: string, run: RegionRun, expectedFingerprint: string | null): Promise<string> {
  const result = run.status.result as RunResult | null;
  check(`${label}: completed`, run.status.state === 'completed', run.status.state === 'failed' ? JSON.stringify(run.status.error) : '');
  check(`${label}: ${n(PROJECTS)} evaluated, none blocked`, result?.evaluated === PROJECTS && result.blocked.length === 0, `evaluated ${result?.evaluated}, blocked ${result?.blocked.length}`);
  const whole = await wholeness(ds);
  const rows = await counts(ds);
  check(
    `${label}: every sheet evaluated exactly once, each with all its scores`,
    whole.sheets === PROJECTS && whole.evaluations === PROJECTS && whole.incomplete === 0 && rows.scores === PROJECTS * INDICATORS_PER_SHEET,
    `${n(whole.evaluations)} evaluations of ${n(whole.sheets)} sheets, ${whole.incomplete} incomplete, ${n(rows.scores)} indicator scores`,
  );
  const steps = new Set(run.progress).size;
  check(`${label}: progress is the sum of the batches, never back`, run.progress.every((p, i) => i === 0 || p >= run.progress[i - 1]!) && run.progress.at(-1) === 100 && (PROJECTS < 20_000 || steps > 3), `${steps} distinct readings`);
  const fp = await fingerprint(ds);
  if (expectedFingerprint) check(`${label}: results identical (fingerprint)`, fp === expectedFingerprint, fp);
  return fp;
}

async function main(): Promise<void> {
  const dbName = `jixiao_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${dbName}`;
  const ds = new DataSource(databaseOptions(url.toString(), false));
  const setup: WorkerSetup = { databaseUrl: url.toString(), redisUrl: REDIS_URL, prefix: `jixiao-bench-${randomBytes(4).toString('hex')}`, lockSeconds: LOCK_SECONDS };
  const workers: WorkerProcess[] = [];
  const producer = await openQueue(REDIS_URL, setup.prefix);
  try {
    console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    buildWorker();
    await ds.initialize();
    await ds.runMigrations();
    const [{ server }] = await ds.query(`SELECT current_setting('server_version') AS server`);
    const load = await measure(() => loadData(ds));
    const { bureauId, bureauPath, actorId } = load.value;
    const [sizes] = await ds.query(
      `SELECT (SELECT count(*) FROM target_sheets)::int AS sheets, (SELECT count(*) FROM indicators)::int AS indicators,
              (SELECT count(*) FROM indicator_actuals)::int AS actuals, (SELECT count(*) FROM expenditures)::int AS expenditures`,
    );
    console.log(`database ${dbName} (PostgreSQL ${server}); loaded in ${sec(load.ms)}: ${n(sizes.sheets)} sheets, ${n(sizes.indicators)} indicators, ${n(sizes.actuals)} Y actuals, ${n(sizes.expenditures)} expenditures`);
    const { evaluator, sheetData } = evaluationOn(ds);
    const ids = await sheetData.effectiveSheetIds(FISCAL_YEAR, bureauPath);
    const payload = { fiscalYear: FISCAL_YEAR, organizationId: bureauId, actorId, correlationId: null };

    // (a) The plain SQL pass.
    const plain = await measure(() => plainSqlPass(ds, ids));
    const afterSql = await counts(ds);
    check('plain SQL: every sheet and indicator written', afterSql.evaluations === PROJECTS && afterSql.scores === PROJECTS * INDICATORS_PER_SHEET && plain.value === afterSql.scores);
    await resetEvaluations(ds);

    // In-process, timing each statement (BENCH_SQL_DETAIL=1): where the evaluation's time goes.
    let inProcess: { ms: number; phases: string } | null = null;
    if (PER_QUERY) {
      countingSql(true);
      const run = await measure(async () => {
        for (let start = 0; start < ids.length; start += DEFAULT_EVALUATION_BATCH) {
          await ds.transaction((em) => evaluator.evaluate(em, ids.slice(start, start + DEFAULT_EVALUATION_BATCH)));
        }
      });
      countingSql(false);
      inProcess = { ms: run.ms, phases: `SQL reads ${sec(sql.readMs)} (${n(sql.reads)} queries), SQL writes ${sec(sql.writeMs)} (${n(sql.writes)} statements), JavaScript ${sec(run.ms - sql.readMs - sql.writeMs)}` };
      await resetEvaluations(ds);
    }

    // (b) The region job on BullMQ: one worker process, then two.
    console.log(`\nchecks (${n(PROJECTS)} projects):`);
    workers.push(await startWorker('w1', setup));
    const one = await runRegionJob(producer.queue, payload);
    const reference = await checkRun(ds, '1 worker', one, null);
    const onePeak = workers[0]!.peakRssMb();
    const oneBatches = [...workers[0]!.batchMs];
    await resetEvaluations(ds);
    workers.push(await startWorker('w2', setup));
    const startedBefore = workers.map((w) => w.started.length);
    const two = await runRegionJob(producer.queue, payload);
    await checkRun(ds, '2 workers', two, reference);
    const twoPeaks = workers.map((w) => w.peakRssMb());
    const batchesPerWorker = workers.map((w, i) => w.started.length - startedBefore[i]!);
    check('2 workers: both took batches', batchesPerWorker.every((b) => b > 0), `batches started: ${batchesPerWorker.join(' + ')}`);
    await resetEvaluations(ds);

    // (c) kill -9 of one of the two workers once a quarter of the region is done.
    const victim = workers[0]!;
    const survivor = workers[1]!;
    let killedAt: number | null = null;
    let inFlight: string | undefined;
    const killed = await runRegionJob(producer.queue, payload, async (progress) => {
      if (killedAt !== null || progress < 25) return;
      killedAt = progress;
      inFlight = victim.started.at(-1);
      await victim.kill();
      workers.splice(workers.indexOf(victim), 1);
    });
    check('kill -9: a worker was killed mid-run', killedAt !== null && killedAt < 100, `at ${killedAt}% with batch ${inFlight ?? '?'} its last started`);
    await checkRun(ds, 'kill -9', killed, reference);
    const takenAgain = inFlight !== undefined && survivor.started.includes(inFlight);
    console.log(`  info the killed worker's last batch ${takenAgain ? 'was taken again by the other worker' : 'had finished before the kill (nothing to take again)'}`);

    // (d) Absurd actuals: 2,000,000 against ≥2 (evaluated, capped, the rate shown); 1e400 (blocked, named, with its reason).
    const planted = await plantAbsurdActuals(ds);
    const absurd = await runRegionJob(producer.queue, payload);
    const result = absurd.status.result as RunResult | null;
    const blocked = result?.blocked ?? [];
    check('absurd actuals: the run completes', absurd.status.state === 'completed');
    check('absurd actuals: every other sheet evaluated', result?.evaluated === PROJECTS - 1, `evaluated ${result?.evaluated}`);
    check(
      'absurd actuals: the 1e400 sheet is blocked, named, with its reason',
      blocked.length === 1 && blocked[0]!.sheetId === planted.refused.sheetId && blocked[0]!.name.startsWith('基准项目') && blocked[0]!.errors[0]?.indicatorId === planted.refused.indicatorId,
      blocked.map((b) => `「${b.name}」 ${b.errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`).join(' | '),
    );
    const [capped] = await ds.query(
      `SELECT sc.completion_percent::text AS percent, sc.met, sc.computed_score::text AS score, sc.weight::text AS weight, sc.explanation
         FROM indicator_scores sc JOIN evaluations e ON e.id = sc.evaluation_id WHERE sc.indicator_id = $1 AND e.sheet_id = $2`,
      [planted.capped.indicatorId, planted.capped.sheetId],
    );
    check('absurd actuals: 2,000,000 against ≥2 is evaluated, the score capped at the weight, the exact rate shown', capped?.percent === '100000000.00' && capped.met === true && capped.score === capped.weight, capped ? `${capped.explanation}` : 'no score');

    const peakAfter = survivor.peakRssMb();
    for (const w of [...workers]) await w.stop();
    workers.length = 0;

    const rate = (ms: number): string => `${n(Math.round(PROJECTS / (ms / 1000)))} sheets/s`;
    console.log('');
    console.log(`${n(PROJECTS)} projects × ${INDICATORS_PER_SHEET} indicators, batches of ${DEFAULT_EVALUATION_BATCH}; node ${process.version}, ${cpus().length} cpus; job lock ${LOCK_SECONDS} s`);
    console.log('| pass | time | throughput | peak RSS of a worker |');
    console.log('|---|---|---|---|');
    console.log(`| plain SQL (one INSERT … SELECT) | ${sec(plain.ms)} | ${rate(plain.ms)} | (${mb(plain.peakRss)} the bench) |`);
    if (inProcess) console.log(`| in process, timed per statement | ${sec(inProcess.ms)} | ${rate(inProcess.ms)} | |`);
    console.log(`| region job, 1 worker | ${sec(one.ms)} | ${rate(one.ms)} | ${onePeak} MB |`);
    console.log(`| region job, 2 workers | ${sec(two.ms)} | ${rate(two.ms)} | ${twoPeaks.map((p) => `${p} MB`).join(', ')} |`);
    console.log(`| 2 workers, one killed -9 at ${killedAt}% | ${sec(killed.ms)} | ${rate(killed.ms)} | ${peakAfter} MB (the survivor) |`);
    console.log('');
    console.log(`batch time on 1 worker, by tenth of the run (median ms): ${tenths(oneBatches).join(' → ')}`);
    console.log(`ratio 1 worker ÷ plain SQL: ${(one.ms / plain.ms).toFixed(2)}×; 1 worker ÷ 2 workers: ${(one.ms / two.ms).toFixed(2)}× (batches ${batchesPerWorker.join(' + ')})`);
    if (inProcess) console.log(`in process: ${inProcess.phases}`);
    console.log(`results fingerprint (md5, id-independent): ${reference}`);
    console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (PER_QUERY) {
      console.log('\nSQL of the in-process evaluation by statement shape:');
      for (const [key, v] of [...PER_QUERY].sort((a, b) => b[1].ms - a[1].ms)) console.log(`${sec(v.ms).padStart(8)} ${String(v.count).padStart(5)}×  ${key}`);
    }
    if (failures.length > 0) {
      console.log(`\n${failures.length} check(s) FAILED: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    for (const w of workers) await w.stop().catch(() => undefined);
    await producer.close();
    if (ds.isInitialized) await ds.destroy();
    if (process.env['BENCH_KEEP_DB']) console.log(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

/** The median of each tenth of `values` (in order): does a batch take longer as the tables grow? */
function tenths(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const size = Math.max(1, Math.floor(values.length / 10));
  const medians: number[] = [];
  for (let start = 0; start + size <= values.length && medians.length < 10; start += size) {
    const part = values.slice(start, start + size).sort((a, b) => a - b);
    medians.push(part[Math.floor(part.length / 2)]!);
  }
  return medians;
}
