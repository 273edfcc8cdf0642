import { Global, Module } from '@nestjs/common';
import { Transactions } from './transactions';

/** Transactions for every context (the TypeORM connection itself is TypeOrmModule.forRoot's). */
@Global()
@Module({ providers: [Transactions], exports: [Transactions] })
export class DatabaseModule {}
