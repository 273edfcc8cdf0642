import { startTestApp, TestApp } from '../support/test-app';

/**
 * 问题确认 (DESIGN §5): a sheet whose review finds error-level mistakes is submitted only with a
 * written reason for each; the reasons land in the submission's audit event and are shown to the
 * department and finance reviewers until the sheet is returned.
 */

interface Finding { code: string; severity: 'error' | 'warning'; indicatorIndex: number | null; indicatorName: string | null; message: string }
interface Acknowledgement {
  code: string;
  title: string;
  indicatorId: string | null;
  indicatorIndex: number | null;
  indicatorName: string | null;
  occurrence: number;
  message: string;
  reason: string;
  acknowledgedBy: { username: string } | null;
  acknowledgedAt: string;
}
interface Sheet {
  id: string;
  status: string;
  rowVersion: number;
  goals: string[];
  indicators: { id: string; level1: string; level2: string | null; name: string; target: string }[];
  spendingPlan: unknown[];
  findings: Finding[];
  acknowledgements: Acknowledgement[];
}
interface AuditEvent { action: string; actor: { username: string } | null; after: Record<string, unknown> | null }

const PROJECT = '医保重点工作经费'; // 汉阴县: 工作完成时限 2023年全年 (OTHER_YEAR, an error) and a qualitative 质量指标 (a warning)
const REASON = '该项目为跨年度结转项目，完成时限沿用上年批复，已与财政局沟通';

describe('submit with written acknowledgements of error-level findings', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let sheetId: string;

  const read = async (user = 'hanyin.editor', id = sheetId): Promise<Sheet> => {
    const res = await t.http.get(`/api/target-sheets/${id}`).set(as(user));
    expect(res.status).toBe(200);
    return res.body;
  };
  const transition = async (user: string, body: Record<string, unknown>, id = sheetId) => {
    const sheet = await read(user, id);
    return t.http.post(`/api/target-sheets/${id}/transitions`).set(as(user)).send({ rowVersion: sheet.rowVersion, ...body });
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);
  /** Everything a submission writes: the sheet's status and rowVersion, its audit events and its stored acknowledgements. */
  const written = async (id = sheetId) => ({
    sheet: (await t.dataSource.query(`SELECT status, row_version FROM target_sheets WHERE id = $1`, [id]))[0],
    audit: await count(`SELECT count(*)::int AS n FROM audit_events WHERE sheet_id = $1`, [id]),
    acknowledgements: await count(`SELECT count(*)::int AS n FROM finding_acknowledgements WHERE sheet_id = $1`, [id]),
  });
  const otherYear = (sheet: Sheet) => sheet.findings.find((f) => f.code === 'OTHER_YEAR' && f.severity === 'error')!;
  const audit = async (user = 'hanyin.viewer', id = sheetId): Promise<AuditEvent[]> => (await t.http.get(`/api/target-sheets/${id}/audit`).set(as(user))).body;

  beforeAll(async () => {
    t = await startTestApp();
    const users = ['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'xuchang.editor', 'xuchang.finance', 'wangdu.reviewer', 'wangdu.finance'];
    for (const user of users) tokens[user] = await t.login(user);
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'));
    sheetId = projects.body.find((p: { name: string }) => p.name === PROJECT).sheet.id;
  });
  afterAll(async () => t?.close());

  it('shows the author the error to acknowledge, and no acknowledgement on a draft', async () => {
    const sheet = await read();
    expect(sheet.status).toBe('draft');
    expect(sheet.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.indicatorName])).toEqual([['OTHER_YEAR', '工作完成时限']]);
    expect(sheet.findings.some((f) => f.severity === 'warning')).toBe(true);
    expect(sheet.acknowledgements).toEqual([]);
  });

  it('refuses a submission without acknowledgements, naming the finding, and writes nothing', async () => {
    const before = await written();
    const res = await transition('hanyin.editor', { action: 'submit' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('FINDINGS_NOT_ACKNOWLEDGED');
    expect(res.body.message).toBe('目标审核助手发现 1 处需修改的问题，提交前须逐项填写确认理由，尚有 1 处未填写：「工作完成时限」：年份与预算年度不符。');
    const sheet = await read();
    expect(res.body.details.unacknowledged).toEqual([{ ...otherYear(sheet), occurrence: 1, given: 'none' }]);
    expect(await written()).toEqual(before);
    expect(sheet.status).toBe('draft');
  });

  it.each([
    ['a blank reason', '   ', '（理由为空）'],
    ['a one-character reason', ' 无 ', '（理由少于 2 个字）'],
  ])('refuses %s, saying so, and writes nothing', async (_label, reason, said) => {
    const before = await written();
    const sheet = await read();
    const finding = otherYear(sheet);
    const res = await transition('hanyin.editor', { action: 'submit', acknowledgements: [{ code: 'OTHER_YEAR', indicatorIndex: finding.indicatorIndex, reason }] });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'FINDINGS_NOT_ACKNOWLEDGED' });
    expect(res.body.message).toContain(`「工作完成时限」：年份与预算年度不符${said}`);
    expect(await written()).toEqual(before);
  });

  it('refuses an acknowledgement of a finding that is not there, or of a warning, and writes nothing', async () => {
    const before = await written();
    const sheet = await read();
    const finding = otherYear(sheet);
    const warning = sheet.findings.find((f) => f.severity === 'warning')!;
    const valid = { code: 'OTHER_YEAR', indicatorIndex: finding.indicatorIndex, reason: REASON };
    for (const extra of [
      { code: 'MISSING_COST', indicatorIndex: null, reason: '没有这个问题' },
      { code: warning.code, indicatorIndex: warning.indicatorIndex, reason: '提醒也确认一下' },
      { ...valid, occurrence: 2 },
      valid,
    ]) {
      const res = await transition('hanyin.editor', { action: 'submit', acknowledgements: [valid, extra] });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'FINDINGS_NOT_ACKNOWLEDGED' });
      expect(res.body.message).toContain('以下确认不对应目标表当前需修改的问题');
      expect(res.body.details.unknown).toHaveLength(1);
    }
    expect(await written()).toEqual(before);
  });

  it.each([
    ['an unknown code', { code: 'NOT_A_CODE', indicatorIndex: null, reason: REASON }, 'acknowledgements.0.code'],
    ['no indicator index', { code: 'OTHER_YEAR', reason: REASON }, 'acknowledgements.0.indicatorIndex'],
    ['a negative indicator index', { code: 'OTHER_YEAR', indicatorIndex: -1, reason: REASON }, 'acknowledgements.0.indicatorIndex'],
    ['an occurrence of 0', { code: 'OTHER_YEAR', indicatorIndex: 1, occurrence: 0, reason: REASON }, 'acknowledgements.0.occurrence'],
    ['a reason that is not text', { code: 'OTHER_YEAR', indicatorIndex: 1, reason: 42 }, 'acknowledgements.0.reason'],
    ['an oversized reason', { code: 'OTHER_YEAR', indicatorIndex: 1, reason: '理'.repeat(2001) }, 'acknowledgements.0.reason'],
    ['an unknown field', { code: 'OTHER_YEAR', indicatorIndex: 1, reason: REASON, severity: 'warning' }, 'acknowledgements.0.severity'],
  ])('answers 400 VALIDATION_FAILED for %s, in Chinese, writing nothing', async (_label, acknowledgement, field) => {
    const before = await written();
    const res = await transition('hanyin.editor', { action: 'submit', acknowledgements: [acknowledgement] });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.message).toMatch(/^请求参数有误/);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await written()).toEqual(before);
  });

  it('refuses a reason above 500 characters after trimming, naming the finding', async () => {
    const index = otherYear(await read()).indicatorIndex;
    const res = await transition('hanyin.editor', { action: 'submit', acknowledgements: [{ code: 'OTHER_YEAR', indicatorIndex: index, reason: '理'.repeat(501) }] });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'FINDINGS_NOT_ACKNOWLEDGED' });
    expect(res.body.message).toBe('确认理由不能超过 500 个字：「工作完成时限」：年份与预算年度不符。');
  });

  it.each([
    ['hanyin.viewer', 403, 'ROLE_FORBIDDEN'],
    ['hanyin.finance', 403, 'ROLE_FORBIDDEN'],
    ['xuchang.editor', 404, 'SHEET_NOT_FOUND'],
  ])('refuses %s to submit even with every acknowledgement (%i %s)', async (user, status, code) => {
    const before = await written();
    const sheet = await read();
    const res = await t.http.post(`/api/target-sheets/${sheetId}/transitions`).set(as(user)).send({
      action: 'submit', rowVersion: sheet.rowVersion, acknowledgements: [{ code: 'OTHER_YEAR', indicatorIndex: otherYear(sheet).indicatorIndex, reason: REASON }],
    });
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await written()).toEqual(before);
  });

  it('refuses a stale rowVersion before looking at the acknowledgements', async () => {
    const sheet = await read();
    const res = await t.http.post(`/api/target-sheets/${sheetId}/transitions`).set(as('hanyin.editor')).send({ action: 'submit', rowVersion: sheet.rowVersion + 1 });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'SHEET_VERSION_CONFLICT' });
  });

  it('submits with a written reason, stored trimmed with the finding, the indicator and the author', async () => {
    const sheet = await read();
    const finding = otherYear(sheet);
    const res = await transition('hanyin.editor', { action: 'submit', acknowledgements: [{ code: 'OTHER_YEAR', indicatorIndex: finding.indicatorIndex, occurrence: 1, reason: `  ${REASON}\n` }] });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
    expect(res.body.acknowledgements).toEqual([
      {
        code: 'OTHER_YEAR',
        title: '年份与预算年度不符',
        indicatorId: sheet.indicators[finding.indicatorIndex!]!.id,
        indicatorIndex: finding.indicatorIndex,
        indicatorName: '工作完成时限',
        occurrence: 1,
        message: finding.message,
        reason: REASON,
        acknowledgedBy: expect.objectContaining({ username: 'hanyin.editor', displayName: expect.any(String) }),
        acknowledgedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM finding_acknowledgements WHERE sheet_id = $1 AND reason = $2`, [sheetId, REASON])).toBe(1);
  });

  it('keeps the acknowledgements in the audit event of the submission', async () => {
    const sheet = await read();
    const [submit] = (await audit()).filter((e) => e.action === 'sheet.submit');
    expect(submit).toMatchObject({
      actor: { username: 'hanyin.editor' },
      after: {
        status: 'submitted',
        errorCount: 1,
        acknowledgements: [
          {
            code: 'OTHER_YEAR',
            indicatorId: sheet.acknowledgements[0]!.indicatorId,
            indicatorIndex: sheet.acknowledgements[0]!.indicatorIndex,
            indicatorName: '工作完成时限',
            occurrence: 1,
            message: sheet.acknowledgements[0]!.message,
            reason: REASON,
          },
        ],
      },
    });
  });

  it('shows them to the department reviewer and to finance when approving, not outside the region', async () => {
    const reviewerView = await read('hanyin.reviewer');
    expect(reviewerView.acknowledgements.map((a) => [a.code, a.indicatorName, a.reason])).toEqual([['OTHER_YEAR', '工作完成时限', REASON]]);

    const withAcknowledgements = await transition('hanyin.reviewer', { action: 'department_approve', acknowledgements: [] });
    expect({ status: withAcknowledgements.status, code: withAcknowledgements.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(withAcknowledgements.body.message).toContain('只有「提交」时可以填写问题确认');

    const approved = await transition('hanyin.reviewer', { action: 'department_approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.acknowledgements.map((a: Acknowledgement) => a.reason)).toEqual([REASON]);
    const financeView = await read('hanyin.finance');
    expect(financeView.status).toBe('department_approved');
    expect(financeView.acknowledgements.map((a) => [a.title, a.indicatorName, a.reason, a.acknowledgedBy?.username])).toEqual([
      ['年份与预算年度不符', '工作完成时限', REASON, 'hanyin.editor'],
    ]);
    const outsider = await t.http.get(`/api/target-sheets/${sheetId}`).set(as('xuchang.finance'));
    expect({ status: outsider.status, code: outsider.body.code }).toEqual({ status: 404, code: 'SHEET_NOT_FOUND' });
  });

  it('drops them from the sheet once returned, and a corrected sheet is resubmitted without any', async () => {
    const returned = await transition('hanyin.finance', { action: 'return', comment: '完成时限请改为2024年' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', acknowledgements: [] });

    const sheet = await read();
    const saved = await t.http.put(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor')).send({
      rowVersion: sheet.rowVersion,
      goals: sheet.goals,
      indicators: sheet.indicators.map((i) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.name === '工作完成时限' ? '2024年12月底前' : i.target })),
      spendingPlan: sheet.spendingPlan,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.findings.filter((f: Finding) => f.severity === 'error')).toEqual([]);

    const resubmitted = await transition('hanyin.editor', { action: 'submit' });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'submitted', acknowledgements: [] });
    expect(await count(`SELECT count(*)::int AS n FROM finding_acknowledgements WHERE sheet_id = $1`, [sheetId])).toBe(0);
    const submits = (await audit()).filter((e) => e.action === 'sheet.submit');
    expect(submits.map((e) => (e.after?.['acknowledgements'] as unknown[]).length)).toEqual([0, 1]); // newest first: the history stays
  });

  describe('a department-wide sheet with several findings of one code (望都县: no indicators)', () => {
    let departmentSheetId: string;
    beforeAll(async () => {
      const departments = await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('wangdu.reviewer'));
      departmentSheetId = departments.body[0].sheet.id;
    });

    it('names each finding by its occurrence, and submits once every one has its reason', async () => {
      const sheet = await read('wangdu.reviewer', departmentSheetId);
      expect(sheet.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['MISSING_LEVEL1', 'MISSING_LEVEL1', 'MISSING_LEVEL1', 'MISSING_COST']);
      const reasons = ['产出指标按部门职责另行细化', '效益指标以项目绩效目标体现', '满意度指标年中补充', '成本由部门预算统一控制'];
      const all = [
        { code: 'MISSING_LEVEL1', indicatorIndex: null, occurrence: 1, reason: reasons[0] },
        { code: 'MISSING_LEVEL1', indicatorIndex: null, occurrence: 2, reason: reasons[1] },
        { code: 'MISSING_LEVEL1', indicatorIndex: null, occurrence: 3, reason: reasons[2] },
        { code: 'MISSING_COST', indicatorIndex: null, reason: reasons[3] },
      ];
      const before = await written(departmentSheetId);
      const partial = await transition('wangdu.reviewer', { action: 'submit', acknowledgements: [all[0], all[3]] }, departmentSheetId);
      expect({ status: partial.status, code: partial.body.code }).toEqual({ status: 400, code: 'FINDINGS_NOT_ACKNOWLEDGED' });
      expect(partial.body.message).toBe(
        '目标审核助手发现 4 处需修改的问题，提交前须逐项填写确认理由，尚有 2 处未填写：目标表：缺少一级指标（第2处）、目标表：缺少一级指标（第3处）。',
      );
      expect(await written(departmentSheetId)).toEqual(before);

      const submitted = await transition('wangdu.reviewer', { action: 'submit', acknowledgements: [...all].reverse() }, departmentSheetId);
      expect(submitted.status).toBe(200);
      expect(submitted.body.acknowledgements.map((a: Acknowledgement) => [a.code, a.indicatorId, a.occurrence, a.reason])).toEqual([
        ['MISSING_LEVEL1', null, 1, reasons[0]],
        ['MISSING_LEVEL1', null, 2, reasons[1]],
        ['MISSING_LEVEL1', null, 3, reasons[2]],
        ['MISSING_COST', null, 1, reasons[3]],
      ]);
      expect(submitted.body.acknowledgements[0].message).toContain('产出指标');
      const [event] = (await audit('wangdu.finance', departmentSheetId)).filter((e) => e.action === 'sheet.submit');
      expect((event!.after!['acknowledgements'] as { reason: string }[]).map((a) => a.reason)).toEqual(reasons);

      expect((await transition('wangdu.reviewer', { action: 'department_approve' }, departmentSheetId)).status).toBe(200);
      const approved = await transition('wangdu.finance', { action: 'approve' }, departmentSheetId);
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      expect(approved.body.acknowledgements).toHaveLength(4); // an approved sheet keeps what was acknowledged

      const adjusted = await transition('wangdu.reviewer', { action: 'adjust' }, departmentSheetId);
      expect(adjusted.status).toBe(200);
      expect(adjusted.body).toMatchObject({ status: 'draft', version: 2, acknowledgements: [] }); // a new version starts over
      expect((await read('wangdu.finance', departmentSheetId)).acknowledgements).toHaveLength(4);
    });
  });
});
