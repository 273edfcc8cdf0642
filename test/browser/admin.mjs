#!/usr/bin/env node
// Browser test of 系统管理: starts the app on a free port with a fresh embedded database holding the demo
// year (DEMO_DATA=story: 2025 is open and 汉阴's first approved project rolled over), then drives Chromium
// as 系统管理员 through 组织机构 (a new department and a unit under it) and 用户 (a new editor joining
// 汉阴县医疗保障局本级, whose one-time password is shown once); that user logs in, must set a password of
// its own (the rules said while typing), lands on 绩效目标 and fills the unit's rolled-over 2025 sheet
// beside last year's target and actual. Screenshots in test/browser/screenshots/admin-*.
// Prints "N passed, N failed"; exits 1 when anything failed. Environment: see harness.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUnderTest, collectConsoleErrors, axeScan, check, DEMO_PASSWORD, finish, launchChromium, screenshotDir, setFailureShot, step } from './harness.mjs';

const BUREAU = '汉阴县财政局';
const DEPARTMENT = '汉阴县卫生健康局';
const UNIT = '汉阴县卫生健康局本级';
/** The unit the new editor joins: it has a 2025 draft rolled over from 2024 in the demo year. */
const USER_DEPARTMENT = '汉阴县医疗保障局';
const USER_UNIT = '汉阴县医疗保障局本级';
const USERNAME = 'hanyin.zhangming';
const PERSON = '张明';
const NEW_PASSWORD = 'Huaihe-2025-Spring';

async function main() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  let target;
  let context;
  try {
    target = await appUnderTest({ DEMO_DATA: 'story' });
    const { baseUrl } = target;
    context = await launchChromium(userDataDir);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    const consoleErrors = collectConsoleErrors(page);

    const shot = (name) => page.screenshot({ path: join(screenshotDir, `admin-${name}.png`), fullPage: true });
    setFailureShot((stepName) => shot(`failed-${stepName.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}`));
    /** Waits for a dialog's zoom-in to end, so that a screenshot shows it whole. */
    const settled = (locator) => locator.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined))));
    const pickOption = (label) => page.locator('nz-option-item', { hasText: new RegExp(`^\\s*${label.replace(/[/()]/g, '\\$&')}\\s*$`) }).click();
    const logIn = async (username, password) => {
      if (!page.url().includes('/login')) await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
    };
    const orgRow = (name) => page.locator('tr.org-row', { has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) });
    const dialog = (cls) => page.locator(`.${cls} .ant-modal-content`);

    await step('系统管理员 opens 系统管理 → 组织机构', async () => {
      await logIn('admin', DEMO_PASSWORD);
      await page.waitForURL(/\/sheets/);
      const nav = page.locator('nav.nav a', { hasText: '系统管理' });
      check('系统管理 in the navigation', await nav.isVisible());
      await nav.click();
      await page.waitForURL(/\/admin\/organizations/);
      await orgRow(BUREAU).waitFor();
      const rows = await page.locator('tr.org-row').count();
      check('the whole tree is listed (5 bureaus, 5 departments, 8 units)', rows === 5 + 5 + 8, String(rows));
      check('新建财政局 offered to 系统管理员', await page.getByRole('button', { name: /新建财政局/ }).isVisible());
    });

    await step(`creates the department ${DEPARTMENT} under ${BUREAU}`, async () => {
      await orgRow(BUREAU).getByRole('button', { name: /^新建部门/ }).click();
      const modal = dialog('organization-dialog');
      await modal.waitFor();
      check('the dialog names the parent', (await modal.locator('p.parent').innerText()).includes(BUREAU));
      await modal.getByLabel(/部门名称/).fill(DEPARTMENT);
      await modal.getByLabel(/代码/).fill('963');
      await settled(modal);
      await axeScan(page, '新建部门·系统管理员');
      await shot('01-new-department');
      await modal.locator('.ant-modal-footer button.ant-btn-primary').click();
      await page.locator('p.notice', { hasText: `已新建部门「${DEPARTMENT}」` }).waitFor();
      await orgRow(DEPARTMENT).waitFor();
      check('the department is listed under the bureau', (await orgRow(DEPARTMENT).locator('td.code').innerText()).trim() === '963');
    });

    await step('a duplicate code is refused with the clash named', async () => {
      await orgRow(DEPARTMENT).getByRole('button', { name: /^新建单位/ }).click();
      const modal = dialog('organization-dialog');
      await modal.waitFor();
      await modal.getByLabel(/单位名称/).fill(UNIT);
      await modal.getByLabel(/代码/).fill('963');
      await modal.locator('.ant-modal-footer button.ant-btn-primary').click();
      // a unit's code may equal its department's: codes are unique among siblings only, so this one is saved
      await page.locator('p.notice', { hasText: `已新建单位「${UNIT}」` }).waitFor();
      await orgRow(DEPARTMENT).getByRole('button', { name: /^新建单位/ }).click();
      await modal.waitFor();
      await modal.getByLabel(/单位名称/).fill('汉阴县卫生健康局另一单位');
      await modal.getByLabel(/代码/).fill('963');
      await modal.locator('.ant-modal-footer button.ant-btn-primary').click();
      const error = modal.locator('.dialog-error');
      await error.waitFor();
      const text = (await error.innerText()).trim();
      check('409 names the unit that has the code', text.includes(`「${DEPARTMENT}」下已有代码为「963」的单位「${UNIT}」`), text);
      await modal.locator('.ant-modal-footer button', { hasText: '取消' }).click();
      await modal.waitFor({ state: 'hidden' });
      await orgRow(UNIT).waitFor();
      await axeScan(page, '组织机构·系统管理员');
      await shot('02-organizations');
    });

    let oneTimePassword = '';
    await step(`creates the user ${USERNAME} (${PERSON}) as 单位填报人 of ${USER_UNIT}`, async () => {
      await page.locator('jx-admin-nav a', { hasText: '用户' }).click();
      await page.waitForURL(/\/admin\/users/);
      await page.locator('tr.user-row').first().waitFor();
      check('the demo users are listed', (await page.locator('tr.user-row').count()) === 29, String(await page.locator('tr.user-row').count()));
      await page.getByRole('button', { name: /新建用户/ }).click();
      const modal = dialog('user-dialog');
      await modal.waitFor();
      await modal.getByLabel(/用户名/).fill(USERNAME);
      await modal.getByLabel(/姓名/).fill(PERSON);
      await modal.locator('nz-select.user-organization').click();
      const offered = (await page.locator('nz-option-item').allInnerTexts()).map((t) => t.trim());
      check('单位填报人 is offered units only', offered.length > 0 && offered.every((o) => o.split(' / ').length === 3), offered.join(' | '));
      await pickOption(`${BUREAU} / ${USER_DEPARTMENT} / ${USER_UNIT}`);
      await page.locator('nz-option-item').first().waitFor({ state: 'detached' });
      await settled(modal);
      await axeScan(page, '新建用户·系统管理员');
      await shot('03-new-user');
      await modal.locator('.ant-modal-footer button.ant-btn-primary').click();
      const shown = dialog('one-time-password-dialog');
      await shown.waitFor();
      oneTimePassword = (await shown.locator('code.one-time-password').innerText()).trim();
      check('a one-time password is shown', /^[A-Za-z2-9#%+=@$]{12}$/.test(oneTimePassword), oneTimePassword);
      check('it says it is shown once', (await shown.innerText()).includes('此密码只显示这一次'));
      await settled(shown);
      await axeScan(page, '一次性密码·系统管理员');
      await shot('04-one-time-password');
      await shown.locator('button.done').click();
      await shown.waitFor({ state: 'hidden' });
      const row = page.locator('tr.user-row[data-username="hanyin.zhangming"]');
      await row.waitFor();
      check('the user is listed as 待修改密码', (await row.locator('td.status').innerText()).includes('待修改密码'));
      check('the password is gone from the page', !(await page.content()).includes(oneTimePassword));
      await axeScan(page, '用户·系统管理员');
      await shot('05-users');
    });

    await step('the 操作记录 of the new user names the administrator with the role, in Chinese', async () => {
      await page.locator('tr.user-row[data-username="hanyin.zhangming"]').getByRole('button', { name: /^操作记录/ }).click();
      const modal = dialog('user-audit-dialog');
      await modal.locator('tr.audit-row').first().waitFor();
      const row = (await modal.locator('tr.audit-row').first().innerText()).replace(/\s+/g, ' ');
      check('新建用户 by 系统管理员（系统管理员）', row.includes('系统管理员（系统管理员）') && row.includes('新建用户') && row.includes('单位填报人'), row);
      await settled(modal);
      await axeScan(page, '用户操作记录·系统管理员');
      await shot('06-user-audit');
      await modal.locator('.ant-modal-close').click();
      await page.getByRole('button', { name: /退出/ }).click();
      await page.waitForURL(/\/login/);
    });

    await step(`${PERSON} logs in with the one-time password and must change it first`, async () => {
      await logIn(USERNAME, oneTimePassword);
      await page.waitForURL(/\/account\/password/);
      check('routed to 修改密码', page.url().includes('/account/password'));
      check('told why', await page.getByText('您正在使用管理员设置的一次性密码').isVisible());
      check('no navigation until it is done', (await page.locator('nav.nav a').count()) === 0);
      await page.goto(`${baseUrl}/sheets`);
      await page.waitForURL(/\/account\/password/);
      check('another page leads back to 修改密码', page.url().includes('/account/password'));
      await page.getByLabel('一次性密码').fill(oneTimePassword);
      await page.getByLabel('新密码', { exact: true }).fill(USERNAME);
      const problems = await page.locator('li.problem').allInnerTexts();
      check('a weak password is refused with the rule, in Chinese', problems.some((p) => p.includes('至少 3 类')) && problems.some((p) => p.includes('不能包含用户名')), problems.join(' | '));
      check('保存 disabled meanwhile', await page.locator('button.save').isDisabled());
      await axeScan(page, '修改密码（强制）·新用户');
      await shot('07-forced-password-change');
      await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
      await page.locator('button.save').click();
      await page.waitForURL(/\/sheets/);
      check('lands on 绩效目标', page.url().includes('/sheets'));
      await page.locator('.header .user-name', { hasText: PERSON }).waitFor();
      check('signed in as 张明, 单位填报人', (await page.locator('.header .role').innerText()).trim() === '单位填报人');
      check('the navigation is back', await page.locator('nav.nav a', { hasText: '绩效目标' }).isVisible());
      await axeScan(page, '绩效目标·新用户');
      await shot('08-landed');
    });

    await step(`${PERSON} fills the unit’s rolled-over 2025 sheet beside last year’s target and actual`, async () => {
      await page.goto(`${baseUrl}/sheets?year=2025`);
      const row = page.locator('tr.project-row').first();
      await row.waitFor();
      check('the 2025 list shows the one rolled-over project, a draft', (await page.locator('tr.project-row').count()) === 1 && (await row.innerText()).includes('草稿'), await row.innerText());
      await row.click();
      const drawer = page.locator('.ant-drawer-content');
      await drawer.locator('.rolled-over-note').waitFor();
      check('the sheet says it was rolled over from 2024', (await drawer.locator('.rolled-over-note').innerText()).includes('由 2024 年度'), await drawer.locator('.rolled-over-note').innerText());
      await drawer.locator('button.edit-button').click();
      const editor = drawer.locator('jx-indicators-editor');
      await editor.waitFor();
      check('the editor shows 上年指标值 and 上年实际完成值', (await editor.locator('th.previous-head').allInnerTexts()).join('|') === '上年指标值|上年实际完成值');
      const lastYear = (await editor.locator('td.previous-actual').first().innerText()).trim();
      check('last year’s 1–9月 actual beside the first row', lastYear.includes('截至1–9月'), lastYear);
      const firstTarget = editor.locator('input.target-input').first();
      const before = await firstTarget.inputValue();
      check('row 1 starts from last year’s target', before === (await editor.locator('td.previous-target').first().innerText()).trim(), before);
      await firstTarget.fill('>28万人');
      await axeScan(page, '结转后的编辑·新用户');
      await shot('09-new-user-fills-2025');
      await drawer.locator('button.save-sheet').click();
      await drawer.locator('button.edit-button').waitFor();
      const targets = await drawer.locator('jx-indicator-table td.target').allInnerTexts();
      check('the target typed by the new user is saved', targets[0]?.trim() === '>28万人', targets.join('|'));
      const audit = await drawer.locator('tr.audit-row').allInnerTexts();
      check('the log names 张明 with the role', audit.some((r) => r.includes(`${PERSON}（单位填报人）`)), audit.join(' / '));
      await page.locator('.ant-drawer-close').click();
    });

    await step('the new password works, the one-time one no longer does', async () => {
      await page.getByRole('button', { name: /退出/ }).click();
      await page.waitForURL(/\/login/);
      await logIn(USERNAME, oneTimePassword);
      await page.locator('.ant-alert-error').first().waitFor();
      check('the one-time password is refused', page.url().includes('/login'));
      await logIn(USERNAME, NEW_PASSWORD);
      await page.waitForURL(/\/sheets/);
      check('logged in with the new password', page.url().includes('/sheets'));
    });

    // The refused duplicate (409) and the refused one-time password (401) are expected; anything else is a real console error.
    const unexpected = consoleErrors.filter((text) => !/401|Unauthorized|409 \(Conflict\)/i.test(text));
    check('no console errors', unexpected.length === 0, unexpected.join(' | '));
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
