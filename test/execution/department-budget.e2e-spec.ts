import type { Response } from 'supertest';
import { readZipEntry } from '../../apps/api/src/reports/testing/zip';
import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

/**
 * 部门预算 (DESIGN §2 DepartmentBudget): 汉阴's department-wide sheet states 1,996.62 万 = 基本支出 342.48 万 +
 * 项目支出 1,654.14 万 (fixtures/hanyin-2024.json). The department records its basic spending by month;
 * the sheet's execution rate, its lights, its year-end 预算执行率 score, the finance overview and the
 * 自评报告 count basic + every project's spending against that whole budget, to the cent.
 */
const KEY_WORK = '医保重点工作经费'; // 410,000.00
const SUBSIDY = '2024年城乡居民医保基金县级财政补助'; // 14,946,100.00
const BASIC: { month: number; amount: string; note?: string }[] = [...Array.from({ length: 8 }, (_, i) => ({ month: i + 1, amount: '285400.00' })), { month: 9, amount: '285400.37', note: '含9月社保补缴' }]; // 2,568,600.37

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('department budgets: basic spending by month, and a department-wide sheet executed against its whole budget', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let departmentId: string;
  let departmentSheetId: string;
  const projectSheet: Record<string, string> = {};

  const putBasic = (body: unknown, user = 'hanyin.reviewer', department = departmentId, query: Record<string, unknown> = { fiscalYear: 2024 }) =>
    t.http.put(`/api/departments/${department}/basic-expenditures`).query(query).set(as(user)).send(body as object);
  const execution = async (sheet = departmentSheetId, user = 'hanyin.reviewer') => (await t.http.get(`/api/target-sheets/${sheet}/execution`).set(as(user))).body;
  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);
  const written = async () => ({
    rows: await t.dataSource.query(`SELECT month, amount::text, note FROM basic_expenditures ORDER BY department_id, month`),
    audit: await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'execution.basic_expenditures'`),
  });
  /** Walks a sheet from wherever it stands to approved (提交 → 部门审核 → 财政批准). */
  const approve = async (sheet: string, editor: string, reviewer: string, finance: string) => {
    const steps: Record<string, [string, string]> = { draft: [editor, 'submit'], returned: [editor, 'submit'], submitted: [reviewer, 'department_approve'], department_approved: [finance, 'approve'] };
    for (let status = (await t.http.get(`/api/target-sheets/${sheet}`).set(as(reviewer))).body.status; status !== 'approved'; ) {
      const [user, action] = steps[status]!;
      const current = (await t.http.get(`/api/target-sheets/${sheet}`).set(as(user))).body;
      const res = await t.http.post(`/api/target-sheets/${sheet}/transitions`).set(as(user)).send(transitionBody(current, action));
      expect(res.status).toBe(200);
      status = res.body.status;
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'admin', 'shenmu.reviewer', 'shenmu.finance', 'xuchang.finance']) tokens[user] = await t.login(user);
    [{ id: departmentId }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'department' AND name = '汉阴县医疗保障局'`);
    const departments = (await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('hanyin.reviewer'))).body as { sheet: { id: string } }[];
    departmentSheetId = departments[0]!.sheet.id;
    const projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'))).body as { name: string; sheet: { id: string } }[];
    for (const name of [KEY_WORK, SUBSIDY]) projectSheet[name] = projects.find((p) => p.name === name)!.sheet.id;
    // A known starting point whatever the demo data records: the department-wide sheet not approved, no spending of 汉阴's.
    await t.dataSource.query(`UPDATE target_sheets SET status = 'draft' WHERE id = $1`, [departmentSheetId]);
    await t.dataSource.query(`DELETE FROM basic_expenditures WHERE department_id = $1`, [departmentId]);
    await t.dataSource.query(`DELETE FROM expenditures WHERE project_id IN (SELECT id FROM projects WHERE department_id = $1)`, [departmentId]);
  });
  afterAll(async () => t?.close());

  it('refuses basic spending until the department-wide sheet is approved (409), writing nothing', async () => {
    const before = await written();
    const res = await putBasic({ expenditures: [{ month: 1, amount: '1.00' }] });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'SHEET_NOT_APPROVED' });
    expect(res.body.message).toBe('「汉阴县医疗保障局」2024 年度的部门整体绩效目标表尚未批准：基本支出按批准的部门预算录入，批准后才能录入');
    expect(await written()).toEqual(before);
  });

  describe('once the department-wide sheet is approved', () => {
    beforeAll(async () => {
      await approve(departmentSheetId, 'hanyin.reviewer', 'hanyin.reviewer', 'hanyin.finance');
      for (const name of [KEY_WORK, SUBSIDY]) await approve(projectSheet[name]!, 'hanyin.editor', 'hanyin.reviewer', 'hanyin.finance');
      const spend = async (name: string, expenditures: unknown[]) =>
        expect((await t.http.put(`/api/target-sheets/${projectSheet[name]}/expenditures`).set(as('hanyin.editor')).send({ expenditures })).status).toBe(200);
      await spend(KEY_WORK, [{ month: 3, amount: '100000.00' }, { month: 6, amount: '150000.00' }]);
      await spend(SUBSIDY, [{ month: 9, amount: '12000000.00' }]);
    });

    it('keeps the projects-only rate until basic spending is recorded, counted against the whole budget already', async () => {
      const before = await execution();
      expect(before).toMatchObject({ kind: 'department', status: 'approved', budget: '19966200.00', spent: '12250000.00' });
      expect(before.departmentBudget).toMatchObject({ whole: true, basicSpent: '0.00', projectSpent: '12250000.00', basicExpenditures: [], editable: true });
    });

    it('records basic spending by month (department reviewer), audited, and counts basic + project ÷ the whole budget to the cent', async () => {
      const res = await putBasic({ expenditures: [...BASIC].reverse() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ sheetId: departmentSheetId, kind: 'department', budget: '19966200.00', spent: '14818600.37' });
      expect(res.body.departmentBudget).toEqual({
        whole: true,
        stated: { total: '19966200.00', basic: '3424800.00', project: '16541400.00' },
        basicBudget: '3424800.00',
        projectBudget: '16541400.00',
        projectsBudget: '16541400.00',
        basicSpent: '2568600.37',
        projectSpent: '12250000.00',
        basicExpenditures: BASIC.map((e) => ({ month: e.month, amount: e.amount, note: e.note ?? null })),
        projectExpenditures: [
          { month: 3, amount: '100000.00' },
          { month: 6, amount: '150000.00' },
          { month: 9, amount: '12000000.00' },
        ],
        explanation: '部门整体：全部支出 14818600.37（基本支出 2568600.37 + 项目支出 12250000.00） ÷ 部门预算总额 19966200.00（基本支出 3424800.00 + 项目支出 16541400.00）',
        warnings: [],
        editable: true,
      });
      // the sheet's months: basic and project summed
      expect(res.body.expenditures.find((e: { month: number }) => e.month === 3)).toEqual({ month: 3, amount: '385400.00', note: null });
      expect(res.body.expenditures.find((e: { month: number }) => e.month === 9)).toEqual({ month: 9, amount: '12285400.37', note: null });
      // 1–9月: planned linearly 19966200.00 × 9/12 = 14974650.00; 14818600.37 ÷ 14974650.00 = 98.95% → green
      const m9 = res.body.lights.find((l: { period: string }) => l.period === 'M9');
      expect(m9.spending).toMatchObject({ planned: '14974650.00', spent: '14818600.37', light: 'green' });

      const audit = (await t.http.get(`/api/target-sheets/${departmentSheetId}/audit`).set(as('hanyin.viewer'))).body as { action: string; actor: { username: string }; before: unknown; after: { fiscalYear: number; basicExpenditures: unknown[] } }[];
      const event = audit.find((e) => e.action === 'execution.basic_expenditures')!;
      expect(event.actor.username).toBe('hanyin.reviewer');
      expect(event.before).toEqual({ fiscalYear: 2024, basicExpenditures: [] });
      expect(event.after.basicExpenditures).toHaveLength(9);
      expect(event.after.basicExpenditures[8]).toEqual({ month: 9, amount: '285400.37', note: '含9月社保补缴' });
    });

    it('shows every reader of the department the same numbers; a project sheet has no department budget', async () => {
      for (const user of ['hanyin.viewer', 'hanyin.finance', 'admin']) {
        const read = await execution(departmentSheetId, user);
        expect({ user, spent: read.spent, basic: read.departmentBudget.basicSpent, editable: read.departmentBudget.editable }).toEqual({
          user,
          spent: '14818600.37',
          basic: '2568600.37',
          editable: user === 'admin',
        });
      }
      const project = await execution(projectSheet[KEY_WORK], 'hanyin.editor');
      expect({ budget: project.budget, spent: project.spent, departmentBudget: project.departmentBudget }).toEqual({ budget: '410000.00', spent: '250000.00', departmentBudget: null });
    });

    it.each([
      ['a negative amount', { expenditures: [{ month: 1, amount: '-1.00' }] }, '两位小数'],
      ['three decimals', { expenditures: [{ month: 1, amount: '1.005' }] }, '两位小数'],
      ['an exponent', { expenditures: [{ month: 1, amount: '1e5' }] }, '两位小数'],
      ['a number instead of a string', { expenditures: [{ month: 1, amount: 12345 }] }, '两位小数'],
      ['thousands separators', { expenditures: [{ month: 1, amount: '285,400.00' }] }, '两位小数'],
      ['month 13', { expenditures: [{ month: 13, amount: '1.00' }] }, '1 到 12'],
      ['month 0', { expenditures: [{ month: 0, amount: '1.00' }] }, '1 到 12'],
      ['a repeated month', { expenditures: [{ month: 2, amount: '1.00' }, { month: 2, amount: '2.00' }] }, '2 月的基本支出重复'],
      ['thirteen rows', { expenditures: Array.from({ length: 13 }, (_, i) => ({ month: (i % 12) + 1, amount: '1.00' })) }, '至多一行'],
      ['no list', {}, 'expenditures 须为数组'],
      ['an unknown field', { expenditures: [], total: '1.00' }, 'total'],
    ])('refuses %s with 400 and writes nothing', async (_what, body, message) => {
      const before = await written();
      const res = await putBasic(body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(res.body)).toContain(message);
      expect(await written()).toEqual(before);
    });

    it('refuses a missing or malformed fiscal year and a malformed id with 400', async () => {
      const before = await written();
      for (const query of [{}, { fiscalYear: 'abc' }, { fiscalYear: 1999 }]) {
        const res = await putBasic({ expenditures: [] }, 'hanyin.reviewer', departmentId, query);
        expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
      }
      expect((await putBasic({ expenditures: [] }, 'hanyin.reviewer', 'not-a-uuid')).status).toBe(400);
      expect(await written()).toEqual(before);
    });

    it('lets only the department (its reviewer) and admin record; others get 403, other regions and other ids 404', async () => {
      const before = await written();
      for (const user of ['hanyin.editor', 'hanyin.viewer', 'hanyin.finance', 'shenmu.finance', 'xuchang.finance']) {
        const res = await putBasic({ expenditures: [{ month: 1, amount: '1.00' }] }, user);
        expect({ user, status: res.status, code: res.body.code }).toEqual({ user, status: 403, code: 'ROLE_FORBIDDEN' });
      }
      const outsider = await putBasic({ expenditures: [{ month: 1, amount: '1.00' }] }, 'shenmu.reviewer');
      expect({ status: outsider.status, code: outsider.body.code }).toEqual({ status: 404, code: 'DEPARTMENT_NOT_FOUND' });
      expect(JSON.stringify(outsider.body)).not.toContain('汉阴');
      const [unit] = await t.dataSource.query(`SELECT id FROM organizations WHERE parent_id = $1 AND kind = 'unit'`, [departmentId]);
      for (const id of [unit.id, '00000000-0000-4000-8000-000000000000']) {
        const res = await putBasic({ expenditures: [{ month: 1, amount: '1.00' }] }, 'admin', id);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'DEPARTMENT_NOT_FOUND' });
      }
      const otherYear = await putBasic({ expenditures: [{ month: 1, amount: '1.00' }] }, 'hanyin.reviewer', departmentId, { fiscalYear: 2023 });
      expect({ status: otherYear.status, code: otherYear.body.code }).toEqual({ status: 409, code: 'SHEET_NOT_APPROVED' });
      expect(await written()).toEqual(before);
    });

    it('records spending above the basic budget — what the treasury paid — and warns of it', async () => {
      const res = await putBasic({ expenditures: [{ month: 12, amount: '3424800.01' }] }, 'admin');
      expect(res.status).toBe(200);
      expect(res.body.departmentBudget.warnings).toEqual(['基本支出累计 3424800.01 元，超过基本支出预算 3424800.00 元 0.01 元；如已追加预算，请通过调整更新部门预算']);
      expect((await putBasic({ expenditures: BASIC })).status).toBe(200); // back to the year's record
    });

    it('keeps concurrent saves whole: the year is one of them entirely, each audited', async () => {
      const before = await written();
      const versions = [BASIC, BASIC.slice(0, 3), [{ month: 5, amount: '1.00' }]];
      const results = await Promise.all(versions.map((expenditures) => putBasic({ expenditures })));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      const stored = (await written()).rows.map((r: { month: number; amount: string }) => ({ month: Number(r.month), amount: r.amount }));
      expect(versions.map((v) => v.map((e) => ({ month: e.month, amount: e.amount })))).toContainEqual(stored);
      expect((await written()).audit).toBe(before.audit + 3);
      expect((await putBasic({ expenditures: BASIC })).status).toBe(200); // back to the year's record
    });

    describe('at year end', () => {
      it('scores the department-wide sheet: 预算执行率 = (basic + project) ÷ the whole budget, explained', async () => {
        const res = await t.http.post(`/api/target-sheets/${departmentSheetId}/evaluation`).set(as('hanyin.reviewer'));
        expect(res.status).toBe(200);
        // 14818600.37 ÷ 19966200.00 = 74.2184…% → 74.22%; 10 × 14818600.37 ÷ 19966200.00 = 7.4218… → 7.42
        expect(res.body.budgetExecution).toMatchObject({ budget: '19966200.00', spent: '14818600.37', ratePercent: '74.22', score: '7.42' });
        expect(res.body.budgetExecution.explanation).toBe(
          '部门整体：全部支出 14818600.37（基本支出 2568600.37 + 项目支出 12250000.00） ÷ 部门预算总额 19966200.00（基本支出 3424800.00 + 项目支出 16541400.00）；' +
            `执行数 14818600.37 ÷ 预算数 19966200.00 = 74.22%；权重 ${res.body.budgetExecution.weight} × 14818600.37 ÷ 19966200.00 = 7.42`,
        );
      });

      it('uses the whole budget and all spending for the department row of the finance overview', async () => {
        const res = await t.http.get('/api/overview').query({ fiscalYear: 2024 }).set(as('hanyin.finance'));
        expect(res.status).toBe(200);
        const department = res.body.departments.find((d: { department: { id: string } }) => d.department.id === departmentId);
        expect(department).toMatchObject({ budget: '19966200.00', spent: '14818600.37', executionPercent: '74.22' });
        expect(department.budgetBasis).toContain('基本支出 2568600.37 + 项目支出 12250000.00');
        expect(department.sheets.find((s: { kind: string }) => s.kind === 'department')).toMatchObject({ budget: '19966200.00', spent: '14818600.37', total: expect.any(String) });
        expect(department.sheets.filter((s: { kind: string }) => s.kind === 'project').map((s: { budget: string; spent: string }) => [s.budget, s.spent])).toEqual([
          ['410000.00', '250000.00'],
          ['14946100.00', '12000000.00'],
        ]);
      });

      it('adds the basic budget and spending to the department in the monitoring roll-up, and lights the department-wide sheet', async () => {
        const res = await t.http.get('/api/monitoring').query({ fiscalYear: 2024, period: 'M9' }).set(as('hanyin.finance'));
        const node = res.body.bureaus[0].children.find((d: { organization: { id: string } }) => d.organization.id === departmentId);
        // projects in effect 410000.00 + 14946100.00, and basic 3424800.00
        expect(node).toMatchObject({ budget: '18780900.00', spent: '14818600.37' });
        expect(node.sheets.find((s: { sheetId: string }) => s.sheetId === departmentSheetId).spendingLight).toBe('green');
      });

      it('states 汉阴\'s 部门预算 of 1,996.62 万元 and its execution in the 自评报告', async () => {
        const res = await t.http
          .get(`/api/departments/${departmentId}/self-assessment-report.docx`)
          .query({ fiscalYear: 2024 })
          .set(as('hanyin.reviewer'))
          .buffer(true)
          .parse(binary as never);
        expect(res.status).toBe(200);
        const xml = readZipEntry(res.body as Buffer, 'word/document.xml').toString('utf8');
        expect(xml).toContain('汉阴县医疗保障局2024年度部门整体支出绩效自评报告');
        expect(xml).toContain('2024年度部门预算 1996.62 万元，其中基本支出 342.48 万元、项目支出 1654.14 万元。');
        expect(xml).toContain('全年支出 1481.86 万元（基本支出 256.86 万元、项目支出 1225.00 万元），部门预算执行率 74.22%。');
        expect(xml).toContain('全年预算 1996.62 万元，执行 1481.86 万元，预算执行率 74.22%，得 7.42 分');
        expect(xml).not.toContain('纳入支出执行监控的预算');
      });
    });
  });

  describe('a department that states no basic budget', () => {
    let shenmuSheetId: string;
    let shenmuId: string;

    beforeAll(async () => {
      [{ id: shenmuId }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'department' AND name = '神木市医疗保障局'`);
      const departments = (await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('shenmu.reviewer'))).body as { sheet: { id: string } }[];
      shenmuSheetId = departments[0]!.sheet.id;
      await t.dataSource.query(`UPDATE target_sheets SET status = 'draft' WHERE id = $1`, [shenmuSheetId]);
      const sheet = (await t.http.get(`/api/target-sheets/${shenmuSheetId}`).set(as('shenmu.reviewer'))).body;
      const save = await t.http
        .put(`/api/target-sheets/${shenmuSheetId}`)
        .set(as('shenmu.reviewer'))
        .send({
          rowVersion: sheet.rowVersion,
          goals: sheet.goals,
          spendingPlan: [],
          indicators: sheet.indicators.map((x: Record<string, unknown>) => ({ id: x['id'], level1: x['level1'], level2: x['level2'], name: x['name'], target: x['target'] })),
          budget: { total: '19332707.00', basic: null, project: null },
        });
      expect(save.status).toBe(200);
      await approve(shenmuSheetId, 'shenmu.reviewer', 'shenmu.reviewer', 'shenmu.finance');
    });

    it('refuses basic spending it could not count (409), accepts clearing it, and keeps the projects-only rate, saying so', async () => {
      const before = await written();
      const res = await putBasic({ expenditures: [{ month: 1, amount: '100.00' }] }, 'shenmu.reviewer', shenmuId);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'BASIC_BUDGET_MISSING' });
      expect(res.body.message).toContain('部门预算未填写基本支出');
      expect(await written()).toEqual(before);

      const cleared = await putBasic({ expenditures: [] }, 'shenmu.reviewer', shenmuId);
      expect(cleared.status).toBe(200);
      // 神木's nine projects: 9,632,800.00 元 in all
      expect(cleared.body).toMatchObject({ budget: '9632800.00' });
      expect(cleared.body.departmentBudget).toMatchObject({ whole: false, basicBudget: null, stated: { total: '19332707.00', basic: null, project: null } });
      expect(cleared.body.departmentBudget.explanation).toMatch(/^部门未填写基本支出预算，执行率按各项目预算合计 9632800\.00 元及其支出 [\d.]+ 元计算（不含基本支出）$/);
    });
  });
});
