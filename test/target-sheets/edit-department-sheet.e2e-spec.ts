import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

interface Task { name: string; content: string | null; amount: string | null }
interface Budget { total: string | null; basic: string | null; project: string | null }
interface Sheet {
  id: string;
  kind: string;
  rowVersion: number;
  goals: string[];
  indicators: { id: string; level1: string; level2: string | null; name: string; target: string }[];
  spendingPlan: { month: number; cumulativeAmount: string }[];
  tasks: Task[];
  budget: Budget | null;
  findings: { code: string; indicatorName?: string | null }[];
}

const HANYIN_TASKS: Task[] = [
  { name: '人员经费', content: '发放在职人员工资', amount: '3298800.00' },
  { name: '公用经费', content: '保障单位正常运转', amount: '126000.00' },
  { name: '专项业务费', content: '完成医疗保障管理重点工作', amount: '16541400.00' },
];
const HANYIN_BUDGET: Budget = { total: '19966200.00', basic: '3424800.00', project: '16541400.00' };

describe('editing the tasks and budget of a department-wide sheet (部门整体绩效目标)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let departmentSheetId: string;
  let projectSheetId: string;

  const read = async (id = departmentSheetId, user = 'hanyin.reviewer'): Promise<Sheet> => (await t.http.get(`/api/target-sheets/${id}`).set(as(user))).body;
  const body = (sheet: Sheet, change: Record<string, unknown> = {}) => ({
    rowVersion: sheet.rowVersion,
    goals: sheet.goals,
    indicators: sheet.indicators.map((i) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target })),
    spendingPlan: sheet.spendingPlan,
    ...change,
  });
  const put = (id: string, user: string, payload: unknown) => t.http.put(`/api/target-sheets/${id}`).set(as(user)).send(payload as object);
  const auditCount = async (id: string) => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE sheet_id = $1`, [id]))[0].n);
  const storedTasks = async (id: string) => t.dataSource.query(`SELECT position, name, content, amount FROM sheet_tasks WHERE sheet_id = $1 ORDER BY position`, [id]);

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'shenmu.editor', 'admin']) tokens[user] = await t.login(user);
    const departments = await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('hanyin.reviewer'));
    departmentSheetId = departments.body[0].sheet.id;
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'));
    projectSheetId = projects.body.find((p: { name: string }) => p.name === '医保重点工作经费').sheet.id;
  });
  afterAll(async () => t?.close());

  it('starts from the published tasks and budget', async () => {
    const sheet = await read();
    expect(sheet).toMatchObject({ kind: 'department', tasks: HANYIN_TASKS, budget: HANYIN_BUDGET });
    expect(sheet.findings.map((f) => f.code)).not.toContain('COST_EXCEEDS_BUDGET');
  });

  it('leaves tasks and budget as they are when a save does not send them', async () => {
    const sheet = await read();
    const res = await put(departmentSheetId, 'hanyin.reviewer', body(sheet, { goals: [...sheet.goals, '做好医保政策宣传'] }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tasks: HANYIN_TASKS, budget: HANYIN_BUDGET });
    expect(res.body.goals).toContain('做好医保政策宣传');
  });

  it('saves changed, added and removed tasks and a new budget, and reviews costs against the new budget', async () => {
    const sheet = await read();
    const tasks: Task[] = [
      { name: '人员经费', content: '发放在职人员工资', amount: '3298800.00' },
      { name: '专项业务费', content: '完成医疗保障管理重点工作及医疗救助', amount: '15575200.00' },
      { name: ' 医保政策宣传 ', content: '  ', amount: null }, // trimmed; blank content is none
    ];
    const budget: Budget = { total: '19000000.00', basic: '3424800.00', project: '15575200.00' };
    const res = await put(departmentSheetId, 'hanyin.reviewer', body(sheet, { tasks, budget }));
    expect(res.status).toBe(200);
    const saved: Sheet = res.body;
    expect(saved.rowVersion).toBe(sheet.rowVersion + 1);
    expect(saved.tasks).toEqual([tasks[0], tasks[1], { name: '医保政策宣传', content: null, amount: null }]);
    expect(saved.budget).toEqual(budget);
    // 预算控制数 ≤1996.62万元 now caps more money than the department has (1900万元)
    expect(saved.findings).toContainEqual(expect.objectContaining({ code: 'COST_EXCEEDS_BUDGET', indicatorName: '预算控制数' }));
    expect(await read()).toEqual(saved);
    expect(await storedTasks(departmentSheetId)).toEqual([
      { position: 0, name: '人员经费', content: '发放在职人员工资', amount: '3298800.00' },
      { position: 1, name: '专项业务费', content: '完成医疗保障管理重点工作及医疗救助', amount: '15575200.00' },
      { position: 2, name: '医保政策宣传', content: null, amount: null },
    ]);
  });

  it('keeps the tasks and budget before and after in the audit log', async () => {
    const res = await t.http.get(`/api/target-sheets/${departmentSheetId}/audit`).set(as('hanyin.viewer'));
    const latest = res.body.find((e: { action: string }) => e.action === 'sheet.update');
    expect(latest.actor).toMatchObject({ username: 'hanyin.reviewer' });
    expect(latest.before).toMatchObject({ tasks: HANYIN_TASKS, budget: HANYIN_BUDGET });
    expect(latest.after.budget).toEqual({ total: '19000000.00', basic: '3424800.00', project: '15575200.00' });
    expect(latest.after.tasks.map((task: Task) => task.name)).toEqual(['人员经费', '专项业务费', '医保政策宣传']);
  });

  it('clears the budget summary and the task list when asked to', async () => {
    const sheet = await read();
    const res = await put(departmentSheetId, 'admin', body(sheet, { tasks: [], budget: { total: null, basic: null, project: null } }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tasks: [], budget: { total: null, basic: null, project: null } });
    const restored = await put(departmentSheetId, 'hanyin.reviewer', body(res.body, { tasks: HANYIN_TASKS, budget: HANYIN_BUDGET }));
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ tasks: HANYIN_TASKS, budget: HANYIN_BUDGET });
    expect(restored.body.findings.map((f: { code: string }) => f.code)).not.toContain('COST_EXCEEDS_BUDGET');
  });

  it('saves a budget kept in 万元 whose parts differ by its rounding (≤ 100 元), as the import takes it; 200 元 apart is refused', async () => {
    const sheet = await read();
    const rounded: Budget = { total: '1844836300.00', basic: '8723100.00', project: '1836113300.00' }; // 许昌 2024: 872.31 + 183611.33 ≠ 184483.63 万元
    const res = await put(departmentSheetId, 'hanyin.reviewer', body(sheet, { budget: rounded }));
    expect(res.status).toBe(200);
    expect(res.body.budget).toEqual(rounded);
    const off = await put(departmentSheetId, 'hanyin.reviewer', body(res.body, { budget: { total: '1844836300.00', basic: '8723100.00', project: '1836113400.00' } }));
    expect(off.status).toBe(400);
    expect(off.body.message).toContain('之和不等于部门预算总额');
    const restored = await put(departmentSheetId, 'hanyin.reviewer', body(res.body, { budget: HANYIN_BUDGET }));
    expect(restored.status).toBe(200);
  });

  it.each([
    [
      'basic + project that do not add up to the total',
      { budget: { total: '19966200.00', basic: '3424800.00', project: '16541400.01' } },
      'VALIDATION_FAILED',
      '基本支出 3424800.00 与项目支出 16541400.01 之和不等于部门预算总额 19966200.00',
    ],
    ['a budget amount without its two decimals', { budget: { total: '19966200', basic: null, project: null } }, 'VALIDATION_FAILED', '部门预算总额须为两位小数的元金额'],
    ['a budget amount as a number', { budget: { total: 19966200.0, basic: null, project: null } }, 'VALIDATION_FAILED', '部门预算总额须为两位小数的元金额'],
    ['a negative basic amount', { budget: { total: null, basic: '-1.00', project: null } }, 'VALIDATION_FAILED', '基本支出须为两位小数的元金额'],
    ['a float task amount', { tasks: [{ name: '人员经费', amount: 3298800 }] }, 'VALIDATION_FAILED', '任务金额须为两位小数的元金额'],
    ['a task amount with three decimals', { tasks: [{ name: '人员经费', amount: '3298800.001' }] }, 'VALIDATION_FAILED', '任务金额须为两位小数的元金额'],
    ['a task without a name', { tasks: [{ name: '', content: '发放在职人员工资' }] }, 'VALIDATION_FAILED', '请填写任务名称'],
    ['a task name of blanks', { tasks: [{ name: '   ' }] }, 'VALIDATION_FAILED', 'tasks[0].name'],
    ['an unknown budget field', { budget: { total: null, basic: null, project: null, other: '1.00' } }, 'VALIDATION_FAILED', 'other'],
    // valid tasks with a bad budget: the tasks must not be written either
    [
      'good tasks with a budget that does not add up',
      { tasks: [{ name: '只写了一半的任务', content: null, amount: '1.00' }], budget: { total: '3.00', basic: '1.00', project: '1.00' } },
      'VALIDATION_FAILED',
      'budget',
    ],
    // good tasks and budget with a bad indicator: nothing of the request is written
    [
      'good tasks and budget with a malformed corrected spec',
      {
        tasks: [{ name: '只写了一半的任务', content: null, amount: '1.00' }],
        budget: { total: '2.00', basic: '1.00', project: '1.00' },
        indicators: [{ level1: '产出指标', level2: null, name: 'x', target: '≥1', spec: { kind: 'deadline', by: '13-01' } }],
      },
      'VALIDATION_FAILED',
      'indicators[0].spec',
    ],
  ])('rejects %s with 400, writing nothing', async (_label, change, code, named) => {
    const sheet = await read();
    const events = await auditCount(departmentSheetId);
    const tasksBefore = await storedTasks(departmentSheetId);
    const res = await put(departmentSheetId, 'hanyin.reviewer', body(sheet, change));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toContain(named);
    expect(await read()).toEqual(sheet);
    expect(await storedTasks(departmentSheetId)).toEqual(tasksBefore);
    expect(await auditCount(departmentSheetId)).toBe(events);
  });

  it.each([
    ['tasks', { tasks: [{ name: '人员经费', content: null, amount: '1.00' }] }, '年度主要任务只属于部门整体绩效目标'],
    ['an empty task list', { tasks: [] }, '年度主要任务只属于部门整体绩效目标'],
    ['a budget', { budget: { total: '410000.00', basic: null, project: null } }, '部门预算只属于部门整体绩效目标'],
  ])('refuses %s on a project sheet with 400 DEPARTMENT_SHEET_ONLY, writing nothing', async (_label, change, message) => {
    const sheet = await read(projectSheetId, 'hanyin.editor');
    const events = await auditCount(projectSheetId);
    const res = await put(projectSheetId, 'hanyin.editor', body(sheet, { goals: [...sheet.goals, '不应保存'], ...change }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('DEPARTMENT_SHEET_ONLY');
    expect(res.body.message).toContain(message);
    const now = await read(projectSheetId, 'hanyin.editor');
    expect(now).toEqual(sheet);
    expect(now).toMatchObject({ tasks: [], budget: null });
    expect(await storedTasks(projectSheetId)).toEqual([]);
    expect(await auditCount(projectSheetId)).toBe(events);
  });

  it.each([
    ['hanyin.editor', 404, 'SHEET_NOT_FOUND'], // the department fills its own sheet; a unit user does not even see it
    ['hanyin.viewer', 403, 'ROLE_FORBIDDEN'],
    ['hanyin.finance', 403, 'ROLE_FORBIDDEN'],
    ['shenmu.editor', 404, 'SHEET_NOT_FOUND'],
  ])('refuses task and budget edits by %s (%i %s)', async (user, status, code) => {
    const sheet = await read();
    const res = await put(departmentSheetId, user, body(sheet, { tasks: [{ name: '越权任务' }], budget: { total: '1.00', basic: null, project: null } }));
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await read()).toEqual(sheet);
  });

  it('lets exactly one of two simultaneous saves through, with its own tasks and budget only', async () => {
    const sheet = await read();
    const versions = {
      甲: { tasks: [{ name: '甲的任务', content: null, amount: '100.00' }], budget: { total: '300.00', basic: '100.00', project: '200.00' } },
      乙: { tasks: [{ name: '乙的任务一', content: null, amount: null }, { name: '乙的任务二', content: null, amount: null }], budget: { total: '500.00', basic: '250.00', project: '250.00' } },
    };
    const results = await Promise.all(Object.values(versions).map((v) => put(departmentSheetId, 'hanyin.reviewer', body(sheet, v))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = Object.values(versions)[results.findIndex((r) => r.status === 200)];
    const now = await read();
    expect(now.rowVersion).toBe(sheet.rowVersion + 1);
    expect(now.tasks).toEqual(winner.tasks);
    expect(now.budget).toEqual(winner.budget);
    expect((await storedTasks(departmentSheetId)).map((r: { name: string }) => r.name)).toEqual(winner.tasks.map((task) => task.name));
  });

  it('shows budget and task changes of an adjusted version in its diff', async () => {
    // put the published content back, then walk the sheet to approval and open version 2
    const current = await read();
    expect((await put(departmentSheetId, 'hanyin.reviewer', body(current, { tasks: HANYIN_TASKS, budget: HANYIN_BUDGET }))).status).toBe(200);
    const act = async (user: string, id: string, action: string) =>
      t.http.post(`/api/target-sheets/${id}/transitions`).set(as(user)).send(transitionBody(await read(id), action));
    expect((await act('hanyin.reviewer', departmentSheetId, 'submit')).body.status).toBe('submitted');
    expect((await act('hanyin.reviewer', departmentSheetId, 'department_approve')).body.status).toBe('department_approved');
    expect((await act('hanyin.finance', departmentSheetId, 'approve')).body.status).toBe('approved');
    const locked = await read();
    const lockedSave = await put(departmentSheetId, 'hanyin.reviewer', body(locked, { budget: HANYIN_BUDGET }));
    expect(lockedSave.body.code).toBe('SHEET_LOCKED');
    const adjusted = await act('hanyin.reviewer', departmentSheetId, 'adjust');
    expect(adjusted.body).toMatchObject({ version: 2, status: 'draft', tasks: HANYIN_TASKS, budget: HANYIN_BUDGET });
    const v2: Sheet = adjusted.body;
    const tasks = HANYIN_TASKS.map((task) => (task.name === '专项业务费' ? { ...task, amount: '17000000.00' } : task));
    const saved = await put(v2.id, 'hanyin.reviewer', body(v2, { tasks, budget: { total: '20424800.00', basic: '3424800.00', project: '17000000.00' } }));
    expect(saved.status).toBe(200);
    const diff = await t.http.get(`/api/target-sheets/${v2.id}/diff`).set(as('hanyin.finance'));
    expect(diff.status).toBe(200);
    expect(diff.body.changes.map((c: { message: string }) => c.message)).toEqual([
      '任务「专项业务费」金额由 1654.14万元 改为 1700万元',
      '部门预算总额由 1996.62万元 改为 2042.48万元',
      '部门预算项目支出由 1654.14万元 改为 1700万元',
    ]);
    expect(diff.body.summary).toBe('新增任务 0 项，修改任务 1 项，删除任务 0 项；部门预算调整 2 处');
    expect(await read(departmentSheetId)).toMatchObject({ version: 1, budget: HANYIN_BUDGET }); // the approved version stays as it was
  });
});
