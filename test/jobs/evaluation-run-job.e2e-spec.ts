import { randomUUID } from 'node:crypto';
import { JobQueue } from '../../apps/api/src/core/queue/job-queue';
import { JobName } from '../../apps/api/src/core/queue/queue.constants';
import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

const modes = [
  ['in-process jobs (no REDIS_URL)', false],
  ...(process.env['TEST_REDIS_URL'] ? [['BullMQ on Redis', true] as const] : []),
] as const;

interface JobBody { state: string; progress: number; result: { evaluated: number; skipped: number; blocked: { name: string; errors: { code: string }[] }[] } | null; error: { code: string; message: string } | null }

/** Polls the job, recording every progress seen, until it ends. */
async function waitForJob(t: TestApp, token: string, jobId: string, seen: number[]): Promise<JobBody> {
  for (let i = 0; i < 800; i++) {
    const res = await t.http.get(`/api/jobs/${jobId}`).set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`job status ${res.status}: ${JSON.stringify(res.body)}`);
    seen.push(res.body.progress);
    if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish in 20 s');
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

  /** The region run as the API starts it, but in batches of one sheet: as many child jobs as sheets. */
  const startInBatchesOfOne = async (): Promise<string> => {
    const [bureau] = await t.dataSource.query(`SELECT o.id FROM organizations o WHERE o.kind = 'finance_bureau' AND o.name LIKE '%神木%'`);
    const [{ id: actorId }] = await t.dataSource.query(`SELECT id FROM users WHERE username = 'shenmu.finance'`);
    const jobId = `evaluation-${bureau.id}-2024-${randomUUID()}`;
    await t.app.get(JobQueue).enqueue(JobName.EvaluateRegion, { fiscalYear: 2024, organizationId: bureau.id, actorId, correlationId: null, batchSize: 1 }, jobId);
    return jobId;
  };
  const approvedSheets = async () => (await t.dataSource.query(`SELECT id FROM target_sheets WHERE status = 'approved'`)).map((r: { id: string }) => r.id) as string[];
  const lastIndicatorOf = async (sheetId: string) => (await t.dataSource.query(`SELECT id FROM indicators WHERE sheet_id = $1 ORDER BY position DESC LIMIT 1`, [sheetId]))[0].id as string;

  it('fans out into batches: progress is the share of sheets in batches done, the result the sum of the batches', async () => {
    const sheets = await approvedSheets();
    // each batch's score rows take 150 ms to write, so that progress is seen between batches
    await t.dataSource.query(`
      CREATE FUNCTION slow_batch() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(0.15); RETURN NULL; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER slow_batch AFTER INSERT ON indicator_scores FOR EACH STATEMENT EXECUTE FUNCTION slow_batch();`);
    try {
      await t.dataSource.query('DELETE FROM evaluations');
      const seen: number[] = [];
      const done = await waitForJob(t, tokens['shenmu.finance']!, await startInBatchesOfOne(), seen);
      expect(done).toMatchObject({ state: 'completed', progress: 100 });
      expect(done.result!.evaluated + done.result!.blocked.length).toBe(sheets.length);
      const shares = new Set([0, 1, ...sheets.map((_, k) => Math.max(1, Math.min(99, Math.floor(((k + 1) / sheets.length) * 100)))), 100]);
      expect(seen.filter((p) => !shares.has(p))).toEqual([]); // only whole batches count
      expect(seen.some((p) => p > 1 && p < 100)).toBe(true); // seen while the batches ran
      expect(seen.every((p, i) => i === 0 || p >= seen[i - 1]!)).toBe(true);
      expect(Number((await t.dataSource.query('SELECT count(*)::int AS n FROM evaluations'))[0].n)).toBe(done.result!.evaluated);
    } finally {
      await t.dataSource.query('DROP TRIGGER IF EXISTS slow_batch ON indicator_scores; DROP FUNCTION IF EXISTS slow_batch();');
    }
  });

  it(redis ? 'retries a batch that failed for the database’s passing trouble: only its sheets again, the others written once' : 'fails the job when a batch fails for the database’s passing trouble (no retry in-process); the batches before it landed', async () => {
    const sheets = await approvedSheets();
    const failing = sheets[sheets.length - 1]!;
    // The failing sheet's batch fails once (SQLSTATE 57P01, as a server restart would); a sequence is outside the transaction that fails.
    // Every evaluation written (committed) is logged, so a sheet evaluated twice would show.
    await t.dataSource.query(`
      CREATE SEQUENCE fail_once_seq; CREATE TABLE evaluation_log (sheet_id uuid);
      CREATE FUNCTION fail_once() RETURNS trigger AS $$ BEGIN IF nextval('fail_once_seq') = 1 THEN RAISE EXCEPTION 'simulated restart' USING ERRCODE = '57P01'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER fail_once BEFORE INSERT ON indicator_scores FOR EACH ROW WHEN (NEW.indicator_id = '${await lastIndicatorOf(failing)}') EXECUTE FUNCTION fail_once();
      CREATE FUNCTION log_evaluation() RETURNS trigger AS $$ BEGIN INSERT INTO evaluation_log VALUES (NEW.sheet_id); RETURN NEW; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER log_evaluation AFTER INSERT ON evaluations FOR EACH ROW EXECUTE FUNCTION log_evaluation();`);
    try {
      await t.dataSource.query('DELETE FROM evaluations');
      const done = await waitForJob(t, tokens['shenmu.finance']!, await startInBatchesOfOne(), []);
      const logged = (await t.dataSource.query(`SELECT sheet_id, count(*)::int AS n FROM evaluation_log GROUP BY sheet_id`)) as { sheet_id: string; n: number }[];
      if (redis) {
        expect(done).toMatchObject({ state: 'completed', progress: 100 });
        expect(done.result!.evaluated).toBe(sheets.length);
        expect(logged.map((r) => r.sheet_id).sort()).toEqual([...sheets].sort());
        expect(logged.every((r) => r.n === 1)).toBe(true); // the retry evaluated its own sheet only
      } else {
        expect(done.state).toBe('failed');
        expect(done.error).toMatchObject({ code: 'INTERNAL_ERROR', message: '任务执行失败' });
        expect(logged.every((r) => r.n === 1 && r.sheet_id !== failing)).toBe(true);
      }
    } finally {
      await t.dataSource.query('DROP TABLE IF EXISTS evaluation_log; DROP TRIGGER IF EXISTS log_evaluation ON evaluations; DROP FUNCTION IF EXISTS log_evaluation(); DROP TRIGGER IF EXISTS fail_once ON indicator_scores; DROP FUNCTION IF EXISTS fail_once(); DROP SEQUENCE IF EXISTS fail_once_seq;');
    }
  });

  it('fails the whole job with the batch’s own error when a batch finally fails', async () => {
    const sheets = await approvedSheets();
    // the last sheet's batch deadlocks every time: tried once more in its transaction, then EVALUATION_BUSY (final)
    await t.dataSource.query(`
      CREATE FUNCTION always_deadlock() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated deadlock' USING ERRCODE = '40P01'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER always_deadlock BEFORE INSERT ON indicator_scores FOR EACH ROW WHEN (NEW.indicator_id = '${await lastIndicatorOf(sheets[sheets.length - 1]!)}') EXECUTE FUNCTION always_deadlock();`);
    try {
      const done = await waitForJob(t, tokens['shenmu.finance']!, await startInBatchesOfOne(), []);
      expect(done.state).toBe('failed');
      expect(done.error!.code).toBe('EVALUATION_BUSY');
      expect(done.error!.message).toContain('请稍后重试');
      if (redis) expect(done.error!.message).toMatch(/第 \d+ 批（共 \d+ 批）重试后仍失败，整个任务已停止/);
    } finally {
      await t.dataSource.query('DROP TRIGGER IF EXISTS always_deadlock ON indicator_scores; DROP FUNCTION IF EXISTS always_deadlock();');
    }
  });
});
