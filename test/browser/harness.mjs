// Shared by the browser tests: checks and steps with a pass/fail count, the app started on a free
// port with a fresh embedded database, and Chromium launched headless.
//
// Environment:
//   JIXIAO_START_CMD   command that starts the app (default `npm start`); gets PORT and DATA_DIR
//   JIXIAO_BASE_URL    test an app that is already running instead (nothing is started)
//   CHROMIUM_PATH      Chromium executable (default /usr/bin/chromium)
//   JIXIAO_START_TIMEOUT_MS  how long to wait for /api/docs-json (default 180000)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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
    // The tests walk the published drafts through the workflow themselves (DEMO_DATA=fixtures) unless they ask for the story.
    env: { ...env, DEMO_DATA: 'fixtures', ...extraEnv, PORT: String(port), DATA_DIR: dataDir, NG_CLI_ANALYTICS: 'false' },
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

// ── Accessibility (GB/T 37668-2019, WCAG 2.1 AA): axe-core, injected from node_modules (no network) ──

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The WCAG 2.0/2.1 A and AA rules, the best practices that make a page navigable (landmarks, one main), and label-content-name-mismatch (WCAG 2.5.3, marked experimental by axe). */
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  rules: { 'label-content-name-mismatch': { enabled: true } },
  resultTypes: ['violations'],
};
/** What every scan found, for the closing summary. */
const axeScans = [];

/**
 * Scans what the page shows now (the page and any open dialog, drawer, popover or dropdown) with
 * axe-core and checks it has 0 violations; a failing scan lists each rule with its elements. Call it
 * after each page load or dialog a browser test visits, naming what is shown and as whom.
 */
export async function axeScan(page, name) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  // Wait for running animations (a dialog's zoom-in, a drawer sliding) so colours are measured as shown.
  await page.evaluate(() =>
    Promise.allSettled(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished)),
  );
  const violations = await page.evaluate(async (options) => {
    const result = await window.axe.run(document, options);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240) })),
    }));
  }, AXE_OPTIONS);
  const elements = violations.reduce((sum, v) => sum + v.nodes.length, 0);
  axeScans.push({ name, rules: violations.map((v) => v.id), elements });
  const detail = violations
    .map((v) => `\n      [${v.id}] ${v.help} (${v.impact}, ${v.nodes.length})` + v.nodes.slice(0, 8).map((n) => `\n        ${n.target} — ${n.summary}`).join(''))
    .join('');
  check(`axe: ${name} — 0 violations`, violations.length === 0, `${violations.length} rule(s), ${elements} element(s)${detail}`);
  return violations;
}

/** One line per run: how many scans, how many pages with violations. */
export function axeSummary() {
  if (axeScans.length === 0) return;
  const failing = axeScans.filter((s) => s.rules.length > 0);
  const rules = [...new Set(failing.flatMap((s) => s.rules))];
  console.log(`\naxe-core ${JSON.parse(readFileSync(createRequire(import.meta.url).resolve('axe-core/package.json'), 'utf8')).version}: ${axeScans.length} scans, ${failing.length} with violations${rules.length ? ` (${rules.join(', ')}; ${failing.reduce((n, s) => n + s.elements, 0)} elements)` : ''}`);
}

/**
 * Presses keys one at a time, as a keyboard-only user would, until `done()` holds (up to `max` presses);
 * returns the number of presses. Fails when the element with focus shows no visible focus indicator.
 */
export async function pressUntil(page, key, done, max = 60) {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (await done()) return presses;
  }
  throw new Error(`${key} pressed ${max} times without reaching the target`);
}

/** What the focused element shows as its focus indicator: an outline or a box-shadow ring, or null. */
export async function focusRing(page) {
  return page.evaluate(async () => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (el === null || el === document.body) return null;
    // ng-zorro eases its controls' styles (`transition: all .3s`): read the ring once it is drawn.
    const easing = (node) => (node?.getAnimations?.() ?? []).filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))); // a focused select marks itself on the next change detection
    const chain = [];
    for (let node = el; node && chain.length < 4; node = node.parentElement) chain.push(node);
    await Promise.allSettled(chain.flatMap(easing));
    // A wrapper (nz-select, an input group, a radio button's label) may draw the ring for the input inside it.
    let node = el;
    for (let level = 0; level < 4 && node !== null && node !== document.body; level++, node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) return `outline ${style.outlineWidth} ${style.outlineColor}`;
      if (style.boxShadow !== 'none' && style.boxShadow !== '') return `box-shadow ${style.boxShadow}`;
    }
    return null;
  });
}

/** Prints the count and exits 1 when anything failed. */
export function finish() {
  axeSummary();
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

/** Collects the page's console errors and uncaught exceptions (each with the script it came from, when known): a test ends by checking the list is empty. */
export function collectConsoleErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    errors.push(where ? `${message.text()} (${where})` : message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Calls the API as a demo user (what the UI test starts from). */
export async function api(baseUrl, token, method, path, body) {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text === '' ? null : JSON.parse(text);
}

/** 提交 needs a written reason for every 需修改 (error) finding, numbered per code and indicator (DESIGN §5). */
export function acknowledgeErrors(findings) {
  const seen = new Map();
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => {
      const key = `${f.code}@${f.indicatorIndex}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      return { code: f.code, indicatorIndex: f.indicatorIndex, occurrence, reason: '已逐项核实，按原表提交' };
    });
}
