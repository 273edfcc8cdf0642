import { startTestApp, tableCounts, TestApp } from '../support/test-app';
import { activateAccount, auditCount, bearer, createUser, GOOD_PASSWORD, organizationId, readyUser } from '../support/accounts';

/**
 * 用户管理 and passwords over HTTP on PostgreSQL: accounts created and reset with a one-time password
 * that must be changed before anything else answers, the password policy's reasons, unique
 * usernames, roles that fit their organization, the last 系统管理员 kept, deactivated users out, and
 * an audit of every change that never holds a password.
 */
describe('users administration and passwords', () => {
  let t: TestApp;
  let admin: string;
  let hanyinAdmin: string;
  let hanyinBureau: string;
  let hanyinDepartment: string;
  let hanyinUnit: string;
  let shenmuUnit: string;

  const post = (token: string, url: string, body: object = {}) => t.http.post(url).set(bearer(token)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    hanyinBureau = await organizationId(t, 'finance_bureau', '汉阴县财政局');
    hanyinDepartment = await organizationId(t, 'department', '汉阴县医疗保障局');
    hanyinUnit = await organizationId(t, 'unit', '汉阴县医疗保障局本级');
    shenmuUnit = await organizationId(t, 'unit', '神木市医疗保险经办中心');
    hanyinAdmin = (await readyUser(t, admin, { username: 'hanyin.bureau-admin', displayName: '王管理', role: 'bureau_admin', organizationId: hanyinBureau })).token;
  });
  afterAll(async () => t?.close());

  it('creates an account with a one-time password that must be changed before anything else answers', async () => {
    const created = await post(hanyinAdmin, '/api/users', { username: ' Hanyin.ZhangMing ', displayName: '张明', role: 'unit_editor', organizationId: hanyinUnit }).expect(201);
    expect(created.body.user).toMatchObject({
      username: 'hanyin.zhangming', displayName: '张明', role: 'unit_editor', active: true, mustChangePassword: true, lockedUntil: null,
      organization: { id: hanyinUnit, kind: 'unit', name: '汉阴县医疗保障局本级' },
    });
    const otp: string = created.body.oneTimePassword;
    expect(otp).toMatch(/^[A-Za-z2-9#%+=@$]{12}$/);

    const login = await t.http.post('/api/auth/login').send({ username: 'hanyin.zhangming', password: otp }).expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const first = login.body.accessToken as string;
    const blocked = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(bearer(first)).expect(403);
    expect(blocked.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码：管理员为您设置了一次性密码，修改为您自己的密码后才能继续使用' });
    await t.http.get('/api/auth/me').set(bearer(first)).expect(200);

    const weak = await post(first, '/api/auth/password', { currentPassword: otp, newPassword: 'zhangming1' }).expect(400);
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    expect(weak.body.details.reasons).toEqual(['密码需包含小写字母、大写字母、数字、符号中的至少 3 类（现在只有小写字母、数字）']);
    expect(weak.body.message).toContain('规则：密码至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少 3 类');
    const demo = await post(first, '/api/auth/password', { currentPassword: otp, newPassword: 'jixiao-demo' }).expect(400);
    expect(demo.body.details.reasons).toContain('不能使用演示密码或常见密码（如 jixiao-demo、Password123!）');
    const wrong = await post(first, '/api/auth/password', { currentPassword: 'not-it', newPassword: GOOD_PASSWORD }).expect(400);
    expect(wrong.body).toMatchObject({ code: 'PASSWORD_INCORRECT', message: '当前密码不正确（再连续错误 4 次，账号将锁定 15 分钟）' });

    const changed = await post(first, '/api/auth/password', { currentPassword: otp, newPassword: GOOD_PASSWORD }).expect(200);
    expect(changed.body.user).toMatchObject({ username: 'hanyin.zhangming', mustChangePassword: false });
    await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(bearer(changed.body.accessToken)).expect(200);
    await t.http.get('/api/auth/me').set(bearer(first)).expect(401); // the one-time session ended
    await t.http.post('/api/auth/login').send({ username: 'hanyin.zhangming', password: otp }).expect(401);
    const again = await t.http.post('/api/auth/login').send({ username: 'hanyin.zhangming', password: GOOD_PASSWORD }).expect(200);
    expect(again.body.user.mustChangePassword).toBe(false);
  });

  it('answers 409 for a username in use, naming who has it inside the scope and nobody outside it', async () => {
    const before = await tableCounts(t.dataSource);
    const inside = await post(hanyinAdmin, '/api/users', { username: 'hanyin.editor', displayName: '重复', role: 'unit_editor', organizationId: hanyinUnit }).expect(409);
    expect(inside.body).toMatchObject({ code: 'USERNAME_TAKEN', message: '用户名「hanyin.editor」已被「张静」（汉阴县医疗保障局本级）使用，请换一个' });
    const outside = await post(hanyinAdmin, '/api/users', { username: 'SHENMU.editor', displayName: '重复', role: 'unit_editor', organizationId: hanyinUnit }).expect(409);
    expect(outside.body.message).toBe('用户名「shenmu.editor」已被其他用户使用，请换一个');
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('gives a role only where it fits, and only roles the administrator may give', async () => {
    const mismatch = await post(hanyinAdmin, '/api/users', { username: 'hanyin.misplaced', displayName: '错放', role: 'unit_editor', organizationId: hanyinDepartment }).expect(400);
    expect(mismatch.body).toMatchObject({ code: 'ROLE_ORGANIZATION_MISMATCH', message: '单位填报人只能设在单位，不能设在部门' });
    const noOrg = await post(admin, '/api/users', { username: 'hanyin.noorg', displayName: '无组织', role: 'viewer', organizationId: null }).expect(400);
    expect(noOrg.body.message).toBe('查看者必须属于一个财政局或部门或单位');
    const superuser = await post(hanyinAdmin, '/api/users', { username: 'hanyin.super', displayName: '越权', role: 'admin', organizationId: null }).expect(403);
    expect(superuser.body).toMatchObject({ code: 'ROLE_FORBIDDEN', message: '管理员不能设置「系统管理员」角色' });
    const elsewhere = await post(hanyinAdmin, '/api/users', { username: 'hanyin.elsewhere', displayName: '越界', role: 'unit_editor', organizationId: shenmuUnit }).expect(404);
    expect(elsewhere.body.code).toBe('ORGANIZATION_NOT_FOUND');
    const badName = await post(admin, '/api/users', { username: '张三', displayName: '张三', role: 'viewer', organizationId: hanyinUnit }).expect(400);
    expect(badName.body.message).toContain('用户名须为 3–64 个英文字母、数字或 . _ -');
  });

  it('lists the accounts of the scope with search, and moves a user to another unit with a fitting role', async () => {
    const list = await t.http.get('/api/users').set(bearer(hanyinAdmin)).expect(200);
    expect(list.body.map((u: { username: string }) => u.username).sort()).toEqual([
      'hanyin.admin', 'hanyin.bureau-admin', 'hanyin.editor', 'hanyin.finance', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.zhangming',
    ]);
    const found = await t.http.get('/api/users').query({ q: '张明' }).set(bearer(hanyinAdmin)).expect(200);
    expect(found.body.map((u: { username: string }) => u.username)).toEqual(['hanyin.zhangming']);
    const all = await t.http.get('/api/users').query({ q: 'editor' }).set(bearer(admin)).expect(200);
    expect(all.body).toHaveLength(8); // an editor per unit: 1 + 3 + 1 + 1 + 2
    const user = found.body[0];
    const moved = await t.http.patch(`/api/users/${user.id}`).set(bearer(hanyinAdmin)).send({ role: 'department_reviewer', organizationId: hanyinDepartment, displayName: '张明（部门）' }).expect(200);
    expect(moved.body).toMatchObject({ role: 'department_reviewer', displayName: '张明（部门）', organization: { id: hanyinDepartment } });
    const [event] = await t.dataSource.query(`SELECT before, after FROM audit_events WHERE action = 'user.update' AND entity_id = $1`, [user.id]);
    expect(event.before).toMatchObject({ role: 'unit_editor', organizationName: '汉阴县医疗保障局本级', displayName: '张明' });
    expect(event.after).toMatchObject({ role: 'department_reviewer', organizationName: '汉阴县医疗保障局', displayName: '张明（部门）' });
  });

  it('resets a password to a one-time one: earlier sessions end, a lock is lifted, the change is required again', async () => {
    const { id, token } = await readyUser(t, hanyinAdmin, { username: 'hanyin.liuyang', displayName: '刘洋', role: 'viewer', organizationId: hanyinDepartment });
    const reset = await post(hanyinAdmin, `/api/users/${id}/reset-password`).expect(200);
    expect(reset.body.user).toMatchObject({ mustChangePassword: true });
    await t.http.get('/api/auth/me').set(bearer(token)).expect(401);
    await t.http.post('/api/auth/login').send({ username: 'hanyin.liuyang', password: GOOD_PASSWORD }).expect(401);
    const fresh = await activateAccount(t, 'hanyin.liuyang', reset.body.oneTimePassword, 'Liuyang-2025-new');
    await t.http.get('/api/departments').query({ fiscalYear: 2024 }).set(bearer(fresh)).expect(200);
    const self = await post(hanyinAdmin, `/api/users/${(await t.http.get('/api/auth/me').set(bearer(hanyinAdmin))).body.id}/reset-password`).expect(409);
    expect(self.body).toMatchObject({ code: 'SELF_ADMINISTRATION', message: '请在「修改密码」中修改自己的密码' });
  });

  it('never writes a password or its hash into the audit', async () => {
    const created = await createUser(t, admin, { username: 'hanyin.audit', displayName: '审计', role: 'viewer', organizationId: hanyinUnit });
    const reset = await post(admin, `/api/users/${created.id}/reset-password`).expect(200);
    const text = JSON.stringify(await t.dataSource.query(`SELECT before, after FROM audit_events`));
    expect(text).not.toContain(created.oneTimePassword);
    expect(text).not.toContain(reset.body.oneTimePassword);
    expect(text).not.toContain(GOOD_PASSWORD);
    expect(text).not.toMatch(/\$2[aby]\$/);
    const history = await t.http.get(`/api/users/${created.id}/audit`).set(bearer(hanyinAdmin)).expect(200);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual(['user.password_reset', 'user.create']);
    expect(history.body[0].actor).toMatchObject({ username: 'admin', role: 'admin' });
  });

  it('keeps deactivated users out: no login, and their open sessions end', async () => {
    const { id, token } = await readyUser(t, hanyinAdmin, { username: 'hanyin.leaving', displayName: '离职人员', role: 'unit_editor', organizationId: hanyinUnit });
    const off = await post(hanyinAdmin, `/api/users/${id}/deactivate`).expect(200);
    expect(off.body).toMatchObject({ active: false });
    await t.http.get('/api/auth/me').set(bearer(token)).expect(401);
    const login = await t.http.post('/api/auth/login').send({ username: 'hanyin.leaving', password: GOOD_PASSWORD }).expect(403);
    expect(login.body).toMatchObject({ code: 'ACCOUNT_INACTIVE', message: '该账号已停用，请联系管理员' });
    const wrong = await t.http.post('/api/auth/login').send({ username: 'hanyin.leaving', password: 'guess-Guess-1' }).expect(401);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS'); // a wrong password says nothing about the account
    const hidden = await t.http.get('/api/users').set(bearer(hanyinAdmin)).expect(200);
    expect(hidden.body.map((u: { username: string }) => u.username)).not.toContain('hanyin.leaving');
    const shown = await t.http.get('/api/users').query({ includeInactive: true }).set(bearer(hanyinAdmin)).expect(200);
    expect(shown.body.find((u: { username: string }) => u.username === 'hanyin.leaving')).toMatchObject({ active: false });
    await post(hanyinAdmin, `/api/users/${id}/activate`).expect(200);
    await t.http.get('/api/auth/me').set(bearer(token)).expect(401); // reactivation does not revive old sessions
    await t.login('hanyin.leaving', GOOD_PASSWORD);
  });

  it('refuses to deactivate or demote the last active 系统管理员 (409), and nothing changes', async () => {
    const me = (await t.http.get('/api/auth/me').set(bearer(admin))).body.id as string;
    const before = await auditCount(t);
    const last = await post(admin, `/api/users/${me}/deactivate`).expect(409);
    expect(last.body).toMatchObject({ code: 'LAST_ADMIN', message: '「系统管理员」是最后一个启用的系统管理员，不能停用；请先新建或启用另一个系统管理员' });
    expect(await auditCount(t)).toBe(before);
    const second = await readyUser(t, admin, { username: 'admin2', displayName: '第二管理员', role: 'admin', organizationId: null });
    const self = await post(admin, `/api/users/${me}/deactivate`).expect(409);
    expect(self.body.code).toBe('SELF_ADMINISTRATION');
    await post(second.token, `/api/users/${me}/deactivate`).expect(200);
    const lastAgain = await t.http.patch(`/api/users/${second.id}`).set(bearer(second.token)).send({ role: 'viewer', organizationId: hanyinUnit }).expect(409);
    expect(lastAgain.body.code).toBe('LAST_ADMIN');
    const deactivateLast = await post(second.token, `/api/users/${second.id}/deactivate`).expect(409);
    expect(deactivateLast.body.message).toBe('「第二管理员」是最后一个启用的系统管理员，不能停用；请先新建或启用另一个系统管理员');
    await post(second.token, `/api/users/${me}/activate`).expect(200);
    admin = await t.login('admin');
    const hanyinAdminSelf = (await t.http.get('/api/auth/me').set(bearer(hanyinAdmin))).body.id as string;
    const own = await post(hanyinAdmin, `/api/users/${hanyinAdminSelf}/deactivate`).expect(409);
    expect(own.body).toMatchObject({ code: 'SELF_ADMINISTRATION', message: '不能停用自己的账号，请由其他管理员操作' });
    await post(hanyinAdmin, `/api/users/${me}/deactivate`).expect(404); // 系统管理员 accounts are outside a bureau
  });

  it('lets 管理员 read its bureau\'s sheets but not change them', async () => {
    const projects = await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(bearer(hanyinAdmin)).expect(200);
    expect(projects.body).toHaveLength(4);
    await t.http.get(`/api/target-sheets/${projects.body[0].sheet.id}`).set(bearer(hanyinAdmin)).expect(200);
    await post(hanyinAdmin, '/api/projects', { fiscalYear: 2024, unitId: hanyinUnit, name: '管理员的项目', amount: { total: '1.00', fiscal: '1.00', other: '0.00' } }).expect(403);
    const submit = await post(hanyinAdmin, `/api/target-sheets/${projects.body[0].sheet.id}/transitions`, { action: 'submit', rowVersion: 1 });
    expect([403, 409]).toContain(submit.status);
  });
});
