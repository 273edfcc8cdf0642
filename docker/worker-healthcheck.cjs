// Healthcheck of a worker container (compose.yaml): with the worker's own DATABASE_URL and REDIS_URL,
// Redis answers PING and PostgreSQL answers SELECT 1 within 5 s; exit 0 if both do, else 1. The worker
// itself is the container's process: if it ends, the container stops.
const { Client } = require('pg');
const Redis = require('ioredis');

const deadline = setTimeout(() => {
  console.error('healthcheck: no answer within 5 s');
  process.exit(1);
}, 5000);

async function main() {
  const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 3000 });
  redis.on('error', () => undefined); // the failure is reported by connect() below
  await redis.connect();
  const pong = await redis.ping();
  redis.disconnect();
  const pg = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 3000 });
  await pg.connect();
  const { rows } = await pg.query('SELECT 1 AS ok');
  await pg.end();
  if (pong !== 'PONG' || rows[0].ok !== 1) throw new Error(`unexpected answers: ${pong}, ${JSON.stringify(rows)}`);
}

main().then(
  () => {
    clearTimeout(deadline);
    process.exit(0);
  },
  (error) => {
    console.error(`healthcheck: ${error.message}`);
    process.exit(1);
  },
);
