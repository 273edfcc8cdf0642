import { EvaluationRunJob } from '../../apps/api/src/evaluation/evaluation-run.job';
import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

interface Indicator { id: string; name: string }
const PROJECT = '医保重点工作经费'; // 汉阴: budget 410000.00, no spending plan, 9 indicators

describe('execution monitoring and year-end evaluation', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let sheetId: string;
  let secondSheetId: string;
  let indicators: Indicator[];
  const id = (name: string) => indicators.find((i) => i.name === name)!.id;

  const approve = async (sheet: string) => {
    for (const [user, action] of [['hanyin.editor', 'submit'], ['hanyin.reviewer', 'department_approve'], ['hanyin.finance', 'approve']]) {
      const current = (await t.http.get(`/api/target-sheets/${sheet}`).set(as(user))).body;
      const res = await t.http.post(`/api/target-sheets/${sheet}/transitions`).set(as(user)).send(transitionBody(current, action));
      expect(res.status).toBe(200);
    }
  };
  const execution = async (user = 'hanyin.editor', sheet = sheetId) => (await t.http.get(`/api/target-sheets/${sheet}/execution`).set(as(user))).body;
  const putActuals = (period: string, actuals: unknown[], user = 'hanyin.editor', sheet = sheetId) =>
    t.http.put(`/api/target-sheets/${sheet}/actuals/${period}`).set(as(user)).send({ actuals });
  const countRows = async (table: string) => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'xuchang.finance', 'xuchang.editor', 'admin']) tokens[user] = await t.login(user);
    const projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'))).body as { name: string; sheet: { id: string } }[];
    sheetId = projects.find((p) => p.name === PROJECT)!.sheet.id;
    secondSheetId = projects.find((p) => p.name !== PROJECT)!.sheet.id;
    indicators = (await t.http.get(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor'))).body.indicators;
  });
  afterAll(async () => t?.close());

  describe('before approval', () => {
    it('refuses spending and actuals on a sheet that is not approved (409), and evaluation too', async () => {
      const spend = await t.http.put(`/api/target-sheets/${sheetId}/expenditures`).set(as('hanyin.editor')).send({ expenditures: [{ month: 1, amount: '1.00' }] });
      expect({ status: spend.status, code: spend.body.code }).toEqual({ status: 409, code: 'SHEET_NOT_APPROVED' });
      expect(spend.body.message).toContain('目标表尚未批准');
      const evaluate = await t.http.post(`/api/target-sheets/${sheetId}/evaluation`).set(as('hanyin.editor'));
      expect({ status: evaluate.status, code: evaluate.body.code }).toEqual({ status: 409, code: 'SHEET_NOT_APPROVED' });
      const read = await execution();
      expect(read).toMatchObject({ sheetId, status: 'draft', editable: false, budget: '410000.00', spent: '0.00', lights: [], secondRound: [] });
    });
  });

  describe('monitoring', () => {
    beforeAll(async () => approve(sheetId));

    it('records monthly spending to the cent and lights it against a linear plan', async () => {
      const res = await t.http
        .put(`/api/target-sheets/${sheetId}/expenditures`)
        .set(as('hanyin.editor'))
        .send({ expenditures: [{ month: 6, amount: '150000.00' }, { month: 3, amount: '100000.00', note: '一季度报销' }, { month: 9, amount: '80000.00' }, { month: 12, amount: '60000.50' }] });
      expect(res.status).toBe(200);
      expect(res.body.spent).toBe('390000.50');
      expect(res.body.editable).toBe(true);
      expect(res.body.expenditures).toEqual([
        { month: 3, amount: '100000.00', note: '一季度报销' },
        { month: 6, amount: '150000.00', note: null },
        { month: 9, amount: '80000.00', note: null },
        { month: 12, amount: '60000.50', note: null },
      ]);
      const q1 = res.body.lights.find((l: { period: string }) => l.period === 'Q1');
      // linear plan: 410000.00 × 3/12 = 102500.00; 100000.00 ÷ 102500.00 = 97.56%
      expect(q1.spending).toMatchObject({ planned: '102500.00', spent: '100000.00', light: 'green' });
      expect(q1.spending.explanation).toContain('无支出计划');
      const q2 = res.body.lights.find((l: { period: string }) => l.period === 'Q2');
      // 250000.00 ÷ 205000.00 = 121.95%: ahead of plan → blue
      expect(q2.spending).toMatchObject({ planned: '205000.00', spent: '250000.00', light: 'blue' });
      expect(res.body.lights.map((l: { period: string }) => l.period)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'M7', 'M9']);
    });

    it.each([
      ['a repeated month', [{ month: 3, amount: '1.00' }, { month: 3, amount: '2.00' }], 'VALIDATION_FAILED', '3 月的支出重复'],
      ['three decimals', [{ month: 1, amount: '1.005' }], 'VALIDATION_FAILED', '两位小数'],
      ['month 13', [{ month: 13, amount: '1.00' }], 'VALIDATION_FAILED', '月份须在 1 到 12 之间'],
    ])('refuses %s with 400 and keeps the spending as it was', async (_name, expenditures, code, message) => {
      const res = await t.http.put(`/api/target-sheets/${sheetId}/expenditures`).set(as('hanyin.editor')).send({ expenditures });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(JSON.stringify(res.body)).toContain(message);
      expect((await execution()).spent).toBe('390000.50');
    });

    it('lets only recorders inside the subtree write', async () => {
      const viewer = await t.http.put(`/api/target-sheets/${sheetId}/expenditures`).set(as('hanyin.viewer')).send({ expenditures: [] });
      expect(viewer.status).toBe(403);
      const finance = await putActuals('M7', [], 'hanyin.finance');
      expect(finance.status).toBe(403);
      const outsider = await t.http.put(`/api/target-sheets/${sheetId}/expenditures`).set(as('xuchang.editor')).send({ expenditures: [] });
      expect({ status: outsider.status, code: outsider.body.code }).toEqual({ status: 404, code: 'SHEET_NOT_FOUND' });
      expect((await t.http.get(`/api/target-sheets/${sheetId}/execution`).set(as('xuchang.finance'))).status).toBe(404);
      expect((await execution('hanyin.viewer')).editable).toBe(false);
      expect((await execution()).spent).toBe('390000.50');
    });

    it('records the 1–7月 actuals with forecast, likelihood and deviation, and lights every indicator', async () => {
      const res = await putActuals('M7', [
        { indicatorId: id('服务全县参保群众人数'), actual: { kind: 'number', value: 15 } },
        {
          indicatorId: id('群众对医保工作的满意度'),
          actual: { kind: 'number', value: 80 },
          likelihood: 'possible',
          deviationCategory: 'staffing',
          deviationReason: '窗口人员不足，排队时间长',
          measures: '增设自助服务终端',
        },
        { indicatorId: id('医保重要政策知晓率'), actual: null, forecast: 45 },
      ]);
      expect(res.status).toBe(200);
      const m7 = res.body.lights.find((l: { period: string }) => l.period === 'M7');
      const light = (name: string) => m7.indicators.find((i: { indicatorId: string }) => i.indicatorId === id(name));
      // 15 万人 ÷ (27 万人 × 7/12 = 15.75 万人) = 95.23% → green
      expect(light('服务全县参保群众人数')).toMatchObject({ light: 'green' });
      expect(light('服务全县参保群众人数').explanation).toContain('15.75');
      // 80% ÷ 90% = 88.88%, green, darkened to yellow by 有可能
      expect(light('群众对医保工作的满意度')).toMatchObject({ light: 'yellow' });
      // forecast 45% ÷ 90% = 50% → red
      expect(light('医保重要政策知晓率')).toMatchObject({ light: 'red', pace: 0.5 });
      expect(light('预算控制数')).toMatchObject({ light: null });
      expect(m7.overall).toBe('red');
      // 知晓率's forecast is 50% of target: the 1–9月 round is needed
      expect(res.body.secondRound).toEqual(['「医保重要政策知晓率」1–7月进度偏差 50.00%（滞后，超过 30%）']);
      const recorded = res.body.actuals.find((a: { indicatorId: string }) => a.indicatorId === id('群众对医保工作的满意度'));
      expect(recorded).toMatchObject({ period: 'M7', deviationCategory: 'staffing', deviationReason: '窗口人员不足，排队时间长', measures: '增设自助服务终端', recordedBy: expect.any(String) });
    });

    it('refuses an actual that does not fit its target, writing none of the request', async () => {
      const before = await countRows('indicator_actuals');
      const res = await putActuals('Q3', [
        { indicatorId: id('服务全县参保群众人数'), actual: { kind: 'number', value: 20 } },
        { indicatorId: id('医保报销的合规性'), actual: { kind: 'number', value: 1 } },
      ]);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ACTUAL_INVALID');
      expect(res.body.message).toContain('「医保报销的合规性」：定性类指标应录入评价等级');
      expect(await countRows('indicator_actuals')).toBe(before);
      const foreign = await putActuals('Q3', [{ indicatorId: '00000000-0000-4000-8000-000000000000', actual: null }]);
      expect(foreign.body.code).toBe('INDICATOR_NOT_IN_SHEET');
      const badPeriod = await putActuals('Q5', []);
      expect({ status: badPeriod.status, code: badPeriod.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    });

    it('rolls the lights up per department and finance bureau, inside the caller’s region only', async () => {
      const res = await t.http.get('/api/monitoring').query({ fiscalYear: 2024, period: 'M7' }).set(as('hanyin.finance'));
      expect(res.status).toBe(200);
      expect(res.body.bureaus).toHaveLength(1);
      const bureau = res.body.bureaus[0];
      expect(bureau.organization.name).toBe('汉阴县财政局');
      expect(bureau.budget).toBe('410000.00');
      expect(bureau.spent).toBe('250000.00'); // spent by the end of July (March + June)
      expect(bureau.children).toHaveLength(1);
      const department = bureau.children[0];
      expect(department.sheets).toEqual([expect.objectContaining({ sheetId, projectName: PROJECT, light: 'red', redIndicators: 1 })]);
      expect(department.indicators).toMatchObject({ red: 1, yellow: 1, green: 1 });
      expect(department.projects).toMatchObject({ red: 1 });
      const outsider = await t.http.get('/api/monitoring').query({ fiscalYear: 2024, period: 'M7' }).set(as('xuchang.finance'));
      expect(JSON.stringify(outsider.body)).not.toContain('汉阴');
      const badPeriod = await t.http.get('/api/monitoring').query({ fiscalYear: 2024, period: 'X' }).set(as('hanyin.finance'));
      expect(badPeriod.status).toBe(400);
    });
  });

  describe('year-end evaluation', () => {
    const finals = () => [
      { indicatorId: id('服务全县参保群众人数'), actual: { kind: 'number', value: 28 } },
      { indicatorId: id('保障企业离休干部人数'), actual: { kind: 'number', value: 2 } },
      { indicatorId: id('医保报销的合规性'), actual: { kind: 'tier', tier: 'achieved' } },
      // 工作完成时限: no final actual → missing, 0 points
      { indicatorId: id('预算控制数'), actual: { kind: 'number', value: 39.000050 } },
      { indicatorId: id('医保重要政策知晓率'), actual: { kind: 'number', value: 85 }, deviationCategory: 'other', deviationReason: '宣传覆盖不足', measures: '进村入户宣传' },
      { indicatorId: id('医保人员业务水平的提升'), actual: { kind: 'tier', tier: 'partial' } },
      { indicatorId: id('群众对医保工作的满意度'), actual: { kind: 'number', value: 50 }, deviationCategory: 'staffing', deviationReason: '窗口人员不足' },
      { indicatorId: id('医保工作人员的满意度'), actual: { kind: 'number', value: 96 } },
    ];

    it('scores the sheet exactly as DESIGN §3, with every number explained', async () => {
      expect((await putActuals('Y', finals())).status).toBe(200);
      const res = await t.http.post(`/api/target-sheets/${sheetId}/evaluation`).set(as('hanyin.editor'));
      expect(res.status).toBe(200);
      const e = res.body;
      // 390000.50 ÷ 410000.00 = 95.12% → 10 × 0.9512 = 9.51
      expect(e.budgetExecution).toMatchObject({ budget: '410000.00', spent: '390000.50', score: '9.51' });
      const row = (name: string) => e.indicators.find((i: { name: string }) => i.name === name);
      expect(row('服务全县参保群众人数')).toMatchObject({ weight: '10.00', computedScore: '10.00', score: '10.00', unmet: null, actualText: '28万人' });
      expect(row('工作完成时限')).toMatchObject({ weight: '10.00', computedScore: '0.00', unmet: 'missing', actual: null, actualText: '未填报' });
      expect(row('医保重要政策知晓率')).toMatchObject({ weight: '15.00', computedScore: '14.17', unmet: 'minor', deviationReason: '宣传覆盖不足', measures: '进村入户宣传' });
      expect(row('医保重要政策知晓率').completion.explanation).toContain('85%');
      expect(row('医保人员业务水平的提升')).toMatchObject({ weight: '15.00', computedScore: '10.50', unmet: 'moderate' });
      expect(row('群众对医保工作的满意度')).toMatchObject({ weight: '5.00', computedScore: '2.78', unmet: 'severe' });
      expect(e.groups.map((g: { score: string }) => g.score)).toEqual(['40.00', '24.67', '7.78']);
      // 9.51 + 40.00 + 24.67 + 7.78 = 81.96 → 良
      expect(e).toMatchObject({ total: '81.96', grade: 'good', gradeLabel: '良', unmetCounts: { minor: 1, moderate: 1, severe: 1, missing: 1 } });
      expect(e.totalExplanation).toContain('= 81.96');
      for (const indicator of e.indicators) expect(indicator.explanation.length).toBeGreaterThan(0);
      // every weight explained as computed, its group's shared explanation stored once in the details
      for (const indicator of e.indicators) expect(indicator.weightExplanation).toMatch(/^(产出|效益|满意度)指标.*\d/);
      expect(row('服务全县参保群众人数').weightExplanation).toBe(row('工作完成时限').weightExplanation);
      const [stored] = await t.dataSource.query(`SELECT details FROM evaluations WHERE sheet_id = $1`, [sheetId]);
      expect(stored.details.weightExplanations['output']).toBe(row('服务全县参保群众人数').weightExplanation);
      expect(await countRows('indicator_scores')).toBe(9);
      const read = await t.http.get(`/api/target-sheets/${sheetId}/evaluation`).set(as('hanyin.viewer'));
      expect(read.body).toEqual(e);
    });

    it('lets a reviewer override a score with a reason; the override survives re-evaluation and can be cleared', async () => {
      const url = `/api/target-sheets/${sheetId}/evaluation/overrides/${id('医保重要政策知晓率')}`;
      expect((await t.http.put(url).set(as('hanyin.editor')).send({ score: '13.00', reason: 'x' })).status).toBe(403);
      const noReason = await t.http.put(url).set(as('hanyin.reviewer')).send({ score: '13.00', reason: ' ' });
      expect({ status: noReason.status, code: noReason.body.code }).toEqual({ status: 400, code: 'OVERRIDE_INVALID' });
      const tooHigh = await t.http.put(url).set(as('hanyin.reviewer')).send({ score: '15.50', reason: '多给' });
      expect({ status: tooHigh.status, code: tooHigh.body.code }).toEqual({ status: 400, code: 'OVERRIDE_INVALID' });
      const ok = await t.http.put(url).set(as('hanyin.reviewer')).send({ score: '13', reason: '宣传材料未覆盖偏远村组，酌情扣分' });
      expect(ok.status).toBe(200);
      const row = ok.body.indicators.find((i: { name: string }) => i.name === '医保重要政策知晓率');
      expect(row).toMatchObject({ computedScore: '14.17', score: '13.00', override: { score: '13.00', reason: '宣传材料未覆盖偏远村组，酌情扣分', by: expect.any(String) } });
      expect(ok.body.total).toBe('80.79'); // 81.96 − 14.17 + 13.00
      const again = await t.http.post(`/api/target-sheets/${sheetId}/evaluation`).set(as('hanyin.editor'));
      expect(again.body.total).toBe('80.79');
      const audit = (await t.http.get(`/api/target-sheets/${sheetId}/audit`).set(as('hanyin.reviewer'))).body as { action: string }[];
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['evaluation.override', 'evaluation.compute', 'execution.actuals', 'execution.expenditures']));
      const cleared = await t.http.put(url).set(as('hanyin.reviewer')).send({ score: null });
      expect(cleared.body.total).toBe('81.96');
    });

    it('says 404 before a sheet is evaluated, and nothing to other regions', async () => {
      const none = await t.http.get(`/api/target-sheets/${secondSheetId}/evaluation`).set(as('hanyin.editor'));
      expect({ status: none.status, code: none.body.code }).toEqual({ status: 404, code: 'EVALUATION_NOT_FOUND' });
      const outsider = await t.http.get(`/api/target-sheets/${sheetId}/evaluation`).set(as('xuchang.finance'));
      expect({ status: outsider.status, code: outsider.body.code }).toEqual({ status: 404, code: 'SHEET_NOT_FOUND' });
    });

    it('evaluates a region as a job with progress, skipping sheets not approved', async () => {
      const start = await t.http.post('/api/evaluation-runs').set(as('hanyin.finance')).send({ fiscalYear: 2024 });
      expect(start.status).toBe(202);
      let job: { state: string; progress: number; result: { evaluated: number; skipped: number; blocked: unknown[] } } | undefined;
      for (let i = 0; i < 100; i++) {
        job = (await t.http.get(`/api/jobs/${start.body.jobId}`).set(as('hanyin.finance'))).body;
        if (job!.state === 'completed' || job!.state === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(job).toMatchObject({ state: 'completed', progress: 100 });
      expect(job!.result.evaluated).toBe(1);
      expect(job!.result.blocked).toEqual([]);
      expect(job!.result.skipped).toBeGreaterThan(0);
      const otherRegion = await t.http.post('/api/evaluation-runs').set(as('xuchang.finance')).send({ fiscalYear: 2024, organizationId: (await execution()).department.id });
      expect({ status: otherRegion.status, code: otherRegion.body.code }).toEqual({ status: 404, code: 'ORGANIZATION_NOT_FOUND' });
      expect((await t.http.post('/api/evaluation-runs').set(as('hanyin.editor')).send({ fiscalYear: 2024 })).status).toBe(403);
    });

    it('a run that dies in the middle leaves whole evaluations only, and a retry completes it', async () => {
      await approve(secondSheetId);
      const job = t.app.get(EvaluationRunJob);
      const region = (await execution()).department.id;
      const [{ id: actorId }] = await t.dataSource.query(`SELECT id FROM users WHERE username = 'hanyin.finance'`);
      const secondIndicator = (await t.http.get(`/api/target-sheets/${secondSheetId}`).set(as('hanyin.editor'))).body.indicators.at(-1).id;
      // The database fails the second sheet's last score row, as a crash in the middle of a batch would
      // (its passing trouble, SQLSTATE 57P01 admin_shutdown: the job fails to be retried; an error of the
      // sheet's own data would report the sheet as blocked instead, test/hardening/domain-input).
      await t.dataSource.query(`
        CREATE FUNCTION fail_once() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash' USING ERRCODE = '57P01'; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER fail_score BEFORE INSERT ON indicator_scores FOR EACH ROW WHEN (NEW.indicator_id = '${secondIndicator}') EXECUTE FUNCTION fail_once();`);
      const progress: number[] = [];
      await expect(job.run({ fiscalYear: 2024, organizationId: region, actorId, correlationId: null, batchSize: 1 }, async (p) => void progress.push(p))).rejects.toThrow('simulated crash');
      const whole = async () =>
        (await t.dataSource.query(
          `SELECT e.sheet_id, count(s.*)::int AS scores, (SELECT count(*)::int FROM indicators i WHERE i.sheet_id = e.sheet_id) AS indicators
             FROM evaluations e LEFT JOIN indicator_scores s ON s.evaluation_id = e.id GROUP BY e.sheet_id`,
        )) as { sheet_id: string; scores: number; indicators: number }[];
      const afterCrash = await whole();
      expect(afterCrash.map((r) => r.sheet_id)).toEqual([sheetId]); // the first batch landed whole, the second not at all
      for (const r of afterCrash) expect(r.scores).toBe(r.indicators);
      expect(progress[0]).toBe(1);

      await t.dataSource.query('DROP TRIGGER fail_score ON indicator_scores; DROP FUNCTION fail_once();');
      const retry = await job.run({ fiscalYear: 2024, organizationId: region, actorId, correlationId: null, batchSize: 1 }, async (p) => void progress.push(p));
      expect(retry.evaluated).toBe(2);
      const afterRetry = await whole();
      expect(afterRetry.map((r) => r.sheet_id).sort()).toEqual([sheetId, secondSheetId].sort());
      for (const r of afterRetry) expect(r.scores).toBe(r.indicators);
      expect(progress.at(-1)).toBe(100);
    });

    it('shows finance the overview: execution, scores, grades and unmet targets per department', async () => {
      const res = await t.http.get('/api/overview').query({ fiscalYear: 2024 }).set(as('hanyin.finance'));
      expect(res.status).toBe(200);
      const [department] = res.body.departments;
      expect(department.department.name).toBe('汉阴县医疗保障局');
      const sheet = department.sheets.find((s: { sheetId: string }) => s.sheetId === sheetId);
      expect(sheet).toMatchObject({ name: PROJECT, budget: '410000.00', spent: '390000.50', total: '81.96', grade: 'good' });
      expect(sheet.unmet.map((u: { name: string; severity: string }) => `${u.name}:${u.severity}`)).toEqual([
        '工作完成时限:missing',
        '医保重要政策知晓率:minor',
        '医保人员业务水平的提升:moderate',
        '群众对医保工作的满意度:severe',
      ]);
      expect(res.body.totals.evaluated).toBe(2);
      expect(res.body.totals.grades.good).toBeGreaterThanOrEqual(1);
      const outsider = await t.http.get('/api/overview').query({ fiscalYear: 2024 }).set(as('xuchang.finance'));
      expect(JSON.stringify(outsider.body)).not.toContain('汉阴');
    });
  });

  describe('a sheet the scoring rules cannot score', () => {
    it('answers 422 EVALUATION_BLOCKED with every reason, and the region run lists it as blocked', async () => {
      tokens['xuchang.reviewer'] = await t.login('xuchang.reviewer');
      const departments = (await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('xuchang.reviewer'))).body as { sheet: { id: string } | null }[];
      const departmentSheet = departments[0]!.sheet!.id; // 许昌's department-wide sheet uses 投入管理指标, outside the national scheme
      for (const [user, action] of [['xuchang.reviewer', 'submit'], ['xuchang.reviewer', 'department_approve'], ['xuchang.finance', 'approve']]) {
        const current = (await t.http.get(`/api/target-sheets/${departmentSheet}`).set(as(user))).body;
        await t.http.post(`/api/target-sheets/${departmentSheet}/transitions`).set(as(user)).send(transitionBody(current, action)).expect(200);
      }
      const before = await countRows('evaluations');
      const res = await t.http.post(`/api/target-sheets/${departmentSheet}/evaluation`).set(as('xuchang.reviewer'));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('EVALUATION_BLOCKED');
      expect(res.body.message).toContain('投入管理指标');
      expect(res.body.details.errors.length).toBe(20);
      expect(res.body.details.errors[0]).toMatchObject({ code: 'LEVEL1_UNKNOWN', indicatorId: expect.any(String) });
      expect(await countRows('evaluations')).toBe(before);

      const run = await t.http.post('/api/evaluation-runs').set(as('xuchang.finance')).send({ fiscalYear: 2024 });
      let job: { state: string; result: { evaluated: number; blocked: { sheetId: string; name: string }[] } } | undefined;
      for (let i = 0; i < 100 && job?.state !== 'completed'; i++) {
        job = (await t.http.get(`/api/jobs/${run.body.jobId}`).set(as('xuchang.finance'))).body;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(job!.result.evaluated).toBe(0);
      expect(job!.result.blocked).toEqual([expect.objectContaining({ sheetId: departmentSheet, name: '许昌市医疗保障局 部门整体' })]);
    });
  });

  describe('an adjustment approved mid-year', () => {
    it('carries the recorded actuals over to the new version, matched by indicator, and monitoring follows it', async () => {
      const act = async (user: string, action: string, sheet: string, comment?: string) => {
        const current = (await t.http.get(`/api/target-sheets/${sheet}`).set(as(user))).body;
        const res = await t.http.post(`/api/target-sheets/${sheet}/transitions`).set(as(user)).send(transitionBody(current, action, comment));
        expect(res.status).toBe(200);
        return res.body;
      };
      const v2 = await act('hanyin.editor', 'adjust', sheetId, '年中调整');
      // While the new version is a draft, the approved one stays in effect and takes records.
      expect((await putActuals('Q3', [{ indicatorId: id('服务全县参保群众人数'), actual: { kind: 'number', value: 21 } }])).status).toBe(200);
      const draftExecution = await execution('hanyin.editor', v2.id);
      expect(draftExecution.editable).toBe(false);
      for (const [user, action] of [['hanyin.editor', 'submit'], ['hanyin.reviewer', 'department_approve'], ['hanyin.finance', 'approve']]) await act(user, action, v2.id);
      const moved = await execution('hanyin.editor', v2.id);
      expect(moved.editable).toBe(true);
      const newId = (name: string) => moved.indicators.find((i: { name: string }) => i.name === name).id;
      const carried = moved.actuals.filter((a: { indicatorId: string; period: string }) => a.indicatorId === newId('服务全县参保群众人数')).map((a: { period: string; actual: { value: number } }) => `${a.period}:${a.actual.value}`);
      expect(carried.sort()).toEqual(['M7:15', 'Q3:21', 'Y:28']);
      expect(moved.spent).toBe('390000.50'); // spending belongs to the project
      const audit = (await t.http.get(`/api/target-sheets/${v2.id}/audit`).set(as('hanyin.finance'))).body as { action: string; after: { actualsCarriedOver?: number } }[];
      expect(audit.find((a) => a.action === 'sheet.approve')!.after.actualsCarriedOver).toBe(moved.actuals.length);
      const monitoring = await t.http.get('/api/monitoring').query({ fiscalYear: 2024, period: 'Q3' }).set(as('hanyin.finance'));
      const sheets = monitoring.body.bureaus[0].children[0].sheets.map((s: { sheetId: string }) => s.sheetId);
      expect(sheets).toContain(v2.id);
      expect(sheets).not.toContain(sheetId);
    });
  });
});
