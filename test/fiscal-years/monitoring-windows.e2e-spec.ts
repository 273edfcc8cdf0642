import { defaultMonitoringWindows } from '@jixiao/domain';
import { Clock } from '../../apps/api/src/core/clock/clock';
import { transitionBody } from '../support/acknowledgements';
import { startTestApp, TestApp } from '../support/test-app';

const PROJECT = '医保重点工作经费'; // 汉阴, unit 汉阴县医疗保障局本级

/** An instant whose date in 北京时间 is `day` (10:00 there). */
const beijing = (day: string) => new Date(`${day}T02:00:00Z`);

describe('fiscal years: opening a year, its monitoring windows, reopening a round for one unit', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let clock: jest.SpyInstance<Date, []>;
  let hanyinSheet: string;
  let hanyinUnit: string;
  let shenmuSheet: string;
  let numericIndicator: { id: string; value: number };
  const count = async (table: string, where = 'true') => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n);

  const approve = async (sheet: string, region: string) => {
    for (const [user, action] of [[`${region}.editor`, 'submit'], [`${region}.reviewer`, 'department_approve'], [`${region}.finance`, 'approve']]) {
      const current = (await t.http.get(`/api/target-sheets/${sheet}`).set(as(user))).body;
      expect((await t.http.post(`/api/target-sheets/${sheet}/transitions`).set(as(user)).send(transitionBody(current, action))).status).toBe(200);
    }
  };
  const recordM7 = (user: string, sheet: string, actuals: unknown[]) => t.http.put(`/api/target-sheets/${sheet}/actuals/M7`).set(as(user)).send({ actuals });
  const spend = (expenditures: { month: number; amount: string }[]) => t.http.put(`/api/target-sheets/${hanyinSheet}/expenditures`).set(as('hanyin.editor')).send({ expenditures });
  const reopen = (user: string, body: Record<string, unknown>, period = 'M7', year = 2024) =>
    t.http.post(`/api/fiscal-years/${year}/windows/${period}/reopenings`).set(as(user)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['admin', 'hanyin.editor', 'hanyin.reviewer', 'hanyin.finance', 'shenmu.editor', 'shenmu.reviewer', 'shenmu.finance']) tokens[user] = await t.login(user);
    const hanyin = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'))).body;
    hanyinSheet = hanyin.find((p: { name: string }) => p.name === PROJECT).sheet.id;
    hanyinUnit = hanyin.find((p: { name: string }) => p.name === PROJECT).unit.id;
    shenmuSheet = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('shenmu.editor'))).body[0].sheet.id;
    await approve(hanyinSheet, 'hanyin');
    await approve(shenmuSheet, 'shenmu');
    const indicators = (await t.http.get(`/api/target-sheets/${hanyinSheet}`).set(as('hanyin.editor'))).body.indicators;
    const numeric = indicators.find((i: { spec: { kind: string; op?: string } }) => i.spec.kind === 'numeric' && i.spec.op === '>=');
    numericIndicator = { id: numeric.id, value: numeric.spec.value };
    clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(beijing('2025-09-01'));
  });
  afterAll(async () => {
    clock?.mockRestore();
    await t?.close();
  });

  it('gives the demo year windows open at load time, so 2024 can be recorded in the demo', async () => {
    clock.mockReturnValue(new Date());
    const [year] = (await t.http.get('/api/fiscal-years').set(as('hanyin.editor'))).body;
    expect(year).toMatchObject({ year: 2024, hasSheets: true });
    expect(year.windows.map((w: { state: string }) => w.state)).toEqual(['open', 'open', 'open', 'open', 'open', 'open', 'open']);
    expect(year.windows[2]).toMatchObject({ period: 'M7', label: '1–7月', opensOn: '2024-08-01', reopenings: [] });
    clock.mockReturnValue(beijing('2025-09-01'));
  });

  describe('opening a year and setting its windows (admin)', () => {
    it('opens 2025 with the national windows when none are given; a second opening is a 409', async () => {
      const res = await t.http.post('/api/fiscal-years').set(as('admin')).send({ year: 2025 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ year: 2025, hasSheets: false, today: '2025-09-01' });
      expect(res.body.windows.map(({ period, opensOn, closesOn, state }: Record<string, string>) => ({ period, opensOn, closesOn, state }))).toEqual(
        defaultMonitoringWindows(2025).map((w) => ({ ...w, state: w.closesOn < '2025-09-01' ? 'closed' : w.opensOn > '2025-09-01' ? 'upcoming' : 'open' })),
      );
      const again = await t.http.post('/api/fiscal-years').set(as('admin')).send({ year: 2025 });
      expect({ status: again.status, code: again.body.code, message: again.body.message }).toEqual({ status: 409, code: 'FISCAL_YEAR_EXISTS', message: '2025 年度已经开启，如需调整请修改填报时间' });
      const years = (await t.http.get('/api/fiscal-years').set(as('hanyin.editor'))).body.map((y: { year: number; hasSheets: boolean }) => [y.year, y.hasSheets]);
      expect(years).toEqual([[2025, false], [2024, true]]);
      const audit = await t.dataSource.query(`SELECT after FROM audit_events WHERE action = 'fiscal_year.open'`);
      expect(audit).toHaveLength(1);
      expect(audit[0].after).toMatchObject({ year: 2025 });
    });

    it('refuses windows that cannot be a year’s with the reason, writing nothing', async () => {
      const before = await count('fiscal_years');
      const windows = defaultMonitoringWindows(2026).map((w) => (w.period === 'Q2' ? { ...w, opensOn: '2026-07-22' } : w));
      const bad = await t.http.post('/api/fiscal-years').set(as('admin')).send({ year: 2026, windows });
      expect({ status: bad.status, code: bad.body.code, message: bad.body.message }).toEqual({
        status: 400, code: 'VALIDATION_FAILED', message: '填报时间有误：二季度的开始日期 2026-07-22 晚于截止日期 2026-07-21',
      });
      const missing = await t.http.post('/api/fiscal-years').set(as('admin')).send({ year: 2026, windows: defaultMonitoringWindows(2026).slice(0, 6) });
      expect(missing.body.message).toBe('填报时间有误：缺少全年的填报时间');
      const badDate = await t.http.put('/api/fiscal-years/2025/windows').set(as('admin')).send({ windows: [{ period: 'Q1', opensOn: '2025/04/01', closesOn: '2025-04-21' }] });
      expect({ status: badDate.status, message: badDate.body.message }).toEqual({ status: 400, message: expect.stringContaining('开始日期须写作 YYYY-MM-DD') });
      expect(await count('fiscal_years')).toBe(before);
      expect((await t.http.put('/api/fiscal-years/2031/windows').set(as('admin')).send({ windows: defaultMonitoringWindows(2031) })).body).toMatchObject({ code: 'FISCAL_YEAR_NOT_FOUND', message: '2031 年度尚未开启' });
    });

    it('lets only the admin open a year or set its windows', async () => {
      for (const user of ['hanyin.finance', 'hanyin.editor']) {
        expect((await t.http.post('/api/fiscal-years').set(as(user)).send({ year: 2027 })).status).toBe(403);
        expect((await t.http.put('/api/fiscal-years/2024/windows').set(as(user)).send({ windows: defaultMonitoringWindows(2024) })).status).toBe(403);
      }
    });

    it('sets the windows of 2024 back to the national ones, audited with before and after', async () => {
      const res = await t.http.put('/api/fiscal-years/2024/windows').set(as('admin')).send({ windows: defaultMonitoringWindows(2024) });
      expect(res.status).toBe(200);
      expect(res.body.windows.every((w: { state: string }) => w.state === 'closed')).toBe(true);
      const [event] = await t.dataSource.query(`SELECT before, after FROM audit_events WHERE action = 'fiscal_year.windows'`);
      expect(event.after.windows).toEqual(defaultMonitoringWindows(2024));
      expect(event.before.windows.find((w: { period: string }) => w.period === 'M7').closesOn > '2025-01-01').toBe(true); // the demo's
    });
  });

  describe('recording against the windows', () => {
    it('refuses actuals of a closed round with a 409 naming the window, writing nothing', async () => {
      const [actuals, audit] = [await count('indicator_actuals'), await count('audit_events')];
      const res = await recordM7('hanyin.editor', hanyinSheet, [{ indicatorId: numericIndicator.id, actual: { kind: 'number', value: numericIndicator.value } }]);
      expect({ status: res.status, code: res.body.code, message: res.body.message }).toEqual({
        status: 409, code: 'MONITORING_WINDOW_CLOSED', message: '1–7月监控填报时间为 2024-08-01 至 2024-08-21，现已关闭。如需补报，请联系财政局重新开放填报',
      });
      expect([await count('indicator_actuals'), await count('audit_events')]).toEqual([actuals, audit]);
    });

    it('refuses a change to a month’s spending when no round reporting it is open', async () => {
      const res = await spend([{ month: 3, amount: '100.00' }]);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'MONITORING_WINDOW_CLOSED' });
      expect(res.body.message).toBe('3月的支出随一季度监控填报，一季度监控填报时间为 2024-04-01 至 2024-04-21，现已关闭。如需补报，请联系财政局重新开放填报');
      expect(await count('expenditures')).toBe(0);
    });

    it('shows each round’s window on the execution page, closed', async () => {
      const execution = (await t.http.get(`/api/target-sheets/${hanyinSheet}/execution`).set(as('hanyin.editor'))).body;
      expect(execution.windows.find((w: { period: string }) => w.period === 'M7')).toEqual({
        period: 'M7', opensOn: '2024-08-01', closesOn: '2024-08-21', reopenedUntil: null, accepts: false,
        message: '1–7月监控填报时间为 2024-08-01 至 2024-08-21，现已关闭。如需补报，请联系财政局重新开放填报',
      });
    });
  });

  describe('a round reopened by finance for one unit', () => {
    it('refuses a reopening without a reason, in the past, of no round, or outside the region', async () => {
      expect((await reopen('hanyin.finance', { organizationId: hanyinUnit, until: '2025-09-15', reason: ' ' })).body.message).toBe('请写明重新开放的理由（2–500 个字）');
      expect((await reopen('hanyin.finance', { organizationId: hanyinUnit, until: '2025-08-31', reason: '补报' })).body.message).toBe('重新开放截止日期 2025-08-31 早于今天（2025-09-01）');
      expect((await reopen('hanyin.finance', { organizationId: hanyinUnit, until: '2025-09-15', reason: '补报' }, 'M8')).status).toBe(400);
      expect((await reopen('hanyin.finance', { organizationId: hanyinUnit, until: '2025-09-15', reason: '补报' }, 'M7', 2031)).body.code).toBe('FISCAL_YEAR_NOT_FOUND');
      const outside = await reopen('shenmu.finance', { organizationId: hanyinUnit, until: '2025-09-15', reason: '补报' });
      expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 404, code: 'ORGANIZATION_NOT_FOUND' });
      expect((await reopen('hanyin.editor', { organizationId: hanyinUnit, until: '2025-09-15', reason: '补报' })).status).toBe(403);
      expect(await count('monitoring_reopenings')).toBe(0);
    });

    it('reopens 1–7月 for 汉阴’s unit until a date, audited', async () => {
      const res = await reopen('hanyin.finance', { organizationId: hanyinUnit, until: '2025-09-15', reason: '  单位负责人出差，延期补报  ' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        organization: { id: hanyinUnit, kind: 'unit' }, until: '2025-09-15', reason: '单位负责人出差，延期补报', active: true,
        reopenedBy: { username: 'hanyin.finance' },
      });
      const [event] = await t.dataSource.query(`SELECT actor_id, entity_id, before, after FROM audit_events WHERE action = 'monitoring.reopen'`);
      expect(event).toMatchObject({ entity_id: hanyinUnit, before: null, after: { year: 2024, period: 'M7', until: '2025-09-15', reason: '单位负责人出差，延期补报' } });
    });

    it('accepts 汉阴’s actuals and spending through July now, and still refuses August', async () => {
      const res = await recordM7('hanyin.editor', hanyinSheet, [{ indicatorId: numericIndicator.id, actual: { kind: 'number', value: numericIndicator.value } }]);
      expect(res.status).toBe(200);
      expect(res.body.windows.find((w: { period: string }) => w.period === 'M7')).toMatchObject({ reopenedUntil: '2025-09-15', accepts: true });
      expect(res.body.windows.find((w: { period: string }) => w.period === 'M7').message).toContain('（已为本单位重新开放至 2025-09-15）');
      expect((await spend([{ month: 3, amount: '100.00' }, { month: 7, amount: '200.00' }])).status).toBe(200);
      // resending the months already stored is no change: only August is refused
      const august = await spend([{ month: 3, amount: '100.00' }, { month: 7, amount: '200.00' }, { month: 8, amount: '50.00' }]);
      expect({ status: august.status, code: august.body.code }).toEqual({ status: 409, code: 'MONITORING_WINDOW_CLOSED' });
      expect(august.body.message).toContain('8月的支出随三季度监控填报');
      expect(await count('expenditures')).toBe(2);
    });

    it('keeps the round closed for a unit of another region', async () => {
      const res = await recordM7('shenmu.editor', shenmuSheet, []);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'MONITORING_WINDOW_CLOSED' });
    });

    it('lists the reopening to 汉阴’s finance, not to another region’s', async () => {
      const m7 = async (user: string) =>
        (await t.http.get('/api/fiscal-years').set(as(user))).body.find((y: { year: number }) => y.year === 2024).windows.find((w: { period: string }) => w.period === 'M7');
      expect((await m7('hanyin.finance')).reopenings).toMatchObject([{ organization: { id: hanyinUnit }, until: '2025-09-15', active: true }]);
      expect((await m7('hanyin.editor')).reopenings).toHaveLength(1);
      expect((await m7('shenmu.finance')).reopenings).toEqual([]);
    });

    it('closes again after the reopening’s last day, saying so', async () => {
      clock.mockReturnValue(beijing('2025-09-16'));
      const res = await recordM7('hanyin.editor', hanyinSheet, []);
      expect({ status: res.status, message: res.body.message }).toEqual({
        status: 409,
        message: '1–7月监控填报时间为 2024-08-01 至 2024-08-21，现已关闭（为本单位重新开放的填报已于 2025-09-15 截止）。如需补报，请联系财政局重新开放填报',
      });
      clock.mockReturnValue(beijing('2025-09-01'));
    });

    it('replaces a reopening of the same round and unit, keeping one', async () => {
      expect((await reopen('admin', { organizationId: hanyinUnit, until: '2025-09-30', reason: '再次延期' })).status).toBe(201);
      expect(await t.dataSource.query(`SELECT to_char(until, 'YYYY-MM-DD') AS until, reason FROM monitoring_reopenings`)).toEqual([{ until: '2025-09-30', reason: '再次延期' }]);
      const [event] = await t.dataSource.query(`SELECT before FROM audit_events WHERE action = 'monitoring.reopen' ORDER BY id DESC LIMIT 1`);
      expect(event.before).toEqual({ year: 2024, period: 'M7', until: '2025-09-15', reason: '单位负责人出差，延期补报' });
    });
  });
});
