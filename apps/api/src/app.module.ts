import { DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from './core/clock/clock.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { QueueModule } from './core/queue/queue.module';
import { JobsModule } from './jobs/jobs.module';
import { ConfigModule } from './core/config/config.module';
import type { Env } from './core/config/env';
import { DatabaseModule } from './core/database/database.module';
import { databaseOptions } from './core/database/database.options';
import type { DatabaseTarget } from './core/database/database';
import { DatasetsModule } from './datasets/datasets.module';
import { ImportsModule } from './imports/imports.module';
import { ExportsModule } from './exports/exports.module';
import { DemoModule } from './demo/demo.module';
import { FiscalYearsModule } from './fiscal-years/fiscal-years.module';
import { ScoringSchemesModule } from './scoring-schemes/scoring-schemes.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { TargetSheetsModule } from './target-sheets/target-sheets.module';
import { ExecutionModule } from './execution/execution.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { ReportsModule } from './reports/reports.module';
import { ObservabilityModule } from './core/observability/observability.module';
import { OpsModule } from './ops/ops.module';

@Module({})
export class AppModule {
  static forRoot(env: Env, database: DatabaseTarget): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        ObservabilityModule,
        AuditModule,
        QueueModule.forRoot(env),
        TypeOrmModule.forRoot(databaseOptions(database.url, database.embedded)),
        DatabaseModule.forRoot(database),
        ClockModule,
        OrganizationsModule,
        FiscalYearsModule,
        ScoringSchemesModule,
        TargetSheetsModule,
        ExecutionModule,
        EvaluationModule,
        ReportsModule,
        DatasetsModule,
        ImportsModule,
        ExportsModule,
        DemoModule,
        JobsModule,
        OpsModule,
      ],
    };
  }
}
