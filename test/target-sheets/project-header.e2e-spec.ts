import { transitionBody } from '../support/acknowledgements';
import { startTestApp, TestApp } from '../support/test-app';

interface Project { id: string; name: string; code: string | null; unit: { id: string; name: string }; sheet: { id: string } }

describe('a draft project’s header (修改项目信息), deleting a draft (删除草稿), unique project codes', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let projects: Project[];
  const count = async (table: string, where = 'true') => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n);
  const sheet = async (id: string, user = 'xuchang.editor') => (await t.http.get(`/api/target-sheets/${id}`).set(as(user))).body;
  const patch = async (project: Project, body: Record<string, unknown>, user = 'xuchang.editor') =>
    t.http.patch(`/api/projects/${project.id}`).set(as(user)).send({ rowVersion: (await sheet(project.sheet.id)).rowVersion, ...body });
  const act = async (sheetId: string, user: string, action: string, comment?: string) => {
    const current = await sheet(sheetId, user);
    const res = await t.http.post(`/api/target-sheets/${sheetId}/transitions`).set(as(user)).send(transitionBody(current, action, comment));
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['admin', 'xuchang.editor', 'xuchang.reviewer', 'xuchang.finance', 'xuchang.viewer', 'hanyin.editor']) tokens[user] = await t.login(user);
    projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('xuchang.editor'))).body;
  });
  afterAll(async () => t?.close());

  describe('修改项目信息', () => {
    it('changes name, code, category, amounts and purpose of a draft, audited, as a save of the sheet', async () => {
      const project = projects[0]!;
      const before = await sheet(project.sheet.id);
      const res = await patch(project, {
        name: '  城乡居民医保补助（代扣大病保险）  ', code: 'XC-2024-001', category: '特定目标类',
        amount: { total: '116270000.00', fiscal: '116000000.00', other: '270000.00' }, purpose: '代扣大病保险部分',
      });
      expect(res.status).toBe(200);
      expect(res.body.rowVersion).toBe(before.rowVersion + 1);
      expect(res.body.project).toMatchObject({
        name: '城乡居民医保补助（代扣大病保险）', code: 'XC-2024-001', category: '特定目标类', purpose: '代扣大病保险部分',
        amount: { total: '116270000.00', fiscal: '116000000.00', other: '270000.00' },
      });
      const [event] = await t.dataSource.query(`SELECT sheet_id, before, after FROM audit_events WHERE action = 'project.update'`);
      expect(event).toMatchObject({ sheet_id: project.sheet.id, before: { name: project.name, code: project.code }, after: { code: 'XC-2024-001', amountFiscal: '116000000.00' } });
      const audit = (await t.http.get(`/api/target-sheets/${project.sheet.id}/audit`).set(as('xuchang.editor'))).body;
      expect(audit[0]).toMatchObject({ action: 'project.update', actor: { username: 'xuchang.editor' } });
      // absent fields stay
      const renamed = await patch(project, { name: '代扣大病保险部分' });
      expect(renamed.body.project).toMatchObject({ name: '代扣大病保险部分', code: 'XC-2024-001', purpose: '代扣大病保险部分' });
    });

    it('refuses amounts that do not add up, a stale rowVersion, and a code the unit uses already — writing nothing', async () => {
      const project = projects[1]!;
      const parts = await patch(project, { amount: { total: '100.00', fiscal: '60.00', other: '30.00' } });
      expect({ status: parts.status, code: parts.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(parts.body.message).toMatch(/^资金：/);
      const stale = await t.http.patch(`/api/projects/${project.id}`).set(as('xuchang.editor')).send({ rowVersion: 99, name: 'x' });
      expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'SHEET_VERSION_CONFLICT' });
      const clash = await patch(project, { code: 'XC-2024-001' });
      expect({ status: clash.status, code: clash.body.code, message: clash.body.message }).toEqual({
        status: 409, code: 'PROJECT_CODE_TAKEN',
        message: `项目编码「XC-2024-001」已被${project.unit.name} 2024 年度的项目「代扣大病保险部分」使用，同一单位同一年度的项目编码不能重复`,
      });
      expect((await sheet(project.sheet.id)).project).toMatchObject({ name: project.name, code: project.code });
      expect(await count('audit_events', `action = 'project.update'`)).toBe(2);
    });

    it('refuses a new project with a code its unit uses in that year, but not in another unit', async () => {
      const unit = projects[0]!.unit;
      const body = { fiscalYear: 2024, unitId: unit.id, name: '同编码的新项目', code: 'XC-2024-001', amount: { total: '1000.00' } };
      const before = await count('projects');
      const res = await t.http.post('/api/projects').set(as('xuchang.editor')).send(body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'PROJECT_CODE_TAKEN' });
      expect(await count('projects')).toBe(before);
      const all: Project[] = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('xuchang.finance'))).body;
      const otherUnit = all.find((p) => p.unit.id !== unit.id)!.unit;
      expect((await t.http.post('/api/projects').set(as('admin')).send({ ...body, unitId: otherUnit.id })).status).toBe(201);
    });

    it('refuses a new project in a year that was not opened', async () => {
      const res = await t.http.post('/api/projects').set(as('xuchang.editor')).send({ fiscalYear: 2027, unitId: projects[0]!.unit.id, name: '明年的项目', amount: { total: '1000.00' } });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'FISCAL_YEAR_NOT_OPEN' });
    });

    it('is the unit editor’s (or the admin’s), inside the caller’s subtree', async () => {
      for (const user of ['xuchang.reviewer', 'xuchang.finance', 'xuchang.viewer']) expect((await patch(projects[2]!, { name: '改名' }, user)).status).toBe(403);
      const outside = await patch(projects[2]!, { name: '改名' }, 'hanyin.editor');
      expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 404, code: 'PROJECT_NOT_FOUND' });
      expect((await patch(projects[2]!, { purpose: '管理员补充的用途' }, 'admin')).status).toBe(200);
    });

    it('is refused once the sheet is under review, and allowed again when it is returned', async () => {
      const project = projects[3]!;
      await act(project.sheet.id, 'xuchang.editor', 'submit');
      const locked = await patch(project, { name: '提交后改名' });
      expect({ status: locked.status, code: locked.body.code, message: locked.body.message }).toEqual({
        status: 409, code: 'SHEET_LOCKED', message: '目标表当前为「已提交」，不能修改项目信息；项目信息只能在首次提交审核前或被退回后修改',
      });
      await act(project.sheet.id, 'xuchang.reviewer', 'return', '请补充资金用途');
      expect((await patch(project, { purpose: '补充后的资金用途' })).status).toBe(200);
    });
  });

  describe('删除草稿', () => {
    it('deletes a never-submitted draft with everything of it, in one transaction, audited', async () => {
      const created = (await t.http.post('/api/projects').set(as('xuchang.editor')).send({ fiscalYear: 2024, unitId: projects[0]!.unit.id, name: '建错了的项目', amount: { total: '5000.00' } })).body;
      const saved = await t.http.put(`/api/target-sheets/${created.id}`).set(as('xuchang.editor')).send({
        rowVersion: created.rowVersion, goals: ['目标'], indicators: [{ level1: '产出指标', level2: '数量指标', name: '场次', target: '≥2场' }],
        spendingPlan: [{ month: 12, cumulativeAmount: '5000.00' }],
      });
      expect(saved.status).toBe(200);
      const res = await t.http.delete(`/api/projects/${created.project.id}`).set(as('xuchang.editor'));
      expect(res.status).toBe(204);
      expect(await count('projects', `id = '${created.project.id}'`)).toBe(0);
      expect(await count('target_sheets', `id = '${created.id}'`)).toBe(0);
      expect(await count('indicators', `sheet_id = '${created.id}'`)).toBe(0);
      expect(await count('spending_plan_points', `sheet_id = '${created.id}'`)).toBe(0);
      const [event] = await t.dataSource.query(`SELECT entity_id, before FROM audit_events WHERE action = 'project.delete'`);
      expect(event).toMatchObject({ entity_id: created.project.id, before: { name: '建错了的项目', sheetId: created.id, sheet: { goals: ['目标'] } } });
      expect(await count('audit_events', `action = 'project.create' AND entity_id = '${created.project.id}'`)).toBe(1); // the history stays
      expect((await t.http.get(`/api/target-sheets/${created.id}`).set(as('xuchang.editor'))).status).toBe(404);
    });

    it('refuses a project that was submitted (now returned) or approved, with the reason, deleting nothing', async () => {
      const returned = projects[3]!;
      const before = [await count('projects'), await count('target_sheets'), await count('indicators')];
      const res = await t.http.delete(`/api/projects/${returned.id}`).set(as('xuchang.editor'));
      expect({ status: res.status, code: res.body.code, message: res.body.message }).toEqual({
        status: 409, code: 'PROJECT_NOT_DELETABLE',
        message: `项目「${returned.name}」的目标表已提交过审核（当前为「已退回」），不能删除；只有从未提交的草稿可以删除，审核记录须保留`,
      });
      const approved = projects[4]!;
      await act(approved.sheet.id, 'xuchang.editor', 'submit');
      await act(approved.sheet.id, 'xuchang.reviewer', 'department_approve');
      await act(approved.sheet.id, 'xuchang.finance', 'approve');
      expect((await t.http.delete(`/api/projects/${approved.id}`).set(as('admin'))).body.code).toBe('PROJECT_NOT_DELETABLE');
      expect([await count('projects'), await count('target_sheets'), await count('indicators')]).toEqual(before);
      expect((await t.http.delete(`/api/projects/${approved.id}`).set(as('xuchang.reviewer'))).status).toBe(403);
      expect((await t.http.delete(`/api/projects/${approved.id}`).set(as('hanyin.editor'))).body.code).toBe('PROJECT_NOT_FOUND');
    });
  });
});
