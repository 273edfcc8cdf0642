/**
 * Excel import of a department's 200 绩效目标表 (issue 11): a workbook of 200 project sheets, a tab each,
 * written by the exports' own writer (targetWorkbook) from the 40 projects of the five demo datasets
 * repeated with unique names and codes, previewed and committed over HTTP through the whole API
 * (createApp, as `npm start` runs it) on a fresh PostgreSQL database, in this one process.
 *
 * Measured: wall time, peak RSS and peak heap of each step (bench/measuring.ts, sampled every 100 ms),
 * next to the baseline of the same run, exceljs's bare `xlsx.load` of the same file; and, in process,
 * the preview's two reading steps (workbookGrid, readTargetWorkbook) to see where its time goes.
 * Asserted (exit 1 otherwise): the preview is committable, shows 200 new sheets with every indicator
 * and no reading problem; the commit creates 200 drafts with every indicator in the database; a
 * second preview of the same file finds all 200 already there.
 *
 *   npm run bench:import   (BENCH_SHEETS=40 for a short run; BENCH_DATABASE_URL, default
 *                           postgres://postgres@127.0.0.1:5432/test: the server the fresh database
 *                           jixiao_bench_<random> is created on, and dropped from at the end)
 */
import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { ImportCommitResponse, ImportPreviewResponse } from '@jixiao/contracts';
import { readTargetWorkbook, type Dataset, type DatasetProject, type ReadProblem } from '@jixiao/contracts/dataset';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { targetWorkbook } from '../apps/api/src/exports/target-workbook/target-workbook';
import { workbookGrid } from '../apps/api/src/imports/xlsx/workbook-grid';
import { mb, measure, n, type Measured } from './measuring';
import { login, startBenchApp } from './support/bench-app';

const SHEETS = Number(process.env['BENCH_SHEETS'] ?? 200);
const REGION = '基准县';
const DEPARTMENT = { code: '999', name: '基准县医疗保障局' };
const FIXTURES = join(__dirname, '../demo/datasets');

const failures: string[] = [];
function check(label: string, ok: boolean, detail = ''): void {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(label);
}

function fixtures(): Dataset[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Dataset);
}

/**
 * One department of a new region with `SHEETS` projects: the fixtures' projects in turn, the k-th
 * repetition named `…（第k组）` and coded `…-k`, their units all under the one department.
 */
function benchDataset(sources: Dataset[]): Dataset {
  const all = sources.flatMap((d) => d.projects);
  const projects: DatasetProject[] = [];
  for (let i = 0; i < SHEETS; i++) {
    const project = all[i % all.length]!;
    const round = Math.floor(i / all.length) + 1;
    projects.push({ ...project, name: `${project.name}（第${round}组）`, code: project.code === null ? null : `${project.code}-${round}` });
  }
  return {
    ...sources[0]!,
    source: null, // the disclosure layout has no place for it (it reads back null)
    region: REGION,
    department: DEPARTMENT,
    units: sources.flatMap((d) => d.units),
    departmentSheet: null,
    projects,
  };
}

async function postPreview(base: string, token: string, file: Buffer): Promise<ImportPreviewResponse> {
  const form = new FormData();
  form.append('file', new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '基准县绩效目标表.xlsx');
  form.append('region', REGION);
  const res = await fetch(`${base}/imports/target-sheets/preview`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`preview: ${res.status} ${await res.text()}`);
  return (await res.json()) as ImportPreviewResponse;
}

async function postCommit(base: string, token: string, previewId: string): Promise<ImportCommitResponse> {
  const res = await fetch(`${base}/imports/target-sheets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ previewId }),
  });
  if (res.status !== 201) throw new Error(`commit: ${res.status} ${await res.text()}`);
  return (await res.json()) as ImportCommitResponse;
}

async function bareLoad(file: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook.worksheets.length;
}

type Figures = Omit<Measured<unknown>, 'value'>;
const rows: [string, Figures][] = [];
/** Keeps a step's figures (not its value: what a step made is not to be held while the next is measured). */
function report(label: string, { value: _value, ...figures }: Measured<unknown>): Figures {
  rows.push([label, figures]);
  return figures;
}

let emptyTables = 0;
/** The one warning a fixture gives: a project written without indicators (xuchang has one) says so. */
function onlyEmptyTables(problems: readonly ReadProblem[]): boolean {
  return problems.length === emptyTables && problems.every((p) => p.code === 'TABLE_WITHOUT_INDICATORS' && p.severity === 'warning');
}
const problemCodes = (problems: readonly ReadProblem[]): string => [...new Set(problems.map((p) => p.code))].join(', ') + ` (${problems.length})`;

/** The preview's two reading steps in this process, timed apart. */
async function inProcessSteps(file: Buffer): Promise<void> {
  const grid = await measure(() => workbookGrid(file));
  report('  preview step 1: workbookGrid (in process)', grid);
  const reading = await measure(async () => readTargetWorkbook(grid.value, { region: REGION }));
  report('  preview step 2: readTargetWorkbook (in process)', reading);
  const read = reading.value.datasets;
  check(
    'in process: the reading gives back the dataset, no problem but the empty tables',
    read.length === 1 && read[0]!.dataset.projects.length === SHEETS && onlyEmptyTables(reading.value.problems),
    problemCodes(reading.value.problems),
  );
}

async function main(): Promise<void> {
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${cpus().length} cores; Node ${process.version}`);
  const sources = fixtures();
  const dataset = benchDataset(sources);
  const indicators = dataset.projects.reduce((sum, p) => sum + p.indicators.length, 0);
  emptyTables = dataset.projects.filter((p) => p.indicators.length === 0).length;

  const written = await measure(() => targetWorkbook([dataset]));
  const file = written.value;
  report('write (targetWorkbook)', written);
  console.log(`workbook: ${n(SHEETS)} tabs, ${n(indicators)} indicators (${emptyTables} tables without), ${(file.length / 1024 / 1024).toFixed(2)} MB (${n(file.length)} bytes)`);

  // Warm-up: the code paths once over the five fixtures' small workbook, not measured.
  const small = await targetWorkbook(sources);
  await bareLoad(small);
  readTargetWorkbook(await workbookGrid(small));

  console.log(`\nchecks (${n(SHEETS)} sheets):`);
  const bare = report('baseline: bare exceljs xlsx.load', await measure(() => bareLoad(file)));
  await inProcessSteps(file);

  const app = await startBenchApp();
  try {
    const { token } = await login(app.base, 'admin');
    const preview = await measure(() => postPreview(app.base, token, file));
    report('preview over HTTP (POST /api/imports/target-sheets/preview)', preview);
    const p = preview.value;
    const sheets = p.datasets.flatMap((d) => d.sheets);
    check('preview: committable, one dataset, no problem but the empty tables', p.committable && p.blockers.length === 0 && p.datasets.length === 1 && onlyEmptyTables(p.problems), `${p.blockers.length} blockers, problems ${problemCodes(p.problems)}`);
    check(`preview: ${SHEETS} new sheets`, sheets.length === SHEETS && sheets.every((s) => !s.exists));
    check(`preview: ${n(indicators)} indicators, each parsed`, sheets.reduce((sum, s) => sum + s.indicators.length, 0) === indicators && sheets.every((s) => s.indicators.every((i) => i.spec !== undefined)));
    const findings = sheets.reduce((sum, s) => sum + s.findings.length, 0);
    const warnings = sheets.reduce((sum, s) => sum + s.indicators.reduce((w, i) => w + i.warnings.length, 0), 0);
    const responseBytes = Buffer.byteLength(JSON.stringify(p));

    const commit = await measure(() => postCommit(app.base, token, p.previewId));
    report('commit over HTTP (POST /api/imports/target-sheets)', commit);
    check(`commit: ${SHEETS} drafts created`, commit.value.createdCount === SHEETS && commit.value.existingCount === 0, `created ${commit.value.createdCount}, existing ${commit.value.existingCount}`);
    const ds = app.app.get(DataSource);
    const [stored] = (await ds.query(
      `SELECT count(DISTINCT s.id)::int AS sheets, count(i.id)::int AS indicators, bool_and(s.status = 'draft') AS drafts
         FROM organizations d
         JOIN target_sheets s ON s.department_id = d.id AND s.is_current
         LEFT JOIN indicators i ON i.sheet_id = s.id
        WHERE d.kind = 'department' AND d.name = $1`,
      [DEPARTMENT.name],
    )) as { sheets: number; indicators: number; drafts: boolean }[];
    check('commit: every sheet and indicator in the database, drafts', stored!.sheets === SHEETS && stored!.indicators === indicators && stored!.drafts, `${n(stored!.sheets)} sheets, ${n(stored!.indicators)} indicators`);

    const again = await measure(() => postPreview(app.base, token, file));
    report('preview again, every sheet already there', again);
    const againSheets = again.value.datasets.flatMap((d) => d.sheets);
    check(`second preview: all ${SHEETS} sheets found already there`, againSheets.length === SHEETS && againSheets.every((s) => s.exists && s.existingSheetId !== null));

    console.log(`\npreview: ${n(findings)} review findings, ${n(warnings)} parse warnings, response ${(responseBytes / 1024 / 1024).toFixed(2)} MB JSON`);
  } finally {
    await app.close();
  }

  console.log('\n| step | wall time | × bare load | peak RSS | RSS before | peak heap | heap before |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, m] of rows) {
    const ratio = (m.ms / bare.ms).toFixed(1);
    console.log(`| ${label} | ${(m.ms / 1000).toFixed(2)} s | ${ratio}× | ${mb(m.peakRss)} | ${mb(m.startRss)} | ${mb(m.peakHeap)} | ${mb(m.startHeap)} |`);
  }
  if (failures.length > 0) {
    console.log(`\n${failures.length} check(s) failed: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
