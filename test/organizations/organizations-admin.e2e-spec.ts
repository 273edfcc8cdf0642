import { startTestApp, tableCounts, TestApp } from '../support/test-app';
import { auditCount, bearer, organizationId, readyUser } from '../support/accounts';

/**
 * 组织机构管理 over HTTP on PostgreSQL: 系统管理员 everywhere, 管理员 (bureau_admin) inside its finance
 * bureau; codes and names unique among siblings (409 naming the clash), no move into its own subtree,
 * every descendant's path kept right by a move, deactivation instead of deletion once there is data,
 * and nothing half-written when an action is refused.
 */
describe('organizations administration', () => {
  let t: TestApp;
  let admin: string;
  let hanyinAdmin: string;
  let shenmuAdmin: string;
  let hanyinBureau: string;
  let hanyinDepartment: string;
  let hanyinUnit: string;
  let shenmuBureau: string;

  const post = (token: string, url: string, body: object = {}) => t.http.post(url).set(bearer(token)).send(body);
  const pathOf = async (id: string): Promise<string> => (await t.dataSource.query(`SELECT path FROM organizations WHERE id = $1`, [id]))[0].path;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    hanyinBureau = await organizationId(t, 'finance_bureau', '汉阴县财政局');
    hanyinDepartment = await organizationId(t, 'department', '汉阴县医疗保障局');
    hanyinUnit = await organizationId(t, 'unit', '汉阴县医疗保障局本级');
    shenmuBureau = await organizationId(t, 'finance_bureau', '神木市财政局');
    hanyinAdmin = (await readyUser(t, admin, { username: 'hanyin.bureau-admin', displayName: '汉阴县财政局 王管理', role: 'bureau_admin', organizationId: hanyinBureau })).token;
    shenmuAdmin = (await readyUser(t, admin, { username: 'shenmu.bureau-admin', role: 'bureau_admin', organizationId: shenmuBureau })).token;
  });
  afterAll(async () => t?.close());

  it('shows 系统管理员 every finance bureau, and 管理员 only its own bureau with its departments and units', async () => {
    const all = await t.http.get('/api/organizations').set(bearer(admin)).expect(200);
    expect(all.body.map((n: { name: string }) => n.name).sort()).toEqual(['望都县财政局', '汉阴县财政局', '沈丘县财政局', '神木市财政局', '许昌市财政局']);
    const own = await t.http.get('/api/organizations').set(bearer(hanyinAdmin)).expect(200);
    expect(own.body).toHaveLength(1);
    expect(own.body[0]).toMatchObject({ id: hanyinBureau, kind: 'finance_bureau', region: '汉阴县', active: true, userCount: 3 }); // 财政审核人, the demo 管理员 and this test's
    expect(own.body[0].children[0]).toMatchObject({ id: hanyinDepartment, code: '962', userCount: 2 });
    expect(own.body[0].children[0].children[0]).toMatchObject({ id: hanyinUnit, code: '962001', kind: 'unit', userCount: 1, children: [] });
    expect(JSON.stringify(own.body)).not.toContain('神木');
  });

  it('lets 管理员 create a department under its bureau and a unit under it, audited', async () => {
    const dept = await post(hanyinAdmin, '/api/organizations', { parentId: hanyinBureau, kind: 'department', code: '963', name: '汉阴县卫生健康局' }).expect(201);
    expect(dept.body).toMatchObject({ parentId: hanyinBureau, kind: 'department', code: '963', name: '汉阴县卫生健康局', active: true, children: [] });
    const unit = await post(hanyinAdmin, '/api/organizations', { parentId: dept.body.id, kind: 'unit', code: '963001', name: '  汉阴县卫生健康局本级  ' }).expect(201);
    expect(unit.body).toMatchObject({ name: '汉阴县卫生健康局本级', parentId: dept.body.id });
    expect(await pathOf(unit.body.id)).toBe(`${await pathOf(dept.body.id)}${unit.body.id}/`);
    const events = await t.dataSource.query(`SELECT action, actor_id, after FROM audit_events WHERE entity_type = 'organization' AND entity_id = $1`, [unit.body.id]);
    expect(events).toEqual([expect.objectContaining({ action: 'organization.create', after: expect.objectContaining({ name: '汉阴县卫生健康局本级', parentName: '汉阴县卫生健康局' }) })]);
  });

  it('answers 409 naming the organization that already has the code or the name, writing nothing', async () => {
    const before = await tableCounts(t.dataSource);
    const code = await post(hanyinAdmin, '/api/organizations', { parentId: hanyinDepartment, kind: 'unit', code: '962001', name: '汉阴县医保服务中心' }).expect(409);
    expect(code.body).toMatchObject({ code: 'ORGANIZATION_CODE_TAKEN', message: '「汉阴县医疗保障局」下已有代码为「962001」的单位「汉阴县医疗保障局本级」' });
    const name = await post(hanyinAdmin, '/api/organizations', { parentId: hanyinDepartment, kind: 'unit', code: '962009', name: '汉阴县医疗保障局本级' }).expect(409);
    expect(name.body).toMatchObject({ code: 'ORGANIZATION_NAME_TAKEN', message: '「汉阴县医疗保障局」下已有名为「汉阴县医疗保障局本级」的单位' });
    const rename = await t.http.patch(`/api/organizations/${hanyinUnit}`).set(bearer(hanyinAdmin)).send({ code: '962001' }).expect(200);
    expect(rename.body.code).toBe('962001'); // its own code is no clash
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('refuses a unit under a bureau, a department under a department, a bureau from 管理员', async () => {
    const unit = await post(hanyinAdmin, '/api/organizations', { parentId: hanyinBureau, kind: 'unit', name: '错放的单位' }).expect(400);
    expect(unit.body).toMatchObject({ code: 'ORGANIZATION_PLACEMENT', message: '单位只能设在部门之下' });
    await post(hanyinAdmin, '/api/organizations', { parentId: hanyinDepartment, kind: 'department', name: '错放的部门' }).expect(400);
    const bureau = await post(hanyinAdmin, '/api/organizations', { parentId: null, kind: 'finance_bureau', name: '旬阳市财政局', region: '旬阳市' }).expect(403);
    expect(bureau.body.message).toBe('只有系统管理员可以新建财政局');
    const created = await post(admin, '/api/organizations', { parentId: null, kind: 'finance_bureau', name: '旬阳市财政局', region: '旬阳市' }).expect(201);
    expect(created.body).toMatchObject({ parentId: null, region: '旬阳市' });
    const twice = await post(admin, '/api/organizations', { parentId: null, kind: 'finance_bureau', name: '旬阳市财政局（新）', region: '旬阳市' }).expect(409);
    expect(twice.body.message).toBe('行政区划「旬阳市」已有财政局「旬阳市财政局」');
  });

  it('keeps 管理员 inside its bureau: other regions are not found, the bureau itself belongs to 系统管理员', async () => {
    const other = await t.http.patch(`/api/organizations/${hanyinDepartment}`).set(bearer(shenmuAdmin)).send({ name: '改名' }).expect(404);
    expect(other.body).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND', message: '找不到该组织机构，或不在您的管理范围内' });
    await post(shenmuAdmin, '/api/organizations', { parentId: hanyinDepartment, kind: 'unit', name: '越权单位' }).expect(404);
    const own = await t.http.patch(`/api/organizations/${hanyinBureau}`).set(bearer(hanyinAdmin)).send({ name: '汉阴县财政局（改）' }).expect(403);
    expect(own.body.code).toBe('OUTSIDE_SCOPE');
    await post(hanyinAdmin, `/api/organizations/${hanyinDepartment}/move`, { parentId: shenmuBureau }).expect(404);
  });

  it('refuses a move under itself or under its own subtree (400), and changes nothing', async () => {
    const before = await t.dataSource.query(`SELECT id, parent_id, path FROM organizations ORDER BY id`);
    const self = await post(admin, `/api/organizations/${hanyinDepartment}/move`, { parentId: hanyinDepartment }).expect(400);
    expect(self.body).toMatchObject({ code: 'ORGANIZATION_MOVE_INTO_ITSELF', message: '不能把「汉阴县医疗保障局」移到它自己之下' });
    const below = await post(admin, `/api/organizations/${hanyinDepartment}/move`, { parentId: hanyinUnit }).expect(400);
    expect(below.body.message).toBe('不能把「汉阴县医疗保障局」移到它自己的下级「汉阴县医疗保障局本级」之下');
    expect(await t.dataSource.query(`SELECT id, parent_id, path FROM organizations ORDER BY id`)).toEqual(before);
  });

  it('moves a department with its units to another bureau: every path follows, in one transaction', async () => {
    const dept = (await post(admin, '/api/organizations', { parentId: hanyinBureau, kind: 'department', name: '汉阴县临时部门' }).expect(201)).body;
    const unitA = (await post(admin, '/api/organizations', { parentId: dept.id, kind: 'unit', code: 'A', name: '临时单位甲' }).expect(201)).body;
    const unitB = (await post(admin, '/api/organizations', { parentId: dept.id, kind: 'unit', code: 'B', name: '临时单位乙' }).expect(201)).body;
    const moved = await post(admin, `/api/organizations/${dept.id}/move`, { parentId: shenmuBureau }).expect(200);
    expect(moved.body).toMatchObject({ id: dept.id, parentId: shenmuBureau });
    expect(moved.body.children.map((c: { name: string }) => c.name)).toEqual(['临时单位甲', '临时单位乙']);
    const bureauPath = await pathOf(shenmuBureau);
    expect(await pathOf(dept.id)).toBe(`${bureauPath}${dept.id}/`);
    expect(await pathOf(unitA.id)).toBe(`${bureauPath}${dept.id}/${unitA.id}/`);
    expect(await pathOf(unitB.id)).toBe(`${bureauPath}${dept.id}/${unitB.id}/`);
    // scope follows the path: 神木's 管理员 now sees it, 汉阴's does not
    await t.http.patch(`/api/organizations/${unitA.id}`).set(bearer(shenmuAdmin)).send({ name: '临时单位甲（神木）' }).expect(200);
    await t.http.patch(`/api/organizations/${unitA.id}`).set(bearer(hanyinAdmin)).send({ name: '再改' }).expect(404);
    const event = await t.dataSource.query(`SELECT before, after FROM audit_events WHERE action = 'organization.move' AND entity_id = $1`, [dept.id]);
    expect(event).toEqual([{ before: { parentId: hanyinBureau, parentName: '汉阴县财政局' }, after: { parentId: shenmuBureau, parentName: '神木市财政局' } }]);
  });

  it('keeps a unit with projects under its department (409 naming the projects), but moves an empty one', async () => {
    const other = (await post(admin, '/api/organizations', { parentId: hanyinBureau, kind: 'department', name: '汉阴县另一部门' }).expect(201)).body;
    const refused = await post(admin, `/api/organizations/${hanyinUnit}/move`, { parentId: other.id }).expect(409);
    expect(refused.body).toMatchObject({ code: 'ORGANIZATION_HAS_DATA' });
    expect(refused.body.message).toBe('「汉阴县医疗保障局本级」已有预算项目 4 个，它们属于「汉阴县医疗保障局」，不能移到其他部门；如需调整，请在「汉阴县另一部门」下新建单位');
    const empty = (await post(admin, '/api/organizations', { parentId: hanyinDepartment, kind: 'unit', name: '汉阴县空单位' }).expect(201)).body;
    await post(admin, `/api/organizations/${empty.id}/move`, { parentId: other.id }).expect(200);
    expect(await pathOf(empty.id)).toBe(`${await pathOf(other.id)}${empty.id}/`);
  });

  it('keeps a finance bureau with a saved scoring scheme (another context’s data): 409 naming it, never a 500', async () => {
    const bureau = (await post(admin, '/api/organizations', { parentId: null, kind: 'finance_bureau', name: '安康市财政局', region: '安康市' }).expect(201)).body;
    await t.http.put(`/api/scoring-schemes/${bureau.id}/2024/project`).set(bearer(admin)).send({ baseVersion: null, preset: 'national_project' }).expect(200);
    const before = await tableCounts(t.dataSource);
    const refused = await t.http.delete(`/api/organizations/${bureau.id}`).set(bearer(admin)).expect(409);
    expect(refused.body).toMatchObject({ code: 'ORGANIZATION_HAS_DATA' });
    expect(refused.body.message).toContain('评分方案版本 1 个');
    expect(await tableCounts(t.dataSource)).toEqual(before);
    await post(admin, `/api/organizations/${bureau.id}/deactivate`).expect(200);
  });

  it('deactivates instead of deleting once there is data; active users must go first', async () => {
    const withUsers = await post(hanyinAdmin, `/api/organizations/${hanyinDepartment}/deactivate`).expect(409);
    expect(withUsers.body.code).toBe('ORGANIZATION_HAS_ACTIVE_USERS');
    expect(withUsers.body.message).toMatch(/^「汉阴县医疗保障局」及其下级仍有 3 个启用的用户：.*（hanyin\.editor）.*请先停用这些用户或把他们调到其他组织$/);
    const deleted = await t.http.delete(`/api/organizations/${hanyinUnit}`).set(bearer(hanyinAdmin)).expect(409);
    expect(deleted.body).toMatchObject({ code: 'ORGANIZATION_HAS_DATA' });
    expect(deleted.body.message).toContain('不能删除；不再使用时请停用');

    const dept = (await post(hanyinAdmin, '/api/organizations', { parentId: hanyinBureau, kind: 'department', name: '汉阴县待停用部门' }).expect(201)).body;
    const unit = (await post(hanyinAdmin, '/api/organizations', { parentId: dept.id, kind: 'unit', name: '待停用单位' }).expect(201)).body;
    const off = await post(hanyinAdmin, `/api/organizations/${dept.id}/deactivate`).expect(200);
    expect(off.body).toMatchObject({ active: false, children: [expect.objectContaining({ id: unit.id, active: false })] });
    const underInactive = await post(hanyinAdmin, '/api/organizations', { parentId: dept.id, kind: 'unit', name: '停用后新建' }).expect(409);
    expect(underInactive.body).toMatchObject({ code: 'ORGANIZATION_INACTIVE', message: '「汉阴县待停用部门」已停用，不能在其下新建组织机构' });
    const reactivateChild = await post(hanyinAdmin, `/api/organizations/${unit.id}/activate`).expect(409);
    expect(reactivateChild.body.message).toBe('「汉阴县待停用部门」已停用，请先启用「汉阴县待停用部门」');
    const on = await post(hanyinAdmin, `/api/organizations/${dept.id}/activate`).expect(200);
    expect(on.body).toMatchObject({ active: true, children: [expect.objectContaining({ active: true })] });
    await t.http.delete(`/api/organizations/${unit.id}`).set(bearer(hanyinAdmin)).expect(204);
    await t.http.delete(`/api/organizations/${dept.id}`).set(bearer(hanyinAdmin)).expect(204);
    const actions = await t.dataSource.query(`SELECT action FROM audit_events WHERE entity_id IN ($1, $2) ORDER BY id`, [dept.id, unit.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'organization.create', 'organization.create', 'organization.deactivate', 'organization.activate', 'organization.delete', 'organization.delete',
    ]);
  });

  it('refuses a new project in a deactivated unit', async () => {
    const dept = (await post(admin, '/api/organizations', { parentId: hanyinBureau, kind: 'department', name: '汉阴县停用测试部门' }).expect(201)).body;
    const unit = (await post(admin, '/api/organizations', { parentId: dept.id, kind: 'unit', name: '停用测试单位' }).expect(201)).body;
    await post(admin, `/api/organizations/${unit.id}/deactivate`).expect(200);
    const res = await post(admin, '/api/projects', { fiscalYear: 2024, unitId: unit.id, name: '停用单位的项目', amount: { total: '100.00', fiscal: '100.00', other: '0.00' } }).expect(409);
    expect(res.body).toMatchObject({ code: 'ORGANIZATION_INACTIVE', message: '单位「停用测试单位」已停用，不能新建项目' });
  });

  it('shows an organization\'s 操作记录 with the actor and its role, and leaves nothing half-written when a move fails', async () => {
    await t.http.patch(`/api/organizations/${hanyinUnit}`).set(bearer(hanyinAdmin)).send({ code: '962001-1', name: '汉阴县医疗保障局（本级）' }).expect(200);
    const history = await t.http.get(`/api/organizations/${hanyinUnit}/audit`).set(bearer(hanyinAdmin)).expect(200);
    expect(history.body[0]).toMatchObject({
      action: 'organization.update',
      actor: { username: 'hanyin.bureau-admin', displayName: '汉阴县财政局 王管理', role: 'bureau_admin' },
      before: { code: '962001', name: '汉阴县医疗保障局本级' },
      after: { code: '962001-1', name: '汉阴县医疗保障局（本级）' },
    });
    await t.http.get(`/api/organizations/${hanyinUnit}/audit`).set(bearer(shenmuAdmin)).expect(404);
    const events = await auditCount(t);
    const paths = await t.dataSource.query(`SELECT id, path, parent_id, active FROM organizations ORDER BY id`);
    await post(admin, `/api/organizations/${hanyinUnit}/move`, { parentId: shenmuBureau }).expect(400); // a unit under a bureau
    expect(await auditCount(t)).toBe(events);
    expect(await t.dataSource.query(`SELECT id, path, parent_id, active FROM organizations ORDER BY id`)).toEqual(paths);
  });
});
