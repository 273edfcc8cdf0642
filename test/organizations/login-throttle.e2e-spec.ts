import { startTestApp, TestApp } from '../support/test-app';
import { bearer, organizationId } from '../support/accounts';

/**
 * 登录限制 over HTTP on PostgreSQL: 5 failures in a row lock an account for 15 minutes with a message
 * saying how long (the right password included), a success resets the count, an administrator's
 * reset lifts a lock, and one client address is capped at 30 failures per 15 minutes. The counts
 * live in PostgreSQL (login_throttles), so every API replica sees them.
 */
describe('login throttling', () => {
  let t: TestApp;
  const login = (username: string, password: string) => t.http.post('/api/auth/login').send({ username, password });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('counts down the attempts left, then locks the account for 15 minutes — the right password too', async () => {
    const messages: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const res = await login('hanyin.editor', `wrong-${i}`).expect(401);
      messages.push(res.body.message);
    }
    expect(messages).toEqual([
      '用户名或密码错误（再连续错误 4 次，账号将锁定 15 分钟）',
      '用户名或密码错误（再连续错误 3 次，账号将锁定 15 分钟）',
      '用户名或密码错误（再连续错误 2 次，账号将锁定 15 分钟）',
      '用户名或密码错误（再连续错误 1 次，账号将锁定 15 分钟）',
    ]);
    const fifth = await login('hanyin.editor', 'wrong-5').expect(429);
    expect(fifth.body).toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: '该账号已连续 5 次登录失败，暂时锁定，请 15 分钟后再试（也可请管理员重置密码）',
      details: { scope: 'account' },
    });
    expect(fifth.body.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
    const right = await login('hanyin.editor', 'jixiao-demo').expect(429);
    expect(right.body.message).toMatch(/^该账号已连续 5 次登录失败，暂时锁定，请 1[45] 分钟后再试/);
    const [row] = await t.dataSource.query(`SELECT failures, locked_until > now() + interval '14 minutes' AS locked FROM login_throttles WHERE scope = 'account' AND subject = 'hanyin.editor'`);
    expect(row).toEqual({ failures: 5, locked: true });
    const [event] = await t.dataSource.query(`SELECT actor_id, after FROM audit_events WHERE action = 'auth.lockout'`);
    expect(event).toMatchObject({ actor_id: null, after: { username: 'hanyin.editor', failures: 5 } });
  });

  it('says how long is left as time passes, and lets the user in once the lock has run out', async () => {
    await t.dataSource.query(`UPDATE login_throttles SET locked_until = now() + interval '13 minutes 30 seconds' WHERE scope = 'account' AND subject = 'hanyin.editor'`);
    expect((await login('hanyin.editor', 'jixiao-demo').expect(429)).body.message).toContain('请 14 分钟后再试');
    await t.dataSource.query(`UPDATE login_throttles SET locked_until = now() - interval '1 second' WHERE scope = 'account' AND subject = 'hanyin.editor'`);
    // after the lock, the count starts again
    expect((await login('hanyin.editor', 'wrong-again').expect(401)).body.message).toContain('再连续错误 4 次');
    await login('hanyin.editor', 'jixiao-demo').expect(200);
  });

  it('resets the count on a successful login', async () => {
    for (let i = 0; i < 4; i++) await login('hanyin.viewer', 'nope').expect(401);
    await login('hanyin.viewer', 'jixiao-demo').expect(200);
    for (let i = 0; i < 4; i++) await login('hanyin.viewer', 'nope').expect(401);
    await login('hanyin.viewer', 'jixiao-demo').expect(200);
    expect(await t.dataSource.query(`SELECT * FROM login_throttles WHERE scope = 'account' AND subject = 'hanyin.viewer'`)).toEqual([]);
  });

  it('locks unknown usernames the same way (nothing tells whether an account exists)', async () => {
    for (let i = 0; i < 4; i++) await login('nobody.here', 'nope').expect(401);
    expect((await login('nobody.here', 'nope').expect(429)).body.message).toContain('请 15 分钟后再试');
  });

  it('lifts a lock when an administrator resets the password, and the user list shows it', async () => {
    for (let i = 0; i < 5; i++) await login('shenmu.editor', 'nope');
    const admin = await t.login('admin');
    const users = await t.http.get('/api/users').query({ q: 'shenmu.editor' }).set(bearer(admin)).expect(200);
    const locked = users.body.find((u: { username: string }) => u.username === 'shenmu.editor');
    expect(new Date(locked.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(users.body.filter((u: { lockedUntil: string | null }) => u.lockedUntil !== null)).toHaveLength(1); // the other units' editors are not locked
    const reset = await t.http.post(`/api/users/${locked.id}/reset-password`).set(bearer(admin)).expect(200);
    expect(reset.body.user.lockedUntil).toBeNull();
    const res = await login('shenmu.editor', reset.body.oneTimePassword).expect(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    expect(await organizationId(t, 'unit', '神木市医疗保障局')).toBe(res.body.user.organization.id);
  });

  it('caps one client address at 30 failures in 15 minutes, whatever the usernames', async () => {
    const [{ n }] = await t.dataSource.query(`SELECT failures AS n FROM login_throttles WHERE scope = 'ip'`);
    let failures = Number(n);
    let last = 0;
    for (let i = 0; failures < 30; i++) {
      const res = await login(`guess${Math.floor(i / 4)}`, 'nope');
      failures += 1;
      last = res.status;
    }
    expect(last).toBe(429); // the 30th failure
    const blocked = await login('wangdu.editor', 'jixiao-demo').expect(429);
    expect(blocked.body).toMatchObject({ code: 'LOGIN_THROTTLED', message: '此网络地址登录失败次数过多，请 15 分钟后再试', details: { scope: 'ip' } });
    const rows = await t.dataSource.query(`SELECT subject FROM login_throttles WHERE scope = 'ip'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].subject).toMatch(/127\.0\.0\.1|::1/);
  });
});
