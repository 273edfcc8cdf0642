import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';
import { GOOD_PASSWORD, organizationId, readyUser } from '../support/accounts';

/**
 * Every endpoint of the OpenAPI document, called by every role of one department (汉阴) and by users of
 * other regions, against 汉阴's data. Insiders get what their role allows; outsiders get 403/404 and no
 * list ever carries 汉阴's data to them. A new endpoint fails this test until it is added to ROUTES.
 */
const INSIDERS = ['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'admin'] as const;
const OUTSIDERS = ['shenmu.editor', 'shenmu.reviewer', 'shenmu.viewer', 'shenmu.finance', 'xuchang.finance'] as const;
type Insider = (typeof INSIDERS)[number];
/**
 * 管理员 (bureau_admin) of 汉阴 and of 神木, created by admin before the run: administers its bureau's
 * organizations and users and reads its sheets. A route that does not name it expects what 查看者 gets.
 */
const BUREAU_ADMIN = 'hanyin.bureau-admin';
const OTHER_BUREAU_ADMIN = 'shenmu.bureau-admin';
type Expected = Record<Insider, number> & { [BUREAU_ADMIN]?: number };

interface Ids {
  departmentId: string; unitId: string; sheetId: string; departmentSheetId: string; jobId: string; approvedSheetId: string; indicatorId: string;
  bureauId: string; spareUnitId: string; spareUserId: string; doomedUnitId?: string; projectId: string; approvedProjectId: string;
  exportJobId: string; // a finished 全地区自评表导出 of 汉阴, started by hanyin.finance
}
interface Call {
  method: 'get' | 'put' | 'post' | 'patch' | 'delete';
  url: (ids: Ids) => string;
  query?: (ids: Ids) => Record<string, unknown>;
  body?: (ids: Ids, t: TestApp, token: string) => Promise<unknown> | unknown;
  /** Text fields of a multipart/form-data request (an upload route called without its file). */
  fields?: Record<string, string>;
  /** Run by admin before each call (e.g. a fresh organization to delete). */
  prepare?: (ids: Ids, t: TestApp, adminToken: string) => Promise<Partial<Ids>>;
  /** The token to call with instead of the user's own (退出 ends a session of its own, not the matrix's). */
  token?: (t: TestApp, user: string) => Promise<string>;
}
let created = 0; // unique names for what the matrix creates
const ADMINS_ONLY = (ok: number): Expected => ({ 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: ok, [BUREAU_ADMIN]: ok });

/** A reopening's last day: a month from now. */
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const BAD_DATASET = { format: 'jixiao.dataset/v1', fiscalYear: 2024, source: null, region: '汉阴县', department: { code: null, name: '' }, units: [], departmentSheet: null, projects: [] };

const ROUTES: Record<string, { call: Call; expect: Expected }> = {
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
  // 导入: an upload without its file (400), an empty text (400), a preview nobody made (404) — the dataset import's roles
  'post /api/imports/target-sheets/preview': { call: { method: 'post', url: () => '/api/imports/target-sheets/preview', fields: { fiscalYear: '2024' } }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 400, 'hanyin.viewer': 403, 'hanyin.finance': 400, admin: 400 } },
  'post /api/imports/datasets/preview': { call: { method: 'post', url: () => '/api/imports/datasets/preview', fields: { fiscalYear: '2024' } }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 400, 'hanyin.viewer': 403, 'hanyin.finance': 400, admin: 400 } },
  'post /api/imports/disclosure-text/preview': { call: { method: 'post', url: () => '/api/imports/disclosure-text/preview', body: () => ({ text: '' }) }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 400, 'hanyin.viewer': 403, 'hanyin.finance': 400, admin: 400 } },
  'post /api/imports/target-sheets': { call: { method: 'post', url: () => '/api/imports/target-sheets', body: () => ({ previewId: '00000000-0000-4000-8000-000000000000' }) }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 404, 'hanyin.viewer': 403, 'hanyin.finance': 404, admin: 404 } },
  'post /api/imports/datasets': { call: { method: 'post', url: () => '/api/imports/datasets', body: () => ({ previewId: '00000000-0000-4000-8000-000000000000' }) }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 404, 'hanyin.viewer': 403, 'hanyin.finance': 404, admin: 404 } },
  'post /api/imports/disclosure-text': { call: { method: 'post', url: () => '/api/imports/disclosure-text', body: () => ({ previewId: '00000000-0000-4000-8000-000000000000' }) }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 404, 'hanyin.viewer': 403, 'hanyin.finance': 404, admin: 404 } },
  'post /api/datasets/import': { call: { method: 'post', url: () => '/api/datasets/import', body: () => BAD_DATASET }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 400, admin: 400 } },
  'post /api/datasets/import-jobs': { call: { method: 'post', url: () => '/api/datasets/import-jobs', body: () => BAD_DATASET }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 202, admin: 202 } },
  'get /api/datasets/export': { call: { method: 'get', url: () => '/api/datasets/export', query: (i) => ({ departmentId: i.departmentId, fiscalYear: 2024 }) }, expect: { 'hanyin.editor': 404, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  // 执行监控 and 自评, on an approved and evaluated sheet
  'get /api/target-sheets/{id}/execution': { call: { method: 'get', url: (i) => `/api/target-sheets/${i.approvedSheetId}/execution` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'put /api/target-sheets/{id}/expenditures': {
    call: { method: 'put', url: (i) => `/api/target-sheets/${i.approvedSheetId}/expenditures`, body: () => ({ expenditures: [{ month: 1, amount: '10.00' }] }) },
    expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 200 },
  },
  'put /api/departments/{id}/basic-expenditures': {
    // 基本支出 of the department: its reviewer and admin record it, once the department-wide sheet is approved
    call: { method: 'put', url: (i) => `/api/departments/${i.departmentId}/basic-expenditures`, query: () => ({ fiscalYear: 2024 }), body: () => ({ expenditures: [{ month: 1, amount: '10.00' }] }) },
    expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 200, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 200 },
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
  // 绩效目标表 downloads: a sheet (everyone who sees it), the department's disclosure pack (who sees the department), the template (everyone)
  'get /api/target-sheets/{id}/target-sheet.xlsx': { call: { method: 'get', url: (i) => `/api/target-sheets/${i.sheetId}/target-sheet.xlsx` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/target-sheets/{id}/target-sheet.pdf': { call: { method: 'get', url: (i) => `/api/target-sheets/${i.sheetId}/target-sheet.pdf` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/departments/{id}/disclosure-pack.xlsx': {
    call: { method: 'get', url: (i) => `/api/departments/${i.departmentId}/disclosure-pack.xlsx`, query: () => ({ fiscalYear: 2024 }) },
    expect: { 'hanyin.editor': 404, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 },
  },
  'get /api/departments/{id}/disclosure-pack.pdf': {
    call: { method: 'get', url: (i) => `/api/departments/${i.departmentId}/disclosure-pack.pdf`, query: () => ({ fiscalYear: 2024 }) },
    expect: { 'hanyin.editor': 404, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 },
  },
  // 全地区自评表导出: finance and admins start it for their region; the zip is its starter's (and admins')
  'post /api/exports/self-assessments': {
    call: { method: 'post', url: () => '/api/exports/self-assessments', body: (i) => ({ fiscalYear: 2024, organizationId: i.bureauId, formats: ['xlsx'] }) },
    expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 202, admin: 202, [BUREAU_ADMIN]: 403 },
  },
  'get /api/exports/self-assessments/{jobId}/file': {
    call: { method: 'get', url: (i) => `/api/exports/self-assessments/${i.exportJobId}/file` },
    expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 200, admin: 200, [BUREAU_ADMIN]: 403 },
  },
  'get /api/templates/target-sheet.xlsx': { call: { method: 'get', url: () => '/api/templates/target-sheet.xlsx' }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  // 评分方案: read by everyone under the bureau, changed by its finance reviewers and admins (a save of the national preset)
  'get /api/scoring-schemes': { call: { method: 'get', url: () => '/api/scoring-schemes', query: () => ({ fiscalYear: 2024 }) }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/scoring-schemes/{bureauId}/{fiscalYear}/{kind}': { call: { method: 'get', url: (i) => `/api/scoring-schemes/${i.bureauId}/2024/project` }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'put /api/scoring-schemes/{bureauId}/{fiscalYear}/{kind}': {
    call: {
      method: 'put', url: (i) => `/api/scoring-schemes/${i.bureauId}/2024/project`,
      body: async (i, t, token) => {
        const current = (await t.http.get(`/api/scoring-schemes/${i.bureauId}/2024/project`).set('Authorization', `Bearer ${token}`)).body;
        return { baseVersion: current.current?.version ?? null, preset: 'national_project' };
      },
    },
    expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 200, admin: 200 },
  },
  // 预算年度与填报时间 (2025 is opened in beforeAll; the admin opens 2031 here)
  'post /api/fiscal-years': { call: { method: 'post', url: () => '/api/fiscal-years', body: () => ({ year: 2031 }) }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 201 } },
  'put /api/fiscal-years/{year}/windows': {
    // the windows of 2024 as they are: a change that changes nothing
    call: {
      method: 'put', url: () => '/api/fiscal-years/2024/windows',
      body: async (_i, t, token) => {
        const years = (await t.http.get('/api/fiscal-years').set('Authorization', `Bearer ${token}`)).body as { year: number; windows: { period: string; opensOn: string; closesOn: string }[] }[];
        return { windows: years.find((y) => y.year === 2024)!.windows.map(({ period, opensOn, closesOn }) => ({ period, opensOn, closesOn })) };
      },
    },
    expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 200 },
  },
  'post /api/fiscal-years/{year}/windows/{period}/reopenings': {
    call: { method: 'post', url: () => '/api/fiscal-years/2024/windows/M7/reopenings', body: (i) => ({ organizationId: i.unitId, until: inAMonth(), reason: '矩阵测试：延期补报' }) },
    expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 201, admin: 201 },
  },
  // 修改项目信息 of the draft, 删除草稿 of the approved project (refused for its status), 结转 of the draft to 2025 (once)
  'patch /api/projects/{id}': {
    call: {
      method: 'patch', url: (i) => `/api/projects/${i.projectId}`,
      body: async (i, t) => ({ rowVersion: (await t.dataSource.query(`SELECT row_version FROM target_sheets WHERE id = $1`, [i.sheetId]))[0].row_version, purpose: '矩阵测试' }),
    },
    expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 200 },
  },
  'delete /api/projects/{id}': { call: { method: 'delete', url: (i) => `/api/projects/${i.approvedProjectId}` }, expect: { 'hanyin.editor': 409, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 409 } },
  'post /api/target-sheets/{id}/roll-over': {
    call: { method: 'post', url: (i) => `/api/target-sheets/${i.sheetId}/roll-over`, body: () => ({ fiscalYear: 2025 }) },
    expect: { 'hanyin.editor': 201, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 409 },
  },
  // 待我处理: every role may ask; each gets what waits for it in its own subtree (a viewer: nothing)
  'get /api/inbox': { call: { method: 'get', url: () => '/api/inbox', query: () => ({ fiscalYear: 2024 }) }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/inbox/count': { call: { method: 'get', url: () => '/api/inbox/count' }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/jobs/{id}': { call: { method: 'get', url: (i) => `/api/jobs/${i.jobId}` }, expect: { 'hanyin.editor': 404, 'hanyin.reviewer': 404, 'hanyin.viewer': 404, 'hanyin.finance': 200, admin: 200 } },
  // operations: the health probes answer everyone (no login needed); the metrics only the 系统管理员 (or a scraper's METRICS_TOKEN, test/ops)
  'get /api/health/live': { call: { method: 'get', url: () => '/api/health/live' }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/health/ready': { call: { method: 'get', url: () => '/api/health/ready' }, expect: { 'hanyin.editor': 200, 'hanyin.reviewer': 200, 'hanyin.viewer': 200, 'hanyin.finance': 200, admin: 200 } },
  'get /api/metrics': { call: { method: 'get', url: () => '/api/metrics' }, expect: { 'hanyin.editor': 403, 'hanyin.reviewer': 403, 'hanyin.viewer': 403, 'hanyin.finance': 403, admin: 200 } },
  // 续期 is public (a malformed token: 400 before any lookup); 退出 ends the caller's own session, a fresh one here
  'post /api/auth/refresh': {
    call: { method: 'post', url: () => '/api/auth/refresh', body: () => ({ refreshToken: 'not-a-token' }) },
    expect: { 'hanyin.editor': 400, 'hanyin.reviewer': 400, 'hanyin.viewer': 400, 'hanyin.finance': 400, admin: 400, [BUREAU_ADMIN]: 400 },
  },
  'post /api/auth/logout': {
    call: { method: 'post', url: () => '/api/auth/logout', token: (t, user) => t.login(user, user.endsWith('bureau-admin') ? GOOD_PASSWORD : 'jixiao-demo') },
    expect: { 'hanyin.editor': 204, 'hanyin.reviewer': 204, 'hanyin.viewer': 204, 'hanyin.finance': 204, admin: 204, [BUREAU_ADMIN]: 204 },
  },
  // 修改密码: every role may call it (a wrong current password or a weak new one: 400)
  'post /api/auth/password': {
    call: { method: 'post', url: () => '/api/auth/password', body: () => ({ currentPassword: 'jixiao-demo', newPassword: 'short' }) },
    expect: { 'hanyin.editor': 400, 'hanyin.reviewer': 400, 'hanyin.viewer': 400, 'hanyin.finance': 400, admin: 400, [BUREAU_ADMIN]: 400 },
  },
  // 系统管理: 系统管理员 and 管理员 only, inside their subtree
  'get /api/organizations': { call: { method: 'get', url: () => '/api/organizations' }, expect: ADMINS_ONLY(200) },
  'post /api/organizations': {
    call: { method: 'post', url: () => '/api/organizations', body: (i) => ({ parentId: i.departmentId, kind: 'unit', name: `矩阵新建单位${++created}` }) },
    expect: ADMINS_ONLY(201),
  },
  'patch /api/organizations/{id}': { call: { method: 'patch', url: (i) => `/api/organizations/${i.spareUnitId}`, body: () => ({ name: '矩阵备用单位' }) }, expect: ADMINS_ONLY(200) },
  'post /api/organizations/{id}/move': { call: { method: 'post', url: (i) => `/api/organizations/${i.spareUnitId}/move`, body: (i) => ({ parentId: i.departmentId }) }, expect: ADMINS_ONLY(200) },
  'post /api/organizations/{id}/deactivate': { call: { method: 'post', url: (i) => `/api/organizations/${i.spareUnitId}/deactivate` }, expect: ADMINS_ONLY(200) },
  'post /api/organizations/{id}/activate': { call: { method: 'post', url: (i) => `/api/organizations/${i.spareUnitId}/activate` }, expect: ADMINS_ONLY(200) },
  'delete /api/organizations/{id}': {
    call: {
      method: 'delete', url: (i) => `/api/organizations/${i.doomedUnitId}`,
      prepare: async (i, t, adminToken) => {
        const res = await t.http.post('/api/organizations').set('Authorization', `Bearer ${adminToken}`).send({ parentId: i.departmentId, kind: 'unit', name: `矩阵待删单位${++created}` });
        return { doomedUnitId: res.body.id };
      },
    },
    expect: ADMINS_ONLY(204),
  },
  'get /api/organizations/{id}/audit': { call: { method: 'get', url: (i) => `/api/organizations/${i.spareUnitId}/audit` }, expect: ADMINS_ONLY(200) },
  'get /api/users': { call: { method: 'get', url: () => '/api/users' }, expect: ADMINS_ONLY(200) },
  'post /api/users': {
    call: { method: 'post', url: () => '/api/users', body: (i) => ({ username: `hanyin.matrix${++created}`, displayName: '矩阵用户', role: 'unit_editor', organizationId: i.unitId }) },
    expect: ADMINS_ONLY(201),
  },
  'patch /api/users/{id}': { call: { method: 'patch', url: (i) => `/api/users/${i.spareUserId}`, body: () => ({ displayName: '矩阵备用用户' }) }, expect: ADMINS_ONLY(200) },
  'post /api/users/{id}/deactivate': { call: { method: 'post', url: (i) => `/api/users/${i.spareUserId}/deactivate` }, expect: ADMINS_ONLY(200) },
  'post /api/users/{id}/activate': { call: { method: 'post', url: (i) => `/api/users/${i.spareUserId}/activate` }, expect: ADMINS_ONLY(200) },
  'post /api/users/{id}/reset-password': { call: { method: 'post', url: (i) => `/api/users/${i.spareUserId}/reset-password` }, expect: ADMINS_ONLY(200) },
  'get /api/users/{id}/audit': { call: { method: 'get', url: (i) => `/api/users/${i.spareUserId}/audit` }, expect: ADMINS_ONLY(200) },
};

describe('access matrix: every endpoint × every role, and no leaks across departments', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let ids: Ids;

  const send = async (call: Call, user: string) => {
    const token = call.token ? await call.token(t, user) : tokens[user];
    const local = call.prepare ? { ...ids, ...(await call.prepare(ids, t, tokens['admin'])) } : ids;
    let req = t.http[call.method](call.url(local)).set('Authorization', `Bearer ${token}`);
    if (call.query) req = req.query(call.query(local));
    if (call.body) req = req.send((await call.body(local, t, token)) as object);
    for (const [name, value] of Object.entries(call.fields ?? {})) req = req.field(name, value);
    return req;
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of [...INSIDERS, ...OUTSIDERS]) tokens[user] = await t.login(user);
    const [dept] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'department' AND name = '汉阴县医疗保障局'`);
    const [unit] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'unit' AND parent_id = $1`, [dept.id]);
    const bureauId = await organizationId(t, 'finance_bureau', '汉阴县财政局');
    tokens[BUREAU_ADMIN] = (await readyUser(t, tokens['admin'], { username: BUREAU_ADMIN, role: 'bureau_admin', organizationId: bureauId })).token;
    tokens[OTHER_BUREAU_ADMIN] = (await readyUser(t, tokens['admin'], { username: OTHER_BUREAU_ADMIN, role: 'bureau_admin', organizationId: await organizationId(t, 'finance_bureau', '神木市财政局') })).token;
    const spareUnit = await t.http.post('/api/organizations').set('Authorization', `Bearer ${tokens['admin']}`).send({ parentId: dept.id, kind: 'unit', name: '矩阵备用单位' }).expect(201);
    const spareUser = await t.http.post('/api/users').set('Authorization', `Bearer ${tokens['admin']}`).send({ username: 'hanyin.matrix-spare', displayName: '矩阵备用用户', role: 'viewer', organizationId: unit.id }).expect(201);
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set('Authorization', `Bearer ${tokens['hanyin.editor']}`);
    const departments = await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set('Authorization', `Bearer ${tokens['hanyin.reviewer']}`);
    const job = await t.http.post('/api/datasets/import-jobs').set('Authorization', `Bearer ${tokens['hanyin.finance']}`).send({ ...BAD_DATASET, source: 'matrix' });
    // A second project approved and evaluated, for the monitoring and evaluation routes.
    const approvedSheetId = projects.body[1].sheet.id;
    for (const [user, action] of [['hanyin.editor', 'submit'], ['hanyin.reviewer', 'department_approve'], ['hanyin.finance', 'approve']]) {
      const current = (await t.http.get(`/api/target-sheets/${approvedSheetId}`).set('Authorization', `Bearer ${tokens[user]}`)).body;
      await t.http.post(`/api/target-sheets/${approvedSheetId}/transitions`).set('Authorization', `Bearer ${tokens[user]}`).send(transitionBody(current, action)).expect(200);
    }
    // The department-wide sheet approved too, for the department's basic spending.
    const departmentSheetId = departments.body[0].sheet.id;
    for (const [user, action] of [['hanyin.reviewer', 'submit'], ['hanyin.reviewer', 'department_approve'], ['hanyin.finance', 'approve']]) {
      const current = (await t.http.get(`/api/target-sheets/${departmentSheetId}`).set('Authorization', `Bearer ${tokens[user]}`)).body;
      if (current.status === 'approved') break;
      await t.http.post(`/api/target-sheets/${departmentSheetId}/transitions`).set('Authorization', `Bearer ${tokens[user]}`).send(transitionBody(current, action)).expect(200);
    }
    const evaluated = await t.http.post(`/api/target-sheets/${approvedSheetId}/evaluation`).set('Authorization', `Bearer ${tokens['hanyin.editor']}`).expect(200);
    await t.http.post('/api/fiscal-years').set('Authorization', `Bearer ${tokens['admin']}`).send({ year: 2025 }).expect(201);
    const exportJob = await t.http.post('/api/exports/self-assessments').set('Authorization', `Bearer ${tokens['hanyin.finance']}`).send({ fiscalYear: 2024, formats: ['xlsx'] }).expect(202);
    for (let i = 0; i < 400; i++) {
      const job = await t.http.get(`/api/jobs/${exportJob.body.jobId}`).set('Authorization', `Bearer ${tokens['hanyin.finance']}`);
      if (job.body.state === 'completed') break;
      if (job.body.state === 'failed' || i === 399) throw new Error(`export job: ${JSON.stringify(job.body)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    ids = {
      departmentId: dept.id, unitId: unit.id, sheetId: projects.body[0].sheet.id, departmentSheetId, jobId: job.body.jobId,
      approvedSheetId, indicatorId: evaluated.body.indicators[0].indicatorId, projectId: projects.body[0].id, approvedProjectId: projects.body[1].id,
      bureauId, spareUnitId: spareUnit.body.id, spareUserId: spareUser.body.user.id, exportJobId: exportJob.body.jobId,
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
    for (const user of [...INSIDERS, BUREAU_ADMIN]) actual[user] = (await send(call, user)).status;
    expect(actual).toEqual({ ...expected, [BUREAU_ADMIN]: expected[BUREAU_ADMIN] ?? expected['hanyin.viewer'] });
  });

  it.each(Object.keys(ROUTES))('%s gives users of other regions nothing of 汉阴', async (route) => {
    const { call } = ROUTES[route];
    for (const user of [...OUTSIDERS, OTHER_BUREAU_ADMIN]) {
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
