import { Logger } from '@nestjs/common';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { UserEntity } from '../../organizations/entities/user.entity';
import { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import {
  createScratchDatabase,
  definitionMismatches,
  migratedDataSource,
  pendingSchemaStatements,
  tablesWithoutEntity,
  type ScratchDatabase,
} from './schema-drift';

// The entities must describe exactly what the migrations build: an entity changed without a migration
// (or a migration without its entity change) fails here. On TEST_DATABASE_URL's server if set, else on PGlite.
describe('schema sync (entities ↔ migrations)', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    database = await createScratchDatabase(process.env['TEST_DATABASE_URL']);
    dataSource = await migratedDataSource(database);
  }, 120_000); // PGlite's initdb takes seconds, more on a busy machine

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.dispose();
  });

  it('applies every migration to a fresh database', async () => {
    const applied: { name: string }[] = await dataSource.query('SELECT name FROM schema_migrations ORDER BY id');
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
  });

  it('leaves nothing for TypeORM’s schema builder to do (what synchronize or migration:generate would write)', async () => {
    expect(await pendingSchemaStatements(dataSource)).toEqual([]);
  });

  it('has an entity for every table the migrations create, and a table for every entity', async () => {
    expect(await tablesWithoutEntity(dataSource)).toEqual([]);
    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    const names = new Set(tables.map((t) => t.table_name));
    expect(ENTITIES.map((e) => dataSource.getMetadata(e).tableName).filter((t) => !names.has(t))).toEqual([]);
  });

  it('names every key, check and index as the migrations do, with the same definitions', async () => {
    expect(await definitionMismatches(dataSource)).toEqual([]);
  });

  it('declares every foreign key, check, unique constraint and index of the database in an entity', async () => {
    const catalog: { table: string; name: string }[] = await dataSource.query(`
      SELECT t.relname AS table, c.conname AS name FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
       WHERE c.contype IN ('p', 'u', 'c', 'f') AND t.relname <> 'schema_migrations'
      UNION ALL
      SELECT t.relname, i.relname FROM pg_index ix
        JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
       WHERE t.relname <> 'schema_migrations' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid AND c.conrelid = ix.indrelid)`);
    const declared = new Set(
      dataSource.entityMetadatas.flatMap((m) => [
        ...m.primaryColumns.map((c) => `${m.tableName}.${c.primaryKeyConstraintName}`),
        ...[...m.foreignKeys, ...m.checks, ...m.uniques, ...m.indices].map((x) => `${m.tableName}.${x.name}`),
      ]),
    );
    expect(catalog.map((c) => `${c.table}.${c.name}`).filter((n) => !declared.has(n))).toEqual([]);
    expect(catalog.length).toBeGreaterThan(70); // the checks above read a real catalog, not an empty one
  });

  // The checks above must be able to fail: drift introduced into the metadata (restored afterwards) is reported.
  describe('reports drift', () => {
    it('a check dropped from an entity: the schema builder would drop it from the database', async () => {
      await withMetadataChange(UserEntity, (m) => (m.checks = m.checks.filter((c) => c.name !== 'users_check')), async () => {
        expect(await pendingSchemaStatements(dataSource)).toEqual(['ALTER TABLE "users" DROP CONSTRAINT "users_check"']);
      });
    });

    it('a changed CHECK expression, which the schema builder does not compare', async () => {
      await withCheckExpression(OrganizationEntity, 'organizations_name_check', '(length((name)::text) > 1)', async () => {
        expect(await pendingSchemaStatements(dataSource)).toEqual([]);
        expect(await definitionMismatches(dataSource)).toEqual([
          `organizations: check organizations_name_check is CHECK (((name)::text <> ''::text)) in the database, CHECK ((length((name)::text) > 1)) in the entity`,
        ]);
      });
    });

    it('but not a CHECK or an index condition written differently that PostgreSQL reads the same', async () => {
      await withCheckExpression(OrganizationEntity, 'organizations_kind_check', `kind IN ('finance_bureau', 'department', 'unit')`, async () => {
        await withIndexCondition(TargetSheetEntity, 'target_sheets_current_project_uq', `is_current AND kind = 'project'`, async () => {
          expect(await definitionMismatches(dataSource)).toEqual([]);
        });
      });
    });

    it('a CHECK expression PostgreSQL rejects', async () => {
      await withCheckExpression(OrganizationEntity, 'organizations_name_check', `(nickname <> '')`, async () => {
        expect(await definitionMismatches(dataSource)).toEqual([
          `organizations: check organizations_name_check: PostgreSQL rejects the entity's expression (nickname <> ''): column "nickname" does not exist`,
        ]);
      });
    });

    it('a changed partial index condition and foreign key action', async () => {
      await withMetadataChange(
        TargetSheetEntity,
        (m) => {
          const fk = m.foreignKeys.find((f) => f.name === 'target_sheets_previous_version_id_fkey')!;
          m.indices = m.indices.map((i) => (i.name === 'target_sheets_current_project_uq' ? copyWith(i, { where: 'is_current' }) : i));
          m.foreignKeys = m.foreignKeys.map((f) => (f === fk ? copyWith(f, { onDelete: 'CASCADE' }) : f));
        },
        async () => {
          expect(await definitionMismatches(dataSource)).toEqual([
            'target_sheets: foreign key target_sheets_previous_version_id_fkey is (previous_version_id) → target_sheets(id) ON DELETE SET NULL ON UPDATE NO ACTION in the database, (previous_version_id) → target_sheets(id) ON DELETE CASCADE ON UPDATE NO ACTION in the entity',
            `target_sheets: index target_sheets_current_project_uq is unique btree (project_id) WHERE (is_current AND ((kind)::text = 'project'::text)) in the database, unique btree (project_id) WHERE is_current in the entity`,
          ]);
        },
      );
    });

    it('a table the migrations create that no entity describes', async () => {
      await dataSource.query('CREATE TABLE schema_sync_probe (id integer PRIMARY KEY)');
      try {
        expect(await tablesWithoutEntity(dataSource)).toEqual(['schema_sync_probe']);
      } finally {
        await dataSource.query('DROP TABLE schema_sync_probe');
      }
    });
  });

  function withCheckExpression(entity: EntityTarget<ObjectLiteral>, name: string, expression: string, check: () => Promise<void>): Promise<void> {
    return withMetadataChange(
      entity,
      (m) => (m.checks = m.checks.map((c) => (c.name === name ? copyWith(c, { expression }) : c))),
      check,
    );
  }

  function withIndexCondition(entity: EntityTarget<ObjectLiteral>, name: string, where: string, check: () => Promise<void>): Promise<void> {
    return withMetadataChange(entity, (m) => (m.indices = m.indices.map((i) => (i.name === name ? copyWith(i, { where }) : i))), check);
  }

  /** Runs `check` with the entity's metadata changed by `change`, then restores it. */
  async function withMetadataChange(
    entity: EntityTarget<ObjectLiteral>,
    change: (metadata: EntityMetadata) => void,
    check: () => Promise<void>,
  ): Promise<void> {
    const metadata = dataSource.getMetadata(entity);
    const saved = { checks: metadata.checks, indices: metadata.indices, foreignKeys: metadata.foreignKeys };
    change(metadata);
    try {
      await check();
    } finally {
      Object.assign(metadata, saved);
    }
  }
});

/** A copy of a metadata object (same class) with some properties changed. */
function copyWith<T extends object>(original: T, changes: Partial<T>): T {
  return Object.assign(Object.create(Object.getPrototypeOf(original)) as T, original, changes);
}
