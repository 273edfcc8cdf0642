#!/usr/bin/env node
// `npm start`: builds what is missing or older than its sources (API and web), then runs the API,
// which serves the web app. Configured from the environment: PORT, DATABASE_URL, REDIS_URL, DATA_DIR (see README).
import { spawnSync } from 'node:child_process';
import { stale } from './build-freshness.mjs';

const API_ENTRY = 'dist/apps/api/apps/api/src/main.js';
const WEB_INDEX = 'dist/apps/web/browser/index.html';
const SHARED_SOURCES = ['libs', 'package-lock.json', 'tsconfig.base.json'];
const API_SOURCES = ['apps/api/src', 'apps/api/tsconfig.app.json', 'nest-cli.json', 'demo', ...SHARED_SOURCES];
const WEB_SOURCES = ['apps/web/src', 'apps/web/tsconfig.app.json', 'angular.json', ...SHARED_SOURCES];

function run(script) {
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (stale(API_ENTRY, API_SOURCES)) run('build:api');
if (stale(WEB_INDEX, WEB_SOURCES)) run('build:web');
await import(new URL(`../${API_ENTRY}`, import.meta.url).href);
