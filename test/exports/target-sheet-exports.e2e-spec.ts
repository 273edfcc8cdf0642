import { readTargetWorkbook, type Dataset } from '@jixiao/contracts/dataset';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { workbookGrid } from '../../apps/api/src/imports/xlsx/workbook-grid';
import { extractPdfText } from '../../apps/api/src/reports/testing/pdf-text';
import { transitionBody } from '../support/acknowledgements';
import { startTestApp, TestApp } from '../support/test-app';

/** The demo fixture the test app imports as drafts (demo/datasets = shared/fixtures). */
const HANYIN = JSON.parse(readFileSync(join(__dirname, '../../demo/datasets/hanyin-2024.json'), 'utf8')) as Dataset;
const APPROVED = '医保重点工作经费';
const DRAFT = '2024年城乡居民医保基金县级财政补助';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function cellsOf(buffer: Buffer): Promise<{ tabs: string[]; cells: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  return { tabs: workbook.worksheets.map((s) => s.name), cells };
}

describe('绩效目标表 downloads: a sheet, a department disclosure pack, the template', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const download = (url: string, user: string, query: Record<string, unknown> = {}) => t.http.get(url).query(query).set(as(user)).buffer(true).parse(binary as never);
  let approvedSheetId: string;
  let draftSheetId: string;
  let departmentSheetId: string;
  let departmentId: string;
  let shenmuDepartmentId: string;

  const approve = async (sheetId: string, steps: [string, string][]) => {
    for (const [user, action] of steps) {
      const current = (await t.http.get(`/api/target-sheets/${sheetId}`).set(as(user))).body;
      expect((await t.http.post(`/api/target-sheets/${sheetId}/transitions`).set(as(user)).send(transitionBody(current, action))).status).toBe(200);
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'xuchang.finance', 'shenmu.reviewer']) tokens[user] = await t.login(user);
    const projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'))).body as { name: string; sheet: { id: string } }[];
    approvedSheetId = projects.find((p) => p.name === APPROVED)!.sheet.id;
    draftSheetId = projects.find((p) => p.name === DRAFT)!.sheet.id;
    [{ id: departmentId }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'department' AND name = '汉阴县医疗保障局'`);
    [{ id: departmentSheetId }] = await t.dataSource.query(`SELECT id FROM target_sheets WHERE kind = 'department' AND department_id = $1 AND is_current`, [departmentId]);
    [{ id: shenmuDepartmentId }] = await t.dataSource.query(
      `SELECT s.department_id AS id FROM target_sheets s JOIN organizations o ON o.id = s.department_id WHERE o.name LIKE '神木%' LIMIT 1`,
    );
    await approve(approvedSheetId, [['hanyin.editor', 'submit'], ['hanyin.reviewer', 'department_approve'], ['hanyin.finance', 'approve']]);
    await approve(departmentSheetId, [['hanyin.reviewer', 'submit'], ['hanyin.reviewer', 'department_approve'], ['hanyin.finance', 'approve']]);
  });
  afterAll(async () => t?.close());

  it('round trip: the imported fixture sheet (a draft), exported as xlsx and read back, has the same data', async () => {
    const res = await download(`/api/target-sheets/${draftSheetId}/target-sheet.xlsx`, 'hanyin.editor');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${DRAFT}-2024年度绩效目标表.xlsx`)}`);
    const reading = readTargetWorkbook(await workbookGrid(res.body as Buffer), { region: HANYIN.region });
    expect(reading.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(reading.datasets).toHaveLength(1);
    const [{ dataset }] = reading.datasets;
    const fixture = HANYIN.projects.find((p) => p.name === DRAFT)!;
    expect(dataset.department).toEqual(HANYIN.department);
    expect(dataset.departmentSheet).toBeNull();
    expect(dataset.projects).toEqual([fixture]);
    expect(dataset.projects[0]!.indicators).toEqual(fixture.indicators);
  });

  it('exports one sheet as PDF: A4 landscape, the Chinese text extractable, no contents page', async () => {
    const res = await download(`/api/target-sheets/${approvedSheetId}/target-sheet.pdf`, 'hanyin.viewer');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractPdfText(res.body as Buffer);
    expect(text.fragments[0]).toBe('项目支出绩效目标表');
    expect(text.fragments).not.toContain('目　录');
    expect(new Set(text.mediaBoxes)).toEqual(new Set(['0 0 841.89 595.28']));
    expect(text.joined).toContain(APPROVED);
    for (const indicator of HANYIN.projects.find((p) => p.name === APPROVED)!.indicators) expect(text.joined.replace(/\s/g, '')).toContain(indicator.name.replace(/\s/g, ''));
  });

  it('exports the department-wide sheet alone', async () => {
    const res = await download(`/api/target-sheets/${departmentSheetId}/target-sheet.xlsx`, 'hanyin.reviewer');
    expect(res.status).toBe(200);
    const { tabs, cells } = await cellsOf(res.body as Buffer);
    expect(tabs).toEqual(['部门整体']);
    for (const indicator of HANYIN.departmentSheet!.indicators) expect(cells).toContain(indicator.name);
  });

  it('packs only the approved sheets in effect, as xlsx (a tab per sheet) and PDF (contents, a page break per sheet)', async () => {
    const xlsx = await download(`/api/departments/${departmentId}/disclosure-pack.xlsx`, 'hanyin.viewer', { fiscalYear: 2024 });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('汉阴县医疗保障局2024年度绩效目标公开表.xlsx'));
    const { tabs, cells } = await cellsOf(xlsx.body as Buffer);
    expect(tabs).toEqual(['部门整体', `1-${APPROVED}`]);
    for (const indicator of HANYIN.projects.find((p) => p.name === APPROVED)!.indicators) expect(cells).toContain(indicator.name);
    for (const draft of HANYIN.projects.filter((p) => p.name !== APPROVED)) expect(cells).not.toContain(draft.name);

    const pdf = await download(`/api/departments/${departmentId}/disclosure-pack.pdf`, 'hanyin.finance', { fiscalYear: 2024 });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = extractPdfText(pdf.body as Buffer);
    expect(text.fragments.slice(0, 2)).toEqual(['汉阴县医疗保障局2024年度绩效目标公开表', '目　录']);
    expect(text.fragments).toContain('1. 部门（单位）整体支出绩效目标表');
    expect(text.fragments).toContain(`2. 项目支出绩效目标表：${APPROVED}`);
    expect(text.joined).toContain('部门（单位）整体支出绩效目标表');
    for (const draft of HANYIN.projects.filter((p) => p.name !== APPROVED)) expect(text.joined).not.toContain(draft.name);
    expect(text.pages).toBeGreaterThanOrEqual(3);
    expect(text.fragments).toContain(`第 ${text.pages} 页 共 ${text.pages} 页`);
  });

  it('answers 409 with a Chinese message for a department year with nothing approved', async () => {
    for (const format of ['xlsx', 'pdf']) {
      const res = await t.http.get(`/api/departments/${shenmuDepartmentId}/disclosure-pack.${format}`).query({ fiscalYear: 2024 }).set(as('shenmu.reviewer'));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'DISCLOSURE_PACK_EMPTY' });
      expect(res.body.message).toMatch(/^「.+」2024 年度没有已批复的绩效目标表，无法生成公开包/);
    }
    const noYear = await t.http.get(`/api/departments/${departmentId}/disclosure-pack.xlsx`).query({ fiscalYear: 2023 }).set(as('hanyin.reviewer'));
    expect({ status: noYear.status, code: noYear.body.code }).toEqual({ status: 409, code: 'DISCLOSURE_PACK_EMPTY' });
  });

  it('gives other regions and a unit editor nothing of the department, and checks its input', async () => {
    for (const format of ['xlsx', 'pdf']) {
      const sheet = await t.http.get(`/api/target-sheets/${approvedSheetId}/target-sheet.${format}`).set(as('xuchang.finance'));
      expect({ status: sheet.status, code: sheet.body.code }).toEqual({ status: 404, code: 'SHEET_NOT_FOUND' });
      for (const user of ['xuchang.finance', 'hanyin.editor']) {
        const pack = await t.http.get(`/api/departments/${departmentId}/disclosure-pack.${format}`).query({ fiscalYear: 2024 }).set(as(user));
        expect({ user, status: pack.status, code: pack.body.code }).toEqual({ user, status: 404, code: 'DEPARTMENT_NOT_FOUND' });
      }
    }
    const badYear = await t.http.get(`/api/departments/${departmentId}/disclosure-pack.pdf`).query({ fiscalYear: 'x' }).set(as('hanyin.reviewer'));
    expect({ status: badYear.status, code: badYear.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const noYear = await t.http.get(`/api/departments/${departmentId}/disclosure-pack.pdf`).set(as('hanyin.reviewer'));
    expect(noYear.status).toBe(400);
    expect((await t.http.get('/api/target-sheets/not-a-uuid/target-sheet.pdf').set(as('hanyin.reviewer'))).status).toBe(400);
    expect((await t.http.get('/api/templates/target-sheet.xlsx')).status).toBe(401);
  });

  it('downloads the blank template with dropdowns for 一级指标, 二级指标 and 指标性质', async () => {
    const res = await download('/api/templates/target-sheet.xlsx', 'hanyin.editor', { fiscalYear: 2025 });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('项目支出绩效目标表');
    expect(sheet.getCell('A2').value).toBe('（2025年度）');
    expect(sheet.getCell('A17').dataValidation).toMatchObject({ type: 'list' });
    expect(String(sheet.getCell('A17').dataValidation.formulae?.[0])).toContain('产出指标');
    expect(String(sheet.getCell('D17').dataValidation.formulae?.[0])).toContain('定性');
    const bad = await t.http.get('/api/templates/target-sheet.xlsx').query({ fiscalYear: 1999 }).set(as('hanyin.editor'));
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
  // last: it starts an adjustment of the approved project
  it('keeps the approved version in the pack while an adjustment (a new draft version) is under way', async () => {
    const current = (await t.http.get(`/api/target-sheets/${approvedSheetId}`).set(as('hanyin.editor'))).body;
    const adjusted = await t.http.post(`/api/target-sheets/${approvedSheetId}/transitions`).set(as('hanyin.editor')).send(transitionBody(current, 'adjust', '年中调整'));
    expect(adjusted.status).toBe(200);
    expect(adjusted.body.status).toBe('draft');
    const pack = await download(`/api/departments/${departmentId}/disclosure-pack.xlsx`, 'hanyin.reviewer', { fiscalYear: 2024 });
    expect(pack.status).toBe(200);
    const { tabs, cells } = await cellsOf(pack.body as Buffer);
    expect(tabs).toEqual(['部门整体', `1-${APPROVED}`]);
    for (const indicator of HANYIN.projects.find((p) => p.name === APPROVED)!.indicators) expect(cells).toContain(indicator.name);
    const draft = await download(`/api/target-sheets/${adjusted.body.id}/target-sheet.xlsx`, 'hanyin.editor');
    expect(draft.status).toBe(200);
    expect((await cellsOf(draft.body as Buffer)).cells).toContain(APPROVED);
  });
});
