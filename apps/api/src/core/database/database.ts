import type { Env } from '../config/env';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL selects the server; with none, the embedded PostgreSQL in DATA_DIR. */
export async function resolveDatabase(env: Env): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  const embedded = await startEmbeddedPostgres(env.DATA_DIR);
  return { url: embedded.url, embedded: true, stop: () => embedded.stop() };
}
