#!/usr/bin/env bash
# The whole test suite: types, lint, unit tests (libs + api), the schema check, end-to-end HTTP tests on a
# real PostgreSQL (DATABASE_URL, else TEST_DATABASE_URL, else the local server if it answers, else the
# embedded one), and the browser test in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC NG_CLI_ANALYTICS=false

echo "== typecheck"
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p apps/web/tsconfig.app.json
npx tsc --noEmit -p apps/web/tsconfig.spec.json

echo "== lint (bugs and architectural boundaries: eslint.config.mjs)"
npm run --silent lint

echo "== unit tests (libs/domain, libs/contracts, apps/api)"
npx jest --selectProjects domain api --ci

echo "== web tests (Vitest in jsdom: components through their harnesses, plain functions)"
npx ng test web

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if [ -n "${DATABASE_URL:-}" ]; then export TEST_DATABASE_URL="$DATABASE_URL";
  elif command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/test";
  fi
fi

echo "== schema check (entities describe exactly what the migrations build; database: ${TEST_DATABASE_URL:-embedded PGlite})"
npm run --silent schema:check

echo "== build"
npm run --silent build:api
npm run --silent build:worker
npm run --silent build:web

if [ -z "${TEST_REDIS_URL:-}" ] && command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  export TEST_REDIS_URL="redis://127.0.0.1:6379"
fi
echo "== end-to-end tests (database: ${TEST_DATABASE_URL:-embedded PGlite}; redis: ${TEST_REDIS_URL:-in-process jobs})"
npx jest --selectProjects e2e --runInBand --ci

echo "== browser tests (Chromium)"
node test/browser/run.mjs
node test/browser/self-assessment.mjs
node test/browser/admin.mjs
node test/browser/work-never-lost.mjs
node test/browser/demo-story.mjs
node test/browser/excel-entry.mjs
node test/browser/imports.mjs
