import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, type PoolClient } from 'pg';
import { PROJECT_LIST_SQL } from '../../apps/api/src/target-sheets/persistence/sheet-queries';

/**
 * The baseline of the HTTP benchmark: a minimal Node `http` server answering the same JSON as the API
 * for the three requests of the load, straight through a `pg` Pool of the API's size (10), without
 * Nest, Express, validation, JWT checks, transactions helpers or TypeORM.
 *
 * - GET /api/target-sheets/:id — one statement reads the sheet row, its indicators, spending plan and
 *   tasks as JSON; the parts the API computes in code (the department and project references, the
 *   review findings, the scoring scheme, acknowledgements, roll-over source) are taken from the API's
 *   own answer fetched at setup (`templates`). The body is checked equal to the API's before the run.
 * - GET /api/projects?fiscalYear&departmentId — the API's list statement (SheetQueries.listProjects),
 *   scoped by the caller's organization path looked up from the bearer token (`scopes`), rows mapped
 *   to the same JSON; checked equal to the API's.
 * - PUT /api/target-sheets/:id — in one transaction: the row locked and its rowVersion compared (409),
 *   every indicator updated by one statement from the body, the spending plan replaced, the sheet's goals
 *   and rowVersion written, one audit event, and the sheet read back as for the GET. Unlike the API it
 *   neither re-parses the targets nor validates the body nor diffs before and after.
 */
export interface MinimalServer {
  base: string;
  close(): Promise<void>;
}

const SHEET_SQL = `
  SELECT s.row_version, s.goals,
    coalesce((SELECT json_agg(json_build_object('id', i.id, 'order', i.position, 'level1', i.level1, 'level2', i.level2, 'name', i.name,
                'description', i.description, 'target', i.target_text, 'spec', i.spec, 'specWarnings', i.spec_warnings,
                'specCorrected', i.spec_corrected, 'basis', i.basis, 'remark', i.remark, 'weight', i.weight::text, 'previousYear', NULL)
              ORDER BY i.position) FROM indicators i WHERE i.sheet_id = s.id), '[]') AS indicators,
    coalesce((SELECT json_agg(json_build_object('month', p.month, 'cumulativeAmount', p.cumulative_amount::text) ORDER BY p.month)
              FROM spending_plan_points p WHERE p.sheet_id = s.id), '[]') AS plan,
    coalesce((SELECT json_agg(json_build_object('name', t.name, 'content', t.content, 'amount', t.amount::text) ORDER BY t.position)
              FROM sheet_tasks t WHERE t.sheet_id = s.id), '[]') AS tasks
    FROM target_sheets s WHERE s.id = $1`;

const LIST_SQL = PROJECT_LIST_SQL; // the API's own statement

type Json = Record<string, unknown>;
interface SheetRow { row_version: number; goals: string[]; indicators: Json[]; plan: Json[]; tasks: Json[] }
interface ListRow { [column: string]: unknown; unit_id: string | null }
interface SaveBody { rowVersion: number; goals: string[]; indicators: Json[]; spendingPlan: Json[] }

function sheetBody(template: Json, row: SheetRow): Json {
  return { ...template, rowVersion: row.row_version, goals: row.goals, indicators: row.indicators, spendingPlan: row.plan, tasks: row.tasks };
}

function listItem(r: ListRow): Json {
  return {
    id: r['id'], fiscalYear: r['fiscal_year'], code: r['code'], name: r['name'], category: r['category'],
    amount: { total: r['amount_total'], fiscal: r['amount_fiscal'], other: r['amount_other'] },
    department: { id: r['dept_id'], code: r['dept_code'], name: r['dept_name'], kind: 'department' },
    unit: r.unit_id ? { id: r.unit_id, code: r['unit_code'], name: r['unit_name'], kind: 'unit' } : null,
    sheet: { id: r['sheet_id'], status: r['sheet_status'], version: r['sheet_version'], indicatorCount: r['indicator_count'] },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function save(client: PoolClient, sheetId: string, body: SaveBody, template: Json): Promise<[number, unknown]> {
  await client.query('BEGIN');
  let done = false;
  try {
    const [locked] = (await client.query<{ row_version: number }>('SELECT row_version FROM target_sheets WHERE id = $1 FOR UPDATE', [sheetId])).rows;
    if (!locked) return [404, { code: 'NOT_FOUND' }];
    if (locked.row_version !== body.rowVersion) return [409, { code: 'SHEET_VERSION_CONFLICT', currentRowVersion: locked.row_version }];
    const indicators = JSON.stringify(body.indicators);
    await client.query(
      `UPDATE indicators i SET level1 = x.level1, level2 = x.level2, name = x.name, description = x.description, target_text = x.target,
              basis = x.basis, remark = x.remark, weight = x.weight::numeric
         FROM json_to_recordset($2::json) AS x(id uuid, level1 text, level2 text, name text, description text, target text, basis text, remark text, weight text)
        WHERE i.id = x.id AND i.sheet_id = $1`,
      [sheetId, indicators],
    );
    await client.query('DELETE FROM spending_plan_points WHERE sheet_id = $1', [sheetId]);
    await client.query(
      `INSERT INTO spending_plan_points (sheet_id, month, cumulative_amount)
       SELECT $1, x.month, x."cumulativeAmount"::numeric FROM json_to_recordset($2::json) AS x(month int, "cumulativeAmount" text)`,
      [sheetId, JSON.stringify(body.spendingPlan)],
    );
    await client.query('UPDATE target_sheets SET goals = $2::jsonb, row_version = row_version + 1, updated_at = now() WHERE id = $1', [sheetId, JSON.stringify(body.goals)]);
    await client.query(
      `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, sheet_id, before, after) VALUES (NULL, 'sheet.update', 'target_sheet', $1, $1, NULL, $2::jsonb)`,
      [sheetId, JSON.stringify({ goals: body.goals, indicators: body.indicators, spendingPlan: body.spendingPlan })],
    );
    const [row] = (await client.query<SheetRow>(SHEET_SQL, [sheetId])).rows;
    await client.query('COMMIT');
    done = true;
    return [200, sheetBody(template, row!)];
  } finally {
    if (!done) await client.query('ROLLBACK');
  }
}

/**
 * Starts the baseline on `databaseUrl`: `templates` are the API's GET answers by sheet id, `scopes` the
 * organization path prefix of each bearer token (null: everywhere).
 */
export async function startMinimalServer(databaseUrl: string, templates: ReadonlyMap<string, Json>, scopes: ReadonlyMap<string, string | null>): Promise<MinimalServer> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!scopes.has(token)) return send(res, 401, { code: 'UNAUTHENTICATED' });
    const sheet = /^\/api\/target-sheets\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (sheet && req.method === 'GET') {
      const template = templates.get(sheet[1]!);
      const [row] = (await pool.query<SheetRow>(SHEET_SQL, [sheet[1]])).rows;
      return template && row ? send(res, 200, sheetBody(template, row)) : send(res, 404, { code: 'NOT_FOUND' });
    }
    if (sheet && req.method === 'PUT') {
      const template = templates.get(sheet[1]!);
      if (!template) return send(res, 404, { code: 'NOT_FOUND' });
      const body = JSON.parse(await readBody(req)) as SaveBody;
      const client = await pool.connect();
      try {
        const [status, answer] = await save(client, sheet[1]!, body, template);
        return send(res, status, answer);
      } finally {
        client.release();
      }
    }
    if (url.pathname === '/api/projects' && req.method === 'GET') {
      const rows = (await pool.query<ListRow>(LIST_SQL, [Number(url.searchParams.get('fiscalYear')), url.searchParams.get('departmentId'), scopes.get(token)])).rows;
      return send(res, 200, rows.map(listItem));
    }
    send(res, 404, { code: 'NOT_FOUND' });
  };
  const server: Server = createServer({ keepAlive: true }, (req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { code: 'INTERNAL', message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
