import type { TestApp } from './test-app';

/** A password that passes the policy, for accounts the tests create. */
export const GOOD_PASSWORD = 'Huaihe-2025-Spring';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** An organization's id by kind and name (demo data). */
export async function organizationId(t: TestApp, kind: string, name: string): Promise<string> {
  const rows: { id: string }[] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = $1 AND name = $2`, [kind, name]);
  if (rows.length !== 1) throw new Error(`no single ${kind} named ${name}`);
  return rows[0]!.id;
}

/** An administrator creates an account; the answer carries its one-time password. */
export async function createUser(
  t: TestApp,
  adminToken: string,
  user: { username: string; displayName?: string; role: string; organizationId: string | null },
): Promise<{ id: string; oneTimePassword: string }> {
  const res = await t.http.post('/api/users').set(bearer(adminToken)).send({ displayName: user.username, ...user });
  if (res.status !== 201) throw new Error(`create ${user.username}: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, oneTimePassword: res.body.oneTimePassword };
}

/** Logs in with a one-time password and sets `password`: the token of the account ready to work. */
export async function activateAccount(t: TestApp, username: string, oneTimePassword: string, password = GOOD_PASSWORD): Promise<string> {
  const first = await t.login(username, oneTimePassword);
  const res = await t.http.post('/api/auth/password').set(bearer(first)).send({ currentPassword: oneTimePassword, newPassword: password });
  if (res.status !== 200) throw new Error(`change password of ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** An account created and ready: its id and token. */
export async function readyUser(
  t: TestApp,
  adminToken: string,
  user: { username: string; displayName?: string; role: string; organizationId: string | null },
): Promise<{ id: string; token: string }> {
  const created = await createUser(t, adminToken, user);
  return { id: created.id, token: await activateAccount(t, user.username, created.oneTimePassword) };
}

export async function auditCount(t: TestApp): Promise<number> {
  return Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events`))[0].n);
}
