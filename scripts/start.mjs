#!/usr/bin/env node
// `npm start`: builds what is missing (API and web), then runs the API, which serves the web app.
// Configured from the environment: PORT, DATABASE_URL, REDIS_URL, DATA_DIR (see README).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const API_ENTRY = 'dist/apps/api/apps/api/src/main.js';
const WEB_INDEX = 'dist/apps/web/browser/index.html';

function run(script) {
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(API_ENTRY) || process.env.JIXIAO_REBUILD === '1') run('build:api');
if (!existsSync(WEB_INDEX) || process.env.JIXIAO_REBUILD === '1') run('build:web');
await import(new URL(`../${API_ENTRY}`, import.meta.url).href);
