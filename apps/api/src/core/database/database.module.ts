import { DynamicModule, Global, Module } from '@nestjs/common';
import { BulkWriter, DATABASE_EMBEDDED } from './bulk-writer';
import { DatabaseProbe } from './database-probe';
import { Transactions } from './transactions';

/**
 * Transactions for every context, bulk writes and the readiness probe (the TypeORM connection itself
 * is TypeOrmModule.forRoot's), for the embedded PGlite or a PostgreSQL server.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(database: { embedded: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [Transactions, DatabaseProbe, BulkWriter, { provide: DATABASE_EMBEDDED, useValue: database.embedded }],
      exports: [Transactions, DatabaseProbe, BulkWriter],
    };
  }
}
