import { readDataset } from '../support/fixtures';
import { startTestApp, tableCounts, TestApp } from '../support/test-app';

const modes = [
  ['in-process jobs (no REDIS_URL)', false],
  ...(process.env['TEST_REDIS_URL'] ? [['BullMQ on Redis', true] as const] : []),
] as const;

async function waitForJob(t: TestApp, token: string, jobId: string): Promise<{ state: string; result: unknown; error: { code: string } | null; progress: number }> {
  for (let i = 0; i < 200; i++) {
    const res = await t.http.get(`/api/jobs/${jobId}`).set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`job status ${res.status}: ${JSON.stringify(res.body)}`);
    if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish in 10 s');
}

describe.each(modes)('dataset import as a job — %s', (_label, redis) => {
  let t: TestApp;
  let finance: string;

  beforeAll(async () => {
    t = await startTestApp({ redis });
    finance = await t.login('hanyin.finance');
  });
  afterAll(async () => t?.close());

  it('runs the import and reports its result to the caller only', async () => {
    const dataset: Record<string, unknown> = {
      ...readDataset('hanyin-2024.json'),
      department: { code: '964', name: '汉阴县民政局' },
      units: [{ code: '964001', name: '汉阴县民政局本级' }],
    };
    (dataset['projects'] as Record<string, unknown>[]).forEach((p) => (p['unitCode'] = '964001'));
    const res = await t.http.post('/api/datasets/import-jobs').set('Authorization', `Bearer ${finance}`).send(dataset);
    expect(res.status).toBe(202);
    const done = await waitForJob(t, finance, res.body.jobId);
    expect(done).toMatchObject({ state: 'completed', progress: 100, result: { projectCount: 4, indicatorCount: 37 } });
    const other = await t.login('shenmu.finance');
    const hidden = await t.http.get(`/api/jobs/${res.body.jobId}`).set('Authorization', `Bearer ${other}`);
    expect(hidden.status).toBe(404);
  });

  it('fails a bad file with the import’s own error code, writing nothing', async () => {
    const before = await tableCounts(t.dataSource);
    const res = await t.http.post('/api/datasets/import-jobs').set('Authorization', `Bearer ${finance}`).send({ format: 'jixiao.dataset/v0' });
    const done = await waitForJob(t, finance, res.body.jobId);
    expect(done.state).toBe('failed');
    expect(done.error?.code).toBe('DATASET_INVALID');
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });
});
