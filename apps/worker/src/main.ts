import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigurationError, loadEnv } from '../../api/src/core/config/env';
import { withJwtSecret } from '../../api/src/core/config/jwt-secret';
import { resolveDatabase } from '../../api/src/core/database/database';
import { runMigrations } from '../../api/src/core/database/migrate';
import { createLogger } from '../../api/src/core/observability/json-logger';
import { exitWithinDeadline } from '../../api/src/core/shutdown';
import { WorkerModule } from './worker.module';

/** A worker process: the API's job processors on BullMQ, scaled out separately (DESIGN §6). */
async function main(): Promise<void> {
  const env = withJwtSecret(loadEnv(process.env));
  if (!env.REDIS_URL) throw new ConfigurationError('配置错误 / invalid configuration:\n  - REDIS_URL is required for the worker');
  if (!env.DATABASE_URL) {
    throw new ConfigurationError('配置错误 / invalid configuration:\n  - DATABASE_URL is required for the worker (the embedded database serves one process)');
  }
  env.RUN_JOB_PROCESSORS = true;
  exitWithinDeadline('JixiaoWorker');
  const database = await resolveDatabase(env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env, database), { logger: createLogger(env) });
  app.enableShutdownHooks();
  await runMigrations(app.get(DataSource), database.url, database.embedded);
  new Logger('JixiaoWorker').log('processing jobs');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
