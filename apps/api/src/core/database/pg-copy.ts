import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { Tx } from './persistence';

/** One value of a COPY row: text as it is read by the column's type; null and undefined are SQL NULL. */
export type CopyValue = string | number | boolean | null | undefined;

/**
 * One field of PostgreSQL's COPY text format: backslash, tab, newline and carriage return escaped,
 * NULL as `\N`. Any text (a lone `\N`, tabs in an explanation) reads back as given.
 */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Rows in COPY text format: fields separated by tabs, one row a line. */
export function copyText(rows: Iterable<readonly CopyValue[]>): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += (i > 0 ? '\t' : '') + copyField(row[i]);
    text += '\n';
  }
  return text;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Writes rows into a table with `COPY … FROM STDIN` on the transaction's own connection: the bulk
 * path of PostgreSQL, without a statement to plan or a JSON document or array to parse first. The
 * year-end run writes its evaluations and indicator scores this way (about 5× faster than
 * `INSERT … SELECT FROM jsonb_to_recordset` for the evaluations, bench/README.md, fourth round).
 * Constraints and foreign keys are checked as for an INSERT; a failure fails the transaction.
 */
export async function copyRows(tx: Tx, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<void> {
  if (![table, ...columns].every((name) => IDENTIFIER.test(name))) throw new Error(`copyRows: not a plain identifier in ${table}(${columns.join(', ')})`);
  const runner = tx.queryRunner as PostgresQueryRunner | undefined;
  if (!runner?.isTransactionActive) throw new Error('copyRows: runs inside a transaction only');
  const client = (await runner.connect()) as PoolClient;
  const text = copyText(rows);
  if (text === '') return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([Buffer.from(text, 'utf8')]), stream);
}
