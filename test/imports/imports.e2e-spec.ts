import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditService } from '../../apps/api/src/audit/audit.service';
import { bearer } from '../support/accounts';
import { readDataset } from '../support/fixtures';
import { startTestApp, tableCounts, TestApp } from '../support/test-app';

/** 汉阴's published 2024 dataset (demo/datasets, from shared/fixtures) moved to a region of its own. */
function regionDataset(region: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = readDataset('hanyin-2024.json');
  return {
    ...base,
    region,
    department: { code: null, name: `${region}医疗保障局` },
    units: [{ code: null, name: `${region}医疗保障局本级` }], // published tables name the unit without its code
    projects: (base['projects'] as Record<string, unknown>[]).map((p) => ({ ...p, unitCode: null })),
    ...overrides,
  };
}

const asFile = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');

describe('imports (preview, then commit)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  const previewDataset = (token: string, dataset: unknown, file = { filename: 'dataset.json', contentType: 'application/json' }) =>
    t.http.post('/api/imports/datasets/preview').set(bearer(token)).attach('file', asFile(dataset), file);
  const commit = (token: string, previewId: string, route = 'datasets') => t.http.post(`/api/imports/${route}`).set(bearer(token)).send({ previewId });
  const sheetCount = async (departmentId: string) =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM target_sheets WHERE department_id = $1`, [departmentId]))[0].n);

  it('previews a dataset file: every sheet with its parsed targets and review findings, stored for its caller', async () => {
    const before = await tableCounts(t.dataSource);
    const res = await previewDataset(admin, regionDataset('预览县'));
    expect(res.status).toBe(201);
    const body = res.body;
    expect(body).toMatchObject({ source: 'datasets', committable: true, blockers: [], problems: [] });
    expect(body.previewId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    const [dataset] = body.datasets;
    expect(dataset).toMatchObject({ fiscalYear: 2024, region: '预览县', mayImport: true, department: { name: '预览县医疗保障局', id: null } });
    expect(dataset.sheets.map((s: { sheet: unknown; indicators: unknown[]; exists: boolean }) => [s.sheet, s.indicators.length, s.exists])).toEqual([
      ['department', 10, false], [0, 9, false], [1, 6, false], [2, 6, false], [3, 6, false],
    ]);
    const indicator = dataset.sheets[1].indicators[0];
    expect(indicator.spec).toEqual(expect.objectContaining({ kind: expect.any(String) }));
    expect(Array.isArray(indicator.warnings)).toBe(true);
    for (const sheet of dataset.sheets) expect(Array.isArray(sheet.findings)).toBe(true);
    const { audit_events: _a, ...after } = await tableCounts(t.dataSource);
    const { audit_events: _b, ...expected } = before;
    expect(after).toEqual(expected); // a preview writes no sheet, no organization
  });

  it('commits a preview as drafts, then a second preview of the same file says every sheet exists and commits nothing new', async () => {
    const dataset = regionDataset('提交县');
    const preview = await previewDataset(admin, dataset);
    const done = await commit(admin, preview.body.previewId);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ previewId: preview.body.previewId, createdCount: 5, existingCount: 0 });
    const [{ departmentId, sheets }] = done.body.datasets;
    expect(sheets.every((s: { outcome: string }) => s.outcome === 'created')).toBe(true);
    const statuses = await t.dataSource.query(`SELECT DISTINCT status FROM target_sheets WHERE department_id = $1`, [departmentId]);
    expect(statuses).toEqual([{ status: 'draft' }]);
    const units = await t.dataSource.query(`SELECT code, name FROM organizations WHERE parent_id = $1`, [departmentId]);
    expect(units).toEqual([{ code: null, name: '提交县医疗保障局本级' }]);
    expect(await sheetCount(departmentId)).toBe(5);

    const again = await previewDataset(admin, dataset);
    expect(again.body.datasets[0].department.id).toBe(departmentId);
    expect(again.body.datasets[0].sheets.map((s: { exists: boolean }) => s.exists)).toEqual([true, true, true, true, true]);
    expect(again.body.datasets[0].sheets[1].existingSheetId).toBe(sheets[1].sheetId);
    const before = await tableCounts(t.dataSource);
    const repeat = await commit(admin, again.body.previewId);
    expect(repeat.status).toBe(201);
    expect(repeat.body).toMatchObject({ createdCount: 0, existingCount: 5 });
    expect(repeat.body.datasets[0].sheets.map((s: { outcome: string }) => s.outcome)).toEqual(['exists', 'exists', 'exists', 'exists', 'exists']);
    expect({ ...(await tableCounts(t.dataSource)), audit_events: 0 }).toEqual({ ...before, audit_events: 0 });

    // a file with one project more: only that one is written, after the others
    const projects = dataset['projects'] as Record<string, unknown>[];
    const more = { ...dataset, projects: [...projects, { ...projects[0], code: null, name: '新增的项目' }] };
    const third = await commit(admin, (await previewDataset(admin, more)).body.previewId);
    expect(third.body).toMatchObject({ createdCount: 1, existingCount: 5 });
    expect(third.body.datasets[0].sheets[5]).toMatchObject({ sheet: 4, name: '新增的项目', outcome: 'created' });
    const [{ position }] = await t.dataSource.query(`SELECT position FROM projects WHERE department_id = $1 AND name = '新增的项目'`, [departmentId]);
    expect(position).toBe(4);
  });

  it('refuses a second commit of the same preview (409), writing nothing', async () => {
    const preview = await previewDataset(admin, regionDataset('两次县'));
    expect((await commit(admin, preview.body.previewId)).status).toBe(201);
    const before = await tableCounts(t.dataSource);
    const second = await commit(admin, preview.body.previewId);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('IMPORT_PREVIEW_COMMITTED');
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('commits all or nothing: a failure after the sheets were written leaves nothing, and the preview can be committed again', async () => {
    const preview = await previewDataset(admin, regionDataset('回滚县'));
    const before = await tableCounts(t.dataSource);
    const spy = jest.spyOn(t.app.get(AuditService), 'record').mockRejectedValueOnce(new Error('disk full (simulated)'));
    const failed = await commit(admin, preview.body.previewId);
    spy.mockRestore();
    expect(failed.status).toBe(500);
    expect(await tableCounts(t.dataSource)).toEqual(before);
    const retried = await commit(admin, preview.body.previewId);
    expect(retried.status).toBe(201);
    expect(retried.body.createdCount).toBe(5);
  });

  it('commits all or nothing: a unit the file gives another code refuses the whole commit (409), nothing written', async () => {
    const hanyin = readDataset('hanyin-2024.json');
    const clash = { ...hanyin, fiscalYear: 2026, units: [{ code: 'X-962001', name: '汉阴县医疗保障局本级' }],
      projects: (hanyin['projects'] as Record<string, unknown>[]).map((p) => ({ ...p, unitCode: 'X-962001' })) };
    const preview = await previewDataset(admin, clash);
    expect(preview.body.committable).toBe(true);
    const before = await tableCounts(t.dataSource);
    const res = await commit(admin, preview.body.previewId);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ORGANIZATION_CODE_TAKEN');
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('shows the money rules’ refusals and format errors in the preview, and refuses to commit it (422), writing nothing', async () => {
    const dataset = regionDataset('错误县');
    const projects = dataset['projects'] as Record<string, unknown>[];
    projects[1] = { ...projects[1], amount: { total: '100.00', fiscal: '60.00', other: '50.00' } };
    const preview = await previewDataset(admin, dataset);
    expect(preview.status).toBe(201);
    expect(preview.body.committable).toBe(false);
    expect(preview.body.blockers).toEqual([expect.objectContaining({ code: 'MONEY_RULES', dataset: 0, errors: [expect.objectContaining({ path: 'projects[1].amount' })] })]);
    const broken = await previewDataset(admin, { ...regionDataset('错误县'), fiscalYear: '2024' });
    expect(broken.body.blockers[0]).toMatchObject({ code: 'FORMAT_ERRORS', errors: [expect.objectContaining({ path: 'fiscalYear', code: 'TYPE' })] });
    expect(broken.body.datasets[0].sheets).toEqual([]);
    const before = await tableCounts(t.dataSource);
    for (const id of [preview.body.previewId, broken.body.previewId]) {
      const res = await commit(admin, id);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('IMPORT_PREVIEW_HAS_ERRORS');
      expect(res.body.message).toMatch(/^预览中有错误，不能导入/);
    }
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  describe('bad input: a 4xx with a stable code and a Chinese message, nothing written', () => {
    let before: Record<string, number>;
    beforeEach(async () => {
      before = await tableCounts(t.dataSource);
    });
    afterEach(async () => {
      const { audit_events: _a, ...after } = await tableCounts(t.dataSource);
      const { audit_events: _b, ...expected } = before;
      expect(after).toEqual(expected);
    });

    it('no file', async () => {
      const res = await t.http.post('/api/imports/datasets/preview').set(bearer(admin)).field('fiscalYear', '2024');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'IMPORT_FILE_MISSING', message: expect.stringContaining('请选择要导入的文件') });
    });

    it('a file under another field name', async () => {
      const res = await t.http.post('/api/imports/datasets/preview').set(bearer(admin)).attach('upload', asFile(regionDataset('别名县')), 'd.json');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IMPORT_FILE_MISSING');
    });

    it('an empty file', async () => {
      const res = await t.http.post('/api/imports/datasets/preview').set(bearer(admin)).attach('file', Buffer.alloc(0), { filename: 'd.json', contentType: 'application/json' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IMPORT_FILE_MISSING');
    });

    it('a JSON body where a file is expected', async () => {
      const res = await t.http.post('/api/imports/target-sheets/preview').set(bearer(admin)).send(regionDataset('错型县'));
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ code: 'IMPORT_FILE_TYPE', message: expect.stringContaining('multipart/form-data') });
    });

    it('a file of the wrong type (an image sent as the workbook, a workbook sent as the dataset)', async () => {
      const png = await t.http.post('/api/imports/target-sheets/preview').set(bearer(admin))
        .attach('file', Buffer.from([0x89, 0x50, 0x4e, 0x47]), { filename: 'photo.png', contentType: 'image/png' });
      expect(png.status).toBe(415);
      expect(png.body).toMatchObject({ code: 'IMPORT_FILE_TYPE', message: expect.stringContaining('photo.png') });
      const xlsx = await previewDataset(admin, 'PK\u0003\u0004', { filename: 'a.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      expect(xlsx.status).toBe(415);
    });

    it('a JSON file that is not a dataset, and a file that is not JSON', async () => {
      const other = await previewDataset(admin, { format: 'something/else', rows: [] });
      expect(other.status).toBe(415);
      expect(other.body.code).toBe('IMPORT_FILE_TYPE');
      const garbage = await previewDataset(admin, '{"format": "jixiao.dataset/v1",');
      expect(garbage.status).toBe(400);
      expect(garbage.body).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: expect.stringContaining('不是合法的 JSON') });
    });

    it('a file over 20 MB (413), and a 50 MB upload refused before it is read', async () => {
      const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
      const res = await t.http.post('/api/imports/datasets/preview').set(bearer(admin)).attach('file', big, { filename: 'big.json', contentType: 'application/json' });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', message: '文件过大：不能超过 20 MB' });
      const huge = await t.http.post('/api/imports/target-sheets/preview').set(bearer(admin))
        .attach('file', Buffer.alloc(50 * 1024 * 1024, 0x41), { filename: 'huge.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('IMPORT_FILE_TOO_LARGE');
    });

    it('a 50 MB upload is answered 413 from its headers, before its body is sent', async () => {
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1', port, method: 'POST', path: '/api/imports/target-sheets/preview',
          headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'multipart/form-data; boundary=b', 'Content-Length': String(50 * 1024 * 1024) },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body });
            req.destroy();
          });
        });
        req.on('error', reject);
        req.write('--b\r\nContent-Disposition: form-data; name="file"; filename="huge.xlsx"\r\n\r\n'); // and nothing more: the answer comes anyway
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE' });
    });

    it('pasted text: empty, too long, or not a string', async () => {
      for (const body of [{ text: '' }, { text: 'x'.repeat(1_000_001) }, { text: 42 }, {}]) {
        const res = await t.http.post('/api/imports/disclosure-text/preview').set(bearer(admin)).send(body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('an unknown preview id, a malformed one, one of another route', async () => {
      const unknown = await commit(admin, '00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ code: 'IMPORT_PREVIEW_NOT_FOUND', message: expect.stringContaining('找不到该导入预览') });
      const malformed = await commit(admin, 'not-a-uuid');
      expect(malformed.status).toBe(400);
      const preview = await previewDataset(admin, regionDataset('路由县'));
      const wrongRoute = await commit(admin, preview.body.previewId, 'target-sheets');
      expect(wrongRoute.status).toBe(404);
      expect(wrongRoute.body.code).toBe('IMPORT_PREVIEW_NOT_FOUND');
    });

    it('an expired preview (410)', async () => {
      const preview = await previewDataset(admin, regionDataset('过期县'));
      await t.dataSource.query(`UPDATE import_previews SET expires_at = now() - interval '1 minute' WHERE id = $1`, [preview.body.previewId]);
      const res = await commit(admin, preview.body.previewId);
      expect(res.status).toBe(410);
      expect(res.body).toMatchObject({ code: 'IMPORT_PREVIEW_EXPIRED', message: expect.stringContaining('已过期') });
    });

    it('another user’s preview (404, as if unknown)', async () => {
      const finance = await t.login('hanyin.finance');
      const preview = await previewDataset(finance, regionDataset('汉阴县', { department: { code: null, name: '汉阴县别人局' } }));
      expect(preview.body.committable).toBe(true);
      const res = await commit(admin, preview.body.previewId);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('IMPORT_PREVIEW_NOT_FOUND');
    });
  });

  describe('permissions: administrators, finance reviewers in their region, department reviewers in their department', () => {
    it.each(['hanyin.editor', 'hanyin.viewer', 'hanyin.admin'])('forbids %s to preview or commit (403)', async (username) => {
      const token = await t.login(username);
      const preview = await previewDataset(token, regionDataset('汉阴县'));
      expect(preview.status).toBe(403);
      expect(preview.body.code).toBe('ROLE_FORBIDDEN');
      const text = await t.http.post('/api/imports/disclosure-text/preview').set(bearer(token)).send({ text: '项目支出绩效目标表' });
      expect(text.status).toBe(403);
      expect((await commit(token, '00000000-0000-4000-8000-000000000000')).status).toBe(403);
    });

    it('lets a finance reviewer preview another region’s file but not import it', async () => {
      const finance = await t.login('shenmu.finance');
      const preview = await previewDataset(finance, regionDataset('汉阴县', { department: { code: null, name: '汉阴县他人局' } }));
      expect(preview.status).toBe(201);
      expect(preview.body.committable).toBe(false);
      expect(preview.body.datasets[0].mayImport).toBe(false);
      expect(preview.body.blockers).toEqual([expect.objectContaining({ code: 'NO_IMPORT_RIGHT', message: expect.stringContaining('汉阴县') })]);
      const before = await tableCounts(t.dataSource);
      const res = await commit(finance, preview.body.previewId);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('IMPORT_PREVIEW_HAS_ERRORS');
      expect(await tableCounts(t.dataSource)).toEqual(before);
    });

    it('lets a department reviewer import into its own department only, beside the sheets it already holds', async () => {
      const reviewer = await t.login('hanyin.reviewer');
      const other = await previewDataset(reviewer, regionDataset('汉阴县', { department: { code: null, name: '汉阴县别人局' } }));
      expect(other.status).toBe(201);
      expect(other.body.datasets[0].mayImport).toBe(false);
      expect(other.body.blockers).toEqual([expect.objectContaining({ code: 'NO_IMPORT_RIGHT', message: expect.stringContaining('只能导入本部门') })]);
      const elsewhere = await previewDataset(reviewer, regionDataset('神木市', { department: { code: null, name: '汉阴县医疗保障局' } }));
      expect(elsewhere.body.datasets[0].mayImport).toBe(false);
      const before = await tableCounts(t.dataSource);
      expect((await commit(reviewer, other.body.previewId)).body.code).toBe('IMPORT_PREVIEW_HAS_ERRORS');
      expect(await tableCounts(t.dataSource)).toEqual(before);

      const own = readDataset('hanyin-2024.json');
      const projects = own['projects'] as Record<string, unknown>[];
      const added = { ...projects[0], name: `${String(projects[0]!['name'])}（部门导入）`, code: null };
      const preview = await previewDataset(reviewer, { ...own, projects: [...projects, added] });
      expect(preview.body).toMatchObject({ committable: true, blockers: [] });
      const [dataset] = preview.body.datasets;
      expect(dataset.mayImport).toBe(true);
      expect(dataset.department.id).toEqual(expect.any(String));
      expect(dataset.sheets.map((s: { exists: boolean }) => s.exists)).toEqual([true, true, true, true, true, false]);
      const res = await commit(reviewer, preview.body.previewId);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ createdCount: 1, existingCount: 5 });
      expect(res.body.datasets[0].departmentId).toBe(dataset.department.id);
    });

    it('lets a finance reviewer import into its own region', async () => {
      const finance = await t.login('hanyin.finance');
      const preview = await previewDataset(finance, regionDataset('汉阴县', { department: { code: null, name: '汉阴县自己局' } }));
      const res = await commit(finance, preview.body.previewId);
      expect(res.status).toBe(201);
      expect(res.body.createdCount).toBe(5);
    });
  });

  it('describes the endpoints in OpenAPI, the uploads as multipart with a binary file', async () => {
    const doc = (await t.http.get('/api/docs-json')).body;
    for (const route of ['target-sheets', 'datasets']) {
      const op = doc.paths[`/api/imports/${route}/preview`].post;
      expect(op.requestBody.content['multipart/form-data'].schema.properties.file).toEqual(expect.objectContaining({ type: 'string', format: 'binary' }));
      expect(doc.paths[`/api/imports/${route}`].post.requestBody.content['application/json']).toBeDefined();
    }
    expect(doc.paths['/api/imports/disclosure-text/preview'].post.operationId).toBe('previewDisclosureTextImport');
    expect(doc.paths['/api/imports/disclosure-text'].post.operationId).toBe('commitDisclosureTextImport');
  });
});
