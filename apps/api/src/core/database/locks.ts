import type { Tx } from './persistence';

/**
 * A transaction-scoped advisory lock (`pg_advisory_xact_lock`) on `scope` × `key`: callers that
 * take the same lock run one after the other, and it is released when the transaction ends. For a
 * read-then-write that no row lock can guard because the row does not exist yet — the next position
 * of a department's projects, an organization an import creates on first use.
 */
export async function advisoryXactLock(tx: Tx, scope: string, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [scope, key]);
}
