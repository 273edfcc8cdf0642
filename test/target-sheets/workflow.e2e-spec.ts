import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

interface Sheet { id: string; status: string; version: number; rowVersion: number; goals: string[]; indicators: { id: string; level1: string; level2: string | null; name: string; target: string }[]; spendingPlan: unknown[]; findings: { code: string }[] }

describe('review workflow: submit, return, approve, lock, adjust', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let sheetId: string;

  const read = async (id = sheetId, user = 'hanyin.editor'): Promise<Sheet> => (await t.http.get(`/api/target-sheets/${id}`).set(as(user))).body;
  const act = async (user: string, action: string, comment?: string, id = sheetId) => {
    const sheet = await read(id, user);
    return t.http.post(`/api/target-sheets/${id}/transitions`).set(as(user)).send(transitionBody(sheet, action, comment));
  };
  const save = async (sheet: Sheet, target: string) =>
    t.http.put(`/api/target-sheets/${sheet.id}`).set(as('hanyin.editor')).send({
      rowVersion: sheet.rowVersion,
      goals: sheet.goals,
      indicators: sheet.indicators.map((i) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.name === '工作完成时限' ? target : i.target })),
      spendingPlan: sheet.spendingPlan,
    });

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'xuchang.finance', 'admin']) tokens[user] = await t.login(user);
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'));
    sheetId = projects.body.find((p: { name: string }) => p.name === '医保重点工作经费').sheet.id;
  });
  afterAll(async () => t?.close());

  it('goes draft → submitted → returned (with a comment) → submitted → department_approved → approved', async () => {
    expect((await read()).findings.map((f) => f.code)).toContain('OTHER_YEAR'); // the editor sees the finding
    expect((await act('hanyin.editor', 'submit')).body.status).toBe('submitted');
    expect((await save(await read(), '2024年12月底前')).body.code).toBe('SHEET_LOCKED'); // with the reviewers now

    const noComment = await act('hanyin.reviewer', 'return', ' ');
    expect({ status: noComment.status, code: noComment.body.code }).toEqual({ status: 400, code: 'RETURN_COMMENT_REQUIRED' });
    const returned = await act('hanyin.reviewer', 'return', '工作完成时限写成了2023年，请改为本年度');
    expect(returned.body.status).toBe('returned');

    const fixed = await save(await read(), '2024年12月底前');
    expect(fixed.status).toBe(200);
    expect(fixed.body.findings.map((f: { code: string }) => f.code)).not.toContain('OTHER_YEAR');
    expect((await act('hanyin.editor', 'submit')).body.status).toBe('submitted');
    expect((await act('hanyin.reviewer', 'department_approve')).body.status).toBe('department_approved');
    const approved = await act('hanyin.finance', 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', version: 1 });
  });

  it('locks the approved sheet', async () => {
    const res = await save(await read(), '2024年11月底前');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SHEET_LOCKED');
  });

  it.each([
    ['hanyin.viewer', 'adjust', 403, 'ROLE_FORBIDDEN'],
    ['hanyin.reviewer', 'approve', 409, 'TRANSITION_NOT_ALLOWED'],
    ['xuchang.finance', 'adjust', 404, 'SHEET_NOT_FOUND'],
  ])('refuses %s to %s (%i %s)', async (user, action, status, code) => {
    const sheet = await read();
    const res = await t.http.post(`/api/target-sheets/${sheetId}/transitions`).set(as(user)).send({ action, rowVersion: sheet.rowVersion });
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect((await read()).status).toBe('approved');
  });

  it('adjusts through a new version that finance approves again, with a readable diff to the old one', async () => {
    const adjusted = await act('hanyin.editor', 'adjust', '年中调整时限');
    expect(adjusted.status).toBe(200);
    const v2: Sheet = adjusted.body;
    expect(v2).toMatchObject({ status: 'draft', version: 2 });
    expect(v2.id).not.toBe(sheetId);
    expect(await read(sheetId)).toMatchObject({ status: 'approved', version: 1 }); // the old version stays readable
    const listed = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'));
    expect(listed.body.find((p: { name: string }) => p.name === '医保重点工作经费').sheet).toMatchObject({ id: v2.id, version: 2, status: 'draft' });

    expect((await save(v2, '2024年11月底前')).status).toBe(200);
    const diff = await t.http.get(`/api/target-sheets/${v2.id}/diff`).set(as('hanyin.finance'));
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ previousVersionId: sheetId, previousVersion: 1 });
    expect(diff.body.changes).toEqual([
      expect.objectContaining({ kind: 'indicator_changed', field: 'target', before: '2024年12月底前', after: '2024年11月底前' }),
    ]);
    expect(diff.body.changes[0].message).toContain('工作完成时限');
    expect(diff.body.summary).toMatch(/修改指标 1 项/);

    expect((await act('hanyin.editor', 'submit', undefined, v2.id)).body.status).toBe('submitted');
    expect((await act('hanyin.reviewer', 'department_approve', undefined, v2.id)).body.status).toBe('department_approved');
    const notFinance = await act('hanyin.reviewer', 'approve', undefined, v2.id);
    expect(notFinance.status).toBe(403);
    expect(notFinance.body.message).toContain('财政审核人');
    expect((await act('hanyin.finance', 'approve', undefined, v2.id)).body).toMatchObject({ status: 'approved', version: 2 });
  });

  it('records every step in the audit log of the sheet', async () => {
    const log = await t.http.get(`/api/target-sheets/${sheetId}/audit`).set(as('hanyin.viewer'));
    expect(log.body.map((e: { action: string }) => e.action).reverse()).toEqual([
      'sheet.submit', 'sheet.return', 'sheet.update', 'sheet.submit', 'sheet.department_approve', 'sheet.approve',
    ]);
    const returned = log.body.find((e: { action: string }) => e.action === 'sheet.return');
    expect(returned).toMatchObject({ actor: { username: 'hanyin.reviewer' }, before: { status: 'submitted' }, after: { status: 'returned', comment: '工作完成时限写成了2023年，请改为本年度' } });
  });
});
