import { formatBeijingTime } from '@jixiao/domain';
import { startTestApp, TestApp } from '../support/test-app';

interface Indicator { id: string; level1: string; level2: string | null; name: string; target: string; spec: Record<string, unknown>; specCorrected: boolean }
interface Sheet { id: string; rowVersion: number; goals: string[]; indicators: Indicator[]; spendingPlan: { month: number; cumulativeAmount: string }[]; findings: { code: string; indicatorName: string }[] }

describe('editing a target sheet', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let sheetId: string;

  const read = async (user = 'hanyin.editor'): Promise<Sheet> => (await t.http.get(`/api/target-sheets/${sheetId}`).set(as(user))).body;
  const body = (sheet: Sheet, change: Partial<{ goals: string[]; indicators: unknown[]; spendingPlan: unknown[] }> = {}) => ({
    rowVersion: sheet.rowVersion,
    goals: sheet.goals,
    indicators: sheet.indicators.map((i) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target })),
    spendingPlan: sheet.spendingPlan,
    ...change,
  });
  const auditCount = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE sheet_id = $1`, [sheetId]))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'shenmu.editor', 'admin']) tokens[user] = await t.login(user);
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'));
    sheetId = projects.body.find((p: { name: string }) => p.name === '医保重点工作经费').sheet.id;
  });
  afterAll(async () => t?.close());

  it('saves targets, indicators, a corrected spec and the spending plan, and re-runs the review rules', async () => {
    const sheet = await read();
    expect(sheet.findings.map((f) => f.code)).toContain('OTHER_YEAR');
    const indicators = body(sheet).indicators as Record<string, unknown>[];
    const deadline = indicators.findIndex((i) => i['name'] === '工作完成时限');
    indicators[deadline] = { ...indicators[deadline], target: '2024年12月底前' };
    indicators[1] = { ...indicators[1], spec: { kind: 'numeric', op: '=', value: 2, unit: '人' } }; // 2人: the author meant exactly two
    indicators.push({ level1: '产出指标', level2: '数量指标', name: '医保政策宣传场次', target: '≥12 场' });
    const removed = indicators.splice(2, 1)[0] as { name: string };
    const plan = [{ month: 6, cumulativeAmount: '200000.00' }, { month: 12, cumulativeAmount: '410000.00' }];
    const res = await t.http.put(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor')).send(body(sheet, { indicators, spendingPlan: plan }));
    expect(res.status).toBe(200);
    const saved: Sheet = res.body;
    expect(saved.rowVersion).toBe(sheet.rowVersion + 1);
    expect(saved.indicators.map((i) => i.name)).not.toContain(removed.name);
    expect(saved.indicators.at(-1)).toMatchObject({ name: '医保政策宣传场次', spec: { kind: 'numeric', op: '>=', value: 12, unit: '场' }, specCorrected: false });
    expect(saved.indicators[1]).toMatchObject({ spec: { kind: 'numeric', op: '=', value: 2, unit: '人' }, specCorrected: true });
    expect(saved.indicators.find((i) => i.name === '工作完成时限')).toMatchObject({ target: '2024年12月底前', spec: { kind: 'deadline', by: '12-31' } });
    expect(saved.findings.map((f) => f.code)).not.toContain('OTHER_YEAR');
    expect(saved.spendingPlan).toEqual(plan);
    expect(await read()).toEqual(saved);
  });

  it('never loses an update: a save from a stale version is refused with 409 and a clear message', async () => {
    const a = await read();
    const b = await read();
    const first = await t.http.put(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor')).send(body(a, { goals: [...a.goals, '甲的修改'] }));
    expect(first.status).toBe(200);
    const second = await t.http.put(`/api/target-sheets/${sheetId}`).set(as('admin')).send(body(b, { goals: [...b.goals, '乙的修改'] }));
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('SHEET_VERSION_CONFLICT');
    // it names who saved in between, and when (北京时间), with the details the editor shows beside the unsaved text
    const me = (await t.http.get('/api/auth/me').set(as('hanyin.editor'))).body;
    expect(second.body.details).toEqual({
      currentRowVersion: a.rowVersion + 1,
      lastChange: { action: 'sheet.update', by: { id: me.id, username: 'hanyin.editor', displayName: me.displayName, role: 'unit_editor' }, at: expect.any(String) },
    });
    const [event] = await t.dataSource.query(`SELECT occurred_at FROM audit_events WHERE sheet_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 1`, [sheetId]);
    expect(second.body.details.lastChange.at).toBe(new Date(event.occurred_at).toISOString());
    expect(second.body.message).toContain(`该目标表已被${me.displayName}（单位填报人）于 ${formatBeijingTime(event.occurred_at)}（北京时间）修改并保存`);
    expect(second.body.message).toMatch(/^保存未成功：.*请对照最新内容后重新保存/);
    const now = await read();
    expect(now.goals).toContain('甲的修改');
    expect(now.goals).not.toContain('乙的修改');
  });

  it('lets exactly one of two simultaneous saves through', async () => {
    const sheet = await read();
    const results = await Promise.all(
      ['丙', '丁'].map((who) => t.http.put(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor')).send(body(sheet, { goals: [...sheet.goals, who] }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const now = await read();
    expect(now.rowVersion).toBe(sheet.rowVersion + 1);
    expect(now.goals.filter((g) => g === '丙' || g === '丁')).toHaveLength(1);
  });

  it.each([
    ['a corrected spec of the wrong shape', (s: Sheet) => body(s, { indicators: [{ level1: '产出指标', level2: null, name: 'x', target: '≥1', spec: { kind: 'numeric', op: '≥', value: 1, unit: null } }] }), 'indicators[0].spec'],
    ['an indicator id of another sheet', (s: Sheet) => body(s, { indicators: [{ id: '00000000-0000-4000-8000-000000000000', level1: '产出指标', level2: null, name: 'x', target: '≥1' }] }), 'indicators[0].id'],
    ['a plan amount in 万元 instead of 元', (s: Sheet) => body(s, { spendingPlan: [{ month: 6, cumulativeAmount: '20' }] }), 'cumulativeAmount'],
    ['a month twice', (s: Sheet) => body(s, { spendingPlan: [{ month: 6, cumulativeAmount: '1.00' }, { month: 6, cumulativeAmount: '2.00' }] }), 'spendingPlan'],
    ['an empty indicator name', (s: Sheet) => body(s, { indicators: [{ level1: '产出指标', level2: null, name: '', target: '≥1' }] }), '三级指标名称'],
  ])('rejects %s with 400, changing nothing', async (_label, make, named) => {
    const sheet = await read();
    const events = await auditCount();
    const res = await t.http.put(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor')).send(make(sheet));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(named);
    expect(await read()).toEqual(sheet);
    expect(await auditCount()).toBe(events);
  });

  it.each([
    ['hanyin.viewer', 403, 'ROLE_FORBIDDEN'],
    ['hanyin.finance', 403, 'ROLE_FORBIDDEN'],
    ['hanyin.reviewer', 403, 'ROLE_FORBIDDEN'], // project sheets are the unit's to fill
    ['shenmu.editor', 404, 'SHEET_NOT_FOUND'], // another department's editor learns nothing
  ])('refuses %s (%i %s)', async (user, status, code) => {
    const sheet = await read();
    const res = await t.http.put(`/api/target-sheets/${sheetId}`).set(as(user)).send(body(sheet, { goals: ['越权修改'] }));
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect((await read()).goals).not.toContain('越权修改');
  });

  it('locks a sheet that is no longer a draft', async () => {
    await t.dataSource.query(`UPDATE target_sheets SET status = 'approved' WHERE id = $1`, [sheetId]);
    const sheet = await read();
    const res = await t.http.put(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor')).send(body(sheet));
    await t.dataSource.query(`UPDATE target_sheets SET status = 'draft' WHERE id = $1`, [sheetId]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'SHEET_LOCKED' });
    expect(res.body.message).toContain('已批准');
  });

  it('keeps an audit log of every save, with who, when, before and after', async () => {
    const res = await t.http.get(`/api/target-sheets/${sheetId}/audit`).set(as('hanyin.viewer'));
    expect(res.status).toBe(200);
    const saves = res.body.filter((e: { action: string }) => e.action === 'sheet.update');
    expect(saves.length).toBe(3); // the three successful saves above
    const oldest = saves.at(-1);
    expect(oldest.actor).toMatchObject({ username: 'hanyin.editor' });
    expect(Date.parse(oldest.occurredAt)).not.toBeNaN();
    const target = (snapshot: { indicators: { name: string; target: string }[] }) => snapshot.indicators.find((i) => i.name === '工作完成时限')?.target;
    expect(target(oldest.before)).toBe('2023年全年');
    expect(target(oldest.after)).toBe('2024年12月底前');
    const outsider = await t.http.get(`/api/target-sheets/${sheetId}/audit`).set(as('shenmu.editor'));
    expect(outsider.status).toBe(404);
  });
});
