import { createHash } from 'node:crypto';
import { bearer, GOOD_PASSWORD, readyUser } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * 登录会话 (issue 10: "12-hour tokens that no logout can revoke"): a short-lived access token with a
 * single-use refresh token, ended at once by 退出, a password change or reset and a deactivation.
 * Every test here fails on the code before sessions: it had no refreshToken, no /api/auth/refresh
 * (404), no /api/auth/logout (404), and its 12-hour tokens lived on after a logout.
 */
interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresIn: number;
}

async function signIn(t: TestApp, username: string, password = 'jixiao-demo'): Promise<Session> {
  const res = await t.http.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Session;
}

const me = (t: TestApp, accessToken: string) => t.http.get('/api/auth/me').set(bearer(accessToken));
const refresh = (t: TestApp, refreshToken: unknown) => t.http.post('/api/auth/refresh').send({ refreshToken });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('login sessions: short-lived access tokens, single-use refresh tokens, revocation', () => {
  let t: TestApp;
  let admin: string;
  let unitId: string;
  let accounts = 0;

  /** A fresh account (its own password, GOOD_PASSWORD) for a test that ends its sessions. */
  const account = async (): Promise<{ id: string; username: string }> => {
    const username = `hanyin.session${++accounts}`;
    const { id } = await readyUser(t, admin, { username, role: 'unit_editor', organizationId: unitId });
    return { id, username };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    unitId = (await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'unit' ORDER BY name LIMIT 1`))[0].id;
  });
  afterAll(async () => t?.close());

  // old code: the answer had no refreshToken and the token lasted 12 hours
  it('answers a 15-minute access token and a refresh token, keeping only the SHA-256 of the refresh token', async () => {
    const session = await signIn(t, 'hanyin.editor');
    expect(session).toMatchObject({ expiresIn: 900, refreshExpiresIn: 43200 });
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const payload = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(900);
    const stored: { token_hash: string }[] = await t.dataSource.query(`SELECT token_hash FROM refresh_tokens`);
    expect(stored.map((r) => r.token_hash)).toContain(sha256(session.refreshToken));
    expect(JSON.stringify(await t.dataSource.query(`SELECT * FROM refresh_tokens`))).not.toContain(session.refreshToken);
  });

  // old code: POST /api/auth/refresh did not exist (404)
  it('renews with the refresh token: a working new pair, the old refresh token spent', async () => {
    const first = await signIn(t, 'hanyin.reviewer');
    const renewed = await refresh(t, first.refreshToken);
    expect(renewed.status).toBe(200);
    expect(renewed.body.refreshToken).not.toBe(first.refreshToken);
    expect((await me(t, renewed.body.accessToken)).body.username).toBe('hanyin.reviewer');
    const spent: { spent_at: Date | null }[] = await t.dataSource.query(`SELECT spent_at FROM refresh_tokens WHERE token_hash = $1`, [sha256(first.refreshToken)]);
    expect(spent[0]!.spent_at).not.toBeNull();
    const third = await refresh(t, renewed.body.refreshToken);
    expect(third.status).toBe(200);
  });

  // old code: no logout endpoint (404), and the 12-hour token kept working
  it('退出 refuses the same access token and refresh token at once, leaving the user’s other logins alone', async () => {
    const session = await signIn(t, 'hanyin.viewer');
    const other = await signIn(t, 'hanyin.viewer');
    expect((await t.http.post('/api/auth/logout').set(bearer(session.accessToken))).status).toBe(204);
    const after = await me(t, session.accessToken);
    expect([after.status, after.body.code]).toEqual([401, 'SESSION_ENDED']);
    expect(after.body.message).toMatch(/登录已结束/);
    const renewed = await refresh(t, session.refreshToken);
    expect([renewed.status, renewed.body.code]).toEqual([401, 'SESSION_ENDED']);
    expect((await me(t, other.accessToken)).status).toBe(200);
    expect((await refresh(t, other.refreshToken)).status).toBe(200);
  });

  // old code: no refresh at all; with it but without reuse detection a stolen copy would live on
  it('ends the whole session when a spent refresh token comes back after its successor was used (theft)', async () => {
    const { id, username } = await account();
    const a = await signIn(t, username, GOOD_PASSWORD);
    const b = (await refresh(t, a.refreshToken)).body as Session;
    const c = (await refresh(t, b.refreshToken)).body as Session;
    const reused = await refresh(t, a.refreshToken);
    expect([reused.status, reused.body.code]).toEqual([401, 'REFRESH_TOKEN_REUSED']);
    expect((await refresh(t, c.refreshToken)).body.code).toBe('SESSION_ENDED');
    expect((await me(t, c.accessToken)).body.code).toBe('SESSION_ENDED');
    const audit: { action: string }[] = await t.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'auth.refresh_reuse'`, [id]);
    expect(audit).toHaveLength(1);
  });

  // old code: no refresh endpoint (404)
  it('ends the session when a spent refresh token comes back after the 30-second grace', async () => {
    const a = await signIn(t, 'hanyin.finance');
    const b = (await refresh(t, a.refreshToken)).body as Session;
    await t.dataSource.query(`UPDATE refresh_tokens SET spent_at = now() - interval '31 seconds' WHERE token_hash = $1`, [sha256(a.refreshToken)]);
    expect((await refresh(t, a.refreshToken)).body.code).toBe('REFRESH_TOKEN_REUSED');
    expect((await me(t, b.accessToken)).status).toBe(401);
  });

  // old code: 404 for the refresh route (and never a refresh token to send)
  it('keeps a user with two tabs signed in when both refresh with the same token at the same moment', async () => {
    const session = await signIn(t, 'shenmu.editor');
    const answers = await Promise.all([refresh(t, session.refreshToken), refresh(t, session.refreshToken), refresh(t, session.refreshToken)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]); // the grace: a spent token buys a pair again while the session has not moved on
    for (const answer of answers) {
      expect((await me(t, answer.body.accessToken)).status).toBe(200);
      expect((await refresh(t, answer.body.refreshToken)).status).toBe(200); // every tab's successor still works
    }
  });

  // old code: the deactivated user's token answered AUTH_REQUIRED, and there was no refresh token to refuse
  it('停用 ends every session of the user: access and refresh tokens refused', async () => {
    const { id, username } = await account();
    const sessions = [await signIn(t, username, GOOD_PASSWORD), await signIn(t, username, GOOD_PASSWORD)];
    expect((await t.http.post(`/api/users/${id}/deactivate`).set(bearer(admin))).status).toBe(200);
    for (const session of sessions) {
      const access = await me(t, session.accessToken);
      expect([access.status, access.body.code]).toEqual([401, 'SESSION_ENDED']);
      const renewed = await refresh(t, session.refreshToken);
      expect([renewed.status, renewed.body.code]).toEqual([401, 'SESSION_ENDED']);
    }
    const rows: { revoked_reason: string }[] = await t.dataSource.query(`SELECT revoked_reason FROM login_sessions WHERE user_id = $1`, [id]);
    expect(rows.map((r) => r.revoked_reason)).toEqual(['deactivated', 'deactivated', 'deactivated']); // with readyUser's own login
  });

  // old code: the answer had no refreshToken; other sessions had no refresh token to refuse
  it('修改密码 ends the other sessions (access and refresh) and renews this one', async () => {
    const { username } = await account();
    const here = await signIn(t, username, GOOD_PASSWORD);
    const elsewhere = await signIn(t, username, GOOD_PASSWORD);
    const changed = await t.http.post('/api/auth/password').set(bearer(here.accessToken)).send({ currentPassword: GOOD_PASSWORD, newPassword: 'Huaihe-2026-Autumn' });
    expect(changed.status).toBe(200);
    expect((await me(t, changed.body.accessToken)).status).toBe(200);
    expect((await me(t, here.accessToken)).status).toBe(401); // this session's earlier access token
    expect((await refresh(t, here.refreshToken)).body.code).toBe('REFRESH_TOKEN_INVALID'); // … and refresh token are void, even within the grace
    expect((await me(t, elsewhere.accessToken)).body.code).toBe('SESSION_ENDED');
    expect((await refresh(t, elsewhere.refreshToken)).body.code).toBe('SESSION_ENDED');
    const renewed = await refresh(t, changed.body.refreshToken);
    expect(renewed.status).toBe(200);
    expect((await me(t, renewed.body.accessToken)).status).toBe(200);
  });

  // old code: no refresh token existed to refuse; the access token was refused as AUTH_REQUIRED
  it('重置密码 by an administrator ends every session of the user', async () => {
    const { id, username } = await account();
    const sessions = [await signIn(t, username, GOOD_PASSWORD), await signIn(t, username, GOOD_PASSWORD)];
    expect((await t.http.post(`/api/users/${id}/reset-password`).set(bearer(admin))).status).toBe(200);
    for (const session of sessions) {
      expect((await me(t, session.accessToken)).body.code).toBe('SESSION_ENDED');
      expect((await refresh(t, session.refreshToken)).body.code).toBe('SESSION_ENDED');
    }
  });

  // old code: 404 (no such route)
  it('answers a garbage, overlong or unknown refresh token with 400 or 401, never 500', async () => {
    for (const body of [{}, { refreshToken: 12 }, { refreshToken: '' }, { refreshToken: 'x'.repeat(100_000) }, { refreshToken: 'a b c' }, { refreshToken: ['x'] }, { refreshToken: '../../etc/passwd' }]) {
      const res = await t.http.post('/api/auth/refresh').send(body);
      expect({ body: JSON.stringify(body).slice(0, 40), status: res.status, code: res.body.code }).toEqual({ body: JSON.stringify(body).slice(0, 40), status: 400, code: 'VALIDATION_FAILED' });
    }
    const unknown = await refresh(t, 'A'.repeat(43));
    expect([unknown.status, unknown.body.code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
  });

  // old code: no refresh token; the 12-hour token was the whole login
  it('refuses a refresh token that ran out, and an access token whose session ran out', async () => {
    const session = await signIn(t, 'hanyin.editor');
    await t.dataSource.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(session.refreshToken)]);
    expect((await refresh(t, session.refreshToken)).body.code).toBe('REFRESH_TOKEN_INVALID');
    const sid = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString()).sid as string;
    await t.dataSource.query(`UPDATE login_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [sid]);
    expect((await me(t, session.accessToken)).body.code).toBe('SESSION_ENDED');
  });
});

describe('login sessions: an access token runs out after ACCESS_TOKEN_TTL_SECONDS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ACCESS_TOKEN_TTL_SECONDS: '5', REFRESH_TOKEN_TTL_SECONDS: '600' } });
  });
  afterAll(async () => t?.close());

  // old code: the token lasted JWT_TTL_SECONDS (12 hours) and there was nothing to renew it with
  it('refuses the expired access token with ACCESS_TOKEN_EXPIRED, and the refresh gives a working new one', async () => {
    const session = await signIn(t, 'hanyin.editor');
    expect(session.expiresIn).toBe(5);
    expect((await me(t, session.accessToken)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const expired = await me(t, session.accessToken);
    expect([expired.status, expired.body.code]).toEqual([401, 'ACCESS_TOKEN_EXPIRED']);
    const renewed = await refresh(t, session.refreshToken);
    expect(renewed.status).toBe(200);
    expect((await me(t, renewed.body.accessToken)).body.username).toBe('hanyin.editor');
  }, 30_000);
});
