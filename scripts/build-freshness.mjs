// Whether a build output is older than its sources (used by `npm start`, scripts/start.mjs).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time (ms) of a file or of any file under a folder; 0 when it does not exist. */
export function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** Build when the output is missing, when JIXIAO_REBUILD=1, or when a source changed after the output was written (a `git pull`). */
export function stale(output, sources, env = process.env) {
  if (!existsSync(output) || env.JIXIAO_REBUILD === '1') return true;
  const built = statSync(output).mtimeMs;
  return sources.some((source) => newest(source) > built);
}

