import { NATIONAL_PROJECT_SCHEME } from '@jixiao/domain';
import { bearer } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A small fuzzer over the OpenAPI document: for every operation with a body, a plausible body built
 * from its schema (real ids of the demo year in progress), then that body with each field — at any
 * depth, and the body itself — replaced by hostile values: deep nesting, NUL and lone surrogates,
 * arrays and objects where scalars are expected and the other way round, 1e308, -0, integers past
 * PostgreSQL's, 100,000 characters, or the field left out. Sent as 系统管理员: nothing may answer 5xx.
 */
interface Schema {
  $ref?: string; type?: string; format?: string; example?: unknown; enum?: unknown[]; nullable?: boolean;
  properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; required?: string[];
}
interface Operation { method: string; path: string; schema: Schema; query: { name: string; in?: string; required?: boolean; schema?: Schema }[] }
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const NEG_ZERO = '__hostile_negative_zero__';
const DEEP = '__hostile_deep_nesting__';
const MISSING = Symbol('missing');
/** What replaces each field in turn (the raw `-0` and deep nesting are written into the JSON text). */
const HOSTILE: (Json | typeof MISSING)[] = [
  'nul\u0000in text', 'lone \uD800 surrogate', {}, [], [[]], [{}], { length: 1 }, 1e308, NEG_ZERO, -1, 2147483648, 1.5,
  'x'.repeat(100_000), true, null, '', '9999-99-99', DEEP, MISSING,
];
/** Whole bodies that are no object, or hostile as a whole. */
const HOSTILE_BODIES = ['[]', '[[]]', '[{}]', '"text"', '0', 'null', '{"__proto__":{"admin":true}}', `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`];

function setAt(target: Json, path: (string | number)[], value: Json | typeof MISSING): void {
  let node = target as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === MISSING) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
}

/** Every path into a body: each key of each object and the first element of each array. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length === 0 ? [] : [[...prefix, 0], ...pathsOf(value[0]!, [...prefix, 0])];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

function toText(body: Json): string {
  return JSON.stringify(body)
    .replaceAll(`"${NEG_ZERO}"`, '-0')
    .replaceAll(`"${DEEP}"`, `${'['.repeat(5000)}${']'.repeat(5000)}`);
}

describe('the OpenAPI document, fuzzed with hostile bodies', () => {
  let t: TestApp;
  let admin: string;
  let components: Record<string, Schema>;
  const ids: Record<string, string> = {};

  const one = async (sql: string, params: unknown[] = []): Promise<string> => {
    const rows: { id: string }[] = await t.dataSource.query(sql, params);
    if (rows.length === 0) throw new Error(`nothing for ${sql}`);
    return rows[0]!.id;
  };

  beforeAll(async () => {
    t = await startTestApp({ demoData: 'story' });
    admin = await t.login('admin');
    components = (await t.http.get('/api/docs-json')).body.components.schemas;
    const sheet = (status: string, kind = 'project', skip = 0) =>
      one(`SELECT id FROM target_sheets WHERE is_current AND fiscal_year = 2024 AND kind = $1 AND status = ANY($2) ORDER BY id OFFSET $3 LIMIT 1`, [kind, status.split(','), skip]);
    ids['approvedSheet'] = await sheet('approved');
    ids['draftSheet'] = await sheet('draft'); // its header is editable too (a returned sheet's is not)
    ids['transitionSheet'] = await sheet('returned');
    ids['departmentSheet'] = await sheet('approved', 'department');
    ids['draftProject'] = await one(`SELECT project_id AS id FROM target_sheets WHERE id = $1`, [ids['draftSheet']]);
    ids['department'] = await one(`SELECT department_id AS id FROM target_sheets WHERE id = $1`, [ids['departmentSheet']]);
    ids['indicator'] = await one(`SELECT id FROM indicators WHERE sheet_id = $1 ORDER BY position LIMIT 1`, [ids['approvedSheet']]);
    ids['unit'] = await one(`SELECT id FROM organizations WHERE kind = 'unit' AND name = '汉阴县医疗保障局本级'`);
    ids['bureau'] = await one(`SELECT id FROM organizations WHERE kind = 'finance_bureau' AND name = '汉阴县财政局'`);
    ids['spareUnit'] = await one(`SELECT id FROM organizations WHERE kind = 'unit' AND id <> $1 ORDER BY name LIMIT 1`, [ids['unit']]);
    ids['spareUser'] = await one(`SELECT id FROM users WHERE username = 'shenqiu.viewer'`);
  }, 300_000); // the demo year in progress is played through the services: slow on a busy machine
  afterAll(async () => t?.close());

  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!]!);
    if (schema.allOf?.length) return resolve(schema.allOf[0]!);
    return schema;
  };

  /** A plausible value of a schema: its example or first enum value, real ids by field name. */
  const sample = (raw: Schema, name: string, depth = 0): Json => {
    const byName: Record<string, string | undefined> = {
      indicatorId: ids['indicator'], unitId: ids['unit'], organizationId: ids['department'], parentId: ids['bureau'], departmentId: ids['department'],
    };
    if (byName[name] !== undefined) return byName[name]!;
    // free-form objects the schema leaves open: a real one, so that the hostile values land inside it
    const objects: Record<string, Json> = {
      actual: { kind: 'number', value: 1 },
      spec: { kind: 'numeric', op: '>=', value: 1, unit: '人' },
      scheme: structuredClone(NATIONAL_PROJECT_SCHEME) as unknown as Json,
    };
    if (objects[name] !== undefined) return structuredClone(objects[name]!);
    const schema = resolve(raw);
    if (schema.example !== undefined) return schema.example as Json;
    if (schema.enum?.length) return schema.enum[0] as Json;
    if (schema.type === 'array') return schema.items && depth < 4 ? [sample(schema.items, name, depth + 1)] : [];
    if (schema.type === 'object' || schema.properties) {
      return Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([key]) => key !== 'id').map(([key, s]) => [key, sample(s, key, depth + 1)]));
    }
    if (schema.type === 'integer' || schema.type === 'number') return 1;
    if (schema.type === 'boolean') return true;
    return '测试文字';
  };

  /** The path parameters of an operation, on data where its body reaches the service. */
  const pathFor = (path: string): string =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'year' || name === 'fiscalYear') return '2024';
      if (name === 'period') return 'M9';
      if (name === 'kind') return 'project';
      if (name === 'bureauId') return ids['bureau']!;
      if (name === 'indicatorId') return ids['indicator']!;
      if (path.startsWith('/api/organizations')) return ids['spareUnit']!;
      if (path.startsWith('/api/users')) return ids['spareUser']!;
      if (path.startsWith('/api/projects')) return ids['draftProject']!;
      if (path.startsWith('/api/departments')) return ids['department']!;
      if (path === '/api/target-sheets/{id}') return ids['draftSheet']!;
      if (path.endsWith('/transitions')) return ids['transitionSheet']!;
      return ids['approvedSheet']!;
    });

  /** A body of each way an operation is used: a scheme is saved from its content, a preset or a copy, one at a time. */
  const variants = (base: Json): Json[] => {
    if (base === null || typeof base !== 'object' || Array.isArray(base) || !('scheme' in base)) return [base];
    const { scheme, preset, copyFrom, ...rest } = base;
    return [{ ...rest, scheme: scheme! }, { ...rest, preset: preset! }, { ...rest, copyFrom: copyFrom! }];
  };

  /** The version of the scheme an update names, as it is now. */
  const currentSchemeVersion = async (url: string): Promise<number | null> => {
    const match = /^\/api\/scoring-schemes\/([\w-]{36})\/(\d{4})\/(\w+)$/.exec(url);
    if (!match) return null;
    const rows: { version: number }[] = await t.dataSource.query(
      `SELECT max(version) AS version FROM scoring_schemes WHERE bureau_id = $1 AND fiscal_year = $2 AND kind = $3`, [match[1], Number(match[2]), match[3]],
    );
    return rows[0]?.version ?? null;
  };

  /** The rowVersion the sheet has now, so that a body reaches past the stale-save check. */
  const currentRowVersion = async (url: string): Promise<number | null> => {
    const sheet = /^\/api\/target-sheets\/([\w-]{36})(\/transitions)?$/.exec(url)?.[1];
    const project = /^\/api\/projects\/([\w-]{36})$/.exec(url)?.[1];
    if (!sheet && !project) return null;
    const rows: { row_version: number }[] = sheet
      ? await t.dataSource.query(`SELECT row_version FROM target_sheets WHERE id = $1`, [sheet])
      : await t.dataSource.query(`SELECT row_version FROM target_sheets WHERE project_id = $1 AND is_current`, [project]);
    return rows[0]?.row_version ?? null;
  };

  it('answers every hostile body of every operation with 4xx or success, never 5xx', async () => {
    const doc = (await t.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: Operation['query'] }>> };
    const operations: Operation[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const schema = op.requestBody?.content['application/json']?.schema;
        if (schema) operations.push({ method, path, schema, query: (op.parameters ?? []).filter((p) => p.in === 'query') });
      }
    }
    expect(operations.length).toBeGreaterThanOrEqual(20);

    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      const url = pathFor(op.path);
      const query = Object.fromEntries(op.query.filter((q) => q.required).map((q) => [q.name, q.name === 'fiscalYear' ? 2024 : sample(q.schema ?? {}, q.name)]));
      const base = sample(op.schema, '');
      const send = async (text: string, label: string) => {
        const res = await (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)[op.method]!(url)
          .query(query).set(bearer(admin)).set('Content-Type', 'application/json').send(text);
        sent++;
        if (res.status >= 500) failures.push(`${op.method.toUpperCase()} ${op.path} ${label}: ${res.status} ${res.body.code}`);
      };
      for (const text of HOSTILE_BODIES) await send(text, `body ${text.slice(0, 30)}`);
      for (const variant of variants(base)) {
        for (const path of pathsOf(variant)) {
          for (const value of HOSTILE) {
            const body = structuredClone(variant) as Record<string, Json>;
            setAt(body, path, value);
            if (path[0] !== 'rowVersion' && 'rowVersion' in body) body['rowVersion'] = (await currentRowVersion(url)) ?? 1;
            if (path[0] !== 'baseVersion' && 'baseVersion' in body) body['baseVersion'] = await currentSchemeVersion(url);
            const shown = value === MISSING ? '(missing)' : JSON.stringify(value).slice(0, 30);
            await send(toText(body), `${path.join('.')} = ${shown}`);
          }
        }
      }
    }
    // the admin's login survived the run (no hostile body changed its password or role)
    expect((await t.http.get('/api/auth/me').set(bearer(admin))).status).toBe(200);
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 900_000);

  it('answers every hostile query parameter of every operation with 4xx or success, never 5xx', async () => {
    const doc = (await t.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    const hostile = ['abc', '-1', '-0', '1e308', '99999999999999999999', '2147483648', '%00', '%ED%A0%80', '%FF', encodeURIComponent('x'.repeat(10_000)), ''];
    const failures: string[] = [];
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const valid = (name: string) => (name === 'fiscalYear' ? '2024' : name === 'period' ? 'M9' : name.endsWith('Id') ? ids['department']! : '1');
        for (const name of names) {
          const others = names.filter((n) => n !== name).map((n) => `${n}=${valid(n)}`);
          const queries = [
            ...hostile.map((value) => `${name}=${value}`),
            `${name}=${valid(name)}&${name}=${valid(name)}`, `${name}[]=${valid(name)}`, `${name}[a]=1`, name,
          ];
          for (const query of queries) {
            const url = `${pathFor(path)}?${[query, ...others].join('&')}`;
            const res = await (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)[method]!(url).set(bearer(admin)).send({});
            sent++;
            if (res.status >= 500) failures.push(`${method.toUpperCase()} ${path}?${query.slice(0, 40)}: ${res.status} ${res.body.code}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 300_000);
});
