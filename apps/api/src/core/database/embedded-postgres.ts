import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Logger } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite on `<dataDir>/pgdata` and serves it on a loopback port, so TypeORM talks to it
 * through the same `pg` driver as to a real server (DESIGN §6). PGlite is one session: keep the pool at 1.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const logger = new Logger('EmbeddedPostgres');
  const folder = resolve(dataDir, 'pgdata');
  mkdirSync(folder, { recursive: true });
  const started = Date.now();
  const db = await PGlite.create(folder);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`embedded PostgreSQL did not report its port (${server.getServerConn()})`);
  logger.log(`embedded PostgreSQL (PGlite) on 127.0.0.1:${port}, data in ${folder}, ready in ${Date.now() - started} ms`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
