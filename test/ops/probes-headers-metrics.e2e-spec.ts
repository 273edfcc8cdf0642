import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = 'scraper-token-0123456789';

/** The index.html Angular's production build writes: module script, critical CSS inlined, the stylesheet loaded by an inline onload handler. */
const ANGULAR_INDEX = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>绩效目标管理 · Jixiao</title><base href="/">
<style>html{--ant-primary-color:#1890ff}</style><link rel="stylesheet" href="styles-X.css" media="print" onload="this.media='all'">
<noscript><link rel="stylesheet" href="styles-X.css"></noscript></head><body><jx-root></jx-root><script src="main-X.js" type="module"></script></body></html>`;

/** The CSP's directives by name. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

const modes = [
  ['in-process jobs (no REDIS_URL)', false],
  ...(process.env['TEST_REDIS_URL'] ? [['BullMQ on Redis', true] as const] : []),
] as const;

describe.each(modes)('health probes, security headers, request ids and metrics — %s', (_label, redis) => {
  let t: TestApp;
  const webDir = mkdtempSync(join(tmpdir(), 'jixiao-web-'));

  beforeAll(async () => {
    writeFileSync(join(webDir, 'index.html'), ANGULAR_INDEX);
    writeFileSync(join(webDir, 'main-X.js'), 'console.log("app")');
    t = await startTestApp({ redis, env: { METRICS_TOKEN, WEB_DIST_DIR: webDir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers liveness without login and without asking any dependency', async () => {
    const res = await t.http.get('/api/health/live').expect(200);
    expect(res.body).toEqual({ status: 'live' });
  });

  it('answers readiness with each dependency up: the database, and Redis where it is configured', async () => {
    const res = await t.http.get('/api/health/ready').expect(200);
    expect(res.body.status).toBe('ready');
    expect(res.body.checks.database).toMatchObject({ status: 'up' });
    expect(typeof res.body.checks.database.latencyMs).toBe('number');
    if (redis) expect(res.body.checks.redis).toMatchObject({ status: 'up' });
    else expect(res.body.checks).not.toHaveProperty('redis');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('lists the probes and the metrics in the OpenAPI document, the probes without a login', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, { get?: { security?: unknown } }> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health/live', '/api/health/ready', '/api/metrics']));
    expect(doc.paths['/api/health/live']!.get!.security).toBeUndefined();
    expect(doc.paths['/api/metrics']!.get!.security).toEqual([{ bearer: [] }]);
  });

  it('sends the security headers on the API, on errors and on the web app, with a CSP the Angular build satisfies', async () => {
    const answers = [
      await t.http.get('/api/health/live'),
      await t.http.get('/api/nothing-here'),
      await t.http.get('/'),
      await t.http.get('/projects/some/deep/link'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 404, 200, 200]);
    expect(answers[2]!.text).toContain('<jx-root>');
    for (const res of answers) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=(), payment=()');
      expect(res.headers['x-xss-protection']).toBe('0'); // helmet: the old XSS auditors are switched off
      const csp = directives(res.headers['content-security-policy'] ?? '');
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['script-src']).toContain("'self'");
      expect(csp['script-src']).not.toContain("'unsafe-inline'"); // no inline script runs, but for the hashed handler below
      expect(csp['script-src']).not.toContain("'unsafe-eval'");
      expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]); // ng-zorro injects its styles at runtime
      expect(csp['img-src']).toEqual(expect.arrayContaining(["'self'", 'data:'])); // ECharts' saved images
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
    }
    // every inline script of the served index.html is allowed by its hash: here the stylesheet's onload handler
    const { createHash } = await import('node:crypto');
    const csp = directives(answers[2]!.headers['content-security-policy']!);
    const handlers = [...answers[2]!.text.matchAll(/\son\w+="([^"]*)"/g)].map((m) => m[1]!);
    expect(handlers).toEqual(["this.media='all'"]);
    for (const handler of handlers) {
      const hash = `'sha256-${createHash('sha256').update(handler).digest('base64')}'`;
      expect(csp['script-src-attr']).toEqual(["'unsafe-hashes'", hash]);
    }
    expect(answers[2]!.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline <script> block
  });

  it('gives every request an id: the client’s X-Request-Id kept, else a new one, answered and named in errors', async () => {
    const given = await t.http.get('/api/nothing-here').set('X-Request-Id', 'lb-7f3a-0001').expect(404);
    expect(given.headers['x-request-id']).toBe('lb-7f3a-0001');
    expect(given.body.correlationId).toBe('lb-7f3a-0001');
    const generated = await t.http.get('/api/health/live').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const other = await t.http.get('/api/health/live').expect(200);
    expect(other.headers['x-request-id']).not.toBe(generated.headers['x-request-id']);
    const hostile = await t.http.get('/api/health/live').set('X-Request-Id', 'a b<script>').expect(200);
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/); // not echoed: replaced
  });

  it('records the request id in the audit events of a request and in the jobs it starts', async () => {
    const admin = await t.login('admin');
    await t.http.post('/api/fiscal-years').set('Authorization', `Bearer ${admin}`).set('X-Request-Id', 'open-2026-req').send({ year: 2026 }).expect(201);
    const [event] = await t.dataSource.query(`SELECT correlation_id FROM audit_events WHERE correlation_id = 'open-2026-req'`);
    expect(event).toEqual({ correlation_id: 'open-2026-req' });
    const finance = await t.login('hanyin.finance');
    const start = await t.http.post('/api/evaluation-runs').set('Authorization', `Bearer ${finance}`).set('X-Request-Id', 'run-req-42').send({ fiscalYear: 2024 }).expect(202);
    const status = await waitForJob(t, finance, start.body.jobId);
    expect(status.state).toBe('completed');
    const metrics = await t.http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(metrics.text).toMatch(/^jixiao_jobs_total\{name="evaluation\.region",outcome="completed"\} [1-9]\d*$/m);
    expect(metrics.text).toMatch(/^jixiao_job_duration_seconds_count\{name="evaluation\.region",outcome="completed"\} [1-9]\d*$/m);
  });

  it('serves Prometheus metrics to the 系统管理员 or the METRICS_TOKEN only: request durations by route and status, queue depth', async () => {
    const admin = await t.login('admin');
    const viewer = await t.login('hanyin.viewer');
    await t.http.get('/api/fiscal-years').set('Authorization', `Bearer ${viewer}`).expect(200);
    await t.http.get(`/api/target-sheets/00000000-0000-4000-8000-000000000000`).set('Authorization', `Bearer ${viewer}`).expect(404);
    expect((await t.http.get('/api/metrics')).status).toBe(401);
    expect((await t.http.get('/api/metrics').set('Authorization', 'Bearer wrong-token-0123456789')).status).toBe(401);
    expect((await t.http.get('/api/metrics').set('Authorization', `Bearer ${viewer}`)).status).toBe(403);
    const byToken = await t.http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    const byAdmin = await t.http.get('/api/metrics').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(byToken.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    for (const text of [byToken.text, byAdmin.text]) {
      expect(text).toContain('# TYPE jixiao_http_request_duration_seconds histogram');
      expect(text).toMatch(/^jixiao_http_request_duration_seconds_count\{method="GET",route="\/api\/fiscal-years",status="200"\} [1-9]\d*$/m);
      // the route's pattern, never the id: no series per sheet
      expect(text).toMatch(/^jixiao_http_request_duration_seconds_count\{method="GET",route="\/api\/target-sheets\/:id",status="404"\} [1-9]\d*$/m);
      expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
      expect(text).toMatch(/^jixiao_http_request_duration_seconds_bucket\{method="GET",route="\/api\/fiscal-years",status="200",le="\+Inf"\} [1-9]\d*$/m);
      expect(text).toMatch(/^jixiao_queue_up 1$/m);
      expect(text).toMatch(/^jixiao_queue_jobs\{queue="[a-z]+",state="waiting"\} \d+$/m);
      expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    }
  });
});

async function waitForJob(t: TestApp, token: string, jobId: string): Promise<{ state: string }> {
  for (let i = 0; i < 400; i++) {
    const res = await t.http.get(`/api/jobs/${jobId}`).set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`job status ${res.status}: ${JSON.stringify(res.body)}`);
    if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish in 10 s');
}
