import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import type { Env } from './core/config/env';
import { resolveDatabase } from './core/database/database';
import { runMigrations } from './core/database/migrate';
import { AllExceptionsFilter } from './core/errors/all-exceptions.filter';
import { createValidationPipe } from './core/errors/validation.pipe';
import { rejectInvalidText } from './core/http/input-text';
import { jsonBodyParserOptions } from './core/http/json-body';
import { securityHeaders } from './core/http/security-headers';
import { reenterRequestContext, requestObservability } from './core/observability/http-observability';
import { createLogger } from './core/observability/json-logger';
import { Metrics } from './core/observability/metrics';
import { DemoDataService } from './demo/demo-data.service';

/**
 * Builds the whole API: database (embedded when no DATABASE_URL), migrations, demo data on an empty
 * database, OpenAPI at /api/docs, and the Angular app for every non-/api route. Used by main.ts and the e2e tests.
 */
export async function createApp(env: Env): Promise<NestExpressApplication> {
  const database = await resolveDatabase(env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, database), {
    logger: createLogger(env),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.use(securityHeaders());
  // the request id (incoming X-Request-Id or a new one) is set before the body is read, so every answer carries it
  app.use(requestObservability(app.get(Metrics)));
  // hostile input stops here, before any controller: a body too large (413) or nested too deep (checked on
  // the raw text, before JSON.parse), malformed JSON, a NUL or a lone surrogate in any text (400)
  app.useBodyParser('json', jsonBodyParserOptions());
  app.use(reenterRequestContext);
  app.use(rejectInvalidText);
  if (env.TRUST_PROXY > 0) app.set('trust proxy', env.TRUST_PROXY); // the client address behind a load balancer (login throttle)
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const dataSource = app.get(DataSource);
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await database.stop();
  };

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jixiao 绩效 API')
      .setDescription('绩效目标编制、审核、监控与自评 / performance targets of public budgets')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { operationIdFactory: (_controller, method) => method },
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  serveWebApp(app, env);
  await runMigrations(dataSource, database.url, database.embedded);
  await app.get(DemoDataService).seedIfEmpty(env.DEMO_DATA);
  return app;
}

function serveWebApp(app: NestExpressApplication, env: Env): void {
  const folder = resolve(env.WEB_DIST_DIR);
  const index = join(folder, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebApp').warn(`no web build at ${folder}: run \`npm run build:web\` to serve the UI`);
    return;
  }
  app.useStaticAssets(folder, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.sendFile(index);
  });
}
