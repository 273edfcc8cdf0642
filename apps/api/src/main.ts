import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigurationError, loadEnv } from './core/config/env';
import { withJwtSecret } from './core/config/jwt-secret';
import { exitWithinDeadline } from './core/shutdown';

async function main(): Promise<void> {
  const env = withJwtSecret(loadEnv(process.env));
  exitWithinDeadline('Jixiao');
  const app = await createApp(env);
  await app.listen(env.PORT);
  new Logger('Jixiao').log(`listening on http://localhost:${env.PORT} (API /api, OpenAPI /api/docs)`);
}

main().catch((error: unknown) => {
  // Fail fast: a bad configuration or an unreachable database stops the process with a clear line.
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
