#!/usr/bin/env node
// Browser test of 待我处理 and of "work is never lost": starts the app on a free port with a fresh embedded
// database and a short access token lifetime (ACCESS_TOKEN_TTL_SECONDS), then in Chromium: the unit editor's
// inbox (its drafts, search, the count in the navigation); an edit that survives closing the panel (asked
// first) and a reload (the kept draft offered back); an access token that runs out mid-edit — 保存 renews it
// silently and saves; a login session that ends mid-edit (退出 elsewhere) — 保存 asks for the password in place
// and then saves the text typed; one login for every tab (a second tab signed in, 退出 there signs this one
// out); and the department reviewer's inbox listing the sheet just submitted, its count going down after
// 部门审核通过. Screenshots go to test/browser/screenshots/wl-*.png. Prints "N passed, N failed"; exits 1
// when anything failed.
//
// Environment:
//   JIXIAO_START_CMD   command that starts the app (default `npm start`); gets PORT, DATA_DIR, ACCESS_TOKEN_TTL_SECONDS
//   JIXIAO_BASE_URL    test an app that is already running instead (nothing is started); it must run with
//                      ACCESS_TOKEN_TTL_SECONDS set to JIXIAO_ACCESS_TOKEN_TTL_SECONDS (default 20)
//   CHROMIUM_PATH      Chromium executable (default /usr/bin/chromium)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUnderTest, collectConsoleErrors, axeScan, check, DEMO_PASSWORD, finish, launchChromium, screenshotDir, setFailureShot, step, api, acknowledgeErrors } from './harness.mjs';

/** How long an access token lasts in the app under test, in seconds: long enough for each part, short enough to wait out. */
const TTL_SECONDS = Number(process.env.JIXIAO_ACCESS_TOKEN_TTL_SECONDS ?? 20);
const SECOND_GOAL = '（浏览器测试）登录结束后补充的目标：群众满意度不低于90%';
const PROJECT = '医保重点工作经费';
const TYPED_GOAL = '（浏览器测试）登录过期前填写的目标：全县参保率稳定在95%以上';

async function main() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  let target;
  let context;
  try {
    target = await appUnderTest({ ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS) });
    const { baseUrl } = target;
    const login = async (username) => (await api(baseUrl, null, 'POST', '/auth/login', { username, password: DEMO_PASSWORD })).accessToken;

    context = await launchChromium(userDataDir);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    const consoleErrors = collectConsoleErrors(page);
    const shot = (name, on = page) => on.screenshot({ path: join(screenshotDir, `wl-${name}.png`), fullPage: true });
    setFailureShot((stepName) => shot(`failed-${stepName.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}`));
    /** Waits for a dialog's animations to end, so that a screenshot shows it whole. */
    const settled = (locator) =>
      locator.evaluate((el) =>
        Promise.allSettled(el.getAnimations({ subtree: true }).filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished)),
      );

    const logIn = async (username, on = page) => {
      await on.goto(`${baseUrl}/login`);
      await on.getByLabel('用户名').fill(username);
      await on.getByLabel('密码').fill(DEMO_PASSWORD);
      await on.getByRole('button', { name: /登\s*录/ }).click();
      await on.waitForURL(/\/sheets/);
    };
    const badge = page.locator('a.inbox-link .nav-badge');
    const badgeNumber = async () => Number((await badge.innerText()).trim());
    const drawer = page.locator('.ant-drawer-content');
    const goalBox = drawer.locator('jx-goals-editor textarea').first();
    const leaveDialog = page.locator('.ant-modal.leave-dialog');
    const reauthDialog = page.locator('.ant-modal.reauth-dialog');
    let sheetUrl;

    await step('the unit editor sees what waits for it: 待我处理 with its count, search, a row that opens the sheet', async () => {
      await logIn('hanyin.editor');
      const expected = (await api(baseUrl, await login('hanyin.editor'), 'GET', '/inbox/count')).total;
      await badge.waitFor();
      check('待我处理 in the navigation with a count', (await badgeNumber()) === expected && expected > 0, `${await badge.innerText()} / ${expected}`);
      await page.locator('a.inbox-link').click();
      await page.waitForURL(/\/inbox/);
      await page.locator('tr.inbox-row').first().waitFor();
      check('the page says how many wait', (await page.locator('.jx-count.total').innerText()).includes(`共 ${expected} 张待处理`), await page.locator('.jx-count.total').innerText());
      const statuses = await page.locator('tr.inbox-row nz-tag').allInnerTexts();
      check('a unit editor is waited for on drafts (and returned sheets) only', statuses.every((s) => ['草稿', '已退回'].includes(s.trim())), statuses.join('|'));
      check('each row says what to do', (await page.locator('tr.inbox-row td.actions').first().innerText()).trim() === '提交');
      await axeScan(page, '待我处理·单位填报人');
      await shot('inbox-editor');
      await page.locator('#inbox-search').fill('重点工作');
      await page.getByRole('button', { name: /搜\s*索/ }).click();
      await page.waitForURL(/q=/);
      await page.locator('tr.inbox-row', { hasText: PROJECT }).waitFor();
      check('search by project name finds it alone', (await page.locator('tr.inbox-row').count()) === 1);
      await page.locator('tr.inbox-row a.sheet-link').click();
      await page.waitForURL(/\/sheets\?.*sheet=/);
      await drawer.locator('.workflow-bar .status-tag').waitFor();
      check('the row opens the sheet on 绩效目标', (await page.locator('.ant-drawer-title').innerText()).includes(PROJECT));
      sheetUrl = page.url();
    });

    await step('closing the panel with unsaved edits asks first; 继续编辑 keeps the text', async () => {
      await drawer.locator('button.edit-button').click();
      await goalBox.fill(TYPED_GOAL);
      await drawer.locator('.unsaved-note').waitFor();
      check('the editor says the edits are kept in this browser', (await drawer.locator('.unsaved-note').innerText()).includes('已暂存在本浏览器'));
      await page.locator('.ant-drawer-close').click();
      await leaveDialog.waitFor();
      check('the question names what would be lost', (await leaveDialog.innerText()).includes(`「${PROJECT}」的修改`), await leaveDialog.innerText());
      await settled(leaveDialog);
      await axeScan(page, '离开确认·单位填报人');
      await shot('leave-dialog');
      await leaveDialog.getByRole('button', { name: '继续编辑' }).click();
      await leaveDialog.waitFor({ state: 'hidden' });
      check('the panel stays open', page.url().includes('sheet='));
      check('the text is still there', (await goalBox.inputValue()) === TYPED_GOAL);
      await page.goBack(); // back to 待我处理
      await leaveDialog.waitFor();
      await leaveDialog.getByRole('button', { name: '继续编辑' }).click();
      await leaveDialog.waitFor({ state: 'hidden' });
      check('going back asks too, and 继续编辑 stays on the sheet', page.url().includes('sheet=') && (await goalBox.inputValue()) === TYPED_GOAL, page.url());
    });

    await step('a reload asks (beforeunload), then offers the kept edit back', async () => {
      let asked = '';
      page.once('dialog', (dialog) => {
        asked = dialog.type();
        void dialog.accept();
      });
      await page.reload();
      check('the browser asked before reloading', asked === 'beforeunload', asked);
      const offer = drawer.locator('.draft-offer');
      await offer.waitFor();
      check('the kept edit is offered back, with when', /您有未保存的修改（暂存于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，北京时间）/.test(await offer.innerText()), await offer.innerText());
      check('it says what was changed', (await offer.innerText()).includes('新增绩效目标 1 条，删除绩效目标 1 条'), await offer.innerText());
      await axeScan(page, '恢复未保存内容·单位填报人');
      await shot('draft-offer');
      await offer.getByRole('button', { name: '恢复并继续编辑' }).click();
      await goalBox.waitFor();
      check('恢复 brings the text back', (await goalBox.inputValue()) === TYPED_GOAL, await goalBox.inputValue());
      check('the editor says it was restored', (await drawer.locator('.restored').innerText()).includes('已恢复您于'));
    });

    let second;
    await step('one login serves every tab: a second tab is signed in, and its new login reaches this one', async () => {
      second = await context.newPage();
      await second.goto(`${baseUrl}/inbox`);
      await second.locator('tr.inbox-row').first().waitFor();
      check('a second tab is signed in without a login', second.url().includes('/inbox'));
      const before = await page.evaluate(() => localStorage.getItem('jixiao.session'));
      await logIn('hanyin.editor', second); // a fresh login there
      check('the new login is shared', (await page.evaluate(() => localStorage.getItem('jixiao.session'))) !== before);
      check('this tab kept its unsaved text meanwhile', (await goalBox.inputValue()) === TYPED_GOAL);
    });

    /** The tokens this browser keeps (one login for every tab). */
    const storedSession = async () => JSON.parse((await page.evaluate(() => localStorage.getItem('jixiao.session'))) ?? 'null');

    await step('an access token that runs out mid-edit is renewed silently: 保存 saves the text, no dialog', async () => {
      // the page may have renewed its token already (the earlier steps outlast it): wait for the stored one to run out
      const stored = await storedSession();
      const { exp } = JSON.parse(Buffer.from(stored.accessToken.split('.')[1], 'base64url').toString());
      const wait = exp * 1000 + 1500 - Date.now();
      console.log(`  … waiting ${Math.max(0, Math.round(wait / 1000))} s for the access token to expire`);
      if (wait > 0) await page.waitForTimeout(wait);
      const before = await storedSession();
      const expired = await fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${before.accessToken}` } });
      check('the stored access token has run out', expired.status === 401 && (await expired.json()).code === 'ACCESS_TOKEN_EXPIRED');
      await drawer.locator('button.save-sheet').click();
      await drawer.locator('button.edit-button').waitFor();
      check('no re-login dialog was shown', (await reauthDialog.count()) === 0);
      check('the save went through', (await drawer.locator('ol.goals').innerText()).includes(TYPED_GOAL), await drawer.locator('ol.goals').innerText());
      const after = await storedSession();
      check('both tokens were renewed and stored for every tab', after.accessToken !== before.accessToken && after.refreshToken !== before.refreshToken && typeof after.refreshToken === 'string');
      await drawer.locator('tr.audit-row', { hasText: '保存修改' }).first().waitFor();
      check('操作日志 records the save', (await drawer.locator('tr.audit-row', { hasText: '保存修改' }).count()) >= 1);
      check('nothing kept any more once saved', (await drawer.locator('.draft-offer').count()) === 0);
    });

    await step('a login session that ends mid-edit (退出 elsewhere) asks for the password in place, then saves the text', async () => {
      await drawer.locator('button.edit-button').click();
      await goalBox.fill(SECOND_GOAL);
      await drawer.locator('.unsaved-note').waitFor();
      // the session ends on the server (as 退出 on another computer would end it): its access and refresh tokens die at once
      const ended = await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${(await storedSession()).accessToken}` } });
      check('the session was ended on the server', ended.status === 204, String(ended.status));
      await drawer.locator('button.save-sheet').click();
      await reauthDialog.waitFor();
      const text = await reauthDialog.innerText();
      check('the dialog names the same user', text.includes('hanyin.editor') && text.includes('登录已过期'), text);
      check('the typed text is still on the page behind it', (await goalBox.inputValue()) === SECOND_GOAL);
      await reauthDialog.getByLabel('密码').fill('wrong-password');
      await reauthDialog.getByRole('button', { name: '重新登录' }).click();
      await reauthDialog.locator('.reauth-error').waitFor();
      check('a wrong password is said in the dialog', /[\u4e00-\u9fff]/.test(await reauthDialog.locator('.reauth-error').innerText()));
      await reauthDialog.getByLabel('密码').fill(DEMO_PASSWORD);
      await settled(reauthDialog);
      await axeScan(page, '重新登录·单位填报人');
      await shot('reauth-dialog');
      await reauthDialog.getByRole('button', { name: '重新登录' }).click();
      await reauthDialog.waitFor({ state: 'hidden' });
      await drawer.locator('button.edit-button').waitFor();
      check('the save went through after the re-login', (await drawer.locator('ol.goals').innerText()).includes(SECOND_GOAL), await drawer.locator('ol.goals').innerText());
      check('still on the sheet, not sent to the login page', page.url().includes('sheet='));
      await axeScan(page, '重新登录后保存·单位填报人');
      await shot('saved-after-reauth');
    });

    await step('退出 in another tab signs this one out', async () => {
      await second.goto(`${baseUrl}/inbox`);
      await second.locator('tr.inbox-row').first().waitFor();
      check('the second tab uses the login renewed in the first', second.url().includes('/inbox'));
      await second.getByRole('button', { name: /退出/ }).click();
      await second.waitForURL(/\/login/);
      await page.waitForURL(/\/login.*elsewhere=1/);
      check('this tab went to the login page', page.url().includes('/login'));
      check('and says why', await page.getByText('您已在本浏览器的其他窗口退出登录').isVisible());
      await second.close();
    });

    await step('the department reviewer finds the submitted sheet in 待我处理, and the count goes down after 部门审核通过', async () => {
      const editor = await login('hanyin.editor');
      const sheetId = new URL(sheetUrl).searchParams.get('sheet');
      const sheet = await api(baseUrl, editor, 'GET', `/target-sheets/${sheetId}`);
      await api(baseUrl, editor, 'POST', `/target-sheets/${sheetId}/transitions`, { action: 'submit', rowVersion: sheet.rowVersion, acknowledgements: acknowledgeErrors(sheet.findings) });
      await logIn('hanyin.reviewer');
      const expected = (await api(baseUrl, await login('hanyin.reviewer'), 'GET', '/inbox/count')).total;
      await badge.waitFor();
      const before = await badgeNumber();
      check('the reviewer’s count in the navigation', before === expected && before >= 1, `${before} / ${expected}`);
      await page.locator('a.inbox-link').click();
      const row = page.locator('tr.inbox-row', { hasText: PROJECT });
      await row.waitFor();
      check('the submitted sheet is listed as 已提交', (await row.locator('nz-tag').innerText()).trim() === '已提交');
      check('with 部门审核通过 and 退回 to do', (await row.locator('td.actions').innerText()).trim() === '部门审核通过 / 退回', await row.locator('td.actions').innerText());
      await axeScan(page, '待我处理·部门审核人');
      await shot('inbox-reviewer');
      await page.locator('nz-select.status-filter').click();
      await page.locator('nz-option-item', { hasText: '已提交' }).click();
      await page.waitForURL(/status=submitted/);
      await page.locator('tr.inbox-row').first().waitFor();
      const filtered = await page.locator('tr.inbox-row nz-tag').allInnerTexts();
      check('the status filter keeps 已提交 only', filtered.length >= 1 && filtered.every((s) => s.trim() === '已提交'), filtered.join('|'));
      await row.locator('a.sheet-link').click();
      await page.waitForURL(/sheet=/);
      await drawer.locator('button[data-action="department_approve"]').click();
      const approveDialog = page.locator('.ant-modal.approve-acknowledgements');
      if (await approveDialog.isVisible().catch(() => false)) await approveDialog.locator('.ant-modal-footer button.ant-btn-primary').click();
      else await approveDialog.waitFor({ timeout: 3000 }).then(() => approveDialog.locator('.ant-modal-footer button.ant-btn-primary').click(), () => undefined);
      await drawer.locator('.workflow-bar .status-tag', { hasText: '部门已审核' }).waitFor();
      await page.waitForFunction((n) => {
        const el = document.querySelector('a.inbox-link .nav-badge');
        return (el === null ? 0 : Number(el.textContent?.trim())) === n;
      }, before - 1);
      check('the count went down by one after the action', (before - 1 === 0 ? (await badge.count()) === 0 : (await badgeNumber()) === before - 1));
    });

    // 401s while the login was expired (and the wrong password), and the refused login attempt, are expected.
    const unexpected = consoleErrors.filter((text) => !/401|Unauthorized/i.test(text));
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
