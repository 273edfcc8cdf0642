import type { FinanceOverviewResponse } from '@jixiao/contracts';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { AppConfigService } from '../../apps/api/src/core/config/app-config.service';
import { readZipEntry, zipEntryNames } from '../../apps/api/src/reports/testing/zip';
import { transitionBody } from '../support/acknowledgements';
import { startTestApp, TestApp } from '../support/test-app';

const modes = [
  ['in-process jobs (no REDIS_URL)', false],
  ...(process.env['TEST_REDIS_URL'] ? [['BullMQ on Redis', true] as const] : []),
] as const;

interface JobBody { state: string; progress: number; result: { fileName: string; bytes: number; sheets: number } | null; error: { code: string; message: string } | null }

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function workbookCells(buffer: Buffer): Promise<Map<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const tabs = new Map<string, string[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    tabs.set(sheet.name, rows);
  }
  return tabs;
}

describe.each(modes)('region export of every 自评表 as one zip — %s', (_label, redis) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });

  /**
   * Polls the job, recording every progress seen, until it ends. With BullMQ the job runs in this
   * test's API process: while a PDF renders (synchronously, seconds on a loaded machine) a status read
   * may miss its 1.5 s deadline and answer 503 JOBS_UNAVAILABLE (请稍后重试) — asked again, as the web does.
   */
  async function waitForJob(user: string, jobId: string, seen: number[] = []): Promise<JobBody> {
    for (let i = 0; i < 1200; i++) {
      const res = await t.http.get(`/api/jobs/${jobId}`).set(as(user));
      if (res.status === 503 && res.body.code === 'JOBS_UNAVAILABLE') continue;
      if (res.status !== 200) throw new Error(`job status ${res.status}: ${JSON.stringify(res.body)}`);
      seen.push(res.body.progress);
      if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('job did not finish in 30 s');
  }
  const download = (jobId: string, user: string) => t.http.get(`/api/exports/self-assessments/${jobId}/file`).set(as(user)).buffer(true).parse(binary as never);

  beforeAll(async () => {
    t = await startTestApp({ redis });
    for (const user of ['shenmu.editor', 'shenmu.reviewer', 'shenmu.finance', 'hanyin.finance', 'admin']) tokens[user] = await t.login(user);
    // Every project sheet of 神木 approved, then the region evaluated (a job).
    const projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('shenmu.editor'))).body as { sheet: { id: string } }[];
    for (const { sheet } of projects) {
      for (const [user, action] of [['shenmu.editor', 'submit'], ['shenmu.reviewer', 'department_approve'], ['shenmu.finance', 'approve']]) {
        const current = (await t.http.get(`/api/target-sheets/${sheet.id}`).set(as(user))).body;
        await t.http.post(`/api/target-sheets/${sheet.id}/transitions`).set(as(user)).send(transitionBody(current, action)).expect(200);
      }
    }
    const run = await t.http.post('/api/evaluation-runs').set(as('shenmu.finance')).send({ fiscalYear: 2024 }).expect(202);
    expect((await waitForJob('shenmu.finance', run.body.jobId)).state).toBe('completed');
  }, 120_000);
  afterAll(async () => t?.close());

  it('zips one xlsx and one PDF per evaluated sheet in department folders, and the 汇总表, streamed to its starter', async () => {
    const overview = (await t.http.get('/api/overview').query({ fiscalYear: 2024 }).set(as('shenmu.finance'))).body as FinanceOverviewResponse;
    const evaluated = overview.departments.flatMap((d) => d.sheets.filter((s) => s.total !== null).map((s) => ({ department: d.department.name, ...s })));
    expect(evaluated.length).toBeGreaterThan(1);

    const start = await t.http.post('/api/exports/self-assessments').set(as('shenmu.finance')).send({ fiscalYear: 2024 });
    expect(start.status).toBe(202);
    expect(start.body.jobId).toMatch(/^self-assessments-/);
    const seen: number[] = [];
    const done = await waitForJob('shenmu.finance', start.body.jobId, seen);
    expect(done.state).toBe('completed');
    expect(done.progress).toBe(100);
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1]!)).toBe(true);
    expect(done.result).toMatchObject({ fileName: '神木市2024年度绩效自评表.zip', sheets: evaluated.length });

    const res = await download(start.body.jobId, 'shenmu.finance');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('神木市2024年度绩效自评表.zip')}`);
    const zip = res.body as Buffer;
    expect(zip.length).toBe(done.result!.bytes);
    expect(Number(res.headers['content-length'])).toBe(zip.length);

    const expected = ['神木市2024年度绩效自评汇总表.xlsx', ...evaluated.flatMap((s) => ['xlsx', 'pdf'].map((f) => `${s.department}/${s.name}-2024年度绩效自评表.${f}`))];
    expect(zipEntryNames(zip).sort()).toEqual(expected.sort());

    // one 自评表 opened: the project's name and its total as the single download has them
    const sample = evaluated[0]!;
    const sheet = await workbookCells(readZipEntry(zip, `${sample.department}/${sample.name}-2024年度绩效自评表.xlsx`));
    const cells = [...sheet.values()].flat(2);
    expect(cells).toContain('项目支出绩效自评表');
    expect(cells).toContain(sample.name);
    expect(cells).toContain(String(Number(sample.total)));
    const pdf = readZipEntry(zip, `${sample.department}/${sample.name}-2024年度绩效自评表.pdf`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // the 汇总表: a row per sheet with its score and grade, a row per department and the region's total
    const summary = await workbookCells(readZipEntry(zip, '神木市2024年度绩效自评汇总表.xlsx'));
    const bySheet = summary.get('目标表明细')!;
    expect(bySheet[1]).toEqual(['部门', '目标表', '类型', '预算（万元）', '支出（万元）', '自评得分', '等级', '未完成指标']);
    for (const s of evaluated) {
      const row = bySheet.find((r) => r[0] === s.department && r[1] === s.name);
      expect(row?.[5]).toBe(Number(s.total).toFixed(2));
    }
    const byDepartment = summary.get('部门汇总')!;
    expect(byDepartment.map((r) => r[0])).toEqual([`神木市2024年度绩效自评汇总表（按部门）`, '部门', ...overview.departments.map((d) => d.department.name), '合计']);
    expect(byDepartment.at(-1)![5]).toBe(String(overview.totals.evaluated));

    // an admin may download it too
    expect((await download(start.body.jobId, 'admin')).status).toBe(200);
  });

  it('only xlsx when asked, and 409 EXPORT_NOT_READY while the job runs', async () => {
    // the export's reads of the indicator scores wait for this lock: the job stays active meanwhile
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    let jobId: string;
    try {
      await blocker.query('LOCK TABLE indicator_scores IN ACCESS EXCLUSIVE MODE');
      const start = await t.http.post('/api/exports/self-assessments').set(as('shenmu.finance')).send({ fiscalYear: 2024, formats: ['xlsx'] });
      expect(start.status).toBe(202);
      jobId = start.body.jobId;
      const early = await t.http.get(`/api/exports/self-assessments/${jobId}/file`).set(as('shenmu.finance'));
      expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'EXPORT_NOT_READY' });
      expect(early.body.message).toContain('导出尚未完成');
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect((await waitForJob('shenmu.finance', jobId)).state).toBe('completed');
    const names = zipEntryNames((await download(jobId, 'shenmu.finance')).body as Buffer);
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(false);
    expect(names.filter((n) => n.endsWith('.xlsx')).length).toBeGreaterThan(2);
  });

  it('is for finance and admins only; the zip for its starter (and admins) only', async () => {
    const denied = await t.http.post('/api/exports/self-assessments').set(as('shenmu.editor')).send({ fiscalYear: 2024 });
    expect({ status: denied.status, code: denied.body.code }).toEqual({ status: 403, code: 'ROLE_FORBIDDEN' });
    const start = await t.http.post('/api/exports/self-assessments').set(as('shenmu.finance')).send({ fiscalYear: 2024, formats: ['xlsx'] }).expect(202);
    expect((await waitForJob('shenmu.finance', start.body.jobId)).state).toBe('completed');
    const other = await t.http.get(`/api/exports/self-assessments/${start.body.jobId}/file`).set(as('hanyin.finance'));
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 404, code: 'EXPORT_NOT_FOUND' });
    const reviewer = await t.http.get(`/api/exports/self-assessments/${start.body.jobId}/file`).set(as('shenmu.reviewer'));
    expect(reviewer.status).toBe(403);
    const unknown = await t.http.get('/api/exports/self-assessments/self-assessments-00000000-0000-4000-8000-000000000000/file').set(as('shenmu.finance'));
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'EXPORT_NOT_FOUND' });
    const otherJob = await t.http.get(`/api/exports/self-assessments/..%2F..%2Fetc%2Fpasswd/file`).set(as('shenmu.finance'));
    expect(otherJob.status).toBe(404);
    // the region of another bureau is not the caller's to export
    const [bureau] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'finance_bureau' AND region = '神木市'`);
    const outside = await t.http.post('/api/exports/self-assessments').set(as('hanyin.finance')).send({ fiscalYear: 2024, organizationId: bureau.id });
    expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 404, code: 'ORGANIZATION_NOT_FOUND' });
    const badFormat = await t.http.post('/api/exports/self-assessments').set(as('shenmu.finance')).send({ fiscalYear: 2024, formats: ['docx'] });
    expect({ status: badFormat.status, code: badFormat.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const adminWithout = await t.http.post('/api/exports/self-assessments').set(as('admin')).send({ fiscalYear: 2024 });
    expect({ status: adminWithout.status, code: adminWithout.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const adminWith = await t.http.post('/api/exports/self-assessments').set(as('admin')).send({ fiscalYear: 2024, organizationId: bureau.id, formats: ['xlsx'] });
    expect(adminWith.status).toBe(202);
    expect((await waitForJob('admin', adminWith.body.jobId)).result).toMatchObject({ fileName: '神木市2024年度绩效自评表.zip' });
  });

  it('answers 409 EXPORT_NOTHING_EVALUATED at once when the region has no evaluated sheet for the year', async () => {
    const none = await t.http.post('/api/exports/self-assessments').set(as('hanyin.finance')).send({ fiscalYear: 2024 });
    expect({ status: none.status, code: none.body.code }).toEqual({ status: 409, code: 'EXPORT_NOTHING_EVALUATED' });
    expect(none.body.message).toBe('「汉阴县」2024 年度尚无已评价的绩效目标表，请先计算自评得分再导出');
    const otherYear = await t.http.post('/api/exports/self-assessments').set(as('shenmu.finance')).send({ fiscalYear: 2023 });
    expect({ status: otherYear.status, code: otherYear.body.code }).toEqual({ status: 409, code: 'EXPORT_NOTHING_EVALUATED' });
  });

  it('sweeps exports older than 24 hours when a new one starts', async () => {
    const folder = join(t.app.get(AppConfigService).get('DATA_DIR'), 'exports');
    mkdirSync(folder, { recursive: true });
    const old = join(folder, 'self-assessments-old.zip');
    const fresh = join(folder, 'self-assessments-fresh.zip');
    writeFileSync(old, 'old');
    writeFileSync(fresh, 'fresh');
    const twoDaysAgo = new Date(Date.now() - 48 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    const start = await t.http.post('/api/exports/self-assessments').set(as('shenmu.finance')).send({ fiscalYear: 2024, formats: ['xlsx'] }).expect(202);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect((await waitForJob('shenmu.finance', start.body.jobId)).state).toBe('completed');
    expect(existsSync(join(folder, `${start.body.jobId}.zip`))).toBe(true);
    expect(existsSync(join(folder, `${start.body.jobId}.zip.part`))).toBe(false);
  });
});
