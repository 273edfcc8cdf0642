// Shared by the browser tests: checks and steps with a pass/fail count, the app started on a free
// port with a fresh embedded database, and Chromium launched headless.
//
// Environment:
//   JIXIAO_START_CMD   command that starts the app (default `npm start`); gets PORT and DATA_DIR
//   JIXIAO_BASE_URL    test an app that is already running instead (nothing is started)
//   CHROMIUM_PATH      Chromium executable (default /usr/bin/chromium)
//   JIXIAO_START_TIMEOUT_MS  how long to wait for /api/docs-json (default 180000)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');
export const screenshotDir = join(here, 'screenshots');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const startTimeoutMs = Number(process.env.JIXIAO_START_TIMEOUT_MS ?? 180_000);

export const DEMO_PASSWORD = 'jixiao-demo';

let passed = 0;
let failed = 0;
/** Set once the page exists: saves what the page showed when a step failed. */
let failureShot = async () => undefined;

export function check(name, condition, detail = '') {
  if (condition) {
    passed += 1;
    console.log(`  ✓ ${name}`);
  } else {
    failed += 1;
    console.log(`  ✗ ${name}${detail ? ` — ${detail}` : ''}`);
  }
}

/** Runs one step; an exception fails the step instead of the whole run. */
export async function step(name, body) {
  console.log(`• ${name}`);
  try {
    await body();
  } catch (error) {
    check(name, false, error instanceof Error ? error.message.split('\n')[0] : String(error));
    await failureShot(name).catch(() => undefined);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitForApi(baseUrl, app) {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (app?.exitCode !== null && app?.exitCode !== undefined) throw new Error(`the app exited with code ${app.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/docs-json`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${baseUrl}/api/docs-json did not answer within ${startTimeoutMs} ms`);
}

export function startApp(port, dataDir, extraEnv = {}) {
  const command = process.env.JIXIAO_START_CMD ?? 'npm start';
  console.log(`starting: ${command} (PORT=${port}, DATA_DIR=${dataDir}, embedded database)`);
  // Always a fresh embedded database with its demo data: never a developer's DATABASE_URL or queues.
  const { DATABASE_URL: _db, REDIS_URL: _redis, JWT_SECRET: _secret, ...env } = process.env;
  const app = spawn(command, {
    cwd: repoRoot,
    shell: true,
    detached: true, // own process group, so the whole tree can be stopped at the end
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, ...extraEnv, PORT: String(port), DATA_DIR: dataDir, NG_CLI_ANALYTICS: 'false' },
  });
  const log = [];
  const keep = (chunk) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  app.stdout.on('data', keep);
  app.stderr.on('data', keep);
  app.log = log;
  return app;
}

export function stopApp(app) {
  if (app === undefined || app.exitCode !== null) return;
  try {
    process.kill(-app.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/**
 * The app under test: the one at JIXIAO_BASE_URL, or a fresh one started on a free port with its own
 * embedded database (and `env` added to its environment). Resolves once its API answers; `stop()`
 * removes what was started.
 */
export async function appUnderTest(env = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  let app;
  let dataDir;
  let baseUrl = process.env.JIXIAO_BASE_URL?.replace(/\/$/, '');
  if (baseUrl === undefined) {
    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'jixiao-browser-'));
    app = startApp(port, dataDir, env);
    baseUrl = `http://127.0.0.1:${port}`;
  }
  const stop = () => {
    stopApp(app);
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForApi(baseUrl, app);
  } catch (error) {
    if (app !== undefined) console.error(app.log.join('').slice(-4000));
    stop();
    throw error;
  }
  console.log(`app answers at ${baseUrl}`);
  return { baseUrl, stop };
}

/** Saves what the page showed when a step failed (set once the page exists). */
export function setFailureShot(shot) {
  failureShot = shot;
}

/** Chromium, headless, as both browser tests use it. */
export function launchChromium(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    ...options,
  });
}

/** Prints the count and exits 1 when anything failed. */
export function finish() {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
