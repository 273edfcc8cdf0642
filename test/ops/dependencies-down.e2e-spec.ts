import { createServer, Server, Socket, connect } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

const CJK = /[\u4e00-\u9fff]/;

/** A TCP proxy in front of PostgreSQL that a test can cut (every connection dropped, new ones refused) and restore. */
class CuttableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    if (this.server?.listening) return;
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((done, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(this.port, '127.0.0.1', done);
    });
    this.port = (this.server.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise((done) => this.server!.close(done));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

describe('Redis unreachable: the job endpoints answer 503 JOBS_UNAVAILABLE within 2 s', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    for (const user of ['hanyin.finance', 'admin']) tokens[user] = await t.login(user);
  });
  afterAll(async () => t?.close());

  const calls: [string, (token: string) => Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>][] = [
    ['POST /api/evaluation-runs', (token) => t.http.post('/api/evaluation-runs').set('Authorization', `Bearer ${token}`).send({ fiscalYear: 2024 })],
    ['POST /api/datasets/import-jobs', (token) => t.http.post('/api/datasets/import-jobs').set('Authorization', `Bearer ${token}`).send({ format: 'jixiao.dataset/v1' })],
    ['GET /api/jobs/:id', (token) => t.http.get('/api/jobs/evaluation-some-job').set('Authorization', `Bearer ${token}`)],
  ];

  it.each(calls)('%s: 503 JOBS_UNAVAILABLE in Chinese, naming the job queue (Redis), with Retry-After', async (_route, call) => {
    const started = Date.now();
    const res = await call(tokens['hanyin.finance']!);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('JOBS_UNAVAILABLE');
    expect(res.body.message).toMatch(/后台任务队列（Redis）暂时无法连接/);
    expect(String(res.body.message).replace('Redis', '')).not.toMatch(/[A-Za-z]/); // no English but the name Redis
    expect(res.headers['retry-after']).toBe('5');
  });

  it('keeps answering everything else, and readiness reports Redis down (503) and the database up', async () => {
    await t.http.get('/api/fiscal-years').set('Authorization', `Bearer ${tokens['admin']}`).expect(200);
    const ready = await t.http.get('/api/health/ready').expect(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', checks: { database: { status: 'up' }, redis: { status: 'down' } } });
    expect(ready.headers['retry-after']).toBe('5');
    await t.http.get('/api/health/live').expect(200);
    const metrics = await t.http.get('/api/metrics').set('Authorization', `Bearer ${tokens['admin']}`).expect(200);
    expect(metrics.text).toMatch(/^jixiao_queue_up 0$/m);
  });
});

describe('PostgreSQL unreachable: 503 DATABASE_UNAVAILABLE with Retry-After, not 500; back to normal once it returns', () => {
  let t: TestApp;
  let proxy: CuttableProxy;
  let token: string;

  beforeAll(async () => {
    const server = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test');
    proxy = new CuttableProxy(server.hostname, Number(server.port || 5432));
    await proxy.open();
    t = await startTestApp({
      databaseUrl: (url) => {
        const through = new URL(url);
        through.hostname = '127.0.0.1';
        through.port = String(proxy.port);
        return through.toString();
      },
    });
    token = await t.login('hanyin.editor');
    await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set('Authorization', `Bearer ${token}`).expect(200);
  });
  afterAll(async () => {
    await proxy.open(); // let the app close its pool
    await t?.close();
    await proxy.cut();
  });

  it('answers reads, writes and logins 503 with a Chinese retry hint while the database is away, and readiness 503', async () => {
    await proxy.cut();
    const answers = [
      await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set('Authorization', `Bearer ${token}`),
      await t.http.post('/api/auth/login').send({ username: 'hanyin.editor', password: 'jixiao-demo' }),
      await t.http.get('/api/inbox/count').set('Authorization', `Bearer ${token}`),
    ];
    for (const res of answers) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(res.body.message).toMatch(/^数据库暂时无法连接，请约 5 秒后重试$/);
      expect(CJK.test(res.body.message)).toBe(true);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.correlationId).toBe(res.headers['x-request-id']);
    }
    const ready = await t.http.get('/api/health/ready').expect(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', checks: { database: { status: 'down' } } });
    await t.http.get('/api/health/live').expect(200);
  });

  it('serves again as soon as the database is back', async () => {
    await proxy.open();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set('Authorization', `Bearer ${token}`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    await t.http.get('/api/health/ready').expect(200);
  });
});
