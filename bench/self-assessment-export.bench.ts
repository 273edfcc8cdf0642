/**
 * 全地区自评表导出 (issue 11, item 4): a region's 1,000 evaluated 自评表 exported as one zip (xlsx and
 * PDF of each, and the 汇总表) by the `export.self-assessments` job, in this process, timed, with the
 * process's peak RSS and heap. Against, in the same run:
 *   - the same job over the first 100 sheets only (the rest not evaluated yet): the memory of a
 *     streamed export must not grow with the number of sheets;
 *   - a baseline that reads and renders 100 自评表 and keeps the documents in memory (as an export
 *     building its zip in memory would): its heap grows with every sheet; scaled ×10 for 1,000.
 *
 * Creates a fresh database jixiao_bench_<random> on BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test), runs the migrations, loads the synthetic region of the
 * evaluation benchmark (bench/evaluation-data.ts) with BENCH_EXPORT_SHEETS projects (1,000), evaluates
 * them, boots the API's Nest application on it (no HTTP) and runs the job's handler. Every check is
 * asserted (exit code 1 otherwise); the database is dropped at the end (BENCH_KEEP_DB=1 keeps it).
 *
 *   npm run bench:export    (BENCH_EXPORT_SHEETS=200 for a short run)
 */
import 'reflect-metadata';
import type { SelfAssessmentExportResult } from '@jixiao/contracts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/bootstrap';
import { loadEnv } from '../apps/api/src/core/config/env';
import { databaseOptions } from '../apps/api/src/core/database/database.options';
import type { JobOf, JobName } from '../apps/api/src/core/queue/queue.constants';
import { EvaluationReaderService } from '../apps/api/src/evaluation/services/evaluation-reader.service';
import { ExportFiles } from '../apps/api/src/exports/region-export/export-files';
import { SelfAssessmentExportJob } from '../apps/api/src/exports/region-export/self-assessment-export.job';
import { PrincipalService } from '../apps/api/src/organizations/services/principal.service';
import { ReportRenderingService } from '../apps/api/src/reports/services/report-rendering.service';
import { zipEntryNames } from '../apps/api/src/reports/testing/zip';
import { FISCAL_YEAR, loadData } from './evaluation-data';
import { evaluationOn } from './evaluation-wiring';
import { mb, measure, n, sec } from './measuring';
import { createBenchDatabase } from './support/bench-app';

const SHEETS = Number(process.env['BENCH_EXPORT_SHEETS'] ?? 1000);
const SMALL = Math.min(100, SHEETS);

/** The heap and the Buffers after a full collection (node --expose-gc). */
function heapAndBuffers(): number {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const failures: string[] = [];
function check(label: string, ok: boolean, detail = ''): void {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(label);
}

async function main(): Promise<void> {
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const database = await createBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-export-bench-'));
  const ds = new DataSource(databaseOptions(database.url, false));
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  try {
    await ds.initialize();
    await ds.runMigrations();
    const { bureauId, bureauPath, actorId } = await loadData(ds, SHEETS);
    const { evaluator, sheetData } = evaluationOn(ds);
    const ids = await sheetData.effectiveSheetIds(FISCAL_YEAR, bureauPath);
    check(`${n(SHEETS)} approved sheets loaded`, ids.length === SHEETS, `${ids.length}`);
    // The first 100 of the export's order (department, then sheet id) evaluated first: the small export.
    const ordered: { id: string }[] = await ds.query(`SELECT id FROM target_sheets ORDER BY department_id, id`);
    const first = ordered.slice(0, SMALL).map((r) => r.id);
    const rest = ordered.slice(SMALL).map((r) => r.id);
    await ds.transaction((em) => evaluator.evaluate(em, first));

    app = await createApp(loadEnv({ NODE_ENV: 'test', DATABASE_URL: database.url, JWT_SECRET: 'bench-secret-0123456789abcdef', DEMO_DATA: 'none', DATA_DIR: dataDir, WEB_DIST_DIR: join(dataDir, 'no-web') }));
    await app.init();
    const job = app.get(SelfAssessmentExportJob);
    const files = app.get(ExportFiles);
    const payload = (fileId: string): JobOf<JobName.ExportSelfAssessments> => ({ fiscalYear: FISCAL_YEAR, organizationId: bureauId, formats: ['xlsx', 'pdf'], fileId, actorId, correlationId: null });

    /** The job, with the heap sampled at every tenth of its progress. */
    const runExport = async (fileId: string) => {
      const heapAt: number[] = [];
      const progress: number[] = [];
      const heapBefore = heapAndBuffers();
      const measured = await measure(() =>
        job.run(payload(fileId), async (p) => {
          progress.push(p);
          if (p % 10 === 0) heapAt.push(process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
        }),
      );
      return { ...measured, heapBefore, heapAt, progress };
    };

    // (1) the job over the first 100 evaluated sheets
    console.log(`\nchecks (${n(SHEETS)} sheets):`);
    const small = await runExport('bench-small');
    check(`export of ${SMALL}: every evaluated sheet`, small.value.sheets === SMALL, `${small.value.sheets}`);

    // (2) the rest evaluated, the job over all of them
    for (let start = 0; start < rest.length; start += 500) await ds.transaction((em) => evaluator.evaluate(em, rest.slice(start, start + 500)));
    const big = await runExport('bench-big');
    const result: SelfAssessmentExportResult = big.value;
    check(`export of ${n(SHEETS)}: every evaluated sheet`, result.sheets === SHEETS, `${result.sheets}`);
    check('progress rises to 99 and never goes back', big.progress.every((p, i) => i === 0 || p > big.progress[i - 1]!) && big.progress.at(-1) === 99, `${big.progress.length} readings`);
    const zip = readFileSync(files.pathOf('bench-big'));
    const names = zipEntryNames(zip);
    check('the zip: the 汇总表 and an xlsx and a PDF per sheet, in 100 department folders', names.length === 1 + 2 * SHEETS && names[0] === '基准市2024年度绩效自评汇总表.xlsx' && new Set(names.slice(1).map((x) => x.split('/')[0])).size === Math.min(100, SHEETS), `${n(names.length)} entries`);
    check('the zip’s size is what the job reported', zip.length === result.bytes, `${n(zip.length)} bytes`);

    // (3) baseline: 100 自评表 read, rendered and kept in memory
    const reader = app.get(EvaluationReaderService);
    const rendering = app.get(ReportRenderingService);
    const actor = (await app.get(PrincipalService).load(actorId))!.principal;
    const baselineBefore = heapAndBuffers();
    const split = { readMs: 0, xlsxMs: 0, pdfMs: 0 };
    const timed = async <T>(key: keyof typeof split, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        split[key] += performance.now() - started;
      }
    };
    const baseline = await measure(async () => {
      const kept: Buffer[] = [];
      for (const id of first) {
        const evaluation = await timed('readMs', () => reader.get(actor, id));
        kept.push(await timed('xlsxMs', () => rendering.selfAssessmentXlsx(evaluation)), await timed('pdfMs', () => rendering.selfAssessmentPdf(evaluation)));
      }
      return kept.reduce((sum, b) => sum + b.length, 0);
    });

    const perSheet = (ms: number, count: number): string => `${Math.round(ms / count)} ms`;
    const growth = (m: { peakHeapAndBuffers: number; heapBefore: number }): string => mb(m.peakHeapAndBuffers - m.heapBefore);
    console.log('');
    console.log(`${n(SHEETS)} sheets × 12 indicators, 100 departments; xlsx + PDF per sheet; node ${process.version}, ${cpus().length} cpus`);
    console.log('| pass | time | per sheet | zip | peak RSS (process) | peak heap + Buffers, above the start |');
    console.log('|---|---|---|---|---|---|');
    console.log(`| export job, ${SMALL} sheets | ${sec(small.ms)} | ${perSheet(small.ms, SMALL)} | ${mb(small.value.bytes)} | ${mb(small.peakRss)} | ${growth(small)} |`);
    console.log(`| export job, ${n(SHEETS)} sheets | ${sec(big.ms)} | ${perSheet(big.ms, SHEETS)} | ${mb(result.bytes)} | ${mb(big.peakRss)} | ${growth(big)} |`);
    console.log(`| baseline: ${SMALL} 自评表 rendered and kept in memory | ${sec(baseline.ms)} | ${perSheet(baseline.ms, SMALL)} | (${mb(baseline.value)} of documents) | ${mb(baseline.peakRss)} | ${mb(baseline.peakHeapAndBuffers - baselineBefore)} |`);
    // What the in-memory way would hold at the end is the documents (and a zip of them); its peak heap is mostly the renderers' garbage, as the export's.
    console.log(`| baseline scaled to ${n(SHEETS)} (×${SHEETS / SMALL}) | ${sec((baseline.ms * SHEETS) / SMALL)} | | documents held: ${mb((baseline.value * SHEETS) / SMALL)} | | |`);
    console.log(`baseline per sheet: reading the evaluation ${perSheet(split.readMs, SMALL)}, the xlsx ${perSheet(split.xlsxMs, SMALL)}, the PDF ${perSheet(split.pdfMs, SMALL)}`);
    console.log(`heap + Buffers during the ${n(SHEETS)} export at each tenth of its progress: ${big.heapAt.map(mb).join(' → ')}`);
    console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (failures.length > 0) {
      console.log(`\n${failures.length} check(s) FAILED: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    if (app) await app.close();
    if (ds.isInitialized) await ds.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env['BENCH_KEEP_DB']) console.log(`kept database ${database.name}`);
    else await database.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
