import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from './env';

/** In embedded mode without JWT_SECRET, a random secret kept in DATA_DIR so tokens survive a restart. */
export function withJwtSecret(env: Env): Env {
  if (env.JWT_SECRET) return env;
  mkdirSync(env.DATA_DIR, { recursive: true });
  const file = join(env.DATA_DIR, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  env.JWT_SECRET = readFileSync(file, 'utf8').trim();
  return env;
}
