#!/usr/bin/env node
// Browser test of the demo a new user meets (issue 9 item 9): starts the app as `npm start` does by default
// (DEMO_DATA=story: the five published 2024 datasets in a year in progress) on a fresh embedded database, then
// in Chromium: finance opens the app and sees at once 待我处理 with its count, the 执行与自评 overview with its
// charts, and 执行监控 for 1–9月 with lights of every colour; a red sheet opens on its execution page; the unit
// editor finds next year's rolled-over draft; the region's 管理员 lists its people by name. Screenshots go to
// test/browser/screenshots/demo-*.png; axe-core scans each page. Prints "N passed, N failed"; exits 1 when
// anything failed.
//
// Environment: JIXIAO_START_CMD, JIXIAO_BASE_URL (an app already running with DEMO_DATA=story), CHROMIUM_PATH.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUnderTest, collectConsoleErrors, axeScan, check, DEMO_PASSWORD, finish, launchChromium, screenshotDir, setFailureShot, step } from './harness.mjs';

async function main() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  let target;
  let context;
  try {
    const started = Date.now();
    target = await appUnderTest({ DEMO_DATA: 'story' });
    console.log(`app with the demo story answered after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const { baseUrl } = target;
    context = await launchChromium(userDataDir);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    const consoleErrors = collectConsoleErrors(page);
    const shot = (name) => page.screenshot({ path: join(screenshotDir, `demo-${name}.png`), fullPage: true });
    setFailureShot((stepName) => shot(`failed-${stepName.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}`));
    const logIn = async (username) => {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(/\/sheets/);
    };
    const logOut = async () => {
      await page.evaluate(() => localStorage.clear());
    };

    await step('finance opens the app: sheets approved and in review, 待我处理 with its count', async () => {
      await logIn('shenqiu.finance');
      await page.locator('nz-tag', { hasText: '已批准' }).first().waitFor();
      const tags = await page.locator('nz-tag').allInnerTexts();
      check('most sheets approved', tags.filter((t) => t.includes('已批准')).length >= 5, tags.join('|'));
      check('some waiting for review', tags.some((t) => t.includes('部门已审核') || t.includes('已提交')), tags.join('|'));
      const badge = page.locator('a.inbox-link .nav-badge');
      await badge.waitFor();
      check('待我处理 shows a count', Number((await badge.innerText()).trim()) > 0, await badge.innerText());
      await shot('01-sheets');
      await axeScan(page, '绩效目标·演示年度·财政审核人');
    });

    await step('待我处理 lists what waits for finance, the 沈丘 department-wide sheet with its written reason', async () => {
      await page.locator('a.inbox-link').click();
      await page.waitForURL(/\/inbox/);
      await page.locator('tr.inbox-row').first().waitFor();
      const rows = await page.locator('tr.inbox-row').allInnerTexts();
      check('every row waits for 财政批准', rows.every((r) => r.includes('部门已审核')), rows.join('\n'));
      check('the department-wide sheet is among them', rows.some((r) => r.includes('部门整体')), rows.join('\n'));
      await shot('02-inbox');
      await axeScan(page, '待我处理·演示年度·财政审核人');
    });

    await step('执行与自评 shows execution at once, and 执行监控 1–9月 lights of every colour', async () => {
      await page.getByRole('link', { name: '执行与自评' }).click();
      await page.waitForURL(/\/overview/);
      await page.locator('tr.department-row').first().waitFor();
      const department = await page.locator('tr.department-row').first().innerText();
      check('the department row shows an execution rate', /\d+\.\d{2}%/.test(department), department);
      await page.locator('jx-overview-chart canvas').first().waitFor();
      check('charts drawn', (await page.locator('jx-overview-chart canvas').count()) >= 2, String(await page.locator('jx-overview-chart canvas').count()));
      await page.locator('.period-select').getByText('1–9月').click().catch(async () => page.locator('.period-select label').last().click());
      await page.locator('#monitoring-title').scrollIntoViewIfNeeded();
      const monitoring = await page.locator('section', { has: page.locator('#monitoring-title') }).innerText();
      check('执行监控 shows a spending light as text', monitoring.includes('绿灯·正常') || monitoring.includes('黄灯') || monitoring.includes('红灯'), monitoring.slice(0, 400));
      // 指标（红/黄/绿/蓝/灰/未亮灯）: the department's indicators counted by light at 1–9月.
      const counts = (/(\d+) \/ (\d+) \/ (\d+) \/ (\d+) \/ (\d+) \/ (\d+)/.exec(monitoring) ?? []).slice(1).map(Number);
      check('indicators light red, yellow and green at 1–9月', counts.length === 6 && counts[0] > 0 && counts[1] > 0 && counts[2] > 0, counts.join('/'));
      check('a red sheet is named', (await page.locator('a.red-sheet').count()) > 0);
      await shot('03-overview');
      await axeScan(page, '执行与自评总览·演示年度·财政审核人');
      await page.locator('a.red-sheet').first().click();
      await page.waitForURL(/\/execution/);
      await page.locator('jx-light').first().waitFor();
      const execution = await page.locator('main').innerText();
      check('the red sheet’s spending and actuals are recorded', execution.includes('累计支出') || execution.includes('支出'), execution.slice(0, 300));
      await shot('04-execution');
      await axeScan(page, '执行监控·演示年度·财政审核人');
      await logOut();
    });

    await step('the unit editor finds 2025 opened and its project rolled over beside last year’s values', async () => {
      await logIn('hanyin.editor');
      await page.goto(`${baseUrl}/sheets?year=2025`);
      await page.locator('nz-tag', { hasText: '草稿' }).first().waitFor();
      const body = await page.locator('main').innerText();
      check('a 2025 draft is listed', body.includes('草稿'), body.slice(0, 300));
      await shot('05-next-year');
      await axeScan(page, '绩效目标·2025·单位填报人');
      await logOut();
    });

    await step('the region’s 管理员 lists its people by name', async () => {
      await logIn('shenmu.admin');
      await page.goto(`${baseUrl}/admin/users`);
      await page.locator('tr', { hasText: 'shenmu.editor2' }).waitFor();
      const rows = await page.locator('tbody tr').allInnerTexts();
      check('the editors of each unit are listed by name', rows.some((r) => r.includes('白雪松')) && rows.some((r) => r.includes('贺晓燕')), rows.join('\n'));
      check('no account of another region', rows.every((r) => !r.includes('hanyin.')), rows.join('\n'));
      await shot('06-admin-users');
      await axeScan(page, '用户管理·演示年度·管理员');
    });

    check('no console errors', consoleErrors.length === 0, consoleErrors.join('\n'));
  } catch (error) {
    check('run', false, error instanceof Error ? error.message : String(error));
  } finally {
    await context?.close().catch(() => undefined);
    target?.stop();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  finish();
}

await main();
