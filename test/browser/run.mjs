#!/usr/bin/env node
// Browser test of the web app: starts the app on a free port with a fresh embedded database, then
// drives Chromium through login → 绩效目标 → 汉阴县医疗保障局 → 医保重点工作经费 and checks the
// indicator tree. Prints "N passed, N failed"; exits 1 when anything failed.
//
// Environment:
//   JIXIAO_START_CMD   command that starts the app (default `npm start`); gets PORT and DATA_DIR
//   JIXIAO_BASE_URL    test an app that is already running instead (nothing is started)
//   CHROMIUM_PATH      Chromium executable (default /usr/bin/chromium)
//   JIXIAO_START_TIMEOUT_MS  how long to wait for /api/docs-json (default 180000)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const screenshotDir = join(here, 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const startTimeoutMs = Number(process.env.JIXIAO_START_TIMEOUT_MS ?? 180_000);

const DEMO_USER = 'hanyin.editor';
const DEMO_PASSWORD = 'jixiao-demo';
const DEPARTMENT = '汉阴县医疗保障局';
const PROJECT = '医保重点工作经费';
const INDICATOR = '服务全县参保群众人数';

let passed = 0;
let failed = 0;

function check(name, condition, detail = '') {
  if (condition) {
    passed += 1;
    console.log(`  ✓ ${name}`);
  } else {
    failed += 1;
    console.log(`  ✗ ${name}${detail ? ` — ${detail}` : ''}`);
  }
}

/** Runs one step; an exception fails the step instead of the whole run. */
async function step(name, body) {
  console.log(`• ${name}`);
  try {
    await body();
  } catch (error) {
    check(name, false, error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

function freePort() {
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

async function waitForApi(baseUrl, app) {
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

function startApp(port, dataDir) {
  const command = process.env.JIXIAO_START_CMD ?? 'npm start';
  console.log(`starting: ${command} (PORT=${port}, DATA_DIR=${dataDir}, embedded database)`);
  // Always a fresh embedded database with its demo data: never a developer's DATABASE_URL or queues.
  const { DATABASE_URL: _db, REDIS_URL: _redis, JWT_SECRET: _secret, ...env } = process.env;
  const app = spawn(command, {
    cwd: repoRoot,
    shell: true,
    detached: true, // own process group, so the whole tree can be stopped at the end
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, PORT: String(port), DATA_DIR: dataDir, NG_CLI_ANALYTICS: 'false' },
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

function stopApp(app) {
  if (app === undefined || app.exitCode !== null) return;
  try {
    process.kill(-app.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function main() {
  mkdirSync(screenshotDir, { recursive: true });
  let app;
  let dataDir;
  let baseUrl = process.env.JIXIAO_BASE_URL?.replace(/\/$/, '');
  if (baseUrl === undefined) {
    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'jixiao-browser-'));
    app = startApp(port, dataDir);
    baseUrl = `http://127.0.0.1:${port}`;
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  let context;
  try {
    try {
      await waitForApi(baseUrl, app);
    } catch (error) {
      if (app !== undefined) console.error(app.log.join('').slice(-4000));
      throw error;
    }
    console.log(`app answers at ${baseUrl}`);

    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    const consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    const shot = (name) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

    await step('unauthenticated visit goes to the login page', async () => {
      await page.goto(`${baseUrl}/sheets`);
      await page.waitForURL(/\/login/);
      check('redirected to /login', page.url().includes('/login'));
      check('demo hint shown', await page.getByText('演示密码').isVisible());
      await shot('01-login');
    });

    await step('a wrong password shows the API message', async () => {
      await page.getByLabel('用户名').fill(DEMO_USER);
      await page.getByLabel('密码').fill('wrong-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      const alert = page.locator('nz-alert[nztype="error"], .ant-alert-error').first();
      await alert.waitFor();
      const text = (await alert.innerText()).trim();
      check('error message shown in Chinese', /[\u4e00-\u9fff]/.test(text), text);
      await shot('02-login-error');
    });

    await step(`log in as ${DEMO_USER}`, async () => {
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(/\/sheets/);
      check('lands on /sheets', page.url().includes('/sheets'));
      check('header shows the product name', await page.getByText('绩效目标管理').first().isVisible());
      check('header shows 退出', await page.getByRole('button', { name: /退出/ }).isVisible());
      check('header shows the role in Chinese', (await page.locator('.header .role').innerText()).trim() === '单位填报人');
      check('session token kept in sessionStorage', (await page.evaluate(() => sessionStorage.getItem('jixiao.session'))) !== null);
    });

    await step('select the budget year 2024', async () => {
      const select = page.locator('nz-select.year-select');
      await select.waitFor();
      await select.click();
      await page.locator('nz-option-item', { hasText: '2024年' }).click();
      // Choosing the year already shown (the newest is preselected) changes nothing, so wait on the text.
      await page.locator('nz-select.year-select', { hasText: '2024年' }).waitFor();
      check('year 2024 selected', (await select.innerText()).includes('2024'));
    });

    await step(`department ${DEPARTMENT}`, async () => {
      const link = page.locator('a.department', { hasText: DEPARTMENT });
      await link.waitFor();
      check('department listed', await link.isVisible());
      await link.click();
      await page.locator('h1.dept-name', { hasText: DEPARTMENT }).waitFor();
      check('department heading shown', await page.locator('h1.dept-name', { hasText: DEPARTMENT }).isVisible());
      await page.locator('tr.project-row').first().waitFor();
      const rows = await page.locator('tr.project-row').count();
      check('projects table has rows', rows > 0, `${rows} rows`);
      const projectRow = page.locator('tr.project-row', { hasText: PROJECT });
      check(`project ${PROJECT} listed`, (await projectRow.count()) === 1);
      const amount = (await projectRow.locator('td').nth(3).innerText()).trim();
      check('budget shown in 万元 without float noise', /^\d+(\.\d{1,4})?$/.test(amount), amount);
      check('unit user told the department-wide sheet is not theirs to see', await page.getByText('单位用户无查看权限').isVisible());
      await shot('03-sheets');
    });

    await step(`open the project ${PROJECT}`, async () => {
      await page.locator('tr.project-row', { hasText: PROJECT }).locator('a.project-name').click();
      await page.waitForURL(/sheet=/);
      const drawer = page.locator('.ant-drawer-content');
      const indicatorRow = drawer.locator('jx-indicator-table tbody tr', { hasText: INDICATOR });
      await indicatorRow.waitFor();
      check(`三级指标 ${INDICATOR} shown`, await indicatorRow.isVisible());
      const parsed = (await indicatorRow.locator('.spec-text').innerText()).trim();
      check('parsed spec shown for it', /[≥>≤<=]\s*27\s*万人/.test(parsed), parsed);
      const levels = await drawer.locator('jx-indicator-table td.level').allInnerTexts();
      check('一级指标 grouped (产出指标 merged once)', levels.filter((t) => t.trim() === '产出指标').length === 1, levels.join('|'));
      check('绩效目标 section shown', await drawer.getByRole('heading', { name: '年度绩效目标' }).isVisible());
      check('资金支出计划 section shown', await drawer.getByRole('heading', { name: '资金支出计划' }).isVisible());
      check('资金用途 shown', await drawer.getByText('①用于开展全县医疗保障事务管理').isVisible());
      const findings = await drawer.locator('li.finding').allInnerTexts();
      check('目标审核助手 lists the review findings', findings.length === 2 && findings.some((f) => f.includes('2023')), findings.join(' | '));
      await shot('04-sheet-detail');
    });

    await step('close the panel and reload keeps the selection', async () => {
      await page.locator('.ant-drawer-close').click();
      await page.waitForURL((url) => !url.search.includes('sheet='));
      await page.reload();
      await page.locator('h1.dept-name', { hasText: DEPARTMENT }).waitFor();
      check('department still selected after reload', await page.locator('h1.dept-name', { hasText: DEPARTMENT }).isVisible());
    });

    await step('退出 returns to the login page', async () => {
      await page.getByRole('button', { name: /退出/ }).click();
      await page.waitForURL(/\/login/);
      check('back on /login', page.url().includes('/login'));
      check('session cleared', (await page.evaluate(() => sessionStorage.getItem('jixiao.session'))) === null);
    });

    await step('a department reviewer opens the department-wide sheet with its tasks and budget', async () => {
      await page.getByLabel('用户名').fill('hanyin.reviewer');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(/\/sheets/);
      await page.locator('a.department', { hasText: DEPARTMENT }).click();
      await page.getByRole('button', { name: '查看部门整体绩效目标' }).click();
      const drawer = page.locator('.ant-drawer-content');
      await drawer.getByRole('heading', { name: '年度主要任务' }).waitFor();
      check('年度主要任务 listed', await drawer.getByText('专项业务费').isVisible());
      check('department budget in 万元', (await drawer.locator('.ant-descriptions-item-content', { hasText: '1996.62' }).count()) >= 1);
      await shot('05-department-sheet');
      await page.locator('.ant-drawer-close').click();
      await page.getByRole('button', { name: /退出/ }).click();
      await page.waitForURL(/\/login/);
    });

    await step('an expired token (401) leads back to the login page', async () => {
      await page.evaluate(() => {
        const user = { id: 'x', username: 'hanyin.editor', displayName: '测试', role: 'unit_editor', organization: null };
        sessionStorage.setItem('jixiao.session', JSON.stringify({ accessToken: 'expired-token', user }));
      });
      await page.goto(`${baseUrl}/sheets`);
      await page.waitForURL(/\/login.*expired=1/);
      check('redirected to /login after 401', page.url().includes('/login'));
      check('says the login expired', await page.getByText('登录已过期，请重新登录。').isVisible());
      check('stale session cleared', (await page.evaluate(() => sessionStorage.getItem('jixiao.session'))) === null);
    });

    // A 401 on the failed login attempt is expected; anything else is a real console error.
    const unexpected = consoleErrors.filter((text) => !/401|Unauthorized/i.test(text));
    check('no console errors', unexpected.length === 0, unexpected.join(' | '));
  } catch (error) {
    check('run', false, error instanceof Error ? error.message : String(error));
  } finally {
    await context?.close().catch(() => undefined);
    stopApp(app);
    rmSync(userDataDir, { recursive: true, force: true });
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
