import { AuditService } from '../../apps/api/src/audit/audit.service';
import { datasetFiles, readDataset, readDatasetText } from '../support/fixtures';
import { startTestApp, tableCounts, TestApp } from '../support/test-app';

/** A small valid dataset of a new region, for imports that must not collide with the demo data. */
function newRegionDataset(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = readDataset('hanyin-2024.json');
  return {
    ...base,
    region: '测试县',
    department: { code: '999', name: '测试县医疗保障局' },
    units: [{ code: '999001', name: '测试县医疗保障局本级' }],
    projects: (base['projects'] as Record<string, unknown>[]).map((p) => ({ ...p, unitCode: '999001' })),
    ...overrides,
  };
}

describe('datasets (import / export)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('loads the five fixtures as demo data on first start', async () => {
    const rows: { name: string; region: string; projects: number }[] = await t.dataSource.query(
      `SELECT d.name, b.region, (SELECT count(*)::int FROM projects p WHERE p.department_id = d.id) AS projects
         FROM organizations d JOIN organizations b ON b.id = d.parent_id
        WHERE d.kind = 'department' ORDER BY b.region`,
    );
    expect(rows).toEqual([
      { name: '望都县医疗保障局', region: '望都县', projects: 6 },
      { name: '沈丘县医疗保障局', region: '沈丘县', projects: 11 },
      { name: '汉阴县医疗保障局', region: '汉阴县', projects: 4 },
      { name: '神木市医疗保障局', region: '神木市', projects: 9 },
      { name: '许昌市医疗保障局', region: '许昌市', projects: 10 },
    ].sort((a, b) => (a.region < b.region ? -1 : 1)));
    const indicators = await t.dataSource.query(`SELECT count(*)::int AS n FROM indicators`);
    expect(indicators[0].n).toBe(10 + 27 + 14 + 113 + 30 + 77 + 0 + 42 + 31 + 133);
  });

  it.each(datasetFiles())('exports %s exactly as it was imported', async (file) => {
    const dataset = readDataset(file);
    const dept = dataset['department'] as { name: string };
    const [{ id }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'department' AND name = $1`, [dept.name]);
    const res = await t.http.get('/api/datasets/export').query({ departmentId: id, fiscalYear: 2024 }).set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.text).toBe(readDatasetText(file));
  });

  it('imports a new file in one go and exports it back unchanged', async () => {
    const dataset = newRegionDataset();
    const res = await t.http.post('/api/datasets/import').set('Authorization', `Bearer ${admin}`).send(dataset);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fiscalYear: 2024, projectCount: 4, indicatorCount: 37 });
    const exported = await t.http
      .get('/api/datasets/export')
      .query({ departmentId: res.body.departmentId, fiscalYear: 2024 })
      .set('Authorization', `Bearer ${admin}`);
    expect(JSON.parse(exported.text)).toEqual(dataset);
  });

  it('creates a unit without a code once, finds it by name the next time, and exports it without a code', async () => {
    const units = (departmentName: string) =>
      t.dataSource.query(
        `SELECT u.code, u.name FROM organizations u JOIN organizations d ON d.id = u.parent_id WHERE d.name = $1 AND u.kind = 'unit' ORDER BY u.position, u.name`,
        [departmentName],
      ) as Promise<{ code: string | null; name: string }[]>;
    const first = newRegionDataset({
      region: '无编码县',
      department: { code: null, name: '无编码县医疗保障局' },
      units: [{ code: '995001', name: '无编码县医疗保障局本级' }, { code: null, name: '无编码县医疗保障事务中心' }],
      projects: (newRegionDataset()['projects'] as Record<string, unknown>[]).map((p) => ({ ...p, unitCode: '995001' })),
    });
    const one = await t.http.post('/api/datasets/import').set('Authorization', `Bearer ${admin}`).send(first);
    expect(one.status).toBe(201);
    expect(await units('无编码县医疗保障局')).toEqual([
      { code: '995001', name: '无编码县医疗保障局本级' },
      { code: null, name: '无编码县医疗保障事务中心' },
    ]);
    const exported = await t.http.get('/api/datasets/export').query({ departmentId: one.body.departmentId, fiscalYear: 2024 }).set('Authorization', `Bearer ${admin}`);
    expect(JSON.parse(exported.text)).toEqual(first); // "code": null written back as it came

    // the next year names both units without codes: matched by name, nothing created, the existing code kept
    const second = { ...first, fiscalYear: 2025, units: [{ code: null, name: '无编码县医疗保障事务中心' }, { code: null, name: '无编码县医疗保障局本级' }],
      projects: (first['projects'] as Record<string, unknown>[]).map((p) => ({ ...p, unitCode: null })) };
    const organizationsBefore = (await tableCounts(t.dataSource)).organizations;
    const two = await t.http.post('/api/datasets/import').set('Authorization', `Bearer ${admin}`).send(second);
    expect(two.status).toBe(201);
    expect(two.body.departmentId).toBe(one.body.departmentId);
    expect((await tableCounts(t.dataSource)).organizations).toBe(organizationsBefore);
    expect(await units('无编码县医疗保障局')).toEqual([
      { code: '995001', name: '无编码县医疗保障局本级' },
      { code: null, name: '无编码县医疗保障事务中心' },
    ]);
  });

  it('rejects a bad file with the position of every bad field, writing nothing', async () => {
    const before = await tableCounts(t.dataSource);
    const dataset = newRegionDataset({ region: '坏数据县', department: { code: '998', name: '坏数据县医疗保障局' } });
    const projects = dataset['projects'] as Record<string, unknown>[];
    projects[2] = { ...projects[2], amount: { total: '41.5', fiscal: null, other: null } };
    const res = await t.http.post('/api/datasets/import').set('Authorization', `Bearer ${admin}`).send(dataset);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('DATASET_INVALID');
    expect(res.body.message).toContain('projects[2].amount.total');
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'projects[2].amount.total' })]));
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('rolls the whole import back when a write fails half-way', async () => {
    const before = await tableCounts(t.dataSource);
    const audit = t.app.get(AuditService);
    const spy = jest.spyOn(audit, 'record').mockRejectedValueOnce(new Error('disk full (simulated)'));
    const dataset = newRegionDataset({ region: '回滚县', department: { code: '997', name: '回滚县医疗保障局' } });
    const res = await t.http.post('/api/datasets/import').set('Authorization', `Bearer ${admin}`).send(dataset);
    spy.mockRestore();
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(res.body.message).not.toContain('disk full');
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('refuses to import the same department and year twice (409), writing nothing', async () => {
    const before = await tableCounts(t.dataSource);
    const res = await t.http.post('/api/datasets/import').set('Authorization', `Bearer ${admin}`).send(readDataset('hanyin-2024.json'));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DATASET_ALREADY_IMPORTED');
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.http
      .post('/api/datasets/import')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send('{"format": "jixiao.dataset/v1",');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('lets a finance reviewer import only into its own region', async () => {
    const finance = await t.login('hanyin.finance');
    const other = await t.http.post('/api/datasets/import').set('Authorization', `Bearer ${finance}`).send(newRegionDataset({ region: '别的县', department: { code: '996', name: '别的县医疗保障局' } }));
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('OUTSIDE_SCOPE');
    const own = await t.http
      .post('/api/datasets/import')
      .set('Authorization', `Bearer ${finance}`)
      .send(newRegionDataset({ region: '汉阴县', department: { code: '963', name: '汉阴县卫生健康局' } }));
    expect(own.status).toBe(201);
  });

  it.each(['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer'])('forbids %s to import', async (username) => {
    const token = await t.login(username);
    const res = await t.http.post('/api/datasets/import').set('Authorization', `Bearer ${token}`).send(newRegionDataset());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ROLE_FORBIDDEN');
  });

  it('does not export a department outside the caller’s subtree', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'department' AND name = '神木市医疗保障局'`);
    const token = await t.login('hanyin.reviewer');
    const res = await t.http.get('/api/datasets/export').query({ departmentId: id, fiscalYear: 2024 }).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('DEPARTMENT_NOT_FOUND');
  });
});
