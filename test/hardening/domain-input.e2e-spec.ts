import { readDataset } from '../support/fixtures';
import { startTestApp, tableCounts, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

/**
 * Issue 10, the domain part of "no 500 from input": values the rules accept (or that predate them)
 * must never stop a year end or answer 500. One describe per cause; each fails on the old behaviour.
 */
interface Indicator { id: string; name: string }
interface JobBody { state: string; progress: number; result: { evaluated: number; skipped: number; blocked: { sheetId: string; name: string; errors: { code: string; message: string }[] }[] } | null }

describe('hardening: domain input', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const countRows = async (table: string) => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['hanyin.editor', 'hanyin.reviewer', 'hanyin.finance', 'admin']) tokens[user] = await t.login(user);
  });
  afterAll(async () => t?.close());

  const approve = async (sheet: string) => {
    for (const [user, action] of [['hanyin.editor', 'submit'], ['hanyin.reviewer', 'department_approve'], ['hanyin.finance', 'approve']] as const) {
      const current = (await t.http.get(`/api/target-sheets/${sheet}`).set(as(user))).body;
      await t.http.post(`/api/target-sheets/${sheet}/transitions`).set(as(user)).send(transitionBody(current, action)).expect(200);
    }
  };

  describe('1. one mistyped actual stops a region’s year end', () => {
    let projects: { name: string; sheet: { id: string } }[];
    let sheetId: string; // 医保重点工作经费: ≥2人, ≥90%, ≤41万元 …
    let indicators: Indicator[];
    const id = (name: string) => indicators.find((i) => i.name === name)!.id;
    const putActuals = (period: string, actuals: unknown[]) => t.http.put(`/api/target-sheets/${sheetId}/actuals/${period}`).set(as('hanyin.editor')).send({ actuals });

    beforeAll(async () => {
      projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'))).body;
      sheetId = projects.find((p) => p.name === '医保重点工作经费')!.sheet.id;
      await approve(sheetId);
      indicators = (await t.http.get(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor'))).body.indicators;
    });

    it('a. refuses an actual beyond 100× or below 1/100 of its target with 400 ACTUAL_IMPLAUSIBLE naming each indicator and its target, storing nothing', async () => {
      const before = await countRows('indicator_actuals');
      const res = await putActuals('Y', [
        { indicatorId: id('保障企业离休干部人数'), actual: { kind: 'number', value: 2_000_000 } }, // ≥2人
        { indicatorId: id('医保重要政策知晓率'), actual: { kind: 'number', value: 0.85 } }, // ≥90%: a rate typed as a fraction
        { indicatorId: id('服务全县参保群众人数'), actual: { kind: 'number', value: 28 } }, // plausible
      ]);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ACTUAL_IMPLAUSIBLE');
      expect(res.body.message).toContain('「保障企业离休干部人数」（指标值 ≥ 2 人，录入 2000000人）');
      expect(res.body.message).toContain('「医保重要政策知晓率」（指标值 ≥ 90%，录入 0.85%）');
      expect(res.body.message).toContain('确认无误');
      expect(res.body.details.implausible).toEqual([
        expect.objectContaining({ indicatorId: id('保障企业离休干部人数'), name: '保障企业离休干部人数', target: '≥ 2 人', actual: '2000000人', direction: 'above' }),
        expect.objectContaining({ indicatorId: id('医保重要政策知晓率'), name: '医保重要政策知晓率', target: '≥ 90%', actual: '0.85%', direction: 'below' }),
      ]);
      expect(await countRows('indicator_actuals')).toBe(before);
      // one doubted value: the message is its own sentence
      const one = await putActuals('M9', [{ indicatorId: id('保障企业离休干部人数'), actual: { kind: 'number', value: 2_000_000 } }]);
      expect(one.body.message).toBe('「保障企业离休干部人数」：实际完成值 2000000人 超过指标值 2人 的 100 倍（指标值 ≥ 2 人），可能录入有误（单位、小数点或多输了数字）；请核对，确认无误后选择“数值无误，仍然保存”');
      // during the year a small value is progress, not a slip
      expect((await putActuals('Q1', [{ indicatorId: id('保障企业离休干部人数'), actual: { kind: 'number', value: 0.01 } }])).status).toBe(200);
    });

    it('a. stores it when each doubted entry carries confirmedImplausible: true, and audits the confirmation', async () => {
      const half = await putActuals('Y', [
        { indicatorId: id('保障企业离休干部人数'), actual: { kind: 'number', value: 2_000_000 }, confirmedImplausible: true },
        { indicatorId: id('医保重要政策知晓率'), actual: { kind: 'number', value: 0.85 } },
      ]);
      expect({ status: half.status, code: half.body.code }).toEqual({ status: 400, code: 'ACTUAL_IMPLAUSIBLE' });
      expect(half.body.details.implausible.map((i: { name: string }) => i.name)).toEqual(['医保重要政策知晓率']);
      const notBoolean = await putActuals('Y', [{ indicatorId: id('保障企业离休干部人数'), actual: { kind: 'number', value: 3 }, confirmedImplausible: 'yes' }]);
      expect({ status: notBoolean.status, code: notBoolean.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      const ok = await putActuals('Y', [
        { indicatorId: id('保障企业离休干部人数'), actual: { kind: 'number', value: 2_000_000 }, confirmedImplausible: true },
        { indicatorId: id('医保重要政策知晓率'), actual: { kind: 'number', value: 0.85 }, confirmedImplausible: true },
        { indicatorId: id('服务全县参保群众人数'), actual: { kind: 'number', value: 28 }, confirmedImplausible: true },
      ]);
      expect(ok.status).toBe(200);
      const [event] = await t.dataSource.query(`SELECT after FROM audit_events WHERE action = 'execution.actuals' ORDER BY id DESC LIMIT 1`);
      expect(event.after.confirmedImplausible.sort()).toEqual([id('保障企业离休干部人数'), id('医保重要政策知晓率')].sort());
    });

    it('a. documents confirmedImplausible in OpenAPI', async () => {
      const docs = (await t.http.get('/api/docs-json')).body;
      expect(docs.components.schemas.ActualDto.properties.confirmedImplausible).toMatchObject({ type: 'boolean' });
      expect(docs.components.schemas.ActualDto.properties.confirmedImplausible.description).toContain('ACTUAL_IMPLAUSIBLE');
    });

    it('b. evaluates a sheet whatever actual is stored (confirmed, or written before the check): no 500, the exact rate shown, the score capped', async () => {
      // 2×10^20 人 against ≥2人, written straight into the database as data from before the check would be
      await t.dataSource.query(`UPDATE indicator_actuals SET actual = '{"kind":"number","value":2e20}' WHERE indicator_id = $1 AND period = 'Y'`, [id('保障企业离休干部人数')]);
      await t.dataSource.query(`INSERT INTO indicator_actuals (indicator_id, period, actual) VALUES ($1, 'Y', '{"kind":"number","value":1e-300}')`, [id('预算控制数')]); // ≤41万元
      await t.dataSource.query(`INSERT INTO indicator_actuals (indicator_id, period, actual) VALUES ($1, 'Y', '{"kind":"number","value":1.7976931348623157e308}')`, [id('群众对医保工作的满意度')]); // ≥90%
      const res = await t.http.post(`/api/target-sheets/${sheetId}/evaluation`).set(as('hanyin.editor'));
      expect(res.status).toBe(200);
      const row = (name: string) => res.body.indicators.find((i: { name: string }) => i.name === name);
      expect(row('保障企业离休干部人数')).toMatchObject({ weight: '10.00', computedScore: '10.00' });
      expect(row('保障企业离休干部人数').completion.ratePercent).toBe('10000000000000000000000.00'); // 10^20 × 100%
      expect(row('预算控制数')).toMatchObject({ computedScore: row('预算控制数').weight });
      expect(row('群众对医保工作的满意度').computedScore).toBe(row('群众对医保工作的满意度').weight);
      const [stored] = await t.dataSource.query(`SELECT completion_percent::text AS percent FROM indicator_scores WHERE indicator_id = $1`, [id('保障企业离休干部人数')]);
      expect(stored.percent).toBe('10000000000000000000000.00');
    });

    it('c. the region run survives a sheet whose evaluation fails: the rest of its batch lands and the result names the sheet', async () => {
      const others = projects.filter((p) => p.sheet.id !== sheetId).slice(0, 2);
      for (const p of others) await approve(p.sheet.id);
      const [failing, healthy] = others;
      const failingIndicator = (await t.http.get(`/api/target-sheets/${failing!.sheet.id}`).set(as('hanyin.editor'))).body.indicators[0].id;
      // The failing sheet: the database refuses its score rows (any error of the sheet's own data).
      await t.dataSource.query(`
        CREATE FUNCTION refuse_score() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'numeric field overflow (simulated)'; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER refuse_score BEFORE INSERT ON indicator_scores FOR EACH ROW WHEN (NEW.indicator_id = '${failingIndicator}') EXECUTE FUNCTION refuse_score();`);
      try {
        await t.dataSource.query('DELETE FROM evaluations');
        const start = await t.http.post('/api/evaluation-runs').set(as('hanyin.finance')).send({ fiscalYear: 2024 });
        expect(start.status).toBe(202);
        let job: JobBody | undefined;
        for (let i = 0; i < 400 && job?.state !== 'completed' && job?.state !== 'failed'; i++) {
          await new Promise((r) => setTimeout(r, 50));
          job = (await t.http.get(`/api/jobs/${start.body.jobId}`).set(as('hanyin.finance'))).body;
        }
        expect(job).toMatchObject({ state: 'completed', progress: 100 });
        expect(job!.result!.evaluated).toBe(2); // the absurd-actual sheet and the healthy one, in the same batch as the failing one
        expect(job!.result!.blocked).toEqual([
          { sheetId: failing!.sheet.id, name: failing!.name, errors: [expect.objectContaining({ code: 'EVALUATION_FAILED', indicatorId: null })] },
        ]);
        expect(job!.result!.blocked[0]!.errors[0]!.message).toContain('该目标表的评价未能完成，已跳过');
        expect(job!.result!.blocked[0]!.errors[0]!.message).toContain('numeric field overflow (simulated)');
        const evaluated = (await t.dataSource.query('SELECT sheet_id FROM evaluations')).map((r: { sheet_id: string }) => r.sheet_id).sort();
        expect(evaluated).toEqual([sheetId, healthy!.sheet.id].sort());
        const [whole] = await t.dataSource.query(
          `SELECT bool_and(scores = indicators) AS ok FROM (
             SELECT (SELECT count(*) FROM indicator_scores s WHERE s.evaluation_id = e.id) AS scores,
                    (SELECT count(*) FROM indicators i WHERE i.sheet_id = e.sheet_id) AS indicators FROM evaluations e) x`,
        );
        expect(whole.ok).toBe(true);
      } finally {
        await t.dataSource.query('DROP TRIGGER IF EXISTS refuse_score ON indicator_scores; DROP FUNCTION IF EXISTS refuse_score();');
      }
    });

    it('d. the region run blocks a sheet whose stored actual cannot be computed (1e400, read as Infinity), naming it and the indicator, and evaluates the rest', async () => {
      const [, healthy] = projects.filter((p) => p.sheet.id !== sheetId).slice(0, 2);
      const healthyIndicators: Indicator[] = (await t.http.get(`/api/target-sheets/${healthy!.sheet.id}`).set(as('hanyin.editor'))).body.indicators;
      const target = healthyIndicators[0]!;
      await t.dataSource.query(`DELETE FROM indicator_actuals WHERE indicator_id = $1 AND period = 'Y'`, [target.id]);
      await t.dataSource.query(`INSERT INTO indicator_actuals (indicator_id, period, actual) VALUES ($1, 'Y', '{"kind":"number","value":1e400}')`, [target.id]);
      await t.dataSource.query('DELETE FROM evaluations');
      const start = await t.http.post('/api/evaluation-runs').set(as('hanyin.finance')).send({ fiscalYear: 2024 });
      let job: JobBody | undefined;
      for (let i = 0; i < 400 && job?.state !== 'completed' && job?.state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        job = (await t.http.get(`/api/jobs/${start.body.jobId}`).set(as('hanyin.finance'))).body;
      }
      expect(job).toMatchObject({ state: 'completed', progress: 100 });
      expect(job!.result!.blocked).toEqual([
        { sheetId: healthy!.sheet.id, name: healthy!.name, errors: [expect.objectContaining({ code: 'ACTUAL_INVALID', indicatorId: target.id })] },
      ]);
      expect(job!.result!.blocked[0]!.errors[0]!.message).toContain(`指标「${target.name}」的实际完成值无法计算完成率`);
      expect(job!.result!.blocked[0]!.errors[0]!.message).toContain('实际完成值超出可计算的范围，请核对后重新录入');
      expect(job!.result!.evaluated).toBe(2); // the other two approved sheets
      const evaluated = (await t.dataSource.query('SELECT sheet_id FROM evaluations')).map((r: { sheet_id: string }) => r.sheet_id);
      expect(evaluated).not.toContain(healthy!.sheet.id);
      expect(evaluated).toHaveLength(2);
    });
  });

  describe('2. import fields longer than their columns', () => {
    type Json = Record<string, unknown>;
    const hanyin2025 = (): Json => ({ ...readDataset('hanyin-2024.json'), fiscalYear: 2025 });
    const projectOf = (d: Json, i: number) => (d['projects'] as Json[])[i]!;
    const indicatorOf = (d: Json, p: number, i: number) => (projectOf(d, p)['indicators'] as Json[])[i]!;
    const importAs = (body: object) => t.http.post('/api/datasets/import').set(as('admin')).send(body);

    it.each([
      ['an indicator’s 一级指标 beyond its varchar(100) (a 500 before)', (d: Json) => void (indicatorOf(d, 2, 5)['level1'] = '产'.repeat(101)), 'projects[2].indicators[5].level1', 100],
      ['a project’s name beyond its varchar(300) (a 500 before)', (d: Json) => void (projectOf(d, 1)['name'] = '项'.repeat(301)), 'projects[1].name', 300],
      ['the department’s name beyond its varchar(200) (a 500 before)', (d: Json) => void ((d['department'] as Json)['name'] = '部'.repeat(201)), 'department.name', 200],
      ['an indicator’s name beyond what the editor accepts', (d: Json) => void (indicatorOf(d, 2, 5)['name'] = '名'.repeat(501)), 'projects[2].indicators[5].name', 500],
    ])('refuses %s with 400 naming the field and its limit, writing nothing', async (_label, spoil, path, limit) => {
      const dataset = hanyin2025();
      spoil(dataset);
      const before = await tableCounts(t.dataSource);
      const res = await importAs(dataset);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'DATASET_INVALID' });
      expect(res.body.message).toContain(`${path}：最多 ${limit} 个字，此处 ${limit + 1} 个字`);
      expect(res.body.details).toEqual([expect.objectContaining({ path, code: 'TOO_LONG' })]);
      expect(await tableCounts(t.dataSource)).toEqual(before);
    });
  });

  describe('3. money at the largest accepted value overflowing a sum', () => {
    const LIMIT = '不能超过 999999999999.99 元（不足 1 万亿元）';
    let sheetId: string;

    beforeAll(async () => {
      const projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'))).body as { name: string; sheet: { id: string } }[];
      sheetId = projects.find((p) => p.name === '医保重点工作经费')!.sheet.id;
      if ((await t.http.get(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor'))).body.status !== 'approved') await approve(sheetId);
    });

    it('refuses a month’s spending beyond the limit with 400 naming the field and the limit, keeping the spending', async () => {
      const before = (await t.http.get(`/api/target-sheets/${sheetId}/execution`).set(as('hanyin.editor'))).body.spent;
      const expenditures = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: '9999999999999999.99' }));
      const res = await t.http.put(`/api/target-sheets/${sheetId}/expenditures`).set(as('hanyin.editor')).send({ expenditures });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.message).toContain(`expenditures.0.amount：支出金额${LIMIT}`);
      expect((await t.http.get(`/api/target-sheets/${sheetId}/execution`).set(as('hanyin.editor'))).body.spent).toBe(before);
    });

    it('accepts twelve months at the limit: their sum fits, and the sheet is evaluated', async () => {
      const expenditures = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: '999999999999.99' }));
      const res = await t.http.put(`/api/target-sheets/${sheetId}/expenditures`).set(as('hanyin.editor')).send({ expenditures });
      expect(res.status).toBe(200);
      expect(res.body.spent).toBe('11999999999999.88');
      const evaluation = await t.http.post(`/api/target-sheets/${sheetId}/evaluation`).set(as('hanyin.editor'));
      expect(evaluation.status).toBe(200);
      expect(evaluation.body.budgetExecution.spent).toBe('11999999999999.88');
    });

    it('refuses a project’s amount beyond the limit when it is created', async () => {
      const [{ id: unitId }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'unit' AND code = '962001'`);
      const res = await t.http.post('/api/projects').set(as('hanyin.editor')).send({
        fiscalYear: 2024, unitId, name: '超大金额项目', code: 'HY-MAX', category: null, purpose: null,
        amount: { total: '1000000000000.00', fiscal: '1000000000000.00', other: '0.00' },
      });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.message).toContain(`amount.total：资金总额${LIMIT}`);
      expect(res.body.message).toContain(`amount.fiscal：财政资金${LIMIT}`);
    });

    it('refuses an imported amount beyond the limit, naming its path', async () => {
      const dataset = { ...readDataset('hanyin-2024.json'), fiscalYear: 2025 } as Record<string, unknown>;
      ((dataset['projects'] as Record<string, unknown>[])[0]!['amount'] as Record<string, unknown>)['total'] = '9999999999999999.99';
      const res = await t.http.post('/api/datasets/import').set(as('admin')).send(dataset);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'DATASET_INVALID' });
      expect(res.body.details).toEqual([expect.objectContaining({ path: 'projects[0].amount.total', code: 'RANGE' })]);
      expect(res.body.message).toContain(`金额${LIMIT}`);
    });
  });

  describe('4. the import accepts what the editor refuses', () => {
    type Json = Record<string, unknown>;
    const hanyin2025 = (): Json => ({ ...readDataset('hanyin-2024.json'), fiscalYear: 2025 });
    const projectOf = (d: Json, i: number) => (d['projects'] as Json[])[i]!;
    const importAs = (body: object) => t.http.post('/api/datasets/import').set(as('admin')).send(body);
    const hanyinOrganizations = async () =>
      t.dataSource.query(`SELECT id, kind, code, name FROM organizations WHERE name LIKE '汉阴县%' AND kind <> 'finance_bureau' ORDER BY name`);

    it.each([
      ['a negative project amount', (d: Json) => void (projectOf(d, 1)['amount'] = { total: '-10.00', fiscal: '-10.00', other: '0.00' }), 'projects[1].amount.total', 'NEGATIVE', '金额不能为负数'],
      ['a negative task amount', (d: Json) => void (((d['departmentSheet'] as Json)['tasks'] as Json[])[0]!['amount'] = '-1.00'), 'departmentSheet.tasks[0].amount', 'NEGATIVE', '金额不能为负数'],
      ['funds that do not add up to the total', (d: Json) => void (projectOf(d, 2)['amount'] = { total: '100.00', fiscal: '60.00', other: '30.00' }), 'projects[2].amount', 'PARTS', '财政资金 60.00 与其他资金 30.00 之和不等于资金总额 100.00'],
      ['a department budget whose basic + project is not its total', (d: Json) => void ((d['departmentSheet'] as Json)['budget'] = { total: '1000.00', basic: '500.00', project: '300.00' }), 'departmentSheet.budget', 'PARTS', '基本支出 500.00 与项目支出 300.00 之和不等于部门预算总额 1000.00'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_label, spoil, path, code, says) => {
      const dataset = hanyin2025();
      spoil(dataset);
      const before = await tableCounts(t.dataSource);
      const res = await importAs(dataset);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'DATASET_INVALID' });
      expect(res.body.details[0]).toMatchObject({ path, code });
      expect(res.body.message).toContain(`${path}：`);
      expect(res.body.message).toContain(says);
      expect(await tableCounts(t.dataSource)).toEqual(before);
    });

    it('never rewrites an existing department’s or unit’s code: another year giving another code is a 409 naming it', async () => {
      const before = await hanyinOrganizations();
      const counts = await tableCounts(t.dataSource);
      const department = { ...hanyin2025(), department: { code: '963', name: '汉阴县医疗保障局' } };
      const res = await importAs(department);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'ORGANIZATION_CODE_TAKEN' });
      expect(res.body.message).toBe('「汉阴县财政局」下的「汉阴县医疗保障局」代码为「962」，导入文件中为「963」；导入不改动已有机构的代码和名称，请核对文件，或先在系统管理中修改该机构');
      expect(res.body.details).toMatchObject({ organization: { name: '汉阴县医疗保障局', code: '962' }, fileCode: '963' });

      const unit = hanyin2025();
      (unit['units'] as Json[])[0]!['code'] = '962009';
      for (const p of unit['projects'] as Json[]) if (p['unitCode'] === '962001') p['unitCode'] = '962009';
      const unitRes = await importAs(unit);
      expect({ status: unitRes.status, code: unitRes.body.code }).toEqual({ status: 409, code: 'ORGANIZATION_CODE_TAKEN' });
      expect(unitRes.body.message).toContain('「汉阴县医疗保障局本级」代码为「962001」，导入文件中为「962009」');

      const newcomer = { ...hanyin2025(), department: { code: '962', name: '汉阴县新设部门' } }; // a new name with a sibling's code
      const newcomerRes = await importAs(newcomer);
      expect({ status: newcomerRes.status, code: newcomerRes.body.code }).toEqual({ status: 409, code: 'ORGANIZATION_CODE_TAKEN' });
      expect(newcomerRes.body.message).toContain('代码「962」已属于「汉阴县医疗保障局」，导入文件中为「汉阴县新设部门」');

      expect(await hanyinOrganizations()).toEqual(before);
      expect(await tableCounts(t.dataSource)).toEqual(counts);
    });

    it('imports another year into the existing organizations, matched and kept as they are', async () => {
      const before = await hanyinOrganizations();
      const noCodes = hanyin2025();
      noCodes['department'] = { code: null, name: '汉阴县医疗保障局' }; // a file without a code keeps the existing one
      const res = await importAs(noCodes);
      expect(res.status).toBe(201);
      expect(res.body.departmentId).toBe(before.find((o: { kind: string }) => o.kind === 'department').id);
      expect(await hanyinOrganizations()).toEqual(before);
    });
  });
});
