import { DEPARTMENT_WIDE_SCHEME, NATIONAL_PROJECT_SCHEME, type ScoringScheme } from '@jixiao/domain';
import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

/**
 * 评分方案 (DESIGN §3): per finance bureau × fiscal year × kind of sheet, versioned and audited; the
 * review while writing and the year-end evaluation use the scheme of the sheet's region, and a change
 * of scheme shows the evaluations computed under the old one as to be computed again.
 */
describe('scoring schemes: configured by finance, used by the review and the evaluation', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let shenqiuBureau: string;
  let xuchangBureau: string;
  let departmentSheetId: string; // 沈丘县医疗保障局's department-wide sheet
  let projectSheetId: string; // one of 沈丘's project sheets
  const url = (bureau: string, kind: 'project' | 'department', year = 2024) => `/api/scoring-schemes/${bureau}/${year}/${kind}`;
  const count = async (sql: string) => Number((await t.dataSource.query(sql))[0].n);
  const approve = async (sheetId: string, author: string) => {
    for (const [user, action] of [[author, 'submit'], ['shenqiu.reviewer', 'department_approve'], ['shenqiu.finance', 'approve']] as const) {
      const current = (await t.http.get(`/api/target-sheets/${sheetId}`).set(as(user))).body;
      await t.http.post(`/api/target-sheets/${sheetId}/transitions`).set(as(user)).send(transitionBody(current, action)).expect(200);
    }
  };
  const levelFindings = async (sheetId: string, user = 'shenqiu.reviewer') =>
    ((await t.http.get(`/api/target-sheets/${sheetId}`).set(as(user)).expect(200)).body.findings as { code: string; message: string }[]).filter((f) => f.code === 'LEVEL1_NOT_IN_SCHEME');

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['shenqiu.editor', 'shenqiu.reviewer', 'shenqiu.viewer', 'shenqiu.finance', 'xuchang.finance', 'xuchang.reviewer', 'hanyin.finance', 'admin']) tokens[user] = await t.login(user);
    [{ id: shenqiuBureau }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'finance_bureau' AND region = '沈丘县'`);
    [{ id: xuchangBureau }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'finance_bureau' AND region = '许昌市'`);
    const departments = await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('shenqiu.reviewer')).expect(200);
    departmentSheetId = departments.body[0].sheet.id;
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('shenqiu.editor')).expect(200);
    projectSheetId = projects.body[0].sheet.id;
  });
  afterAll(async () => t?.close());

  it('lists the national scheme for both kinds where none is configured, editable by the bureau’s finance only', async () => {
    const finance = (await t.http.get('/api/scoring-schemes').query({ fiscalYear: 2024 }).set(as('shenqiu.finance')).expect(200)).body;
    expect(finance.map((s: { bureau: { name: string }; kind: string }) => `${s.bureau.name}/${s.kind}`)).toEqual(['沈丘县财政局/project', '沈丘县财政局/department']);
    expect(finance.every((s: { current: { id: null; definition: ScoringScheme }; editable: boolean }) => s.current.id === null && s.current.definition.name === NATIONAL_PROJECT_SCHEME.name && s.editable)).toBe(true);
    const editor = (await t.http.get('/api/scoring-schemes').query({ fiscalYear: 2024 }).set(as('shenqiu.editor')).expect(200)).body;
    expect(editor.map((s: { bureau: { name: string }; editable: boolean }) => [s.bureau.name, s.editable])).toEqual([['沈丘县财政局', false], ['沈丘县财政局', false]]);
    const admin = (await t.http.get('/api/scoring-schemes').query({ fiscalYear: 2024 }).set(as('admin')).expect(200)).body;
    expect(admin).toHaveLength(10); // five bureaus × two kinds
    await t.http.get(url(shenqiuBureau, 'project')).set(as('hanyin.finance')).expect(404);
    await t.http.put(url(shenqiuBureau, 'project')).set(as('hanyin.finance')).send({ baseVersion: null, preset: 'department_wide' }).expect(404);
    await t.http.put(url(shenqiuBureau, 'project')).set(as('shenqiu.reviewer')).send({ baseVersion: null, preset: 'department_wide' }).expect(403);
    await t.http.get(`/api/scoring-schemes/${shenqiuBureau}/2024/other`).set(as('shenqiu.finance')).expect(400);
  });

  it('refuses a scheme whose points do not add up to 100, saying the sum, and writes nothing', async () => {
    const before = { schemes: await count('SELECT count(*)::int AS n FROM scoring_schemes'), audit: await count('SELECT count(*)::int AS n FROM audit_events') };
    const scheme: ScoringScheme = { ...structuredClone(NATIONAL_PROJECT_SCHEME), name: '产出 40 / 效益 30 / 满意度 15' };
    scheme.groups[0]!.points = 40;
    scheme.groups[2]!.points = 15;
    const res = await t.http.put(url(shenqiuBureau, 'project')).set(as('shenqiu.finance')).send({ baseVersion: null, scheme }).expect(400);
    expect(res.body.code).toBe('SCHEME_INVALID');
    expect(res.body.message).toContain('预算执行率与各分组分值合计为 95 分，应为 100 分');
    expect(res.body.details.problems).toEqual(['预算执行率与各分组分值合计为 95 分，应为 100 分']);
    const several = await t.http
      .put(url(shenqiuBureau, 'project'))
      .set(as('shenqiu.finance'))
      .send({ baseVersion: null, scheme: { ...scheme, name: '', groups: [{ key: 'Output', label: '产出指标', aliases: [], points: 95 }], tierValues: { achieved: 1.2, partial: 0.7, not_achieved: 0.3 } } })
      .expect(400);
    expect(several.body.details.problems).toEqual([
      '方案名称须为 1–100 个字',
      '分组“产出指标”的编码须为小写字母开头的字母、数字或下划线',
      '“产出指标”须列出一级指标名称包含的关键词（每个 1–20 个字），如“产出”',
      '“达成”的完成程度须在 0.8 到 1 之间',
    ]);
    await t.http.put(url(shenqiuBureau, 'project')).set(as('shenqiu.finance')).send({ baseVersion: null, scheme: 'a scheme' }).expect(400);
    await t.http.put(url(shenqiuBureau, 'project')).set(as('shenqiu.finance')).send({ baseVersion: null, scheme, preset: 'national_project' }).expect(400);
    expect({ schemes: await count('SELECT count(*)::int AS n FROM scoring_schemes'), audit: await count('SELECT count(*)::int AS n FROM audit_events') }).toEqual(before);
  });

  it('saves every change as a new version, audited, and refuses a save made on an old version naming who saved', async () => {
    const regional: ScoringScheme = { ...structuredClone(NATIONAL_PROJECT_SCHEME), name: '沈丘县项目支出评分（产出 40 / 效益 30 / 满意度 20）' };
    regional.groups[0]!.points = 40;
    regional.groups[2]!.points = 20;
    const first = await t.http.put(url(shenqiuBureau, 'project')).set(as('shenqiu.finance')).send({ baseVersion: null, scheme: regional }).expect(200);
    expect(first.body.current.version).toBe(1);
    expect(first.body.current.definition).toEqual(regional);
    const second = await t.http.put(url(shenqiuBureau, 'project')).set(as('shenqiu.finance')).send({ baseVersion: 1, preset: 'national_project' }).expect(200);
    expect(second.body.current.version).toBe(2);
    expect(second.body.history.map((v: { version: number; createdBy: { displayName: string } }) => [v.version, v.createdBy.displayName])).toEqual([
      [2, '孙浩'], // shenqiu.finance, by name
      [1, '孙浩'],
    ]);
    const stale = await t.http.put(url(shenqiuBureau, 'project')).set(as('admin')).send({ baseVersion: 1, scheme: regional }).expect(409);
    expect(stale.body.code).toBe('SCHEME_VERSION_CONFLICT');
    expect(stale.body.message).toMatch(/已被.+于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）修改为第 2 版/);
    expect(stale.body.details.currentVersion).toBe(2);
    const unchanged = await t.http.put(url(shenqiuBureau, 'project')).set(as('admin')).send({ baseVersion: 2, preset: 'national_project' }).expect(200);
    expect(unchanged.body.current.version).toBe(2); // nothing new to save
    const events = await t.dataSource.query(`SELECT action, before, after FROM audit_events WHERE entity_type = 'scoring_scheme' ORDER BY id`);
    expect(events.map((e: { action: string; after: { version: number; source: string } }) => [e.action, e.after.version, e.after.source])).toEqual([
      ['scoring_scheme.update', 1, 'edit'],
      ['scoring_scheme.update', 2, 'preset:national_project'],
    ]);
    expect(events[1].before.scheme.name).toBe(regional.name);
    // a copy of the project scheme into the department kind, then back to the national preset for the next tests
    const copied = await t.http.put(url(shenqiuBureau, 'department')).set(as('shenqiu.finance')).send({ baseVersion: null, copyFrom: { fiscalYear: 2024, kind: 'project' } }).expect(200);
    expect(copied.body.current.definition.name).toBe(NATIONAL_PROJECT_SCHEME.name);
    await t.http.put(url(shenqiuBureau, 'department', 2031)).set(as('shenqiu.finance')).send({ baseVersion: null, preset: 'national_project' }).expect(400); // a year not opened
  });

  it('reports LEVEL1_NOT_IN_SCHEME exactly where the region’s scheme lacks the group, while the sheet is written', async () => {
    // national for both kinds: 沈丘's 投入管理指标 has no group
    const national = await levelFindings(departmentSheetId);
    expect(national).toHaveLength(1);
    expect(national[0]!.message).toContain('一级指标“投入管理指标”（20 项）不属于评分方案');
    expect(await levelFindings(projectSheetId, 'shenqiu.editor')).toEqual([]);
    const current = (await t.http.get(url(shenqiuBureau, 'department')).set(as('shenqiu.finance'))).body.current.version;
    const saved = await t.http.put(url(shenqiuBureau, 'department')).set(as('shenqiu.finance')).send({ baseVersion: current, preset: 'department_wide' }).expect(200);
    expect(saved.body.current.definition).toEqual(DEPARTMENT_WIDE_SCHEME);
    expect(await levelFindings(departmentSheetId)).toEqual([]);
    const sheet = (await t.http.get(`/api/target-sheets/${departmentSheetId}`).set(as('shenqiu.viewer')).expect(200)).body;
    expect(sheet.scheme).toEqual({ id: saved.body.current.id, version: saved.body.current.version, definition: DEPARTMENT_WIDE_SCHEME });
    expect(sheet.findings.filter((f: { code: string }) => f.code === 'MISSING_LEVEL1')).toEqual([]);
    // the project sheets keep the national scheme; 许昌's department sheet is another region's
    expect((await t.http.get(`/api/target-sheets/${projectSheetId}`).set(as('shenqiu.editor'))).body.scheme.definition).toEqual(NATIONAL_PROJECT_SCHEME);
    const xuchang = (await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('xuchang.reviewer'))).body[0].sheet.id;
    expect(await levelFindings(xuchang, 'xuchang.reviewer')).toHaveLength(1);
    // back to national for the evaluation test
    await t.http.put(url(shenqiuBureau, 'department')).set(as('shenqiu.finance')).send({ baseVersion: saved.body.current.version, preset: 'national_project' }).expect(200);
    expect(await levelFindings(departmentSheetId)).toHaveLength(1);
  });

  it('scores the 沈丘 department-wide sheet under the department-wide scheme, refuses it under the national one, and marks it stale when the scheme changes', async () => {
    await approve(departmentSheetId, 'shenqiu.reviewer'); // a department's own sheet is written by its reviewer
    await approve(projectSheetId, 'shenqiu.editor');
    const refused = await t.http.post(`/api/target-sheets/${departmentSheetId}/evaluation`).set(as('shenqiu.finance')).expect(422);
    expect(refused.body.code).toBe('EVALUATION_BLOCKED');
    expect(refused.body.details.errors.map((e: { code: string }) => e.code)).toContain('LEVEL1_UNKNOWN');
    expect(refused.body.message).toContain('投入管理指标');
    await t.http.post(`/api/target-sheets/${projectSheetId}/evaluation`).set(as('shenqiu.finance')).expect(200);

    let version = (await t.http.get(url(shenqiuBureau, 'department')).set(as('shenqiu.finance'))).body.current.version;
    const configured = await t.http.put(url(shenqiuBureau, 'department')).set(as('shenqiu.finance')).send({ baseVersion: version, preset: 'department_wide' }).expect(200);
    version = configured.body.current.version;
    const scored = await t.http.post(`/api/target-sheets/${departmentSheetId}/evaluation`).set(as('shenqiu.finance')).expect(200);
    expect(scored.body.total).toMatch(/^\d+\.\d{2}$/);
    expect(['优', '良', '中', '差']).toContain(scored.body.gradeLabel);
    expect(scored.body.groups.map((g: { label: string; weight: string }) => `${g.label} ${g.weight}`)).toEqual(['投入管理指标 20', '产出指标 40', '效益指标 30']);
    expect(scored.body.scheme).toEqual({ id: configured.body.current.id, version, name: DEPARTMENT_WIDE_SCHEME.name });
    expect(scored.body.stale).toBe(false);
    const [row] = await t.dataSource.query(`SELECT scheme_id, scheme_version FROM evaluations WHERE sheet_id = $1`, [departmentSheetId]);
    expect(row).toEqual({ scheme_id: configured.body.current.id, scheme_version: version });

    // finance changes the department scheme: the department evaluation is stale, the project one is not
    const changed: ScoringScheme = { ...structuredClone(DEPARTMENT_WIDE_SCHEME), name: '沈丘县部门整体评分（投入 25 / 产出 35 / 效益 30）' };
    changed.groups[0]!.points = 25;
    changed.groups[1]!.points = 35;
    await t.http.put(url(shenqiuBureau, 'department')).set(as('shenqiu.finance')).send({ baseVersion: version, scheme: changed }).expect(200);
    const read = await t.http.get(`/api/target-sheets/${departmentSheetId}/evaluation`).set(as('shenqiu.viewer')).expect(200);
    expect(read.body.stale).toBe(true);
    expect(read.body.total).toBe(scored.body.total); // kept as computed until it is run again
    expect((await t.http.get(`/api/target-sheets/${projectSheetId}/evaluation`).set(as('shenqiu.viewer'))).body.stale).toBe(false);
    const overview = (await t.http.get('/api/overview').query({ fiscalYear: 2024 }).set(as('shenqiu.finance')).expect(200)).body;
    const sheets = overview.departments.flatMap((d: { sheets: { sheetId: string; stale: boolean }[] }) => d.sheets);
    expect(sheets.filter((s: { stale: boolean }) => s.stale).map((s: { sheetId: string }) => s.sheetId)).toEqual([departmentSheetId]);
    expect(overview.totals.stale).toBe(1);

    // 重新计算 clears it, under the new version
    const rerun = await t.http.post(`/api/target-sheets/${departmentSheetId}/evaluation`).set(as('shenqiu.reviewer')).expect(200);
    expect(rerun.body.stale).toBe(false);
    expect(rerun.body.scheme.version).toBe(version + 1);
    expect(rerun.body.groups.map((g: { label: string; weight: string }) => `${g.label} ${g.weight}`)).toEqual(['投入管理指标 25', '产出指标 35', '效益指标 30']);
    expect((await t.http.get('/api/overview').query({ fiscalYear: 2024 }).set(as('shenqiu.finance'))).body.totals.stale).toBe(0);
  });

  it('a region run re-evaluates what a scheme change left stale', async () => {
    const current = (await t.http.get(url(shenqiuBureau, 'project')).set(as('shenqiu.finance'))).body.current.version;
    const regional: ScoringScheme = { ...structuredClone(NATIONAL_PROJECT_SCHEME), name: '产出 40 / 效益 30 / 满意度 20' };
    regional.groups[0]!.points = 40;
    regional.groups[2]!.points = 20;
    await t.http.put(url(shenqiuBureau, 'project')).set(as('shenqiu.finance')).send({ baseVersion: current, scheme: regional }).expect(200);
    expect((await t.http.get('/api/overview').query({ fiscalYear: 2024 }).set(as('shenqiu.finance'))).body.totals.stale).toBe(1);
    const start = await t.http.post('/api/evaluation-runs').set(as('shenqiu.finance')).send({ fiscalYear: 2024 }).expect(202);
    for (let i = 0; i < 400; i++) {
      const job = await t.http.get(`/api/jobs/${start.body.jobId}`).set(as('shenqiu.finance'));
      if (job.body.state === 'completed' || job.body.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const overview = (await t.http.get('/api/overview').query({ fiscalYear: 2024 }).set(as('shenqiu.finance'))).body;
    expect(overview.totals.stale).toBe(0);
    expect(overview.totals.evaluated).toBe(2);
    // other regions never see 沈丘's schemes
    const other = (await t.http.get('/api/scoring-schemes').query({ fiscalYear: 2024 }).set(as('xuchang.finance'))).body;
    expect(other.map((s: { bureau: { id: string } }) => s.bureau.id)).toEqual([xuchangBureau, xuchangBureau]);
  });
});
