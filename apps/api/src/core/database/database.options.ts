import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** TypeORM options for one PostgreSQL URL. Schema only by migrations (never synchronize). */
export function databaseOptions(url: string, embedded: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    uuidExtension: 'pgcrypto', // gen_random_uuid() is built into PostgreSQL ≥ 13
    installExtensions: false,
    poolSize: embedded ? 1 : 10, // PGlite is a single session
    logging: ['error'],
    // No JIT compilation: the app's statements are short and many (a year-end batch is ~15 of them), and
    // PostgreSQL compiled some of them at every batch — up to hundreds of ms each, more than running
    // them (bench/README.md, fourth round). The embedded PGlite has no JIT.
    ...(embedded ? {} : { extra: { options: '-c jit=off' } }),
  };
}
