import { Inject, Injectable } from '@nestjs/common';
import { copyRows, CopyValue } from './pg-copy';
import type { Tx } from './persistence';

/** Injection token: whether the database is the embedded PGlite (true) or a PostgreSQL server. */
export const DATABASE_EMBEDDED = Symbol('DATABASE_EMBEDDED');

const MAX_PARAMETERS = 60_000; // PostgreSQL takes at most 65,535 bound parameters per statement

/**
 * Writes many rows of one table inside the caller's transaction: with COPY on a PostgreSQL server
 * (copyRows), with multi-row INSERTs on the embedded PGlite, whose socket does not carry COPY (its
 * regions are small). Both check every constraint; a failure fails the transaction.
 */
@Injectable()
export class BulkWriter {
  constructor(@Inject(DATABASE_EMBEDDED) private readonly embedded: boolean) {}

  async write(tx: Tx, table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void> {
    if (rows.length === 0) return;
    if (!this.embedded) return copyRows(tx, table, columns, rows);
    const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
      await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, chunk.flatMap((row) => row.map((v) => v ?? null)));
    }
  }
}
