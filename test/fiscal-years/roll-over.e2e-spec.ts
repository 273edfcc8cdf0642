import { transitionBody } from '../support/acknowledgements';
import { startTestApp, TestApp } from '../support/test-app';

const PROJECT = '医保重点工作经费'; // 汉阴: 9 indicators, the first `>27万人`

interface Indicator { id: string; name: string; target: string; spec: { kind: string }; previousYear?: { indicatorId: string; fiscalYear: number; target: string; actual: string | null; actualPeriod: string | null } | null }

describe('结转: a unit starts next year’s sheet from last year’s', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let sheetId: string;
  let indicators: Indicator[];
  let departmentSheetId: string;
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const rollOver = (user: string, sheet: string, fiscalYear = 2025) => t.http.post(`/api/target-sheets/${sheet}/roll-over`).set(as(user)).send({ fiscalYear });

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['admin', 'hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'shenmu.editor', 'xuchang.editor']) tokens[user] = await t.login(user);
    const projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'))).body;
    sheetId = projects.find((p: { name: string }) => p.name === PROJECT).sheet.id;
    departmentSheetId = (await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('hanyin.reviewer'))).body[0].sheet.id;
    for (const [user, action] of [['hanyin.editor', 'submit'], ['hanyin.reviewer', 'department_approve'], ['hanyin.finance', 'approve']]) {
      const current = (await t.http.get(`/api/target-sheets/${sheetId}`).set(as(user))).body;
      expect((await t.http.post(`/api/target-sheets/${sheetId}/transitions`).set(as(user)).send(transitionBody(current, action))).status).toBe(200);
    }
    indicators = (await t.http.get(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor'))).body.indicators;
    // last year's actuals: the final one of the first indicator, only 1–9月 of the satisfaction rate
    const satisfaction = indicators.find((i) => i.target === '≥90%')!;
    const record = (period: string, id: string, value: number) =>
      t.http.put(`/api/target-sheets/${sheetId}/actuals/${period}`).set(as('hanyin.editor')).send({ actuals: [{ indicatorId: id, actual: { kind: 'number', value } }] });
    expect((await record('M9', indicators[0]!.id, 26.5)).status).toBe(200);
    expect((await record('Y', indicators[0]!.id, 28)).status).toBe(200);
    expect((await record('M9', satisfaction.id, 92)).status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('refuses a year that was not opened, writing nothing', async () => {
    const before = [await count('projects'), await count('target_sheets'), await count('indicators')];
    const res = await rollOver('hanyin.editor', sheetId);
    expect({ status: res.status, code: res.body.code, message: res.body.message }).toEqual({
      status: 409, code: 'FISCAL_YEAR_NOT_OPEN', message: '2025 年度尚未开启，请系统管理员先在「预算年度与填报时间」中开启该年度',
    });
    expect([await count('projects'), await count('target_sheets'), await count('indicators')]).toEqual(before);
    expect((await t.http.post('/api/fiscal-years').set(as('admin')).send({ year: 2025 })).status).toBe(201);
  });

  it('refuses the same or an earlier year, another role, and a sheet outside the caller’s subtree', async () => {
    expect((await rollOver('hanyin.editor', sheetId, 2024)).body.message).toBe('只能结转到 2024 年以后的预算年度');
    expect((await rollOver('hanyin.reviewer', sheetId)).status).toBe(403); // a project sheet is the unit's
    expect((await rollOver('hanyin.viewer', sheetId)).status).toBe(403);
    expect((await rollOver('hanyin.finance', sheetId)).status).toBe(403);
    const outside = await rollOver('shenmu.editor', sheetId);
    expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 404, code: 'SHEET_NOT_FOUND' });
  });

  it('starts a 2025 draft of the same unit with every indicator copied and last year’s values beside it', async () => {
    const res = await rollOver('hanyin.editor', sheetId);
    expect(res.status).toBe(201);
    const sheet = res.body;
    expect(sheet).toMatchObject({
      kind: 'project', fiscalYear: 2025, status: 'draft', version: 1,
      project: { name: PROJECT, amount: { total: '410000.00', fiscal: '410000.00', other: '0.00' }, unit: { name: '汉阴县医疗保障局本级' } },
      rolledOverFrom: { sheetId, fiscalYear: 2024, name: PROJECT },
    });
    expect(sheet.project.id).not.toBe(undefined);
    expect(sheet.indicators.map((i: Indicator) => [i.name, i.target])).toEqual(indicators.map((i) => [i.name, i.target]));
    expect(sheet.indicators.map((i: Indicator) => i.previousYear?.indicatorId)).toEqual(indicators.map((i) => i.id));
    const previous = sheet.indicators.map((i: Indicator) => [i.previousYear?.target, i.previousYear?.actual, i.previousYear?.actualPeriod]);
    expect(previous[0]).toEqual(['>27万人', '28万人', 'Y']); // the final actual wins over 1–9月
    expect(previous[indicators.findIndex((i) => i.target === '≥90%')]).toEqual(['≥90%', '92%', 'M9']);
    expect(previous[1]).toEqual(['2人', null, null]);
    expect(sheet.indicators.every((i: Indicator) => i.previousYear?.fiscalYear === 2024)).toBe(true);
    // the review reads the copy as a 2025 sheet: 2023年全年 is now two years off
    expect(sheet.findings.some((f: { code: string; message: string }) => f.code === 'OTHER_YEAR' && f.message.includes('2023'))).toBe(true);
    const [event] = await t.dataSource.query(`SELECT sheet_id, before, after FROM audit_events WHERE action = 'sheet.roll_over'`);
    expect(event).toMatchObject({ sheet_id: sheet.id, before: { sheetId, fiscalYear: 2024, version: 1, status: 'approved' }, after: { fiscalYear: 2025, indicatorCount: indicators.length } });
    const years = (await t.http.get('/api/fiscal-years').set(as('hanyin.editor'))).body.map((y: { year: number; hasSheets: boolean; hasSheetsInEffect: boolean }) => [y.year, y.hasSheets, y.hasSheetsInEffect]);
    expect(years).toEqual([[2025, true, false], [2024, true, true]]); // the pages keep starting on 2024
    const listed = (await t.http.get('/api/projects').query({ fiscalYear: 2025 }).set(as('hanyin.editor'))).body;
    expect(listed.map((p: { name: string; sheet: { id: string } }) => [p.name, p.sheet.id])).toEqual([[PROJECT, sheet.id]]);
  });

  it('keeps last year’s references through an edit of the rolled-over sheet', async () => {
    const [rolled] = await t.dataSource.query(`SELECT id FROM target_sheets WHERE fiscal_year = 2025 AND kind = 'project'`);
    const sheet = (await t.http.get(`/api/target-sheets/${rolled.id}`).set(as('hanyin.editor'))).body;
    const edited = sheet.indicators.map((i: Indicator) => ({ id: i.id, level1: (i as unknown as { level1: string }).level1, level2: (i as unknown as { level2: string | null }).level2, name: i.name, target: i.target }));
    edited[0].target = '>28万人';
    edited.push({ level1: '产出指标', level2: '数量指标', name: '新增宣传场次', target: '≥12场' });
    const res = await t.http.put(`/api/target-sheets/${rolled.id}`).set(as('hanyin.editor')).send({ rowVersion: sheet.rowVersion, goals: sheet.goals, indicators: edited, spendingPlan: [] });
    expect(res.status).toBe(200);
    const first = res.body.indicators.find((i: Indicator) => i.target === '>28万人');
    expect(first.previousYear).toMatchObject({ target: '>27万人', actual: '28万人' });
    expect(res.body.indicators.find((i: Indicator) => i.name === '新增宣传场次').previousYear).toBeNull();
  });

  it('rolls a lineage over once: a second roll-over is a 409 naming the sheet it became', async () => {
    const before = await count('projects');
    const res = await rollOver('hanyin.editor', sheetId);
    expect({ status: res.status, code: res.body.code, message: res.body.message }).toEqual({
      status: 409, code: 'SHEET_ALREADY_ROLLED_OVER', message: `该目标表已结转到 2025 年度（「${PROJECT}」，草稿，第 1 版），不能重复结转`,
    });
    expect(await count('projects')).toBe(before);
  });

  it('rolls a department-wide sheet over too, with its tasks and budget, by the department', async () => {
    expect((await rollOver('hanyin.editor', departmentSheetId)).status).toBe(404); // a unit does not see it
    const res = await rollOver('hanyin.reviewer', departmentSheetId);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'department', fiscalYear: 2025, status: 'draft', budget: { total: '19966200.00', basic: '3424800.00', project: '16541400.00' } });
    expect(res.body.tasks).toHaveLength(3);
    expect(res.body.indicators.length).toBeGreaterThan(0);
    expect(res.body.indicators.every((i: Indicator) => i.previousYear?.fiscalYear === 2024 && i.previousYear.actual === null)).toBe(true);
    const again = await rollOver('hanyin.reviewer', departmentSheetId);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'SHEET_ALREADY_ROLLED_OVER' });
    const departments = (await t.http.get('/api/departments').query({ fiscalYear: 2025 }).set(as('hanyin.reviewer'))).body;
    expect(departments[0]).toMatchObject({ projectCount: 1, sheet: { id: res.body.id, status: 'draft' } });
  });

  it('refuses a roll-over whose project code the unit already uses in the target year, naming that project', async () => {
    const xuchang = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('xuchang.editor'))).body;
    const source = xuchang.find((p: { unit: { code: string } }) => p.unit.code === '507001');
    const created = await t.http.post('/api/projects').set(as('xuchang.editor')).send({
      fiscalYear: 2025, unitId: source.unit.id, name: '2025年新建的同编码项目', code: source.code, amount: { total: '1000.00' },
    });
    expect(created.status).toBe(201);
    const before = await count('projects');
    const res = await rollOver('xuchang.editor', source.sheet.id);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'PROJECT_CODE_TAKEN' });
    expect(res.body.message).toBe(`项目编码「${source.code}」已被${source.unit.name} 2025 年度的项目「2025年新建的同编码项目」使用，同一单位同一年度的项目编码不能重复`);
    expect(await count('projects')).toBe(before);
  });
});
