import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

/**
 * Every endpoint of the OpenAPI document, called by every role of one department (汉阴) and by users of
 * other regions, against 汉阴's data. Insiders get what their role allows; outsiders get 403/404 and no
 * list ever carries 汉阴's data to them. A new endpoint fails this test until it is added to ROUTES.
 */
const INSIDERS = ['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'admin'] as const;
const OUTSIDERS = ['shenmu.editor', 'shenmu.reviewer', 'shenmu.viewer', 'shenmu.finance', 'xuchang.finance'] as const;
type Insider = (typeof INSIDERS)[number];

interface Ids { departmentId: string; unitId: string; sheetId: string; departmentSheetId: string; jobId: string; approvedSheetId: string; indicatorId: string }
interface Call { method: 'get' | 'put' | 'post'; url: (ids: Ids) => string; query?: (ids: Ids) => Record<string, unknown>; body?: (ids: Ids, t: TestApp, token: string) => Promise<unknown> | unknown }

const BAD_DATASET = { format: 'jixiao.dataset/v1', fiscalYear: 2024, source: null, region: '汉阴县', department: { code: null, name: '' }, units: [], departmentSheet: null, projects: [] };

const ROUTES: Record<string, { call: Call; expect: Record<Insider, number> }> = {
  'get /api/auth/me': { call: { method: 'get', url: () => '/api/auth/me' }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/fiscal-years': { call: { method: 'get', url: () => '/api/fiscal-years' }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/departments': { call: { method: 'get', url: () => '/api/departments', query: () => ({ fiscalYear: 2024 }) }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/projects': { call: { method: 'get', url: () => '/api/projects', query: (i) => ({ fiscalYear: 2024, departmentId: i.departmentId }) }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/target-sheets/{id}': { call: { method: 'get', url: (i) => `/api/target-sheets/${i.sheetId}` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/target-sheets/{id}/audit': { call: { method: 'get', url: (i) => `/api/target-sheets/${i.sheetId}/audit` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/target-sheets/{id}/diff': { call: { method: 'get', url: (i) => `/api/target-sheets/${i.sheetId}/diff` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'post /api/projects': {
    call: { method: 'post', url: () => '/api/projects', body: (i) => ({ fiscalYear: 2024, unitId: i.unitId, name: '矩阵测试项目', amount: { total: '1000.00', fiscal: '1000.00', other: '0.00' } }) },
    expect: { 'hanyin.editor': 201, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 201 },
  },
  'put /api/target-sheets/{id}': {
    // a save of the sheet as it is: allowed to its editors only
    call: {
      method: 'put', url: (i) => `/api/target-sheets/${i.sheetId}`,
      body: async (i, t, token) => {
        const s = (await t.http.get(`/api/target-sheets/${i.sheetId}`).set('Authorization', `Bearer ${token}`)).body;
        const fallback = (await t.dataSource.query(`SELECT row_version FROM target_sheets WHERE id = $1`, [i.sheetId]))[0].row_version;
        return {
          rowVersion: s.rowVersion ?? fallback, goals: s.goals ?? [], spendingPlan: s.spendingPlan ?? [],
          indicators: (s.indicators ?? []).map((x: Record<string, unknown>) => ({ id: x['id'], level1: x['level1'], level2: x['level2'], name: x['name'], target: x['target'] })),
        };
      },
    },
    expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 200 },
  },
  'post /api/target-sheets/{id}/transitions': {
    // department approval of a draft: the status forbids it for everybody who may act at all
    call: { method: 'post', url: (i) => `/api/target-sheets/${i.sheetId}/transitions`, body: () => ({ action: 'department_approve', rowVersion: 1 }) },
    expect: { 'hanyin.editor': 409, 'hanyin.reviewer': 409, 'hanyin.viewer': 403, 'hanyin.finance': 409, admin: 409 },
  },
  'post /api/datasets/import': { call: { method: 'post', url: () => '/api/datasets/import', body: () => BAD_DATASET }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 400, admin: 400 } },
  'post /api/datasets/import-jobs': { call: { method: 'post', url: () => '/api/datasets/import-jobs', body: () => BAD_DATASET }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 202, admin: 202 } },
  'get /api/datasets/export': { call: { method: 'get', url: () => '/api/datasets/export', query: (i) => ({ departmentId: i.departmentId, fiscalYear: 2024 }) }, expect: { 'hanyin.editor': 404, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  // 执行监控 and 自评, on an approved and evaluated sheet
  'get /api/target-sheets/{id}/execution': { call: { method: 'get', url: (i) => `/api/target-sheets/${i.approvedSheetId}/execution` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'put /api/target-sheets/{id}/expenditures': {
    call: { method: 'put', url: (i) => `/api/target-sheets/${i.approvedSheetId}/expenditures`, body: () => ({ expenditures: [{ month: 1, amount: '10.00' }] }) },
    expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 200 },
  },
  'put /api/target-sheets/{id}/actuals/{period}': {
    call: { method: 'put', url: (i) => `/api/target-sheets/${i.approvedSheetId}/actuals/M7`, body: () => ({ actuals: [] }) },
    expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 200 },
  },
  'post /api/target-sheets/{id}/evaluation': { call: { method: 'post', url: (i) => `/api/target-sheets/${i.approvedSheetId}/evaluation` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 403, 'hanyin.finance': 200, admin: 200 } },
  'get /api/target-sheets/{id}/evaluation': { call: { method: 'get', url: (i) => `/api/target-sheets/${i.approvedSheetId}/evaluation` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'put /api/target-sheets/{id}/evaluation/overrides/{indicatorId}': {
    call: { method: 'put', url: (i) => `/api/target-sheets/${i.approvedSheetId}/evaluation/overrides/${i.indicatorId}`, body: () => ({ score: null }) },
    expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 200, 'hanyin.viewer': 403, 'hanyin.finance': 200, admin: 200 },
  },
  'post /api/evaluation-runs': {
    call: { method: 'post', url: () => '/api/evaluation-runs', body: (i) => ({ fiscalYear: 2024, organizationId: i.departmentId }) },
    expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 202, 'hanyin.viewer': 403, 'hanyin.finance': 202, admin: 202 },
  },
  'get /api/monitoring': { call: { method: 'get', url: () => '/api/monitoring', query: () => ({ fiscalYear: 2024, period: 'M7' }) }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/overview': { call: { method: 'get', url: () => '/api/overview', query: () => ({ fiscalYear: 2024 }) }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  // 自评表 and 自评报告 downloads
  'get /api/target-sheets/{id}/self-assessment.xlsx': { call: { method: 'get', url: (i) => `/api/target-sheets/${i.approvedSheetId}/self-assessment.xlsx` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/target-sheets/{id}/self-assessment.pdf': { call: { method: 'get', url: (i) => `/api/target-sheets/${i.approvedSheetId}/self-assessment.pdf` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/departments/{id}/self-assessment-report.docx': {
    // a department's report: its unit's editor does not see the department (404, as the dataset export)
    call: { method: 'get', url: (i) => `/api/departments/${i.departmentId}/self-assessment-report.docx`, query: () => ({ fiscalYear: 2024 }) },
    expect: { 'hanyin.editor': 404, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 },
  },
  // 待我处理: every role may ask; each gets what waits for it in its own subtree (a viewer: nothing)
  'get /api/inbox': { call: { method: 'get', url: () => '/api/inbox', query: () => ({ fiscalYear: 2024 }) }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/inbox/count': { call: { method: 'get', url: () => '/api/inbox/count' }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/jobs/{id}': { call: { method: 'get', url: (i) => `/api/jobs/${i.jobId}` }, expect: { 'hanyin.editor': 404, 'hanyin.reviewer': 404, 'hanyin.viewer': 404, 'hanyin.finance': 200, admin: 200 } },
};

describe('access matrix: every endpoint × every role, and no leaks across departments', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let ids: Ids;

  const send = async (call: Call, user: string) => {
    const token = tokens[user];
    let req = t.http[call.method](call.url(ids)).set('Authorization', `Bearer ${token}`);
    if (call.query) req = req.query(call.query(ids));
    if (call.body) req = req.send((await call.body(ids, t, token)) as object);
    return req;
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of [...INSIDERS, ...OUTSIDERS]) tokens[user] = await t.login(user);
    const [dept] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'department' AND name = '汉阴县医疗保障局'`);
    const [unit] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'unit' AND parent_id = $1`, [dept.id]);
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set('Authorization', `Bearer ${tokens['hanyin.editor']}`);
    const departments = await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set('Authorization', `Bearer ${tokens['hanyin.reviewer']}`);
    const job = await t.http.post('/api/datasets/import-jobs').set('Authorization', `Bearer ${tokens['hanyin.finance']}`).send({ ...BAD_DATASET, source: 'matrix' });
    // A second project approved and evaluated, for the monitoring and evaluation routes.
    const approvedSheetId = projects.body[1].sheet.id;
    for (const [user, action] of [['hanyin.editor', 'submit'], ['hanyin.reviewer', 'department_approve'], ['hanyin.finance', 'approve']]) {
      const current = (await t.http.get(`/api/target-sheets/${approvedSheetId}`).set('Authorization', `Bearer ${tokens[user]}`)).body;
      await t.http.post(`/api/target-sheets/${approvedSheetId}/transitions`).set('Authorization', `Bearer ${tokens[user]}`).send(transitionBody(current, action)).expect(200);
    }
    const evaluated = await t.http.post(`/api/target-sheets/${approvedSheetId}/evaluation`).set('Authorization', `Bearer ${tokens['hanyin.editor']}`).expect(200);
    ids = {
      departmentId: dept.id, unitId: unit.id, sheetId: projects.body[0].sheet.id, departmentSheetId: departments.body[0].sheet.id, jobId: job.body.jobId,
      approvedSheetId, indicatorId: evaluated.body.indicators[0].indicatorId,
    };
  });
  afterAll(async () => t?.close());

  it('covers every route of the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)).filter((r) => r !== 'post /api/auth/login');
    expect(routes.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(Object.keys(ROUTES))('%s answers each role of the department as its role allows', async (route) => {
    const { call, expect: expected } = ROUTES[route];
    const actual: Record<string, number> = {};
    for (const user of INSIDERS) actual[user] = (await send(call, user)).status;
    expect(actual).toEqual(expected);
  });

  it.each(Object.keys(ROUTES))('%s gives users of other regions nothing of 汉阴', async (route) => {
    const { call } = ROUTES[route];
    for (const user of OUTSIDERS) {
      const res = await send(call, user);
      const text = JSON.stringify(res.body ?? '') + (res.text ?? '');
      if (res.status >= 200 && res.status < 300) {
        // only the caller's own identity or its own (empty) lists may come back
        expect({ user, route, leaks: /汉阴/.test(text) || text.includes(ids.sheetId) || text.includes(ids.departmentId) }).toEqual({ user, route, leaks: false });
      } else {
        expect({ user, route, status: [400, 403, 404].includes(res.status) }).toEqual({ user, route, status: true });
        expect(text).not.toContain('医保重点工作经费');
      }
    }
  });
});
