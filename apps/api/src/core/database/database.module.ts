import { Global, Module } from '@nestjs/common';
import { DatabaseProbe } from './database-probe';
import { Transactions } from './transactions';

/** Transactions for every context, and the readiness probe (the TypeORM connection itself is TypeOrmModule.forRoot's). */
@Global()
@Module({ providers: [Transactions, DatabaseProbe], exports: [Transactions, DatabaseProbe] })
export class DatabaseModule {}
