import { DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from '../../api/src/core/clock/clock.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../api/src/audit/audit.module';
import { ConfigModule } from '../../api/src/core/config/config.module';
import type { Env } from '../../api/src/core/config/env';
import type { DatabaseTarget } from '../../api/src/core/database/database';
import { DatabaseModule } from '../../api/src/core/database/database.module';
import { databaseOptions } from '../../api/src/core/database/database.options';
import { QueueModule } from '../../api/src/core/queue/queue.module';
import { DatasetsModule } from '../../api/src/datasets/datasets.module';
import { EvaluationModule } from '../../api/src/evaluation/evaluation.module';
import { ExportsModule } from '../../api/src/exports/exports.module';

/** The job processors of the API, without HTTP: each context module registers its job handlers. */
@Module({})
export class WorkerModule {
  static forRoot(env: Env, database: DatabaseTarget): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(env),
        AuditModule,
        QueueModule.forRoot(env),
        TypeOrmModule.forRoot(databaseOptions(database.url, database.embedded)),
        DatabaseModule.forRoot(database),
        ClockModule,
        DatasetsModule,
        EvaluationModule,
        ExportsModule,
      ],
    };
  }
}
