import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

interface InboxItem { sheetId: string; kind: 'project' | 'department'; fiscalYear: number; status: string; name: string; project: { code: string | null; name: string } | null; department: { id: string; name: string }; actions: string[]; waitingSince: string }
interface Inbox { items: InboxItem[]; total: number; page: number; pageSize: number; facets: { statuses: { status: string; count: number }[]; departments: { department: { id: string; name: string }; count: number }[]; fiscalYears: { fiscalYear: number; count: number }[] } }
interface Listed { sheetId: string; kind: 'project' | 'department'; status: string }

/**
 * What waits for whom (written out here, not read from the domain): a unit editor submits its drafts and
 * returned project sheets; the department reviewer decides on submitted sheets and fills its own
 * department-wide sheet; finance decides on department-approved sheets; the admin may do all of it; a
 * viewer does nothing. An approved sheet waits for nobody.
 */
const WAITS_FOR: Record<string, Record<'project' | 'department', string[]>> = {
  unit_editor: { project: ['draft', 'returned'], department: [] },
  department_reviewer: { project: ['submitted'], department: ['draft', 'submitted', 'returned'] },
  finance_reviewer: { project: ['department_approved'], department: ['department_approved'] },
  viewer: { project: [], department: [] },
  admin: { project: ['draft', 'submitted', 'department_approved', 'returned'], department: ['draft', 'submitted', 'department_approved', 'returned'] },
};
const ROLE_OF: Record<string, string> = {
  'hanyin.editor': 'unit_editor', 'hanyin.reviewer': 'department_reviewer', 'hanyin.viewer': 'viewer', 'hanyin.finance': 'finance_reviewer',
  'shenmu.editor': 'unit_editor', 'xuchang.finance': 'finance_reviewer', admin: 'admin',
};

describe('待我处理: the sheets waiting for the caller', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let projectA: string; // 医保重点工作经费 of 汉阴: walked through the workflow
  let projectB: string; // another 汉阴 project: submitted
  let hanyinDepartment: { id: string; sheetId: string };

  const inbox = async (user: string, query: Record<string, unknown> = {}): Promise<Inbox> => {
    const res = await t.http.get('/api/inbox').query(query).set(as(user));
    expect({ user, status: res.status }).toEqual({ user, status: 200 });
    return res.body;
  };
  /** Every page of the caller's inbox. */
  const allOf = async (user: string, query: Record<string, unknown> = {}): Promise<InboxItem[]> => {
    const items: InboxItem[] = [];
    for (let page = 1; ; page++) {
      const body = await inbox(user, { ...query, page, pageSize: 100 });
      items.push(...body.items);
      if (items.length >= body.total || body.items.length === 0) return items;
    }
  };
  /** Every current sheet the caller sees, through the ordinary lists, with its status. */
  const visibleSheets = async (user: string): Promise<Listed[]> => {
    const sheets: Listed[] = [];
    for (const { year: fiscalYear } of (await t.http.get('/api/fiscal-years').set(as(user))).body as { year: number }[]) {
      const projects = (await t.http.get('/api/projects').query({ fiscalYear }).set(as(user))).body as { sheet: { id: string; status: string } }[];
      sheets.push(...projects.map((p) => ({ sheetId: p.sheet.id, kind: 'project' as const, status: p.sheet.status })));
      const departments = (await t.http.get('/api/departments').query({ fiscalYear }).set(as(user))).body as { sheet: { id: string; status: string } | null }[];
      sheets.push(...departments.flatMap((d) => (d.sheet ? [{ sheetId: d.sheet.id, kind: 'department' as const, status: d.sheet.status }] : [])));
    }
    return sheets;
  };
  const expectedFor = async (user: string) => {
    const waits = WAITS_FOR[ROLE_OF[user]];
    return (await visibleSheets(user)).filter((s) => waits[s.kind].includes(s.status)).map((s) => s.sheetId).sort();
  };
  const act = async (user: string, sheetId: string, action: string, comment?: string) => {
    const sheet = (await t.http.get(`/api/target-sheets/${sheetId}`).set(as(user))).body;
    const res = await t.http.post(`/api/target-sheets/${sheetId}/transitions`).set(as(user)).send(transitionBody(sheet, action, comment));
    expect({ action, status: res.status }).toEqual({ action, status: 200 });
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of Object.keys(ROLE_OF)) tokens[user] = await t.login(user);
    const projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'))).body as { name: string; sheet: { id: string } }[];
    projectA = projects.find((p) => p.name === '医保重点工作经费')!.sheet.id;
    projectB = projects.find((p) => p.name !== '医保重点工作经费')!.sheet.id;
    const [department] = (await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(as('hanyin.reviewer'))).body;
    hanyinDepartment = { id: department.department.id, sheetId: department.sheet.id };
    // A year in progress: A submitted, approved by the department, returned by finance; B submitted; the department-wide sheet submitted.
    await act('hanyin.editor', projectA, 'submit');
    await act('hanyin.reviewer', projectA, 'department_approve');
    await act('hanyin.finance', projectA, 'return', '成本指标与预算金额不一致，请核对后重新提交');
    await act('hanyin.editor', projectB, 'submit');
    await act('hanyin.reviewer', hanyinDepartment.sheetId, 'submit');
  });
  afterAll(async () => t?.close());

  it.each(Object.keys(ROLE_OF))('%s sees exactly the sheets waiting for its role in its subtree, and the count says how many', async (user) => {
    const items = await allOf(user);
    expect(items.map((i) => i.sheetId).sort()).toEqual(await expectedFor(user));
    expect(new Set(items.map((i) => i.sheetId)).size).toBe(items.length);
    const count = await t.http.get('/api/inbox/count').set(as(user));
    expect(count.status).toBe(200);
    expect(count.body).toEqual({ total: items.length });
  });

  it('puts the returned sheet first for the editor and offers it 提交; what it submitted has left its inbox', async () => {
    const body = await inbox('hanyin.editor');
    expect(body.items[0]).toMatchObject({ sheetId: projectA, status: 'returned', kind: 'project', name: '医保重点工作经费', actions: ['submit'], fiscalYear: 2024 });
    expect(body.items.slice(1).every((i) => i.status === 'draft')).toBe(true);
    expect(body.items.map((i) => i.sheetId)).not.toContain(projectB);
    expect(body.items.some((i) => i.kind === 'department')).toBe(false); // the department fills its own sheet
  });

  it('gives the department reviewer the submitted sheets with 部门审核通过 and 退回, and its own department-wide sheet', async () => {
    const items = await allOf('hanyin.reviewer');
    const b = items.find((i) => i.sheetId === projectB)!;
    expect(b).toMatchObject({ status: 'submitted', actions: ['department_approve', 'return'], department: { id: hanyinDepartment.id, name: '汉阴县医疗保障局' } });
    expect(items.find((i) => i.sheetId === hanyinDepartment.sheetId)).toMatchObject({ kind: 'department', project: null, name: '汉阴县医疗保障局 部门整体绩效目标', status: 'submitted' });
    expect(items.map((i) => i.sheetId)).not.toContain(projectA); // returned to the unit
    expect(items.every((i) => i.status === 'submitted' || i.kind === 'department')).toBe(true);
  });

  it('moves a sheet on to finance once the department approves it, and out of every inbox once finance approves it', async () => {
    expect((await allOf('hanyin.finance')).map((i) => i.sheetId)).not.toContain(projectB);
    await act('hanyin.reviewer', projectB, 'department_approve');
    const finance = await allOf('hanyin.finance');
    expect(finance.find((i) => i.sheetId === projectB)).toMatchObject({ status: 'department_approved', actions: ['approve', 'return'] });
    expect((await allOf('hanyin.reviewer')).map((i) => i.sheetId)).not.toContain(projectB);
    expect((await allOf('xuchang.finance')).map((i) => i.sheetId)).not.toContain(projectB); // another region's finance
    await act('hanyin.finance', projectB, 'approve');
    for (const user of ['hanyin.editor', 'hanyin.reviewer', 'hanyin.finance', 'admin']) {
      expect({ user, listed: (await allOf(user)).some((i) => i.sheetId === projectB) }).toEqual({ user, listed: false });
    }
  });

  it('gives a viewer an empty inbox, and other regions nothing of 汉阴', async () => {
    expect(await inbox('hanyin.viewer')).toEqual({ items: [], total: 0, page: 1, pageSize: 20, facets: { statuses: [], departments: [], fiscalYears: [] } });
    for (const user of ['shenmu.editor', 'xuchang.finance']) {
      const text = JSON.stringify(await allOf(user));
      expect({ user, leaks: text.includes('汉阴') || text.includes(projectA) }).toEqual({ user, leaks: false });
    }
  });

  it('filters by status, department and year', async () => {
    const returned = await inbox('admin', { status: 'returned' });
    expect(returned.items.map((i) => i.sheetId)).toEqual([projectA]);
    expect(returned.total).toBe(1);
    const approved = await inbox('admin', { status: 'approved' });
    expect(approved.total).toBe(0); // approved sheets wait for nobody
    const hanyin = await allOf('admin', { departmentId: hanyinDepartment.id });
    expect(hanyin.length).toBeGreaterThan(0);
    expect(hanyin.every((i) => i.department.id === hanyinDepartment.id)).toBe(true);
    expect(hanyin.map((i) => i.sheetId)).toEqual(expect.arrayContaining([projectA, hanyinDepartment.sheetId]));
    const all = await allOf('admin');
    expect((await allOf('admin', { fiscalYear: 2024 })).length).toBe(all.filter((i) => i.fiscalYear === 2024).length);
    expect((await inbox('admin', { fiscalYear: 2099 })).total).toBe(0);
    const both = await inbox('admin', { departmentId: hanyinDepartment.id, status: 'submitted' });
    expect(both.items.map((i) => i.sheetId)).toEqual([hanyinDepartment.sheetId]);
  });

  it('searches project names and codes as typed, a department-wide sheet by its department, wildcards literally', async () => {
    const byName = await allOf('admin', { q: '重点工作' });
    expect(byName.map((i) => i.sheetId)).toContain(projectA);
    expect(byName.every((i) => (i.project?.name ?? '').includes('重点工作'))).toBe(true);
    const coded = (await allOf('admin')).find((i) => i.project?.code)!;
    const byCode = await allOf('admin', { q: ` ${coded.project!.code!} ` });
    expect(byCode.map((i) => i.sheetId)).toContain(coded.sheetId);
    expect(byCode.every((i) => i.project?.code?.includes(coded.project!.code!) || i.project?.name.includes(coded.project!.code!))).toBe(true);
    const department = await allOf('hanyin.reviewer', { q: '汉阴县医疗' });
    expect(department.map((i) => i.sheetId)).toEqual([hanyinDepartment.sheetId]);
    expect((await inbox('admin', { q: '%' })).total).toBe(0);
    expect((await inbox('admin', { q: '_' })).total).toBe(0);
    expect((await inbox('admin', { q: '没有这样的项目' })).total).toBe(0);
  });

  it('pages through the whole inbox, and counts it per status, department and year', async () => {
    const all = await allOf('admin');
    const paged: InboxItem[] = [];
    const first = await inbox('admin', { pageSize: 7 });
    expect(first).toMatchObject({ page: 1, pageSize: 7, total: all.length });
    for (let page = 1; page <= Math.ceil(all.length / 7); page++) paged.push(...(await inbox('admin', { page, pageSize: 7 })).items);
    expect(paged.map((i) => i.sheetId)).toEqual(all.map((i) => i.sheetId));
    const beyond = await inbox('admin', { page: Math.ceil(all.length / 7) + 1, pageSize: 7 });
    expect(beyond).toMatchObject({ items: [], total: all.length });
    // returned first, then the longest waiting
    expect(all[0].status).toBe('returned');
    const rest = all.slice(1).map((i) => Date.parse(i.waitingSince));
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
    const { facets } = first;
    expect(facets.statuses.reduce((n, s) => n + s.count, 0)).toBe(all.length);
    expect(facets.departments.reduce((n, d) => n + d.count, 0)).toBe(all.length);
    expect(facets.fiscalYears.reduce((n, y) => n + y.count, 0)).toBe(all.length);
    for (const { status, count } of facets.statuses) expect({ status, count }).toEqual({ status, count: all.filter((i) => i.status === status).length });
    const hanyin = facets.departments.find((d) => d.department.id === hanyinDepartment.id)!;
    expect(hanyin.count).toBe(all.filter((i) => i.department.id === hanyinDepartment.id).length);
    // the facets stay those of the whole inbox whatever the filters
    expect((await inbox('admin', { status: 'returned' })).facets).toEqual(facets);
  });

  it('refuses bad filters with 400 and a Chinese message naming the parameter', async () => {
    for (const [query, field] of [
      [{ pageSize: 0 }, 'pageSize'],
      [{ pageSize: 101 }, 'pageSize'],
      [{ page: 'x' }, 'page'],
      [{ status: 'waiting' }, 'status'],
      [{ departmentId: 'abc' }, 'departmentId'],
      [{ fiscalYear: 1999 }, 'fiscalYear'],
      [{ q: '长'.repeat(101) }, 'q'],
      [{ sort: 'name' }, 'sort'],
    ] as const) {
      const res = await t.http.get('/api/inbox').query(query).set(as('hanyin.reviewer'));
      expect({ field, status: res.status, code: res.body.code }).toEqual({ field, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.message).toMatch(new RegExp(`^请求参数有误：.*${field}`));
    }
    expect((await t.http.get('/api/inbox')).status).toBe(401);
    expect((await t.http.get('/api/inbox/count')).status).toBe(401);
  });
});
