/**
 * The xlsx and published-text readers wired into the import routes (issue 11, items 1 and 2): workbooks
 * written by the national-layout export (targetWorkbook) and in another real layout (the builders of
 * apps/api/src/imports/xlsx/testing), and the seeds' texts (libs/contracts/…/disclosure-text/__fixtures__),
 * previewed, committed as drafts, re-imported; and bad workbooks refused with nothing written.
 */
import type { Dataset } from '@jixiao/contracts';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { targetWorkbook } from '../../apps/api/src/exports/target-workbook/target-workbook';
import { bufferOf, integratedProjectTab } from '../../apps/api/src/imports/xlsx/testing/layout-builders';
import { bearer } from '../support/accounts';
import { readDataset } from '../support/fixtures';
import { startTestApp, tableCounts, TestApp } from '../support/test-app';

const XLSX = { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const SEEDS = join(__dirname, '../../libs/contracts/src/dataset/read/disclosure-text/__fixtures__');
const seedText = (bureau: string) => readFileSync(join(SEEDS, `${bureau}-2024.txt`), 'utf8');

/** A demo dataset moved to a region (and a department) of its own, so that the test owns what it writes. */
function movedDataset(file: string, region: string): Dataset {
  const base = readDataset(file) as unknown as Dataset;
  return { ...base, region, department: { ...base.department, code: null, name: `${region}医疗保障局` } };
}

interface PreviewSheet { sheet: 'department' | number; kind: string; name: string; exists: boolean; indicators: { spec: unknown; warnings: unknown[] }[]; findings: unknown[] }

describe('imports through the xlsx and text readers', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  const previewWorkbook = (token: string, buffer: Buffer, fields: Record<string, string> = {}, filename = 'targets.xlsx') => {
    let req = t.http.post('/api/imports/target-sheets/preview').set(bearer(token));
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req.attach('file', buffer, { filename, ...XLSX });
  };
  const previewText = (token: string, body: Record<string, unknown>) => t.http.post('/api/imports/disclosure-text/preview').set(bearer(token)).send(body);
  const commit = (token: string, route: string, previewId: string) => t.http.post(`/api/imports/${route}`).set(bearer(token)).send({ previewId });

  it('previews an xlsx written in the national layout (targetWorkbook), commits it as drafts, and a re-import says every sheet exists', async () => {
    const dataset = movedDataset('hanyin-2024.json', '表格县');
    const buffer = await targetWorkbook([dataset]);
    const before = await tableCounts(t.dataSource);
    const preview = await previewWorkbook(admin, buffer, { region: '表格县' });
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ source: 'target-sheets', committable: true, blockers: [] });
    const [read] = preview.body.datasets;
    expect(read).toMatchObject({ fiscalYear: 2024, region: '表格县', mayImport: true, department: { name: '表格县医疗保障局', id: null } });
    const sheets = read.sheets as PreviewSheet[];
    expect(sheets.map((s) => [s.sheet, s.indicators.length, s.exists])).toEqual([
      ['department', dataset.departmentSheet!.indicators.length, false],
      ...dataset.projects.map((p, i) => [i, p.indicators.length, false]),
    ]);
    expect(sheets.slice(1).map((s) => s.name)).toEqual(dataset.projects.map((p) => p.name));
    for (const sheet of sheets) for (const indicator of sheet.indicators) expect(indicator.spec).toEqual(expect.objectContaining({ kind: expect.any(String) }));
    const { audit_events: _a, ...afterPreview } = await tableCounts(t.dataSource);
    const { audit_events: _b, ...beforeCounts } = before;
    expect(afterPreview).toEqual(beforeCounts); // a preview writes nothing

    const done = await commit(admin, 'target-sheets', preview.body.previewId);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ createdCount: 1 + dataset.projects.length, existingCount: 0 });
    const departmentId = done.body.datasets[0].departmentId as string;
    const rows = await t.dataSource.query(`SELECT DISTINCT status FROM target_sheets WHERE department_id = $1`, [departmentId]);
    expect(rows).toEqual([{ status: 'draft' }]);
    const indicators = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM indicators i JOIN target_sheets s ON s.id = i.sheet_id WHERE s.department_id = $1`, [departmentId]);
    expect(indicators[0].n).toBe(dataset.departmentSheet!.indicators.length + dataset.projects.reduce((n, p) => n + p.indicators.length, 0));

    const again = await previewWorkbook(admin, buffer, { region: '表格县' });
    expect(again.body.datasets[0].department.id).toBe(departmentId);
    expect((again.body.datasets[0].sheets as PreviewSheet[]).every((s) => s.exists)).toBe(true);
    const counts = await tableCounts(t.dataSource);
    const repeat = await commit(admin, 'target-sheets', again.body.previewId);
    expect(repeat.body).toMatchObject({ createdCount: 0, existingCount: 1 + dataset.projects.length });
    expect({ ...(await tableCounts(t.dataSource)), audit_events: 0 }).toEqual({ ...counts, audit_events: 0 });
  });

  it('previews and commits an xlsx in another real layout (the 一体化 export: 指标性质 | 指标值 | 度量单位 | 分值)', async () => {
    const shenmu = movedDataset('shenmu-2024.json', '一体化县');
    const workbook = new ExcelJS.Workbook();
    shenmu.projects.forEach((_, i) => integratedProjectTab(workbook, shenmu, i));
    const preview = await previewWorkbook(admin, await bufferOf(workbook), { region: '一体化县', fiscalYear: '2024' });
    expect(preview.status).toBe(201);
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.committable).toBe(true);
    const sheets = preview.body.datasets[0].sheets as PreviewSheet[];
    expect(sheets.map((s) => [s.kind, s.name, s.indicators.length])).toEqual(shenmu.projects.map((p) => ['project', p.name, p.indicators.length]));
    const done = await commit(admin, 'target-sheets', preview.body.previewId);
    expect(done.status).toBe(201);
    expect(done.body.createdCount).toBe(shenmu.projects.length);
  });

  it('carries what the workbook adapter could not read (a formula without its saved result) into the preview’s problems, by tab, row and column', async () => {
    const shenmu = movedDataset('shenmu-2024.json', '公式县');
    const workbook = new ExcelJS.Workbook();
    integratedProjectTab(workbook, shenmu, 0);
    workbook.worksheets[0]!.getCell('J3').value = { formula: 'SUM(E10:E12)' } as ExcelJS.CellFormulaValue; // no cached result
    const preview = await previewWorkbook(admin, await bufferOf(workbook), { region: '公式县' });
    expect(preview.status).toBe(201);
    const tab = workbook.worksheets[0]!.name;
    expect(preview.body.problems).toEqual([
      expect.objectContaining({ code: 'FORMULA_WITHOUT_VALUE', severity: 'error', tab, row: 3, column: 'J', message: expect.stringContaining('公式') }),
    ]);
    expect(preview.body.datasets[0].sheets).toHaveLength(1); // the rest of the tab is still read
  });

  it('pastes a seed text: previewed with the parser’s warnings, committed as drafts', async () => {
    const text = seedText('shenqiu');
    const preview = await previewText(admin, { text, region: '粘贴县' });
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ source: 'disclosure-text', committable: true });
    const [read] = preview.body.datasets;
    expect(read).toMatchObject({ fiscalYear: 2024, region: '粘贴县', department: { id: null } });
    const sheets = read.sheets as PreviewSheet[];
    const fixture = readDataset('shenqiu-2024.json') as unknown as Dataset;
    expect(sheets.filter((s) => s.kind === 'project')).toHaveLength(fixture.projects.length);
    // published targets the parser reads with doubt come with their warnings (e.g. a bare 达标, a missing unit)
    expect(sheets.flatMap((s) => s.indicators).some((i) => i.warnings.length > 0)).toBe(true);
    const done = await commit(admin, 'disclosure-text', preview.body.previewId);
    expect(done.status).toBe(201);
    expect(done.body.createdCount).toBe(sheets.length);
  });

  it('relates a pasted table to the caller’s existing department by its name (no code in the text): the seeded sheets exist', async () => {
    const finance = await t.login('hanyin.finance');
    const [{ id }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'department' AND name = '汉阴县医疗保障局'`);
    const preview = await previewText(finance, { text: seedText('hanyin') });
    expect(preview.status).toBe(201);
    const [read] = preview.body.datasets;
    expect(read).toMatchObject({ region: '汉阴县', mayImport: true, department: { code: null, name: '汉阴县医疗保障局', id } });
    expect((read.sheets as PreviewSheet[]).filter((s) => s.exists).length).toBeGreaterThan(0);
  });

  it('a text with no table: nothing read, a problem saying so, not committable', async () => {
    const preview = await previewText(admin, { text: '这是一段与绩效目标无关的文字。\n第二行。', region: '空文县' });
    expect(preview.status).toBe(201);
    expect(preview.body.committable).toBe(false);
    expect(preview.body.blockers.map((b: { code: string }) => b.code)).toEqual(['NOTHING_READ']);
    expect(preview.body.problems.length).toBeGreaterThan(0);
    expect((await commit(admin, 'disclosure-text', preview.body.previewId)).status).toBe(422);
  });

  describe('bad workbooks: a 4xx with the reason, nothing written', () => {
    const refused = async (buffer: Buffer, status: number, code: string, filename = 'bad.xlsx') => {
      const before = await tableCounts(t.dataSource);
      const res = await previewWorkbook(admin, buffer, { region: '坏表县' }, filename);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/); // Chinese first
      const { audit_events: _a, ...after } = await tableCounts(t.dataSource);
      const { audit_events: _b, ...expected } = before;
      expect(after).toEqual(expected);
      expect(await t.dataSource.query(`SELECT 1 FROM organizations WHERE region = '坏表县'`)).toEqual([]);
      return res;
    };

    it('a file that is not an xlsx', async () => {
      await refused(Buffer.from('项目名称,金额\n某项目,100\n', 'utf8'), 415, 'XLSX_NOT_WORKBOOK', 'table.xlsx');
    });

    it('an encrypted workbook (an OLE compound file with EncryptionInfo)', async () => {
      const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      await refused(Buffer.concat([header, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64)]), 415, 'XLSX_ENCRYPTED');
    });

    it('a corrupt workbook (cut short)', async () => {
      const good = await targetWorkbook([movedDataset('hanyin-2024.json', '坏表县')]);
      const res = await refused(good.subarray(0, Math.floor(good.length / 2)), 400, 'XLSX_CORRUPT');
      expect(res.body.message).toContain('损坏');
    });

    it('an empty workbook (tabs without cells): 201 with nothing read, not committable, nothing written', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Sheet1');
      workbook.addWorksheet('Sheet2');
      const before = await tableCounts(t.dataSource);
      const res = await previewWorkbook(admin, await bufferOf(workbook), { region: '坏表县' });
      expect(res.status).toBe(201);
      expect(res.body.committable).toBe(false);
      expect(res.body.problems.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['NO_TARGET_TABLES']));
      const commitRes = await commit(admin, 'target-sheets', res.body.previewId);
      expect(commitRes.status).toBe(422);
      const { audit_events: _a, ...after } = await tableCounts(t.dataSource);
      const { audit_events: _b, ...expected } = before;
      expect(after).toEqual(expected);
    });

    it('a 50 MB file (413 before it is read)', async () => {
      const before = await tableCounts(t.dataSource);
      const res = await previewWorkbook(admin, Buffer.alloc(50 * 1024 * 1024, 0x50), {}, 'huge.xlsx');
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('IMPORT_FILE_TOO_LARGE');
      expect(await tableCounts(t.dataSource)).toEqual(before);
    });
  });
});
