import { startTestApp, TestApp } from '../support/test-app';

/**
 * The demo a new user meets (issue 9 item 9, DEMO_DATA=story, the default of `npm start`): a year in
 * progress played through the product's own services from the five published 2024 datasets. Most
 * sheets approved, some waiting for review or returned, spending and actuals through 1–9月 with lights
 * of every colour, basic spending, 2025 opened with a sheet rolled over per region, a 管理员 per region.
 */
describe('the demo year in progress (DEMO_DATA=story)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = async (path: string, user: string, query: Record<string, unknown> = {}) => {
    const res = await t.http.get(path).query(query).set(as(user));
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp({ demoData: 'story' });
    for (const user of ['admin', 'hanyin.finance', 'hanyin.reviewer', 'hanyin.editor', 'shenqiu.finance', 'xuchang.finance', 'shenmu.admin', 'shenmu.editor2']) tokens[user] = await t.login(user);
  }, 300_000);
  afterAll(() => t?.close());

  it('tells where each of the 45 sheets stands: most approved, some in review or returned, a few drafts', async () => {
    const rows: { status: string; n: number }[] = await t.dataSource.query(
      `SELECT status, count(*)::int AS n FROM target_sheets WHERE fiscal_year = 2024 AND is_current GROUP BY status ORDER BY status`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(Object.values(by).reduce((a, b) => a + b, 0)).toBe(45); // 40 projects and 5 department-wide sheets
    expect(by['approved']).toBe(30);
    expect(by['submitted']).toBe(4);
    expect(by['department_approved']).toBe(5);
    expect(by['returned']).toBe(4);
    expect(by['draft']).toBe(2);
    // Every step went through the workflow, by the role whose step it is, and is in the 操作日志.
    const audited: { action: string; n: number }[] = await t.dataSource.query(`SELECT action, count(*)::int AS n FROM audit_events WHERE action LIKE 'sheet.%' GROUP BY action`);
    expect(Object.fromEntries(audited.map((a) => [a.action, a.n]))).toMatchObject({ 'sheet.submit': 43, 'sheet.department_approve': 35, 'sheet.approve': 30, 'sheet.return': 4 });
  });

  it('each finance user finds sheets in 待我处理, and 沈丘 finds its department-wide sheet with the written reason', async () => {
    const inbox = await get('/api/inbox', 'shenqiu.finance');
    expect(inbox.total).toBeGreaterThan(0);
    const department = inbox.items.find((i: { kind: string }) => i.kind === 'department');
    expect(department).toMatchObject({ status: 'department_approved' });
    const sheet = await get(`/api/target-sheets/${department.sheetId}`, 'shenqiu.finance');
    expect(JSON.stringify(sheet)).toContain('投入管理指标');
    const count = await get('/api/inbox/count', 'hanyin.finance');
    expect(JSON.stringify(count)).toMatch(/\d/);
  });

  it('monitors 1–9月 with spending and every light colour', async () => {
    const overview = await get('/api/monitoring', 'admin', { fiscalYear: 2024, period: 'M9' });
    const totals = { red: 0, yellow: 0, green: 0, blue: 0, grey: 0 };
    for (const bureau of overview.bureaus) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += bureau.indicators[key];
    expect(totals.red).toBeGreaterThan(0);
    expect(totals.yellow).toBeGreaterThan(0);
    expect(totals.green).toBeGreaterThan(0);
    expect(totals.blue).toBeGreaterThan(0);
    const spendingLights = new Set(overview.bureaus.flatMap((b: { children: { sheets: { spendingLight: string | null }[] }[] }) => b.children.flatMap((d) => d.sheets.map((s) => s.spendingLight))));
    expect([...spendingLights].filter((l) => l !== null).length).toBeGreaterThanOrEqual(3);
    for (const bureau of overview.bureaus) expect(Number(bureau.spent)).toBeGreaterThan(0);
    // Each round is recorded: Q1, Q2, 7月, Q3 and 1–9月.
    const periods: { period: string }[] = await t.dataSource.query(`SELECT DISTINCT period FROM indicator_actuals ORDER BY period`);
    expect(periods.map((p) => p.period).sort()).toEqual(['M7', 'M9', 'Q1', 'Q2', 'Q3']);
  });

  it('records each department’s basic spending, so 汉阴’s execution counts its whole budget', async () => {
    const departments = await get('/api/departments', 'hanyin.reviewer', { fiscalYear: 2024 });
    const execution = await get(`/api/target-sheets/${departments[0].sheet.id}/execution`, 'hanyin.reviewer');
    expect(JSON.stringify(execution)).toContain('19966200.00');
    const [{ sum }] = await t.dataSource.query(`SELECT sum(amount)::text AS sum FROM basic_expenditures b JOIN organizations o ON o.id = b.department_id WHERE o.name = '汉阴县医疗保障局'`);
    // 342.48 万 at 95% of the linear pace through September: 9/12 × 0.95 → 71%.
    expect(sum).toBe('2431608.00');
  });

  it('opens 2025 and rolls one approved project per region over, as a draft beside last year’s values', async () => {
    const years = await get('/api/fiscal-years', 'admin');
    expect(years.map((y: { year?: number; fiscalYear?: number }) => y.year ?? y.fiscalYear)).toEqual(expect.arrayContaining([2024, 2025]));
    const rolled: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM target_sheets WHERE fiscal_year = 2025 AND rolled_over_from_id IS NOT NULL AND status = 'draft'`);
    expect(rolled[0]!.n).toBe(5);
    const projects = await get('/api/projects', 'hanyin.editor', { fiscalYear: 2025 });
    expect(projects).toHaveLength(1);
    const sheet = await get(`/api/target-sheets/${projects[0].sheet.id}`, 'hanyin.editor');
    expect(sheet.indicators.some((i: { previousYear?: unknown }) => i.previousYear)).toBe(true);
  });

  it('has a 管理员 per region, an editor per unit and people’s names, and 许昌 scores its department-wide sheet with 投入管理指标', async () => {
    const admins: { username: string; display_name: string }[] = await t.dataSource.query(`SELECT username, display_name FROM users WHERE role = 'bureau_admin' ORDER BY username`);
    expect(admins.map((a) => a.username)).toEqual(['hanyin.admin', 'shenmu.admin', 'shenqiu.admin', 'wangdu.admin', 'xuchang.admin']);
    const users = await get('/api/users', 'shenmu.admin');
    expect(JSON.stringify(users)).toContain('shenmu.editor3');
    const me = await get('/api/auth/me', 'shenmu.editor2');
    expect(me.displayName).toBe('白雪松');
    const schemes = await get('/api/scoring-schemes', 'xuchang.finance', { fiscalYear: 2024 });
    expect(JSON.stringify(schemes)).toContain('投入管理指标');
  });

  it('starts once: a restart on the same database adds nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events`);
    const { DemoDataService } = await import('../../apps/api/src/demo/demo-data.service');
    expect(await t.app.get(DemoDataService).seedIfEmpty('story')).toBe(false);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events`)).toEqual(before);
  });
});
