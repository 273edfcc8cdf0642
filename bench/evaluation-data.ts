// The synthetic region of the year-end evaluation benchmark (bench/README.md), the plain SQL pass it
// is compared with, and the checks of the results (counts, wholeness, an id-independent fingerprint).
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NATIONAL_PROJECT_SCHEME } from '../libs/domain/src';

export const PROJECTS = Number(process.env['BENCH_PROJECTS'] ?? 100_000);
export const DEPARTMENTS = 100;
export const FISCAL_YEAR = 2024;

// ---------------------------------------------------------------------------------------------
// Synthetic data, all in SQL.

const SCHEME = NATIONAL_PROJECT_SCHEME; // configured for the bureau's project sheets, as finance would (评分方案)

/**
 * The 12 indicators of every sheet (k = 1..12): level1, level2, name, target text and spec as SQL
 * expressions of g (the project number), so the numbers vary from project to project.
 */
export const INDICATOR_TEMPLATES: { level1: string; level2: string; name: string; target: string; spec: string }[] = [
  { level1: '产出指标', level2: '数量指标', name: '培训人次', target: `'≥' || (1000 + g % 500) || '人次'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 1000 + g % 500, 'unit', '人次')` },
  { level1: '产出指标', level2: '数量指标', name: '改造户数', target: `'≥' || (200 + g % 100) || '户'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 200 + g % 100, 'unit', '户')` },
  { level1: '产出指标', level2: '质量指标', name: '验收合格率', target: `'≥95%'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 95, 'unit', '%')` },
  { level1: '产出指标', level2: '质量指标', name: '工程质量', target: `'符合国家标准'`, spec: `jsonb_build_object('kind', 'qualitative', 'text', '符合国家标准')` },
  { level1: '产出指标', level2: '时效指标', name: '项目完成时间', target: `'10月底前'`, spec: `jsonb_build_object('kind', 'deadline', 'by', '10-31')` },
  { level1: '产出指标', level2: '时效指标', name: '资金拨付及时性', target: `'及时'`, spec: `jsonb_build_object('kind', 'qualitative', 'text', '及时')` },
  { level1: '产出指标', level2: '成本指标', name: '单位改造成本', target: `'≤' || (30 + g % 20) || '万元'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '<=', 'value', 30 + g % 20, 'unit', '万元')` },
  { level1: '效益指标', level2: '社会效益指标', name: '受益群众人数', target: `'≥' || (3000 + g % 1000) || '人'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 3000 + g % 1000, 'unit', '人')` },
  { level1: '效益指标', level2: '经济效益指标', name: '带动产业发展', target: `'有效促进'`, spec: `jsonb_build_object('kind', 'qualitative', 'text', '有效促进')` },
  { level1: '效益指标', level2: '可持续影响指标', name: '长效管护机制', target: `'持续提升'`, spec: `jsonb_build_object('kind', 'qualitative', 'text', '持续提升')` },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '受益群众满意度', target: `'≥90%'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 90, 'unit', '%')` },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '参训人员满意度', target: `'≥85%'`, spec: `jsonb_build_object('kind', 'numeric', 'op', '>=', 'value', 85, 'unit', '%')` },
];

const caseOf = (field: keyof (typeof INDICATOR_TEMPLATES)[number]): string =>
  `CASE k ${INDICATOR_TEMPLATES.map((t, i) => `WHEN ${i + 1} THEN ${field === 'spec' || field === 'target' ? t[field] : `'${t[field]}'`}`).join(' ')} END`;

/** The synthetic region: one bureau, 100 departments, `projects` approved project sheets (PROJECTS unless given). */
export async function loadData(ds: DataSource, projects: number = PROJECTS): Promise<{ bureauId: string; bureauPath: string; actorId: string }> {
  const bureauId = randomUUID();
  const bureauPath = `/${bureauId}/`;
  const q = (text: string, params: unknown[] = []): Promise<unknown> => ds.query(text, params);
  await q(`INSERT INTO fiscal_years (year) VALUES ($1)`, [FISCAL_YEAR]);
  await q(`INSERT INTO organizations (id, kind, name, region, path) VALUES ($1, 'finance_bureau', '基准市财政局', '基准市', $2)`, [bureauId, bureauPath]);
  await q(`INSERT INTO scoring_schemes (bureau_id, fiscal_year, kind, version, definition) VALUES ($1, $2, 'project', 1, $3::jsonb)`, [bureauId, FISCAL_YEAR, JSON.stringify(SCHEME)]);
  await q(
    `INSERT INTO organizations (id, parent_id, kind, code, name, path, position)
     SELECT id, $1, 'department', 'D' || lpad(d::text, 3, '0'), '基准部门' || d, $2 || id || '/', d
       FROM (SELECT gen_random_uuid() AS id, d FROM generate_series(1, $3::int) d) x`,
    [bureauId, bureauPath, DEPARTMENTS],
  );
  // Project g belongs to department (g % 100) + 1; its position (unique per department and year) is g.
  await q(
    `INSERT INTO projects (fiscal_year, department_id, code, name, category, amount_total, amount_fiscal, position)
     SELECT $1, d.id, 'P' || lpad(g::text, 6, '0'), '基准项目' || g, '项目支出', amount, amount, g
       FROM (SELECT g, (100000 + (g % 50) * 20000)::numeric(18,2) AS amount FROM generate_series(1, $2::int) g) p
       JOIN organizations d ON d.kind = 'department' AND d.position = (g % $3) + 1`,
    [FISCAL_YEAR, projects, DEPARTMENTS],
  );
  await q(
    `INSERT INTO target_sheets (kind, fiscal_year, department_id, project_id, version, is_current, status)
     SELECT 'project', fiscal_year, department_id, id, 1, true, 'approved' FROM projects`,
  );
  // The rows lie as the app writes them: a sheet's indicators together (one save of the sheet), and
  // later its actuals together (one save of its year-end record); the departments' sheets interleaved
  // (project g belongs to department g % 100 + 1, as departments work side by side), so a batch of one
  // department's sheets still reads from all over the tables.
  await q(
    `INSERT INTO indicators (sheet_id, position, level1, level2, name, target_text, spec)
     SELECT s.id, k, ${caseOf('level1')}, ${caseOf('level2')}, ${caseOf('name')}, ${caseOf('target')}, ${caseOf('spec')}
       FROM target_sheets s JOIN projects p ON p.id = s.project_id
       CROSS JOIN LATERAL (SELECT p.position AS g) pg
       CROSS JOIN generate_series(1, ${INDICATOR_TEMPLATES.length}) k
      ORDER BY g, k`,
  );
  // Year-end actuals (period Y) for ~95% of indicators; about one in six falls short.
  // h = a deterministic number of (project, indicator): 0..99.
  await q(
    `INSERT INTO indicator_actuals (indicator_id, period, actual)
     SELECT i.id, 'Y',
            CASE
              WHEN i.spec->>'kind' = 'numeric' AND i.spec->>'op' = '>=' THEN
                jsonb_build_object('kind', 'number', 'value', round((i.spec->>'value')::numeric * CASE WHEN h % 6 = 0 THEN 0.9 ELSE 1.03 END, 2))
              WHEN i.spec->>'kind' = 'numeric' THEN
                jsonb_build_object('kind', 'number', 'value', round((i.spec->>'value')::numeric * CASE WHEN h % 6 = 0 THEN 1.12 ELSE 0.96 END, 2))
              WHEN i.spec->>'kind' = 'deadline' THEN
                jsonb_build_object('kind', 'date', 'doneOn', CASE WHEN h % 6 = 0 THEN '2024-11-20' ELSE '2024-10-15' END)
              ELSE jsonb_build_object('kind', 'tier', 'tier', CASE WHEN h % 6 = 0 THEN 'partial' ELSE 'achieved' END)
            END
       FROM (SELECT i.*, p.position AS g, (p.position * 13 + i.position * 7) % 100 AS h
               FROM indicators i JOIN target_sheets s ON s.id = i.sheet_id JOIN projects p ON p.id = s.project_id) i
      WHERE i.h % 20 <> 19
      ORDER BY i.g, i.position`,
  );
  // Four monthly expenditures per project: 70%–100% of the budget spent over the year.
  await q(
    `INSERT INTO expenditures (project_id, month, amount)
     SELECT p.id, m, round(p.amount_total * (0.70 + (p.position % 31) / 100.0) / 4, 2)
       FROM projects p CROSS JOIN unnest(ARRAY[3, 6, 9, 12]) m`,
  );
  // As a database in use: hint bits set and statistics fresh (otherwise the first pass to read the
  // freshly loaded rows pays for setting them), and the load's dirty pages written out.
  const [{ id: actorId }] = (await q(
    `INSERT INTO users (username, display_name, password_hash, role) VALUES ('bench.admin', '基准管理员', 'not-a-login', 'admin') RETURNING id`,
  )) as { id: string }[];
  await q('VACUUM ANALYZE');
  await q('CHECKPOINT').catch(() => undefined); // superuser only
  return { bureauId, bureauPath, actorId };
}

// ---------------------------------------------------------------------------------------------
// The plain SQL pass and the checks.

/**
 * The plain SQL pass: one statement reading the same rows (the sheets in effect, their indicators,
 * the Y actuals, the projects' budgets and the sums of their expenditures) and writing one
 * evaluation per sheet and one indicator_scores row per indicator, with a trivial computation
 * (even weights per first-level group from the bureau's scheme, rate = actual ÷ target or the tier).
 */
export async function plainSqlPass(ds: DataSource, ids: readonly string[]): Promise<number> {
  return ds.transaction(async (em) => {
    const rows: { n: number }[] = await em.query(
      `WITH sheets AS (
         SELECT s.id AS sheet_id, p.amount_total AS budget, coalesce(x.spent, 0) AS spent, f.scheme
           FROM target_sheets s JOIN projects p ON p.id = s.project_id
           JOIN organizations d ON d.id = s.department_id
           JOIN LATERAL (SELECT (SELECT jsonb_object_agg(g->>'key', g->'points') FROM jsonb_array_elements(c.definition->'groups') g)
                                || jsonb_build_object('budgetExecution', c.definition->'budgetExecution') AS scheme
                           FROM scoring_schemes c WHERE c.bureau_id = d.parent_id AND c.fiscal_year = s.fiscal_year AND c.kind = s.kind
                          ORDER BY c.version DESC LIMIT 1) f ON true
           LEFT JOIN (SELECT project_id, sum(amount) AS spent FROM expenditures GROUP BY project_id) x ON x.project_id = p.id
          WHERE s.id = ANY($1::uuid[])
       ), scored AS (
         SELECT i.sheet_id, i.id AS indicator_id, i.position, w.weight, r.rate,
                round(w.weight * least(coalesce(r.rate, 0), 1), 2) AS score
           FROM indicators i JOIN sheets USING (sheet_id)
           LEFT JOIN indicator_actuals a ON a.indicator_id = i.id AND a.period = 'Y'
           CROSS JOIN LATERAL (SELECT CASE i.level1 WHEN '效益指标' THEN 'benefit' WHEN '满意度指标' THEN 'satisfaction' ELSE 'output' END AS grp) g
           CROSS JOIN LATERAL (SELECT round((sheets.scheme->>g.grp)::numeric / count(*) OVER (PARTITION BY i.sheet_id, g.grp), 2) AS weight) w
           CROSS JOIN LATERAL (SELECT CASE
               WHEN a.actual IS NULL THEN NULL
               WHEN a.actual->>'kind' = 'number' AND i.spec->>'op' IN ('>=', '>') THEN (a.actual->>'value')::numeric / (i.spec->>'value')::numeric
               WHEN a.actual->>'kind' = 'number' THEN least(1, (i.spec->>'value')::numeric / nullif((a.actual->>'value')::numeric, 0))
               WHEN a.actual->>'kind' = 'date' THEN CASE WHEN a.actual->>'doneOn' <= '${FISCAL_YEAR}-' || (i.spec->>'by') THEN 1.0 ELSE 0.7 END
               WHEN a.actual->>'tier' = 'achieved' THEN 1.0 WHEN a.actual->>'tier' = 'partial' THEN 0.7 ELSE 0.3
             END AS rate) r
       ), totals AS (
         SELECT sheets.sheet_id, sheets.budget, sheets.spent,
                round(sheets.spent / nullif(sheets.budget, 0), 6) AS rate,
                round((sheets.scheme->>'budgetExecution')::numeric * least(sheets.spent / nullif(sheets.budget, 0), 1), 2) AS execution_score,
                sum(scored.score) AS indicator_total
           FROM sheets JOIN scored USING (sheet_id)
          GROUP BY sheets.sheet_id, sheets.budget, sheets.spent, sheets.scheme
       ), written AS (
         INSERT INTO evaluations (sheet_id, budget, spent, execution_rate, execution_score, total_score, grade, details)
         SELECT sheet_id, budget, spent, rate, execution_score, execution_score + indicator_total,
                CASE WHEN execution_score + indicator_total >= 90 THEN '优' WHEN execution_score + indicator_total >= 80 THEN '良'
                     WHEN execution_score + indicator_total >= 60 THEN '中' ELSE '差' END,
                jsonb_build_object('totalExplanation', '预算执行 ' || execution_score || ' + 指标 ' || indicator_total)
           FROM totals
         RETURNING id, sheet_id
       ), scores AS (
         INSERT INTO indicator_scores (evaluation_id, indicator_id, weight, completion_rate, met, computed_score, unmet_flag, explanation)
         SELECT written.id, scored.indicator_id, scored.weight, round(scored.rate, 6), coalesce(scored.rate >= 1, false), scored.score,
                CASE WHEN scored.rate IS NULL THEN 'missing' WHEN scored.rate >= 1 THEN NULL WHEN scored.rate >= 0.9 THEN 'minor'
                     WHEN scored.rate >= 0.6 THEN 'moderate' ELSE 'severe' END,
                scored.weight || ' × min(' || coalesce(round(scored.rate * 100, 2) || '%', '无实际值') || ', 1) = ' || scored.score
           FROM scored JOIN written USING (sheet_id)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM scores)::int AS n`,
      [ids],
    );
    return rows[0]!.n;
  });
}

export async function counts(ds: DataSource): Promise<{ evaluations: number; scores: number }> {
  const [row] = await ds.query(`SELECT (SELECT count(*) FROM evaluations)::int AS evaluations, (SELECT count(*) FROM indicator_scores)::int AS scores`);
  return row;
}

/** A fingerprint of the evaluation's results that does not depend on the random ids: to check a speed-up changed nothing. */
export async function fingerprint(ds: DataSource): Promise<string> {
  const [row] = await ds.query(
    `SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS f FROM (
       SELECT p.position || '|' || e.budget || '|' || e.spent || '|' || coalesce(e.execution_rate::text, '') || '|' || e.execution_score || '|' ||
              e.total_score || '|' || e.grade || '|' || (e.details - 'indicators')::text || '|' ||
              (SELECT string_agg(i.position || ':' || sc.weight || ':' || coalesce(sc.completion_rate::text, '') || ':' || sc.met || ':' || sc.computed_score || ':' ||
                                 coalesce(sc.unmet_flag, '') || ':' || sc.explanation || ':' || (e.details->'indicators'->(i.id::text))::text, ';' ORDER BY i.position)
                 FROM indicator_scores sc JOIN indicators i ON i.id = sc.indicator_id WHERE sc.evaluation_id = e.id) AS line
         FROM evaluations e JOIN target_sheets s ON s.id = e.sheet_id JOIN projects p ON p.id = s.project_id) x`,
  );
  return row.f;
}

/**
 * Every sheet evaluated exactly once, with all its scores: sheets with an evaluation, evaluations,
 * evaluations whose indicator scores are not one per indicator of the sheet.
 */
export async function wholeness(ds: DataSource): Promise<{ sheets: number; evaluations: number; incomplete: number }> {
  const [row] = await ds.query(
    `SELECT count(DISTINCT e.sheet_id)::int AS sheets, count(*)::int AS evaluations,
            count(*) FILTER (WHERE (SELECT count(*) FROM indicator_scores x WHERE x.evaluation_id = e.id)
                                   <> (SELECT count(*) FROM indicators i WHERE i.sheet_id = e.sheet_id))::int AS incomplete
       FROM evaluations e`,
  );
  return row;
}

/** Empties the results and leaves the tables as in use (statistics fresh, dirty pages written), untimed. */
export async function resetEvaluations(ds: DataSource): Promise<void> {
  await ds.query('DELETE FROM evaluations');
  await ds.query('VACUUM ANALYZE evaluations');
  await ds.query('VACUUM ANALYZE indicator_scores');
  await ds.query('CHECKPOINT').catch(() => undefined);
}

/**
 * Two sheets with absurd year-end actuals, written straight into the database as data from before
 * the plausibility check: sheet A gets 2,000,000 against a `≥2人` target (evaluated, capped, the rate
 * shown), sheet B a number JSON cannot hold (1e400: Infinity once parsed; scoreSheet refuses it).
 */
export async function plantAbsurdActuals(ds: DataSource): Promise<{ capped: { sheetId: string; indicatorId: string }; refused: { sheetId: string; indicatorId: string } }> {
  const pick = async (position: number): Promise<{ sheetId: string; indicatorId: string }> => {
    const [row] = await ds.query(
      `SELECT s.id AS "sheetId", i.id AS "indicatorId" FROM target_sheets s JOIN projects p ON p.id = s.project_id
         JOIN indicators i ON i.sheet_id = s.id AND i.position = 1 WHERE p.position = $1`,
      [position],
    );
    return row;
  };
  const capped = await pick(7);
  const refused = await pick(11);
  await ds.query(`UPDATE indicators SET target_text = '≥2人', spec = '{"kind":"numeric","op":">=","value":2,"unit":"人"}' WHERE id = $1`, [capped.indicatorId]);
  for (const [{ indicatorId }, actual] of [[capped, '{"kind":"number","value":2000000}'], [refused, '{"kind":"number","value":1e400}']] as const) {
    await ds.query(`DELETE FROM indicator_actuals WHERE indicator_id = $1 AND period = 'Y'`, [indicatorId]);
    await ds.query(`INSERT INTO indicator_actuals (indicator_id, period, actual) VALUES ($1, 'Y', $2::jsonb)`, [indicatorId, actual]);
  }
  return { capped, refused };
}
