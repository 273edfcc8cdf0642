import { startTestApp, tableCounts, TestApp } from '../support/test-app';

describe('creating a project', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let hanyinUnit: string;
  let shenmuUnit: string;
  const project = (over: Record<string, unknown> = {}) => ({
    fiscalYear: 2024, unitId: hanyinUnit, name: '医保基金监管专项', code: 'HY-2024-09', category: '特定目标类',
    amount: { total: '120000.00', fiscal: '100000.00', other: '20000.00' }, purpose: '开展定点医药机构专项检查', ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['hanyin.editor', 'hanyin.viewer', 'shenmu.editor', 'admin']) tokens[user] = await t.login(user);
    [{ id: hanyinUnit }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'unit' AND code = '962001'`);
    [{ id: shenmuUnit }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'unit' AND code = '404001'`);
  });
  afterAll(async () => t?.close());

  it('creates the project with an empty draft sheet that its unit can then fill', async () => {
    const res = await t.http.post('/api/projects').set(as('hanyin.editor')).send(project());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'project', status: 'draft', version: 1, rowVersion: 1, goals: [], indicators: [], spendingPlan: [],
      project: { name: '医保基金监管专项', code: 'HY-2024-09', category: '特定目标类', amount: { total: '120000.00', fiscal: '100000.00', other: '20000.00' }, unit: { code: '962001' } },
    });
    expect(res.body.findings.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['MISSING_LEVEL1', 'MISSING_COST']));
    const listed = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.viewer'));
    expect(listed.body.map((p: { name: string }) => p.name)).toContain('医保基金监管专项');
    const save = await t.http.put(`/api/target-sheets/${res.body.id}`).set(as('hanyin.editor')).send({
      rowVersion: 1, goals: ['查处违规使用医保基金行为'], spendingPlan: [{ month: 12, cumulativeAmount: '120000.00' }],
      indicators: [{ level1: '产出指标', level2: '数量指标', name: '检查定点医药机构数量', target: '≥60 家' }],
    });
    expect(save.status).toBe(200);
    expect(save.body.indicators[0].spec).toEqual({ kind: 'numeric', op: '>=', value: 60, unit: '家' });
  });

  it.each([
    ['an amount in 万元', () => project({ amount: { total: '12', fiscal: null, other: null } }), 400, 'VALIDATION_FAILED', 'amount.total'],
    ['parts that do not add up', () => project({ amount: { total: '120000.00', fiscal: '100000.00', other: '10000.00' } }), 400, 'VALIDATION_FAILED', '之和不等于资金总额'],
    ['no name', () => project({ name: '' }), 400, 'VALIDATION_FAILED', '项目名称'],
    ['another region’s unit', () => project({ unitId: shenmuUnit }), 404, 'UNIT_NOT_FOUND', '找不到该单位'],
  ])('refuses %s, writing nothing', async (_label, body, status, code, says) => {
    const before = await tableCounts(t.dataSource);
    const res = await t.http.post('/api/projects').set(as('hanyin.editor')).send(body());
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.message).toContain(says);
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('is not for viewers', async () => {
    const res = await t.http.post('/api/projects').set(as('hanyin.viewer')).send(project());
    expect(res.status).toBe(403);
  });
});
