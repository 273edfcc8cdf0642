// npm run schema:check — migrates a fresh database and fails when the entities do not describe exactly
// what the migrations built: TypeORM's schema builder would change something, a table has no entity,
// or a constraint or index differs in name or definition (see definitionMismatches).
// The temporary database lives on the server of DATABASE_URL (else TEST_DATABASE_URL), else in an
// embedded PGlite in a temporary folder; it is dropped afterwards.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigurationError, loadToolEnv } from '../apps/api/src/core/config/env';
import { createScratchDatabase, definitionMismatches, migratedDataSource, pendingSchemaStatements, tablesWithoutEntity } from '../apps/api/src/core/database/schema-drift';

async function main(): Promise<number> {
  Logger.overrideLogger(['error', 'warn']);
  const env = loadToolEnv({ DATABASE_URL: process.env['DATABASE_URL'] || process.env['TEST_DATABASE_URL'] });
  const database = await createScratchDatabase(env.DATABASE_URL);
  let statements: string[];
  let orphans: string[];
  let mismatches: string[];
  try {
    const dataSource = await migratedDataSource(database);
    try {
      statements = await pendingSchemaStatements(dataSource);
      orphans = await tablesWithoutEntity(dataSource);
      mismatches = await definitionMismatches(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.dispose();
  }
  if (statements.length === 0 && orphans.length === 0 && mismatches.length === 0) {
    console.log(`schema in sync: the entities describe exactly what the migrations build (${database.label})`);
    return 0;
  }
  if (statements.length > 0) {
    console.error(`schema drift (${database.label}): after the migrations TypeORM would still run ${statements.length} statement(s):`);
    for (const statement of statements) console.error(`  ${statement};`);
  }
  if (orphans.length > 0) console.error(`tables the migrations create without an entity: ${orphans.join(', ')}`);
  if (mismatches.length > 0) {
    console.error(`names and definitions that differ between the entities and the database (${database.label}):`);
    for (const mismatch of mismatches) console.error(`  ${mismatch}`);
  }
  console.error('Make the entities match the migrations, or add a migration (npm run migration:generate -- <path>, see README).');
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigurationError ? error.message : error);
    process.exit(2);
  },
);
