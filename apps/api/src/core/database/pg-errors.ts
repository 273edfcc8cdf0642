/**
 * PostgreSQL errors that come from concurrency rather than from the input: what they are, so that a
 * transaction can be retried (`Transactions.runRetrying`) and the global filter answers 409, never 500.
 * TypeORM's QueryFailedError copies the driver's SQLSTATE into `code` (node-postgres and PGlite alike).
 */
export type PgConflict = 'unique_violation' | 'transient';

const TRANSIENT = new Set([
  '40P01', // deadlock_detected
  '40001', // serialization_failure
  '55P03', // lock_not_available
]);

/** The SQLSTATE of a database error, or null for anything else. */
export function sqlState(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const state = typeof code === 'string' ? code : typeof driverError?.code === 'string' ? driverError.code : null;
  return state !== null && /^[0-9A-Z]{5}$/.test(state) ? state : null;
}

/** A unique violation (23505), or a deadlock / serialization failure worth one more try; null otherwise. */
export function pgConflict(error: unknown): PgConflict | null {
  const state = sqlState(error);
  if (state === '23505') return 'unique_violation';
  return state !== null && TRANSIENT.has(state) ? 'transient' : null;
}
