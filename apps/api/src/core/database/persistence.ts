import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The transaction a service opened (core/database Transactions) and hands to persistence methods,
 * so that every write of one user action lands in one transaction. Reads take it optionally: without
 * one they run on the connection pool.
 */
export type Tx = EntityManager;

/**
 * Base of a context's persistence classes (`apps/api/src/<context>/persistence/*`): the only place
 * where queries on that context's tables are written. Services call their methods; no service,
 * controller or job holds a DataSource or queries an EntityManager itself (eslint.config.mjs).
 */
export abstract class Persistence {
  protected constructor(private readonly dataSource: DataSource) {}

  /** The caller's transaction, or the pool outside one. */
  protected em(tx?: Tx): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}

const CHUNK = 500; // rows per INSERT, well under PostgreSQL's 65,535 parameters

/** Inserts many rows with multi-row INSERTs of at most 500 rows each (imports). */
export async function insertChunked<T extends ObjectLiteral>(tx: Tx, target: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.createQueryBuilder().insert().into(target).values(rows.slice(i, i + CHUNK) as never).updateEntity(false).execute();
  }
}
