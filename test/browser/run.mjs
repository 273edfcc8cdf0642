#!/usr/bin/env node
// Browser test of the web app: starts the app on a free port with a fresh embedded database, then
// drives Chromium through login → 绩效目标 → 汉阴县医疗保障局 → 医保重点工作经费 and checks the
// indicator tree, the review workflow, the sheet editor (grouped rows, structured 更正 of every target
// kind, a department's tasks and budget) and 新建项目 by a unit editor and by the admin; every page and
// dialog it visits is scanned with axe-core (WCAG 2.1 AA, 0 violations), and a keyboard-only walk
// edits and saves a sheet (keyboard.mjs).
// Prints "N passed, N failed"; exits 1 when anything failed.
//
// Environment:
//   JIXIAO_START_CMD   command that starts the app (default `npm start`); gets PORT and DATA_DIR
//   JIXIAO_BASE_URL    test an app that is already running instead (nothing is started)
//   CHROMIUM_PATH      Chromium executable (default /usr/bin/chromium)
//   JIXIAO_START_TIMEOUT_MS  how long to wait for /api/docs-json (default 180000)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUnderTest, collectConsoleErrors, axeScan, check, DEMO_PASSWORD, finish, launchChromium, screenshotDir, setFailureShot, step } from './harness.mjs';
import { fiscalYearSteps } from './fiscal-years.steps.mjs';
import { keyboardWalk } from './keyboard.mjs';

const DEMO_USER = 'hanyin.editor';
const DEPARTMENT = '汉阴县医疗保障局';
const PROJECT = '医保重点工作经费';
const INDICATOR = '服务全县参保群众人数';

async function main() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  let target;
  let context;
  try {
    target = await appUnderTest();
    const { baseUrl } = target;

    context = await launchChromium(userDataDir);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    const consoleErrors = collectConsoleErrors(page);

    const shot = (name) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    setFailureShot((stepName) => shot(`failed-${stepName.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}`));

    await step('unauthenticated visit goes to the login page', async () => {
      await page.goto(`${baseUrl}/sheets`);
      await page.waitForURL(/\/login/);
      check('redirected to /login', page.url().includes('/login'));
      check('demo hint shown', await page.getByText('演示密码').isVisible());
      await shot('01-login');
      await axeScan(page, '登录页');
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
      await axeScan(page, '登录页·密码错误');
    });

    await step(`log in as ${DEMO_USER}`, async () => {
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(/\/sheets/);
      check('lands on /sheets', page.url().includes('/sheets'));
      check('header shows the product name', await page.getByText('绩效目标管理').first().isVisible());
      check('header shows 退出', await page.getByRole('button', { name: /退出/ }).isVisible());
      check('header shows the role in Chinese', (await page.locator('.header .role').innerText()).trim() === '单位填报人');
      check('session token kept in localStorage (one login for every tab)', (await page.evaluate(() => localStorage.getItem('jixiao.session'))) !== null);
    });

    await step('select the budget year 2024', async () => {
      const select = page.locator('nz-select.year-select');
      await select.waitFor();
      await select.click();
      await page.locator('nz-option-item', { hasText: '2024年' }).waitFor();
      await axeScan(page, '预算年度下拉框·单位填报人');
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
      await axeScan(page, '绩效目标·单位填报人');
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
      await axeScan(page, '目标表详情·单位填报人');
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
      check('session cleared', (await page.evaluate(() => localStorage.getItem('jixiao.session'))) === null);
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
      await axeScan(page, '部门整体绩效目标·部门审核人');
      await page.locator('.ant-drawer-close').click();
      await page.getByRole('button', { name: /退出/ }).click();
      await page.waitForURL(/\/login/);
    });

    await step('an expired token (401) leads back to the login page', async () => {
      await page.evaluate(() => {
        const user = { id: 'x', username: 'hanyin.editor', displayName: '测试', role: 'unit_editor', organization: null };
        localStorage.setItem('jixiao.session', JSON.stringify({ accessToken: 'expired-token', user }));
      });
      await page.goto(`${baseUrl}/sheets`);
      await page.waitForURL(/\/login.*expired=1/);
      check('redirected to /login after 401', page.url().includes('/login'));
      check('says the login expired', await page.getByText('登录已过期，请重新登录。').isVisible());
      await axeScan(page, '登录页·登录已过期');
      check('stale session cleared', (await page.evaluate(() => localStorage.getItem('jixiao.session'))) === null);
    });

    // ── The review workflow: 提交 → 退回 → 编辑 → 提交 → 部门审核通过 → 财政批准 ──
    const drawer = page.locator('.ant-drawer-content');
    const statusTag = drawer.locator('.workflow-bar .status-tag');
    const RETURN_COMMENT = '工作完成时限仍写的是2023年，请改为2024年度的完成时限';
    let sheetUrl;

    const logIn = async (username) => {
      if (!page.url().includes('/login')) await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(/\/sheets/);
      if (sheetUrl !== undefined) {
        await page.goto(sheetUrl);
        await statusTag.waitFor();
      }
    };
    const logOut = async () => {
      await page.locator('.ant-drawer-close').click();
      await page.waitForURL((url) => !url.search.includes('sheet='));
      await page.getByRole('button', { name: /退出/ }).click();
      await page.waitForURL(/\/login/);
    };
    const act = async (action, expectedStatus) => {
      await drawer.locator(`button[data-action="${action}"]`).click();
      await drawer.locator('.workflow-bar .status-tag', { hasText: expectedStatus }).waitFor();
      return (await statusTag.innerText()).trim();
    };
    /** Waits for the element's finite animations (a dialog's zoom-in) to end, so that a screenshot shows it whole. */
    const settled = (locator) =>
      locator.evaluate((el) =>
        Promise.allSettled(el.getAnimations({ subtree: true }).filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished)),
      );
    const ACK_REASON = '本项目为跨年度结转项目，完成时限沿用上年批复，已与财政局沟通确认';
    const submitDialog = page.locator('.ant-modal.submit-acknowledgements');
    const submitOk = submitDialog.locator('.ant-modal-footer button.ant-btn-primary');
    /** 提交; with 需修改 findings the dialog lists each with a textarea, and 提交 waits for every reason. */
    const submit = async () => {
      const errors = await drawer.locator('li.finding.error').count();
      await drawer.locator('button[data-action="submit"]').click();
      if (errors > 0) {
        await submitDialog.waitFor();
        const items = submitDialog.locator('li.ack-item');
        check(`提交 lists the ${errors} 需修改 finding(s), each with a reason`, (await items.count()) === errors, String(await items.count()));
        for (let i = 0; i < errors; i++) await submitDialog.getByLabel(`第 ${i + 1} 项的确认理由（必填）`).fill(ACK_REASON);
        await submitOk.click();
      }
      await drawer.locator('.workflow-bar .status-tag', { hasText: '已提交' }).waitFor();
      return (await statusTag.innerText()).trim();
    };
    /** Picks an option of an open nz-select or a cascader column by its exact label. */
    const pickOption = (label) => page.locator('nz-option-item', { hasText: new RegExp(`^\\s*${label}\\s*$`) }).click();
    /** Picks a path in the open cascader, one column per label. */
    const pickCascader = async (...labels) => {
      const columns = page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu');
      for (const [column, label] of labels.entries()) {
        await columns.nth(column).locator('.ant-cascader-menu-item', { hasText: new RegExp(`^\\s*${label}\\s*$`) }).click();
      }
      await page.locator('.ant-cascader-dropdown:visible').waitFor({ state: 'hidden' });
    };

    await step('the editor submits the project sheet with its findings', async () => {
      await logIn(DEMO_USER);
      await page.locator('a.department', { hasText: DEPARTMENT }).click();
      await page.locator('tr.project-row', { hasText: PROJECT }).locator('a.project-name').click();
      await page.waitForURL(/sheet=/);
      await statusTag.waitFor();
      sheetUrl = page.url();
      check('sheet starts as 草稿', (await statusTag.innerText()).trim() === '草稿');
      const findings = await drawer.locator('li.finding').allInnerTexts();
      check('目标审核助手 lists the 2023 finding', findings.some((f) => f.includes('2023')), findings.join(' | '));
      check('编辑 offered to the unit editor', await drawer.locator('button.edit-button').isVisible());
      check('提交 offered to the unit editor', await drawer.locator('button[data-action="submit"]').isVisible());
      check('no 财政批准 for the unit editor', (await drawer.locator('button[data-action="approve"]').count()) === 0);
      const errorFindings = await drawer.locator('li.finding.error').allInnerTexts();
      check('the sheet has 需修改 findings', errorFindings.length > 0, String(errorFindings.length));
      await drawer.locator('button[data-action="submit"]').click();
      await submitDialog.waitFor();
      const items = submitDialog.locator('li.ack-item');
      check('提交 lists every 需修改 finding', (await items.count()) === errorFindings.length, `${await items.count()} / ${errorFindings.length}`);
      const first = (await items.first().innerText()).trim();
      check('the first item names the indicator and the rule', first.includes('「工作完成时限」：年份与预算年度不符') && first.includes('2023'), first);
      check('提交 disabled before any reason', await submitOk.isDisabled());
      await submitDialog.getByRole('button', { name: '返回修改' }).click();
      await submitDialog.waitFor({ state: 'hidden' });
      check('返回修改 leaves the sheet a 草稿', (await statusTag.innerText()).trim() === '草稿');

      await drawer.locator('button[data-action="submit"]').click();
      await submitDialog.waitFor();
      const reasons = submitDialog.locator('textarea.ack-reason');
      check('one labelled textarea per finding', (await reasons.count()) === errorFindings.length && (await submitDialog.getByLabel('第 1 项的确认理由（必填）').count()) === 1);
      await reasons.first().fill('   ');
      check('提交 stays disabled with a blank reason', await submitOk.isDisabled());
      check('the blank reason is pointed out', (await submitDialog.locator('.ack-count.ack-missing').count()) === 1);
      for (let i = 0; i < errorFindings.length; i++) await submitDialog.getByLabel(`第 ${i + 1} 项的确认理由（必填）`).fill(ACK_REASON);
      check('提交 enabled once every finding has its reason', await submitOk.isEnabled());
      await settled(submitDialog);
      await shot('06a-submit-confirm');
      await axeScan(page, '提交确认对话框·单位填报人');
      await submitOk.click();
      await drawer.locator('.workflow-bar .status-tag', { hasText: '已提交' }).waitFor();
      await submitDialog.waitFor({ state: 'hidden' });
      check('status 已提交 after 提交', (await statusTag.innerText()).trim() === '已提交');
      check('编辑 gone once submitted', (await drawer.locator('button.edit-button').count()) === 0);
      const acknowledged = (await drawer.locator('section.acknowledgements').innerText()).trim();
      check('the sheet shows the reasons given', acknowledged.includes(ACK_REASON) && acknowledged.includes('工作完成时限'), acknowledged);
      await drawer.locator('tr.audit-row', { hasText: '提交' }).first().waitFor();
      check('操作日志 records the submission', (await drawer.locator('tr.audit-row', { hasText: '提交' }).count()) >= 1);
      const submitted = (await drawer.locator('tr.audit-row', { hasText: '逐项确认' }).first().innerText()).trim();
      check('操作日志 says the findings were acknowledged', submitted.includes(`逐项确认了 ${errorFindings.length} 处需修改的问题`), submitted);
      await logOut();
    });

    await step('the department reviewer reads the acknowledgements when approving', async () => {
      await logIn('hanyin.reviewer');
      check('reviewer sees 已提交', (await statusTag.innerText()).trim() === '已提交');
      const section = (await drawer.locator('section.acknowledgements').innerText()).trim();
      check('the reviewer sees the reasons on the sheet', section.includes(ACK_REASON), section);
      await drawer.locator('button[data-action="department_approve"]').click();
      const approveDialog = page.locator('.ant-modal.approve-acknowledgements');
      await approveDialog.waitFor();
      const listed = (await approveDialog.innerText()).trim();
      check('the approve dialog lists the finding and its reason', listed.includes('「工作完成时限」：年份与预算年度不符') && listed.includes(ACK_REASON), listed);
      check('the approve dialog names who gave it', listed.includes('单位填报人'), listed);
      await settled(approveDialog); // the zoom-in done
      await shot('06b-approve-acknowledgements');
      await axeScan(page, '审核确认对话框·部门审核人');
      await approveDialog.getByRole('button', { name: /取\s*消/ }).click();
      await approveDialog.waitFor({ state: 'hidden' });
      check('取消 leaves the sheet 已提交', (await statusTag.innerText()).trim() === '已提交');
    });

    await step('the department reviewer returns it with a comment', async () => {
      check('部门审核通过 offered', await drawer.locator('button[data-action="department_approve"]').isVisible());
      await drawer.locator('button[data-action="return"]').click();
      const modal = page.locator('.ant-modal-content');
      await modal.waitFor();
      await axeScan(page, '退回对话框·部门审核人');
      const ok = modal.locator('.ant-modal-footer button.ant-btn-primary');
      check('确认退回 disabled without a comment', await ok.isDisabled());
      await modal.locator('#return-comment').fill(RETURN_COMMENT);
      await ok.click();
      await drawer.locator('.workflow-bar .status-tag', { hasText: '已退回' }).waitFor();
      check('status 已退回 after 退回', (await statusTag.innerText()).trim() === '已退回');
      await logOut();
    });

    await step('the editor reads the comment, corrects the target live and resubmits', async () => {
      await logIn(DEMO_USER);
      const note = drawer.locator('.return-note');
      await note.waitFor();
      check('return comment shown to the editor', (await note.innerText()).includes(RETURN_COMMENT), await note.innerText());
      check('操作日志 shows the comment', (await drawer.locator('tr.audit-row', { hasText: RETURN_COMMENT }).count()) === 1);
      await shot('07-returned');
      await axeScan(page, '已退回的目标表·单位填报人');

      await drawer.locator('button.edit-button').click();
      const row = drawer.locator('tr.edit-row[data-name="工作完成时限"]');
      await row.waitFor();
      const specBefore = (await row.locator('td.spec').innerText()).trim();
      const findingsBefore = await drawer.locator('li.finding').allInnerTexts();
      check('editing shows the 2023 finding', findingsBefore.some((f) => f.includes('2023')), findingsBefore.join(' | '));
      await row.locator('input.target-input').fill('2024年12月底前');
      await row.locator('.spec-text', { hasText: '12月31日' }).waitFor();
      const specAfter = (await row.locator('td.spec').innerText()).trim();
      check('parsed spec updates live (the 2023 warning goes)', specBefore.includes('2023') && !specAfter.includes('2023') && specAfter.includes('12月31日'), `${specBefore} → ${specAfter}`);
      const findingsAfter = await drawer.locator('li.finding').allInnerTexts();
      check('the 2023 finding disappears live', !findingsAfter.some((f) => f.includes('2023')) && findingsAfter.length === findingsBefore.length - 1, findingsAfter.join(' | '));
      await drawer.locator('#review-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot('06-editing');
      await axeScan(page, '编辑目标表·单位填报人');

      await drawer.locator('.editor-actions button.ant-btn-primary').click();
      await drawer.locator('button.edit-button').waitFor();
      check('edit mode left after 保存', (await drawer.locator('tr.edit-row').count()) === 0);
      const saved = drawer.locator('jx-indicator-table tbody tr', { hasText: '工作完成时限' });
      check('saved target shown', (await saved.innerText()).includes('2024年12月底前'), await saved.innerText());
      const findingsSaved = await drawer.locator('li.finding').allInnerTexts();
      check('server review no longer finds 2023', !findingsSaved.some((f) => f.includes('2023')), findingsSaved.join(' | '));
      const status = await submit();
      check('resubmitted', status === '已提交', status);
      await logOut();
    });

    await step('the department reviewer approves', async () => {
      await logIn('hanyin.reviewer');
      const status = await act('department_approve', '部门已审核');
      check('status 部门已审核', status === '部门已审核', status);
      await logOut();
    });

    await step('finance approves and the sheet is locked', async () => {
      await logIn('hanyin.finance');
      check('财政批准 offered to finance', await drawer.locator('button[data-action="approve"]').isVisible());
      const status = await act('approve', '已批准');
      check('status 已批准', status === '已批准', status);
      check('no 编辑 button once approved', (await drawer.locator('button.edit-button').count()) === 0);
      await drawer.locator('tr.audit-row', { hasText: '财政批准' }).waitFor();
      const actions = await drawer.locator('tr.audit-row td:nth-child(3)').allInnerTexts();
      check('操作日志 lists the whole review', ['财政批准', '部门审核通过', '提交', '保存修改', '退回'].every((a) => actions.includes(a)), actions.join(' | '));
      const actors = await drawer.locator('tr.audit-row td:nth-child(2)').allInnerTexts();
      check('操作日志 names each person with the role beside it', ['（财政审核人）', '（部门审核人）', '（单位填报人）'].every((r) => actors.some((a) => a.endsWith(r))), actors.join(' | '));
      // A tall window shows the whole panel: the locked status at the top and the 操作日志 at the bottom.
      await page.setViewportSize({ width: 1440, height: 2200 });
      await drawer.locator('.workflow-bar').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot('08-approved');
      await axeScan(page, '已批准的目标表·财政审核人');
      await page.setViewportSize({ width: 1440, height: 900 });
      await logOut();
    });

    await step('the editor sees it approved and locked', async () => {
      await logIn(DEMO_USER);
      check('editor sees 已批准', (await statusTag.innerText()).trim() === '已批准');
      check('editor has no 编辑 once approved', (await drawer.locator('button.edit-button').count()) === 0);
      check('发起调整 offered to the editor', await drawer.locator('button[data-action="adjust"]').isVisible());
      check('lock explained', (await drawer.locator('.lock-note').innerText()).includes('已锁定'));
    });

    await step('发起调整 opens version 2 with its diff', async () => {
      const oldId = new URL(page.url()).searchParams.get('sheet');
      await drawer.locator('button[data-action="adjust"]').click();
      await page.waitForURL((url) => url.searchParams.get('sheet') !== oldId);
      await drawer.locator('.workflow-bar .version', { hasText: '第 2 版' }).waitFor();
      check('new version is a 草稿', (await statusTag.innerText()).trim() === '草稿');
      check('URL switched to the new sheet', new URL(page.url()).searchParams.get('sheet') !== oldId);
      await drawer.locator('.diff-summary').waitFor();
      check('与上一版本的差异 shown', (await drawer.locator('.diff-summary').innerText()).includes('与第 1 版相比'), await drawer.locator('.diff-summary').innerText());
      check('编辑 offered again on the new draft', await drawer.locator('button.edit-button').isVisible());
      sheetUrl = page.url();
    });

    await step('a save after someone else saved names who and when, shows my change beside theirs, and 放弃我的修改 shows theirs', async () => {
      await drawer.locator('button.edit-button').click();
      const row = drawer.locator('tr.edit-row[data-name="工作完成时限"]');
      await row.locator('input.target-input').fill('2024年11月底前');
      // Someone else saves the same sheet in between (same content, through the API).
      const status = await page.evaluate(async (id) => {
        const { accessToken } = JSON.parse(localStorage.getItem('jixiao.session'));
        const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
        const sheet = await (await fetch(`/api/target-sheets/${id}`, { headers })).json();
        const body = {
          rowVersion: sheet.rowVersion,
          goals: sheet.goals,
          indicators: sheet.indicators.map((i) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target })),
          spendingPlan: sheet.spendingPlan,
        };
        return (await fetch(`/api/target-sheets/${id}`, { method: 'PUT', headers, body: JSON.stringify(body) })).status;
      }, new URL(page.url()).searchParams.get('sheet'));
      check('the other save went through', status === 200, String(status));
      await drawer.locator('.editor-actions button.ant-btn-primary').click();
      const alert = drawer.locator('.conflict');
      await alert.locator('button.rebase:not([disabled])').waitFor(); // the fresh version read
      await axeScan(page, '保存冲突提示·单位填报人');
      const said = await alert.innerText();
      check('the conflict names who saved and when (北京时间)', /保存未成功：.+（单位填报人）于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）修改并保存了这张目标表/.test(said), said);
      check('my unsaved change is listed', (await alert.locator('.mine li').innerText()).includes('2024年11月底前'), await alert.locator('.mine').innerText());
      check('my text is still in the editor', (await row.locator('input.target-input').inputValue()) === '2024年11月底前');
      check('their side is compared too', (await alert.locator('.theirs').innerText()).includes('对方保存的修改（0 处）'), await alert.locator('.theirs').innerText());
      await drawer.locator('#conflict-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300); // the buttons' colour transition
      await shot('06c-save-conflict');
      await alert.getByRole('button', { name: '放弃我的修改' }).click();
      await drawer.locator('button.edit-button').waitFor();
      check('放弃我的修改 leaves edit mode with the saved content', (await drawer.locator('tr.edit-row').count()) === 0);
    });

    await step('更正 a parsed spec and save it', async () => {
      await drawer.locator('button.edit-button').click();
      const row = drawer.locator('tr.edit-row[data-name="服务全县参保群众人数"]');
      await row.locator('button.correct-button').click();
      const popover = page.locator('.ant-popover-inner-content');
      await popover.locator('.value-input').waitFor();
      await popover.locator('nz-select.op-select').click();
      await page.locator('nz-option-item', { hasText: '≥ 不低于' }).click();
      await popover.locator('.value-input').fill('27');
      await popover.locator('.unit-input').fill('万人');
      await popover.locator('button.ant-btn-primary').click();
      await row.locator('.corrected').waitFor();
      const live = (await row.locator('.spec-text').innerText()).trim();
      check('corrected spec shown while editing', /≥\s*27\s*万人/.test(live), live);
      await drawer.locator('.editor-actions button.ant-btn-primary').click();
      await drawer.locator('button.edit-button').waitFor();
      const saved = (await drawer.locator('jx-indicator-table tbody tr', { hasText: '服务全县参保群众人数' }).locator('.spec-text').innerText()).trim();
      check('corrected spec saved', /≥\s*27\s*万人/.test(saved), saved);
    });

    await step('the edit table is grouped by 一级/二级指标 like the national table', async () => {
      await drawer.locator('button.edit-button').click();
      await drawer.locator('tr.edit-row').first().waitFor();
      const level1 = (await drawer.locator('td.level1-cell nz-select').allInnerTexts()).map((t) => t.trim());
      check('each 一级指标 shown once, in a merged cell', level1.join('|') === '产出指标|效益指标|满意度指标', level1.join('|'));
      const output = drawer.locator('td.level1-cell', { hasText: '产出指标' });
      check('产出指标 cell spans its 5 rows', (await output.getAttribute('rowspan')) === '5', await output.getAttribute('rowspan'));
      const quantity = drawer.locator('td.level2-cell', { hasText: '数量指标' });
      check('数量指标 cell spans its 2 rows', (await quantity.getAttribute('rowspan')) === '2');
      check('在此组新增 offered once per 二级 group', (await drawer.locator('button.add-in-group').count()) === (await drawer.locator('td.level2-cell').count()));
      await drawer.locator('#edit-indicators-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot('11-grouped-editor');
      await axeScan(page, '按分组编辑·单位填报人');
    });

    await step('更正 as a deadline and as a range through the structured form', async () => {
      const popover = page.locator('.correct-popover');
      const deadlineRow = drawer.locator('tr.edit-row[data-name="工作完成时限"]');
      await deadlineRow.locator('button.correct-button').click();
      await popover.locator('nz-radio-group.kind-choice').waitFor();
      const kinds = (await popover.locator('label[nz-radio-button]').allInnerTexts()).map((t) => t.trim());
      check('更正 offers every kind', kinds.join('|') === '数值|区间|截止日期|定期|与上年比较|定性', kinds.join('|'));
      check('更正 opens on the parsed kind (截止日期)', (await popover.locator('label.ant-radio-button-wrapper-checked').innerText()).trim() === '截止日期');
      await popover.locator('nz-select.day-pick').click();
      await page.keyboard.type('20'); // the day list is long: it is searchable
      await pickOption('20 日');
      await page.locator('nz-option-item').first().waitFor({ state: 'detached' });
      await popover.locator('.correct-preview', { hasText: '不晚于12月20日' }).waitFor();
      check('preview reads the deadline', (await popover.locator('.correct-preview').innerText()).includes('不晚于12月20日'));
      await shot('12-correct-deadline');
      await axeScan(page, '更正弹出框·截止日期');
      await popover.locator('button.apply-correction').click();
      await deadlineRow.locator('.corrected').waitFor();
      const deadlineText = (await deadlineRow.locator('.spec-text').innerText()).trim();
      check('deadline correction shown while editing', deadlineText === '不晚于12月20日', deadlineText);

      const rangeRow = drawer.locator('tr.edit-row[data-name="医保工作人员的满意度"]');
      await rangeRow.locator('button.correct-button').click();
      const preview = async () => (await popover.locator('.correct-preview').innerText()).trim();
      await popover.locator('label[data-kind="recurring"]').click();
      await popover.locator('nz-select.every-pick').waitFor();
      check('定期 form reads 每月末 by default', (await preview()).includes('每月末'), await preview());
      await popover.locator('nz-select.every-pick').click();
      await pickOption('每季度');
      await popover.locator('input.times-input').fill('1');
      await popover.locator('.correct-preview', { hasText: '每季度至少1次' }).waitFor();
      check('定期 form takes a count per period (每季度至少1次)', (await preview()).includes('每季度至少1次'), await preview());
      await shot('13b-correct-recurring');
      await axeScan(page, '更正弹出框·定期');
      await popover.locator('nz-select.every-pick').click();
      await pickOption('每年');
      await popover.locator('input.times-input').fill('');
      await popover.locator('.correct-error').waitFor();
      check('每年 without a count is refused with the domain reason', (await popover.locator('.correct-error').innerText()).includes('按年的定期目标须写明每年至少几次'));
      check('每年 asks for no day of the month', (await popover.locator('nz-select.day-pick').count()) === 0);
      await popover.locator('label[data-kind="relative"]').click();
      await popover.locator('input.delta-input').fill('5');
      await popover.locator('input.unit-input').fill('百分比');
      check('与上年比较 form reads the increase', (await preview()).includes('比上年提高 ≥ 5%'), await preview());
      await popover.locator('nz-select.change-pick').click();
      await pickOption('百分点（如 提高2个百分点）');
      await popover.locator('.correct-preview', { hasText: '个百分点' }).waitFor();
      check('与上年比较 measured in 百分点', (await preview()).includes('比上年提高 ≥ 5 个百分点'), await preview());
      await shot('13a-correct-relative');
      await axeScan(page, '更正弹出框·与上年比较');
      await popover.locator('label[data-kind="qualitative"]').click();
      check('定性 form offers the target text', (await popover.locator('textarea.text-input').inputValue()) === '≥95%');
      await popover.locator('label[data-kind="range"]').click();
      await popover.locator('input.min-input').fill('95');
      await popover.locator('input.max-input').fill('90');
      await popover.locator('input.unit-input').fill('%');
      const error = popover.locator('.correct-error');
      await error.waitFor();
      check('a range upside down is refused with the domain message', (await error.innerText()).includes('区间下限不能大于上限'), await error.innerText());
      check('确定 disabled while the form is wrong', await popover.locator('button.apply-correction').isDisabled());
      await shot('13-correct-range-error');
      await axeScan(page, '更正弹出框·区间有误');
      await popover.locator('input.max-input').fill('100');
      await popover.locator('.correct-preview', { hasText: '95%–100%' }).waitFor();
      await popover.locator('button.apply-correction').click();
      await rangeRow.locator('.corrected').waitFor();
      check('range correction shown while editing', (await rangeRow.locator('.spec-text').innerText()).trim() === '95%–100%');

      await drawer.locator('.editor-actions button.ant-btn-primary').click();
      await drawer.locator('button.edit-button').waitFor();
      await page.reload();
      await statusTag.waitFor();
      const deadlineSaved = drawer.locator('jx-indicator-table tbody tr', { hasText: '工作完成时限' });
      await deadlineSaved.waitFor();
      check('after a reload the deadline is 已人工更正', (await deadlineSaved.locator('td.spec').innerText()).replace(/\s/g, '') === '不晚于12月20日（已人工更正）', await deadlineSaved.locator('td.spec').innerText());
      const rangeSaved = drawer.locator('jx-indicator-table tbody tr', { hasText: '医保工作人员的满意度' });
      check('after a reload the range is 已人工更正', (await rangeSaved.locator('td.spec').innerText()).replace(/\s/g, '') === '95%–100%（已人工更正）', await rangeSaved.locator('td.spec').innerText());
      await drawer.locator('button.edit-button').click();
      await drawer.locator('tr.edit-row[data-name="工作完成时限"] .corrected').waitFor();
      check('the editor keeps the corrections', (await drawer.locator('tr.edit-row .corrected').count()) === 3);
      await drawer.locator('.editor-actions button', { hasText: /取\s*消/ }).click();
      await logOut();
    });

    // ── 新建项目 and the spending-plan chart ──
    const NEW_PROJECT = '医保基金监管专项';
    await step(`the unit editor creates the project ${NEW_PROJECT}`, async () => {
      sheetUrl = undefined;
      await logIn(DEMO_USER);
      await page.goto(`${baseUrl}/sheets?year=2024`);
      await page.locator('a.department', { hasText: DEPARTMENT }).click();
      await page.locator('h1.dept-name', { hasText: DEPARTMENT }).waitFor();
      await page.locator('tr.project-row').first().waitFor();
      const create = page.getByRole('button', { name: /新建项目/ });
      check('新建项目 offered to the unit editor', await create.isVisible());
      await create.click();
      const modal = page.locator('.ant-modal-content', { hasText: '项目名称' });
      await modal.waitFor();
      check('实施单位 preset to the editor\'s unit', (await modal.locator('nz-select#np-unit, nz-select[nzid="np-unit"]').innerText()).includes('汉阴'), await modal.locator('nz-select[nzid="np-unit"]').innerText());
      await modal.locator('#np-total').fill('十二万');
      await modal.locator('#np-name').fill(NEW_PROJECT);
      check('a bad amount is explained', (await modal.locator('.create-hint').innerText()).includes('资金总额'));
      check('under the field too, in Chinese', (await modal.locator('#np-total + .amount-hint').innerText()).includes('请填写金额（元）'));
      await modal.locator('#np-total').fill('12万');
      check('12万 reads as 12 万元', (await modal.locator('#np-total + .amount-hint').innerText()).trim() === '合 12 万元', await modal.locator('#np-total + .amount-hint').innerText());
      await modal.locator('nz-select[nzid="np-category"]').click();
      await page.locator('nz-option-item', { hasText: '特定目标类' }).click();
      await modal.locator('#np-purpose').fill('用于开展医保基金监管专项检查');
      await shot('09-new-project-form');
      await axeScan(page, '新建项目对话框·单位填报人');
      await modal.locator('.ant-modal-footer button.ant-btn-primary').click();
      await page.waitForURL(/sheet=/);
      await statusTag.waitFor();
      check('the new sheet opens as 草稿', (await statusTag.innerText()).trim() === '草稿');
      check('drawer shows the new project', (await page.locator('.ant-drawer-title').innerText()).includes(NEW_PROJECT));
      check('the new sheet has no indicators yet', (await drawer.locator('#indicators-title').innerText()).includes('共 0 项'));
      const row = page.locator('tr.project-row', { hasText: NEW_PROJECT });
      await row.waitFor();
      const amount = (await row.locator('td').nth(3).innerText()).trim();
      check('new project listed with 12 万元', amount === '12', amount);
      check('new project listed as 草稿', (await row.innerText()).includes('草稿'));
      check('编辑 offered on the new draft', await drawer.locator('button.edit-button').isVisible());
      await shot('09-new-project');
      await axeScan(page, '新建的目标表·单位填报人');
      sheetUrl = page.url();
    });

    await step('indicators are added and moved by 一级/二级 group', async () => {
      await drawer.locator('button.edit-button').click();
      await drawer.locator('button.add-row').waitFor();
      check('an empty sheet explains how to add indicators', (await drawer.locator('nz-table.edit-indicators').innerText()).includes('选择所属的一级、二级指标'));
      const fillLast = async (name, target) => {
        const row = drawer.locator('tr.edit-row[data-name=""]').first();
        await row.locator('input.name-input').fill(name);
        await drawer.locator(`tr.edit-row[data-name="${name}"] input.target-input`).fill(target);
      };
      await drawer.locator('nz-cascader.add-cascader').click();
      await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').first().waitFor();
      await axeScan(page, '新增指标选择分组·单位填报人');
      await pickCascader('产出指标', '数量指标');
      await fillLast('检查定点医药机构数', '≥120 家');
      await drawer.locator('nz-cascader.add-cascader').click();
      await pickCascader('满意度指标', '服务对象满意度指标');
      await fillLast('定点医药机构满意度', '≥90%');
      await drawer.locator('nz-cascader.add-cascader').click();
      await pickCascader('产出指标', '成本指标');
      await fillLast('检查经费', '≤12 万元');
      // 在此组新增 in 产出指标 / 数量指标: the new row joins its group, above the 成本指标 row
      await drawer.locator('td.level2-cell', { hasText: '数量指标' }).locator('button.add-in-group').click();
      await fillLast('查处违规案件数', '≥10 件');
      const order = async () => drawer.locator('tr.edit-row').evaluateAll((rows) => rows.map((r) => `${r.dataset.level1}/${r.dataset.level2}/${r.dataset.name}`));
      check('在此组新增 adds the row inside its group', (await order()).join('|') === '产出指标/数量指标/检查定点医药机构数|产出指标/数量指标/查处违规案件数|产出指标/成本指标/检查经费|满意度指标/服务对象满意度指标/定点医药机构满意度', (await order()).join('|'));
      check('产出指标 merged over its 3 rows', (await drawer.locator('td.level1-cell', { hasText: '产出指标' }).getAttribute('rowspan')) === '3');
      // 移至: one row moves to 产出指标 / 质量指标
      await drawer.locator('tr.edit-row[data-name="查处违规案件数"] nz-cascader.move-cascader').click();
      await pickCascader('产出指标', '质量指标');
      await drawer.locator('tr.edit-row[data-level2="质量指标"]').waitFor();
      check('移至 moves the row to its new group', (await order()).join('|') === '产出指标/数量指标/检查定点医药机构数|产出指标/成本指标/检查经费|产出指标/质量指标/查处违规案件数|满意度指标/服务对象满意度指标/定点医药机构满意度', (await order()).join('|'));
      // the merged 二级 cell renames its whole group
      await drawer.locator('td.level2-cell', { hasText: '质量指标' }).locator('nz-select').click();
      await pickOption('时效指标');
      await drawer.locator('tr.edit-row[data-level2="时效指标"]').waitFor();
      check('the merged 二级 cell renames its group', (await drawer.locator('tr.edit-row[data-name="查处违规案件数"]').getAttribute('data-level2')) === '时效指标');
      check('3 二级 groups under 产出指标 and 1 under 满意度指标', (await drawer.locator('td.level2-cell').count()) === 4);
      await drawer.locator('#edit-indicators-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot('14-grouped-new-indicators');
      await axeScan(page, '按分组编辑新指标·单位填报人');
      await drawer.locator('.editor-actions button.ant-btn-primary').click();
      await drawer.locator('button.edit-button').waitFor();
      const levels = (await drawer.locator('jx-indicator-table td.level').allInnerTexts()).map((t) => t.trim());
      check('saved in groups: the read view merges them the same way', levels.join('|') === '产出指标|数量指标|成本指标|时效指标|满意度指标|服务对象满意度指标', levels.join('|'));
    });

    await step('a saved spending plan is drawn as a chart', async () => {
      await drawer.locator('button.edit-button').click();
      const addMonth = drawer.getByRole('button', { name: /新增月份/ });
      await addMonth.waitFor();
      for (const [index, amount] of ['30000', '60000', '90000', '120000'].entries()) {
        await addMonth.click();
        const input = drawer.locator('input.amount-input').nth(index); // wait for the new row, not the last one so far
        await input.waitFor();
        await input.fill(amount);
      }
      await drawer.locator('jx-sheet-editor jx-plan-chart canvas').waitFor();
      check('live chart while editing', (await drawer.locator('jx-sheet-editor jx-plan-chart canvas').count()) >= 1);
      await drawer.locator('#edit-plan-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      await shot('10a-plan-editor');
      await axeScan(page, '资金支出计划编辑·单位填报人');
      await drawer.locator('.editor-actions button.ant-btn-primary').click();
      await drawer.locator('button.edit-button').waitFor();
      const section = drawer.locator('section[aria-labelledby="plan-title"]');
      const canvas = section.locator('jx-plan-chart canvas');
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      check('chart canvas rendered in 资金支出计划', box !== null && box.width > 300 && box.height > 150, JSON.stringify(box));
      const label = (await section.locator('jx-plan-chart [role="img"]').getAttribute('aria-label')) ?? '';
      check('chart labelled with the 预算总额 in 万元', label.includes('预算总额 12 万元'), label);
      check('plan table lists 4 months', (await section.locator('tbody tr').count()) === 4);
      await drawer.locator('tr.audit-row', { hasText: '保存修改' }).first().waitFor();
      check('操作日志 records 新建项目 in Chinese', (await drawer.locator('tr.audit-row', { hasText: '新建项目' }).count()) === 1);
      await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      await shot('10-plan-chart');
      await axeScan(page, '资金支出计划图·单位填报人');
      await logOut();
    });

    // ── 部门整体绩效目标: 年度主要任务 and 部门预算, edited by the department ──
    await step('the department reviewer edits the department-wide tasks and budget', async () => {
      sheetUrl = undefined;
      await logIn('hanyin.reviewer');
      await page.goto(`${baseUrl}/sheets?year=2024`);
      await page.locator('a.department', { hasText: DEPARTMENT }).click();
      await page.getByRole('button', { name: '查看部门整体绩效目标' }).click();
      await drawer.getByRole('heading', { name: '年度主要任务' }).waitFor();
      sheetUrl = page.url();
      check('编辑 offered to the department reviewer', await drawer.locator('button.edit-button').isVisible());
      await drawer.locator('button.edit-button').click();
      const taskRows = drawer.locator('tr.task-row');
      await taskRows.first().waitFor();
      check('the three published tasks are editable', (await taskRows.count()) === 3);
      const special = taskRows.nth(2);
      check('task amount shown in 元 with a 万元 hint', (await special.locator('jx-amount-input.task-amount input').inputValue()) === '16541400.00' && (await special.locator('.amount-hint').innerText()).includes('合 1654.14 万元'));
      await special.locator('textarea.task-content').fill('完成医疗保障管理重点工作及医保基金监管');
      await special.locator('jx-amount-input.task-amount input').fill('1700万');
      await drawer.locator('button.add-task').click();
      const added = taskRows.nth(3);
      await added.locator('input.task-name').fill('医保政策宣传');
      await added.locator('jx-amount-input.task-amount input').fill('50000');
      check('a new task amount gets its 万元 hint', (await added.locator('.amount-hint').innerText()).includes('合 5 万元'));
      await drawer.locator('#budget-project').fill('17000000');
      await drawer.locator('.budget-problem').waitFor();
      const problem = (await drawer.locator('.budget-problem').innerText()).trim();
      check('budget parts that do not add up are explained live', problem.includes('之和不等于部门预算总额'), problem);
      await drawer.locator('#edit-budget-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot('15-department-budget-mismatch');
      await axeScan(page, '部门预算不平衡提示·部门审核人');
      await drawer.locator('.editor-actions button.ant-btn-primary').click();
      const saveError = drawer.locator('.save-error');
      await saveError.waitFor();
      check('saving is refused while the budget does not add up', (await saveError.innerText()).includes('请核对部门预算'), await saveError.innerText());
      await drawer.locator('#budget-total').fill('20424800');
      await drawer.locator('.budget-problem').waitFor({ state: 'detached' });
      check('部门预算总额 hint in 万元', (await drawer.locator('#budget-total + .amount-hint').innerText()).includes('合 2042.48 万元'));
      await drawer.locator('#edit-tasks-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot('16-department-editor');
      await axeScan(page, '部门整体绩效目标编辑·部门审核人');
      await drawer.locator('.editor-actions button.ant-btn-primary').click();
      await drawer.locator('button.edit-button').waitFor();
      await page.reload();
      await drawer.getByRole('heading', { name: '年度主要任务' }).waitFor();
      const rows = await drawer.locator('section[aria-labelledby="tasks-title"] tbody tr').allInnerTexts();
      check('after a reload: 4 tasks', rows.length === 4, rows.join(' | '));
      check('after a reload: the changed task', rows.some((r) => r.includes('医保基金监管') && r.includes('1700')), rows.join(' | '));
      check('after a reload: the new task in 万元', rows.some((r) => r.includes('医保政策宣传') && r.includes('5')), rows.join(' | '));
      const budget = await drawer.locator('nz-descriptions').innerText();
      check('after a reload: the budget in 万元', budget.includes('2042.48') && budget.includes('1700') && budget.includes('342.48'), budget);
      await drawer.locator('tr.audit-row', { hasText: '保存修改' }).first().waitFor();
      check('操作日志 records the save', (await drawer.locator('tr.audit-row', { hasText: '保存修改' }).count()) >= 1);
      await drawer.locator('#tasks-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot('17-department-saved');
      await axeScan(page, '部门整体绩效目标保存后·部门审核人');
      await logOut();
    });

    // ── 新建项目 by the admin, who picks the unit ──
    const ADMIN_PROJECT = '医保基金防控能力建设';
    await step(`the admin creates ${ADMIN_PROJECT}, choosing the unit`, async () => {
      sheetUrl = undefined;
      await logIn('admin');
      await page.goto(`${baseUrl}/sheets?year=2024`);
      await page.locator('a.department', { hasText: '神木市医疗保障局' }).click();
      await page.locator('h1.dept-name', { hasText: '神木市医疗保障局' }).waitFor();
      await page.locator('tr.project-row').first().waitFor();
      await axeScan(page, '绩效目标·系统管理员');
      const create = page.getByRole('button', { name: /新建项目/ });
      check('新建项目 offered to the admin', await create.isVisible());
      await create.click();
      const modal = page.locator('.ant-modal-content', { hasText: '项目名称' });
      await modal.waitFor();
      const unitSelect = modal.locator('nz-select[nzid="np-unit"]');
      check('实施单位 not preset for the admin', (await unitSelect.innerText()).includes('选择实施单位'), await unitSelect.innerText());
      await modal.locator('#np-name').fill(ADMIN_PROJECT);
      await modal.locator('#np-total').fill('300000');
      check('the unit is asked for', (await modal.locator('.create-hint').innerText()).includes('实施单位'), await modal.locator('.create-hint').innerText());
      await unitSelect.click();
      const units = (await page.locator('nz-option-item').allInnerTexts()).map((t) => t.trim());
      check('the department’s units offered', units.length === 3 && units.includes('神木市医保基金防控中心'), units.join('|'));
      await pickOption('神木市医保基金防控中心');
      await page.locator('nz-option-item').first().waitFor({ state: 'detached' });
      await shot('18-admin-new-project');
      await axeScan(page, '新建项目对话框·系统管理员');
      await modal.locator('.ant-modal-footer button.ant-btn-primary').click();
      await page.waitForURL(/sheet=/);
      await statusTag.waitFor();
      check('the admin’s new sheet opens as 草稿', (await statusTag.innerText()).trim() === '草稿');
      check('drawer shows the admin’s project', (await page.locator('.ant-drawer-title').innerText()).includes(ADMIN_PROJECT));
      const summary = await drawer.locator('nz-descriptions').innerText();
      check('the chosen unit is the 实施单位', /实施单位\s*神木市医保基金防控中心/.test(summary), summary);
      const row = page.locator('tr.project-row', { hasText: ADMIN_PROJECT });
      await row.waitFor();
      check('the new project is listed as 草稿', (await row.innerText()).includes('草稿'));
      check('编辑 offered to the admin on the draft', await drawer.locator('button.edit-button').isVisible());
      await logOut();
    });

    await step('keyboard only: login → 绩效目标 → a sheet → 编辑 → a target → 保存, with a visible focus', async () => {
      sheetUrl = undefined;
      await keyboardWalk({ page, baseUrl, username: DEMO_USER, department: DEPARTMENT, project: '医疗救助县级补助资金', shot });
      await axeScan(page, '绩效目标·键盘操作后');
      await page.getByRole('button', { name: /退出/ }).click();
      await page.waitForURL(/\/login/);
    });

    // ── 预算年度与填报时间 and 结转 (fiscal-years.steps.mjs) ──
    await fiscalYearSteps({ page, baseUrl, shot, logIn, pickOption });

    // A 401 on the failed login attempt and the 409 of the conflict step are expected; anything else is a real console error.
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
