import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

const modes = [
  ['in-process jobs (no REDIS_URL)', false],
  ...(process.env['TEST_REDIS_URL'] ? [['BullMQ on Redis', true] as const] : []),
] as const;

interface JobBody { state: string; progress: number; result: { evaluated: number; skipped: number; blocked: { name: string; errors: { code: string }[] }[] } | null; error: { code: string } | null }

/** Polls the job, recording every progress seen, until it ends. */
async function waitForJob(t: TestApp, token: string, jobId: string, seen: number[]): Promise<JobBody> {
  for (let i = 0; i < 400; i++) {
    const res = await t.http.get(`/api/jobs/${jobId}`).set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`job status ${res.status}: ${JSON.stringify(res.body)}`);
    seen.push(res.body.progress);
    if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish in 10 s');
}

describe.each(modes)('region evaluation as a job — %s', (_label, redis) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });

  beforeAll(async () => {
    t = await startTestApp({ redis });
    for (const user of ['shenmu.editor', 'shenmu.reviewer', 'shenmu.finance', 'hanyin.finance']) tokens[user] = await t.login(user);
    // Approve every project sheet of 神木.
    const projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('shenmu.editor'))).body as { sheet: { id: string } }[];
    for (const { sheet } of projects) {
      for (const [user, action] of [['shenmu.editor', 'submit'], ['shenmu.reviewer', 'department_approve'], ['shenmu.finance', 'approve']]) {
        const current = (await t.http.get(`/api/target-sheets/${sheet.id}`).set(as(user))).body;
        await t.http.post(`/api/target-sheets/${sheet.id}/transitions`).set(as(user)).send(transitionBody(current, action)).expect(200);
      }
    }
  });
  afterAll(async () => t?.close());

  it('evaluates every approved sheet of the finance bureau’s region, reporting progress and the result to its starter only', async () => {
    const approved = Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM target_sheets WHERE status = 'approved'`))[0].n);
    expect(approved).toBeGreaterThan(1);
    const start = await t.http.post('/api/evaluation-runs').set(as('shenmu.finance')).send({ fiscalYear: 2024 });
    expect(start.status).toBe(202);
    const seen: number[] = [];
    const done = await waitForJob(t, tokens['shenmu.finance']!, start.body.jobId, seen);
    expect(done.state).toBe('completed');
    expect(done.progress).toBe(100);
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1]!)).toBe(true); // progress never goes back
    expect(done.result!.evaluated + done.result!.blocked.length).toBe(approved);
    const evaluations = Number((await t.dataSource.query('SELECT count(*)::int AS n FROM evaluations'))[0].n);
    expect(evaluations).toBe(done.result!.evaluated);
    const [whole] = await t.dataSource.query(
      `SELECT bool_and(scores = indicators) AS ok FROM (
         SELECT (SELECT count(*) FROM indicator_scores s WHERE s.evaluation_id = e.id) AS scores,
                (SELECT count(*) FROM indicators i WHERE i.sheet_id = e.sheet_id) AS indicators
           FROM evaluations e) x`,
    );
    expect(whole.ok).toBe(true);
    const other = await t.http.get(`/api/jobs/${start.body.jobId}`).set(as('hanyin.finance'));
    expect(other.status).toBe(404);
  });

  it('running it again replaces the results instead of adding to them', async () => {
    const before = Number((await t.dataSource.query('SELECT count(*)::int AS n FROM indicator_scores'))[0].n);
    const start = await t.http.post('/api/evaluation-runs').set(as('shenmu.finance')).send({ fiscalYear: 2024 });
    const done = await waitForJob(t, tokens['shenmu.finance']!, start.body.jobId, []);
    expect(done.state).toBe('completed');
    expect(Number((await t.dataSource.query('SELECT count(*)::int AS n FROM indicator_scores'))[0].n)).toBe(before);
  });
});
