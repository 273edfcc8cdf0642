import { EntityManager } from 'typeorm';

/**
 * When finance approves an adjusted version (调整), monitoring moves to it: the actuals recorded
 * against the version it replaces carry over to the same indicators of the new one, matched by
 * 一级 / 二级 / 三级指标 name (versions copy indicators under new ids). Records the new version
 * already has win; indicators new in this version start empty; removed ones keep their history on
 * the old version, which stays readable. Spending belongs to the project and needs no copy.
 * Returns the number of records carried over.
 */
export async function carryActualsForward(em: EntityManager, fromSheetId: string, toSheetId: string): Promise<number> {
  const rows: unknown[] = await em.query(
    `INSERT INTO indicator_actuals (indicator_id, period, actual, forecast, likelihood, deviation_category, deviation_reason, measures, recorded_by, recorded_at)
     SELECT DISTINCT ON (n.id, a.period) n.id, a.period, a.actual, a.forecast, a.likelihood, a.deviation_category, a.deviation_reason, a.measures, a.recorded_by, a.recorded_at
       FROM indicators n
       JOIN indicators o ON o.sheet_id = $1 AND o.level1 = n.level1 AND o.level2 IS NOT DISTINCT FROM n.level2 AND o.name = n.name
       JOIN indicator_actuals a ON a.indicator_id = o.id
      WHERE n.sheet_id = $2
      ORDER BY n.id, a.period, o.position
     ON CONFLICT (indicator_id, period) DO NOTHING
     RETURNING id`,
    [fromSheetId, toSheetId],
  );
  return rows.length;
}
