/**
 * CHECK expressions written exactly as PostgreSQL reports them (pg_get_constraintdef without the
 * `CHECK (…)` wrapper), so an entity's @Check reads like the constraint the migration built and the
 * schema-sync test can compare them verbatim.
 */

/** `column IN ('a', 'b')` on a varchar column. */
export function varcharIn(column: string, values: readonly string[]): string {
  const array = values.map((v) => `'${v.replaceAll("'", "''")}'::character varying`).join(', ');
  return `((${column})::text = ANY ((ARRAY[${array}])::text[]))`;
}

/** `column BETWEEN low AND high` on an integer column. */
export function integerBetween(column: string, low: number, high: number): string {
  return `((${column} >= ${low}) AND (${column} <= ${high}))`;
}
