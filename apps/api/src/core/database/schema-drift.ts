import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type PoolClient } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { databaseOptions } from './database.options';
import { startEmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './migrate';

/** A database created for one check, dropped (or deleted, when embedded) by `dispose`. */
export interface ScratchDatabase {
  url: string;
  embedded: boolean;
  /** 'postgresql server' or 'embedded PGlite', for messages. */
  label: string;
  dispose(): Promise<void>;
}

/**
 * A new empty database: on the server of `serverUrl` (a temporary database next to the one the URL
 * names), or, without a URL, an embedded PGlite in a temporary folder started as the app starts it.
 */
export async function createScratchDatabase(serverUrl: string | undefined): Promise<ScratchDatabase> {
  if (!serverUrl) {
    const folder = mkdtempSync(join(tmpdir(), 'jixiao-schema-'));
    try {
      const embedded = await startEmbeddedPostgres(folder);
      return {
        url: embedded.url,
        embedded: true,
        label: 'embedded PGlite',
        async dispose() {
          await embedded.stop();
          rmSync(folder, { recursive: true, force: true });
        },
      };
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }
  const name = `jixiao_schema_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    label: 'postgresql server',
    dispose: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot connect to PostgreSQL at ${redact(serverUrl)}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The app's DataSource on `database`, initialized and migrated to the latest migration. */
export async function migratedDataSource(database: Pick<ScratchDatabase, 'url' | 'embedded'>): Promise<DataSource> {
  const dataSource = new DataSource(databaseOptions(database.url, database.embedded));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, database.url, database.embedded);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** What TypeORM's schema builder (synchronize) would run to make the database match the entities. */
export async function pendingSchemaStatements(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

/** Tables of the current schema that no entity describes (TypeORM's own migrations table excepted). */
export async function tablesWithoutEntity(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const described = new Set(dataSource.entityMetadatas.map((m) => m.tableName));
  const migrationsTable = dataSource.options.migrationsTableName ?? 'migrations';
  return rows.map((r) => r.table_name).filter((t) => t !== migrationsTable && !described.has(t));
}

interface CatalogConstraint {
  table: string;
  name: string;
  type: 'p' | 'u' | 'c' | 'f';
  definition: string;
  columns: string[];
  referenced_table: string | null;
  referenced_columns: string[] | null;
  on_delete: string;
  on_update: string;
}

interface CatalogIndex {
  table: string;
  name: string;
  is_unique: boolean;
  columns: (string | null)[]; // null: an expression
  where: string | null;
  method: string;
  default_opclasses: boolean;
}

const FK_ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/**
 * What the schema builder does not compare, checked against PostgreSQL's catalog: constraint and index
 * names, CHECK expressions (the builder matches checks by name only), the columns and actions of keys,
 * the columns and WHERE of indexes, and the existence of the indexes the entities leave to the
 * migrations (`synchronize: false`). Empty when the entities name and define every one of them.
 */
export async function definitionMismatches(dataSource: DataSource): Promise<string[]> {
  const constraints: CatalogConstraint[] = await dataSource.query(`
    SELECT t.relname AS table, c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS definition,
           ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           r.relname AS referenced_table,
           CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) END AS referenced_columns,
           c.confdeltype AS on_delete, c.confupdtype AS on_update
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
      LEFT JOIN pg_class r ON r.oid = c.confrelid
     WHERE c.contype IN ('p', 'u', 'c', 'f')`);
  const indexes: CatalogIndex[] = await dataSource.query(`
    SELECT t.relname AS table, i.relname AS name, ix.indisunique AS is_unique,
           ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                   LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           pg_get_expr(ix.indpred, ix.indrelid) AS where, am.amname AS method,
           NOT EXISTS (SELECT 1 FROM unnest(ix.indclass::oid[]) oc JOIN pg_opclass o ON o.oid = oc WHERE NOT o.opcdefault) AS default_opclasses
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
      JOIN pg_am am ON am.oid = i.relam
     WHERE NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid AND c.conrelid = ix.indrelid)`);

  const expressions = new ExpressionNormalizer(dataSource.createQueryRunner());
  try {
    return await compare(dataSource, constraints, indexes, expressions);
  } finally {
    await expressions.release();
  }
}

async function compare(dataSource: DataSource, constraints: CatalogConstraint[], indexes: CatalogIndex[], expressions: ExpressionNormalizer): Promise<string[]> {
  const problems: string[] = [];
  const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  const list = (values: readonly unknown[]) => `(${values.map((v) => v ?? '<expression>').join(', ')})`;

  for (const metadata of dataSource.entityMetadatas) {
    const table = metadata.tableName;
    const constraintOf = (name: string, type: CatalogConstraint['type']) => constraints.find((c) => c.table === table && c.name === name && c.type === type);

    const primaryNames = new Set(metadata.primaryColumns.map((c) => c.primaryKeyConstraintName));
    const primaryColumns = metadata.primaryColumns.map((c) => c.databaseName);
    const primaryName = [...primaryNames][0];
    if (primaryNames.size !== 1 || !primaryName) {
      problems.push(`${table}: give every primary column primaryKeyConstraintName (the migration's name, e.g. '${table}_pkey')`);
    } else {
      const pk = constraintOf(primaryName, 'p');
      if (!pk) problems.push(`${table}: primary key ${primaryName} is not in the database`);
      else if (!same(pk.columns, primaryColumns)) problems.push(`${table}: primary key ${primaryName} is ${list(pk.columns)} in the database, ${list(primaryColumns)} in the entity`);
    }

    for (const check of metadata.checks) {
      const found = constraintOf(check.name, 'c');
      if (!found) {
        problems.push(`${table}: check ${check.name} is not in the database`);
        continue;
      }
      const expected = `CHECK (${check.expression})`;
      if (found.definition === expected) continue;
      // PostgreSQL rewrites what it is given (`kind IN (…)` is reported as `= ANY ((ARRAY[…])::text[])`, which it
      // rewrites once more): compare what it makes of both.
      const [inDatabase, inEntity] = [await expressions.check(table, unwrapCheck(found.definition)), await expressions.check(table, check.expression)];
      if (inEntity.error) problems.push(`${table}: check ${check.name}: PostgreSQL rejects the entity's expression ${check.expression}: ${inEntity.error}`);
      else if (inDatabase.expression !== inEntity.expression) problems.push(`${table}: check ${check.name} is ${found.definition} in the database, ${expected} in the entity`);
    }

    for (const unique of metadata.uniques) {
      const found = constraintOf(unique.name, 'u');
      const columns = unique.columns.map((c) => c.databaseName);
      if (!found) problems.push(`${table}: unique constraint ${unique.name} is not in the database`);
      else if (!same(found.columns, columns)) problems.push(`${table}: unique constraint ${unique.name} is ${list(found.columns)} in the database, ${list(columns)} in the entity`);
    }

    for (const fk of metadata.foreignKeys) {
      const found = constraintOf(fk.name, 'f');
      const expected = `${list(fk.columnNames)} → ${fk.referencedEntityMetadata.tableName}${list(fk.referencedColumnNames)} ON DELETE ${fk.onDelete ?? 'NO ACTION'} ON UPDATE ${fk.onUpdate ?? 'NO ACTION'}`;
      if (!found) {
        problems.push(`${table}: foreign key ${fk.name} is not in the database`);
        continue;
      }
      const actual = `${list(found.columns)} → ${found.referenced_table}${list(found.referenced_columns ?? [])} ON DELETE ${FK_ACTIONS[found.on_delete]} ON UPDATE ${FK_ACTIONS[found.on_update]}`;
      if (actual !== expected) problems.push(`${table}: foreign key ${fk.name} is ${actual} in the database, ${expected} in the entity`);
    }

    for (const index of metadata.indices) {
      const found = indexes.find((i) => i.table === table && i.name === index.name);
      if (!found) {
        problems.push(`${table}: index ${index.name} is not in the database`);
        continue;
      }
      if (!index.synchronize) continue; // defined by the migration only (expressions, operator classes)
      const expected = `${index.isUnique ? 'unique ' : ''}btree ${list(index.columns.map((c) => c.databaseName))}`;
      const actual = `${found.is_unique ? 'unique ' : ''}${found.method} ${list(found.columns)}${found.default_opclasses ? '' : ' (operator classes)'}`;
      let sameCondition = (index.where ?? null) === found.where;
      if (!sameCondition && index.where && found.where) {
        const [inDatabase, inEntity] = [await expressions.indexCondition(table, found.where), await expressions.indexCondition(table, index.where)];
        if (inEntity.error) {
          problems.push(`${table}: index ${index.name}: PostgreSQL rejects the entity's condition ${index.where}: ${inEntity.error}`);
          continue;
        }
        sameCondition = inDatabase.expression === inEntity.expression;
      }
      if (actual !== expected || !sameCondition) {
        const where = (condition: string | null | undefined) => (condition ? ` WHERE ${condition}` : '');
        problems.push(`${table}: index ${index.name} is ${actual}${where(found.where)} in the database, ${expected}${where(index.where)} in the entity`);
      }
    }
  }
  return problems;
}

function unwrapCheck(definition: string): string {
  return definition.replace(/^CHECK \((.*)\)$/s, '$1');
}

interface Normalized {
  expression: string;
  error?: string;
}

/**
 * PostgreSQL's own reading of a CHECK expression or an index condition: applied to an empty copy of the
 * table (a temporary table on one connection, used through the driver so that a rejected expression
 * is not logged as a query error) and read back until it stops changing.
 */
class ExpressionNormalizer {
  private readonly probes = new Map<string, string>();
  private client: PoolClient | null = null;

  constructor(private readonly runner: QueryRunner) {}

  check(table: string, expression: string): Promise<Normalized> {
    return this.untilStable(table, expression, async (client, probe, current) => {
      await client.query(`ALTER TABLE ${probe} ADD CONSTRAINT probe_check CHECK (${current})`);
      const { rows } = await client.query<{ e: string }>(`SELECT pg_get_constraintdef(oid) AS e FROM pg_constraint WHERE conrelid = '${probe}'::regclass AND conname = 'probe_check'`);
      await client.query(`ALTER TABLE ${probe} DROP CONSTRAINT probe_check`);
      return unwrapCheck(rows[0].e);
    });
  }

  indexCondition(table: string, condition: string): Promise<Normalized> {
    return this.untilStable(table, condition, async (client, probe, current) => {
      await client.query(`CREATE INDEX probe_idx ON ${probe} ((1)) WHERE ${current}`);
      const { rows } = await client.query<{ e: string }>(`SELECT pg_get_expr(indpred, indrelid) AS e FROM pg_index WHERE indexrelid = 'pg_temp.probe_idx'::regclass`);
      await client.query('DROP INDEX pg_temp.probe_idx');
      return rows[0].e;
    });
  }

  async release(): Promise<void> {
    try {
      if (this.client) for (const probe of this.probes.values()) await this.client.query(`DROP TABLE IF EXISTS ${probe}`);
    } finally {
      await this.runner.release();
    }
  }

  private async untilStable(table: string, expression: string, read: (client: PoolClient, probe: string, current: string) => Promise<string>): Promise<Normalized> {
    const client = await this.connection();
    const probe = await this.probeFor(client, table);
    let current = expression;
    for (let round = 0; round < 3; round++) {
      let next: string;
      try {
        next = await read(client, probe, current);
      } catch (error) {
        return { expression: current, error: (error as Error).message };
      }
      if (next === current) break;
      current = next;
    }
    return { expression: current };
  }

  private async connection(): Promise<PoolClient> {
    this.client ??= (await this.runner.connect()) as PoolClient;
    return this.client;
  }

  private async probeFor(client: PoolClient, table: string): Promise<string> {
    let probe = this.probes.get(table);
    if (!probe) {
      const name = `schema_probe_${this.probes.size}`;
      await client.query(`CREATE TEMPORARY TABLE ${name} (LIKE "${table}")`);
      probe = `pg_temp.${name}`;
      this.probes.set(table, probe);
    }
    return probe;
  }
}
