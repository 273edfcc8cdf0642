import { startTestApp, TestApp } from '../support/test-app';

describe('projects, departments and sheets inside the caller’s subtree', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['admin', 'hanyin.finance', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.editor', 'shenmu.editor', 'xuchang.reviewer']) {
      tokens[user] = await t.login(user);
    }
  });
  afterAll(async () => t?.close());

  it('lists the opened years, saying which have data for the caller', async () => {
    const res = await t.http.get('/api/fiscal-years').set(as('hanyin.editor'));
    expect(res.status).toBe(200);
    expect(res.body.map((y: { year: number; hasSheets: boolean; hasSheetsInEffect: boolean }) => [y.year, y.hasSheets, y.hasSheetsInEffect])).toEqual([[2024, true, false]]);
    expect(res.body[0].windows.map((w: { period: string }) => w.period)).toEqual(['Q1', 'Q2', 'M7', 'Q3', 'M9', 'Q4', 'Y']);
  });

  it('shows the admin every department with its department-wide sheet', async () => {
    const res = await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('admin'));
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5);
    const wangdu = res.body.find((d: { department: { name: string } }) => d.department.name === '望都县医疗保障局');
    // wangdu publishes goals and a budget for the department, but no department-wide indicators
    expect(wangdu).toMatchObject({ region: '望都县', projectCount: 6, budgetTotal: '36541800.00', sheet: { status: 'draft', indicatorCount: 0 } });
    const hanyin = res.body.find((d: { department: { name: string } }) => d.department.name === '汉阴县医疗保障局');
    expect(hanyin).toMatchObject({ region: '汉阴县', projectCount: 4, budgetTotal: '19966200.00', sheet: { status: 'draft', version: 1, indicatorCount: 10 } });
  });

  it('shows a finance reviewer only its region', async () => {
    const res = await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('hanyin.finance'));
    expect(res.body.map((d: { department: { name: string } }) => d.department.name)).toEqual(['汉阴县医疗保障局']);
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.finance'));
    expect(projects.body).toHaveLength(4);
  });

  it('shows a unit editor its unit’s projects, and its department without the department-wide sheet', async () => {
    const departments = await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('shenmu.editor'));
    expect(departments.body).toHaveLength(1);
    expect(departments.body[0]).toMatchObject({ department: { name: '神木市医疗保障局' }, projectCount: 7, sheet: null, sheetHidden: true, budgetTotal: null });
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('shenmu.editor'));
    expect(projects.body).toHaveLength(7); // 404001 runs 7 of the 9 projects
    expect(new Set(projects.body.map((p: { unit: { code: string } }) => p.unit.code))).toEqual(new Set(['404001']));
  });

  it('returns a sheet with its parsed indicator tree and spending plan', async () => {
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.reviewer'));
    const project = projects.body.find((p: { name: string }) => p.name === '医保重点工作经费');
    expect(project).toMatchObject({ amount: { total: '410000.00' }, sheet: { status: 'draft' } });
    const sheet = await t.http.get(`/api/target-sheets/${project.sheet.id}`).set(as('hanyin.reviewer'));
    expect(sheet.status).toBe(200);
    expect(sheet.body.kind).toBe('project');
    expect(sheet.body.indicators.length).toBe(project.sheet.indicatorCount);
    const first = sheet.body.indicators[0];
    expect(first).toMatchObject({ order: 0, level1: '产出指标', level2: '数量指标', name: '服务全县参保群众人数' });
    expect(first.spec.kind).toBe('numeric');
    expect(sheet.body.project).toMatchObject({ category: null, unit: { code: '962001' } });
    expect(sheet.body.project.purpose).toMatch(/^①用于开展全县医疗保障事务管理/);
    expect(sheet.body.tasks).toEqual([]);
    expect(sheet.body.budget).toBeNull();
    // the review rules run on every read: a quality indicator left qualitative, and 2023 named in a 2024 target
    expect(sheet.body.findings.map((f: { code: string; indicatorName: string }) => [f.code, f.indicatorName])).toEqual([
      ['QUALITATIVE_QUANTITY', '医保报销的合规性'],
      ['OTHER_YEAR', '工作完成时限'],
    ]);
    expect(sheet.body.findings.every((f: { message: string }) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
  });

  it('returns a department-wide sheet with its tasks and budget summary', async () => {
    const departments = await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('hanyin.reviewer'));
    expect(departments.body[0]).toMatchObject({ sheetHidden: false });
    const sheet = await t.http.get(`/api/target-sheets/${departments.body[0].sheet.id}`).set(as('hanyin.reviewer'));
    expect(sheet.body).toMatchObject({ kind: 'department', project: null, budget: { total: '19966200.00', basic: '3424800.00', project: '16541400.00' } });
    expect(sheet.body.tasks).toEqual([
      { name: '人员经费', content: '发放在职人员工资', amount: '3298800.00' },
      { name: '公用经费', content: '保障单位正常运转', amount: '126000.00' },
      { name: '专项业务费', content: '完成医疗保障管理重点工作', amount: '16541400.00' },
    ]);
    expect(sheet.body.indicators).toHaveLength(10);
  });

  it('hides sheets of other departments as not found', async () => {
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('admin'));
    const shenmu = projects.body.find((p: { department: { name: string } }) => p.department.name === '神木市医疗保障局');
    for (const user of ['hanyin.finance', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.editor', 'xuchang.reviewer']) {
      const res = await t.http.get(`/api/target-sheets/${shenmu.sheet.id}`).set(as(user));
      expect({ user, status: res.status, code: res.body.code }).toEqual({ user, status: 404, code: 'SHEET_NOT_FOUND' });
    }
    const other = await t.http.get('/api/projects').query({ fiscalYear: 2024, departmentId: shenmu.department.id }).set(as('xuchang.reviewer'));
    expect(other.body).toEqual([]);
  });

  it('validates query parameters with a Chinese message and a stable code', async () => {
    const res = await t.http.get('/api/projects').query({ fiscalYear: 'abc' }).set(as('admin'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/^请求参数有误：fiscalYear/);
    const bad = await t.http.get('/api/target-sheets/not-a-uuid').set(as('admin'));
    expect(bad.status).toBe(400);
  });
});
