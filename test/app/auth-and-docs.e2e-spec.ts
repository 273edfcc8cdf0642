import { hashSync } from 'bcryptjs';
import { MIGRATIONS } from '../../apps/api/src/core/database/migrations';
import { startTestApp, TestApp } from '../support/test-app';

describe('authentication, OpenAPI and errors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('serves the OpenAPI document at /api/docs-json and the UI at /api/docs', async () => {
    const json = await t.http.get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/projects', '/api/target-sheets/{id}', '/api/datasets/import']));
    const ui = await t.http.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('closes every endpoint but login, refresh and the health probes to callers without a token', async () => {
    const doc = (await t.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const checked: string[] = [];
    const probes = ['/api/health/live', '/api/health/ready'];
    for (const probe of probes) expect({ probe, status: (await t.http.get(probe)).status }).toEqual({ probe, status: 200 });
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        if (path === '/api/auth/login' || path === '/api/auth/refresh' || probes.includes(path)) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await (t.http as unknown as Record<string, (u: string) => Promise<{ status: number; body: { code: string } }>>)[method](url);
        expect({ route: `${method} ${path}`, status: res.status, code: res.body.code }).toEqual({ route: `${method} ${path}`, status: 401, code: 'AUTH_REQUIRED' });
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(6);
  });

  it('logs in every demo user, and refuses a wrong password with one message for both failures', async () => {
    const users: { username: string; role: string }[] = await t.dataSource.query(`SELECT username, role FROM users ORDER BY username`);
    expect(users).toHaveLength(29); // admin; per region 财政审核人, 管理员, 部门审核人, 查看者; an editor per unit (8)
    for (const u of users) {
      const res = await t.http.post('/api/auth/login').send({ username: u.username, password: 'jixiao-demo' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ username: u.username, role: u.role });
    }
    const wrong = await t.http.post('/api/auth/login').send({ username: 'hanyin.editor', password: 'nope' });
    const unknown = await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('stores passwords hashed with scrypt, in a self-describing form', async () => {
    const rows: { password_hash: string }[] = await t.dataSource.query(`SELECT password_hash FROM users`);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(r.password_hash).not.toContain('jixiao-demo');
    }
  });

  it('lets a user with a bcrypt hash of before log in, and stores scrypt in its place; its other sessions keep working', async () => {
    const legacy = hashSync('jixiao-demo', 10);
    await t.dataSource.query(`UPDATE users SET password_hash = $1 WHERE username = 'hanyin.viewer'`, [legacy]);
    const [{ token_version: versionBefore }] = await t.dataSource.query(`SELECT token_version FROM users WHERE username = 'hanyin.viewer'`);
    const wrong = await t.http.post('/api/auth/login').send({ username: 'hanyin.viewer', password: 'jixiao-dem0' });
    expect(wrong.status).toBe(401);
    expect((await t.dataSource.query(`SELECT password_hash FROM users WHERE username = 'hanyin.viewer'`))[0].password_hash).toBe(legacy);
    const token = await t.login('hanyin.viewer');
    const [after] = await t.dataSource.query(`SELECT password_hash, token_version FROM users WHERE username = 'hanyin.viewer'`);
    expect(after.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(after.token_version).toBe(versionBefore);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    const again = await t.http.post('/api/auth/login').send({ username: 'hanyin.viewer', password: 'jixiao-demo' });
    expect(again.status).toBe(200);
    expect((await t.dataSource.query(`SELECT password_hash FROM users WHERE username = 'hanyin.viewer'`))[0].password_hash).toBe(after.password_hash); // upgraded once
  });

  it('answers /api/auth/me with the caller and its organization', async () => {
    const token = await t.login('hanyin.editor');
    const res = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect(res.body).toMatchObject({ username: 'hanyin.editor', role: 'unit_editor', organization: { kind: 'unit', name: '汉阴县医疗保障局本级' } });
    const bad = await t.http.get('/api/auth/me').set('Authorization', 'Bearer not-a-token');
    expect(bad.status).toBe(401);
  });

  it('rejects unknown login fields and unknown routes with stable codes', async () => {
    const extra = await t.http.post('/api/auth/login').send({ username: 'admin', password: 'jixiao-demo', isAdmin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('VALIDATION_FAILED');
    const token = await t.login('admin');
    const missing = await t.http.get('/api/nothing-here').set('Authorization', `Bearer ${token}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ROUTE_NOT_FOUND');
    expect(missing.headers['x-correlation-id']).toBeDefined();
  });

  it('answers every error in Chinese only: no English gloss, no library English', async () => {
    const token = await t.login('hanyin.editor');
    const auth = { Authorization: `Bearer ${token}` };
    const answers = [
      await t.http.post('/api/auth/login').send({ username: 'hanyin.editor', password: 'nope' }),
      await t.http.post('/api/auth/login').send({ username: 'admin', password: 'jixiao-demo', isAdmin: true }),
      await t.http.post('/api/auth/login').send({ username: 42 }),
      await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": '),
      await t.http.get('/api/auth/me'),
      await t.http.get('/api/nothing-here').set(auth),
      await t.http.get('/api/target-sheets/00000000-0000-4000-8000-000000000000').set(auth),
      await t.http.post('/api/evaluation-runs').set(auth).send({ fiscalYear: 2024 }),
    ];
    for (const res of answers) {
      const said = { status: res.status, message: res.body.message as string };
      expect(said.status).toBeGreaterThanOrEqual(400);
      expect(said.message).toMatch(/[\u4e00-\u9fff]/);
      expect(said.message).not.toMatch(/ \/ [A-Za-z]|\b(must|should|not found|forbidden|required|property|Unexpected)\b/);
      // validation answers list each field's problems; others (a login attempt's count, …) carry an object
      const details: unknown = res.body.details;
      for (const detail of (Array.isArray(details) ? details : []) as { problems?: string[] }[]) {
        for (const problem of detail.problems ?? []) expect(problem).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(answers.map((r) => r.body.code)).toEqual([
      'AUTH_INVALID_CREDENTIALS', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'MALFORMED_JSON', 'AUTH_REQUIRED', 'ROUTE_NOT_FOUND', 'SHEET_NOT_FOUND', 'ROLE_FORBIDDEN',
    ]);
    expect(answers[7]!.body.message).toBe('当前角色（单位填报人）无权执行此操作');
  });

  it('migrated the schema with migrations only', async () => {
    const rows: { name: string }[] = await t.dataSource.query(`SELECT name FROM schema_migrations ORDER BY id`);
    // every migration of the list, in its order (each branch adds its own: the list is the one source)
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((migration) => new migration().name));
    expect(rows.slice(0, 3).map((r) => r.name)).toEqual(['InitialSchema1763800000000', 'FindingAcknowledgements1795954800000', 'ExactRates1795960000000']);
    const tables: { table_name: string }[] = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['organizations', 'users', 'fiscal_years', 'monitoring_periods', 'projects', 'target_sheets', 'indicators',
        'spending_plan_points', 'finding_acknowledgements', 'expenditures', 'basic_expenditures', 'indicator_actuals', 'evaluations', 'indicator_scores', 'audit_events', 'scoring_schemes',
        'login_throttles', 'monitoring_reopenings']),
    );
  });
});
