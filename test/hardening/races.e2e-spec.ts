import { QueryFailedError } from 'typeorm';
import { EvaluationRunJob } from '../../apps/api/src/evaluation/evaluation-run.job';
import { SheetEvaluator } from '../../apps/api/src/evaluation/services/sheet-evaluator';
import { ProjectRepository } from '../../apps/api/src/target-sheets/persistence/project.repository';
import { readDataset } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** A PostgreSQL error as the driver raises it (what TypeORM wraps in a QueryFailedError). */
function pgError(code: string, message: string): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));
}

/**
 * Simultaneous requests that used to collide inside the database and answer 500 (issue 10, item 3):
 * each fires its requests at once (Promise.all over supertest) and checks that no answer is a 500
 * and that the outcome is the one a user expects.
 */
describe('races between simultaneous requests', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['hanyin.editor', 'admin']) tokens[user] = await t.login(user);
  });
  afterAll(async () => t?.close());

  it('20 simultaneous project creations in one department all succeed, with 20 distinct positions', async () => {
    const [{ id: unitId, parent_id: departmentId }] = await t.dataSource.query(`SELECT id, parent_id FROM organizations WHERE kind = 'unit' AND code = '962001'`);
    const before = Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM projects WHERE department_id = $1 AND fiscal_year = 2024`, [departmentId]))[0].n);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http.post('/api/projects').set(as('hanyin.editor')).send({
          fiscalYear: 2024, unitId, name: `并发新建项目 ${i + 1}`, code: `RACE-${i + 1}`, amount: { total: '1000.00', fiscal: null, other: null },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const rows: { position: number }[] = await t.dataSource.query(
      `SELECT position FROM projects WHERE department_id = $1 AND fiscal_year = 2024 ORDER BY position`,
      [departmentId],
    );
    expect(rows).toHaveLength(before + 20);
    expect(rows.map((r) => r.position)).toEqual(Array.from({ length: before + 20 }, (_, i) => i)); // distinct and without gaps
  });

  it('simultaneous creations with one project code: one succeeds, the others get 409 PROJECT_CODE_TAKEN', async () => {
    const [{ id: unitId }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'unit' AND code = '962001'`);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.http.post('/api/projects').set(as('hanyin.editor')).send({
          fiscalYear: 2024, unitId, name: `同编号项目 ${i + 1}`, code: 'RACE-SAME', amount: { total: '1000.00', fiscal: null, other: null },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const lost of answers.filter((a) => a.status === 409)) {
      expect(lost.body.code).toBe('PROJECT_CODE_TAKEN');
      expect(lost.body.message).toMatch(/RACE-SAME/);
    }
  });

  it('5 simultaneous imports of one new department: one imports it, the others get 409 DATASET_ALREADY_IMPORTED, one department exists', async () => {
    const base = readDataset('hanyin-2024.json');
    const dataset = {
      ...base,
      region: '并发县',
      department: { code: '995', name: '并发县医疗保障局' },
      units: [{ code: '995001', name: '并发县医疗保障局本级' }],
      projects: (base['projects'] as Record<string, unknown>[]).map((p) => ({ ...p, unitCode: '995001' })),
    };
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.http.post('/api/datasets/import').set(as('admin')).send(dataset)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const lost of answers.filter((a) => a.status === 409)) {
      expect(lost.body.code).toBe('DATASET_ALREADY_IMPORTED');
      expect(lost.body.message).toContain('并发县医疗保障局');
    }
    const organizations: { kind: string; n: number }[] = await t.dataSource.query(
      `SELECT kind, count(*)::int AS n FROM organizations WHERE name IN ('并发县财政局', '并发县医疗保障局', '并发县医疗保障局本级') GROUP BY kind ORDER BY kind`,
    );
    expect(organizations).toEqual([{ kind: 'department', n: 1 }, { kind: 'finance_bureau', n: 1 }, { kind: 'unit', n: 1 }]);
    const [{ n: projects }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM projects p JOIN organizations d ON d.id = p.department_id WHERE d.name = '并发县医疗保障局'`,
    );
    expect(projects).toBe((base['projects'] as unknown[]).length);
  });

  it('a unique violation or a deadlock that escapes a service is a 409 with a Chinese message, never a 500', async () => {
    const [{ id: unitId }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'unit' AND code = '962001'`);
    const create = () =>
      t.http.post('/api/projects').set(as('hanyin.editor')).send({ fiscalYear: 2024, unitId, name: '安全网', amount: { total: '1.00', fiscal: null, other: null } });
    const spy = jest.spyOn(t.app.get(ProjectRepository), 'insertWithDraftSheet');
    try {
      spy.mockRejectedValueOnce(pgError('23505', 'duplicate key value violates unique constraint "projects_pkey"'));
      const duplicate = await create();
      expect({ status: duplicate.status, code: duplicate.body.code }).toEqual({ status: 409, code: 'RECORD_CONFLICT' });
      expect(duplicate.body.message).toMatch(/^[^a-zA-Z]*$/); // Chinese only, no constraint names
      spy.mockRejectedValueOnce(pgError('40P01', 'deadlock detected'));
      const deadlock = await create();
      expect({ status: deadlock.status, code: deadlock.body.code }).toEqual({ status: 409, code: 'CONCURRENT_UPDATE' });
      expect(deadlock.body.message).toContain('稍后重试');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('sheet evaluations while the region job runs', () => {
  let t: TestApp;
  let token: string;
  let sheetIds: string[];
  let organizationId: string;

  beforeAll(async () => {
    t = await startTestApp({ demoData: 'story' });
    token = await t.login('admin');
    // the finance bureau with the most approved sheets in effect
    const [bureau] = await t.dataSource.query(
      `SELECT b.id, count(*)::int AS n FROM target_sheets s JOIN organizations d ON d.id = s.department_id JOIN organizations b ON b.id = d.parent_id
        WHERE s.status = 'approved' AND s.fiscal_year = 2024 AND s.is_current GROUP BY b.id ORDER BY n DESC LIMIT 1`,
    );
    organizationId = bureau.id;
    sheetIds = (
      await t.dataSource.query(
        `SELECT s.id FROM target_sheets s JOIN organizations d ON d.id = s.department_id
          WHERE s.status = 'approved' AND s.fiscal_year = 2024 AND s.is_current AND d.parent_id = $1`,
        [organizationId],
      )
    ).map((r: { id: string }) => r.id);
  });
  afterAll(async () => t?.close());

  const evaluate = (sheetId: string) => t.http.post(`/api/target-sheets/${sheetId}/evaluation`).set('Authorization', `Bearer ${token}`);

  it('never answers 500 and leaves one whole evaluation per sheet', async () => {
    expect(sheetIds.length).toBeGreaterThan(3);
    const job = t.app.get(EvaluationRunJob);
    const [{ id: actorId }] = await t.dataSource.query(`SELECT id FROM users WHERE username = 'admin'`);
    const statuses: number[] = [];
    for (let round = 0; round < 6; round++) {
      const [, ...answers] = await Promise.all([
        job.run({ fiscalYear: 2024, organizationId, actorId, correlationId: null }, async () => undefined),
        ...sheetIds.map((id) => evaluate(id)),
      ]);
      statuses.push(...answers.map((a) => a.status));
      for (const a of answers) if (a.status !== 200) expect({ status: a.status, code: a.body.code }).toEqual({ status: 409, code: 'EVALUATION_BUSY' });
    }
    expect(statuses).not.toContain(500);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(statuses.length / 2);
    const [whole] = await t.dataSource.query(
      `SELECT count(*)::int AS evaluations, count(DISTINCT sheet_id)::int AS sheets,
              bool_and((SELECT count(*) FROM indicator_scores x WHERE x.evaluation_id = e.id) = (SELECT count(*) FROM indicators i WHERE i.sheet_id = e.sheet_id)) AS complete
         FROM evaluations e WHERE sheet_id = ANY($1::uuid[])`,
      [sheetIds],
    );
    expect(whole).toEqual({ evaluations: sheetIds.length, sheets: sheetIds.length, complete: true });
  });

  it('retries a sheet evaluation once after a deadlock, and answers 409 EVALUATION_BUSY when it deadlocks again', async () => {
    const evaluator = t.app.get(SheetEvaluator);
    const spy = jest.spyOn(evaluator, 'evaluate');
    try {
      spy.mockRejectedValueOnce(pgError('40P01', 'deadlock detected'));
      const retried = await evaluate(sheetIds[0]!);
      expect(retried.status).toBe(200);
      expect(spy).toHaveBeenCalledTimes(2);

      spy.mockClear();
      spy.mockRejectedValueOnce(pgError('40P01', 'deadlock detected')).mockRejectedValueOnce(pgError('40001', 'could not serialize access'));
      const busy = await evaluate(sheetIds[0]!);
      expect({ status: busy.status, code: busy.body.code }).toEqual({ status: 409, code: 'EVALUATION_BUSY' });
      expect(busy.body.message).toContain('请稍后重试');
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});
