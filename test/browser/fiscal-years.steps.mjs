// Browser steps of 预算年度与填报时间 and 结转 (run by run.mjs, after its steps approved 医保重点工作经费
// and opened its adjustment): the admin opens 2025 with its windows, finance reopens 1–7月 of 2024 for
// one unit, the unit editor records a 1–7月 actual, rolls the project over to 2025 (from the approved
// version), sees last year's target and actual beside each row, edits a row and the header.
import { axeScan, check, step } from './harness.mjs';

/** Today plus `days` in 北京时间, 'YYYY-MM-DD'. */
function beijingDay(days) {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * @param {{ page: import('playwright-core').Page, baseUrl: string, shot: (name: string) => Promise<unknown>,
 *   logIn: (username: string) => Promise<void>, pickOption: (label: string) => Promise<void> }} ctx
 */
export async function fiscalYearSteps({ page, baseUrl, shot, logIn, pickOption }) {
  const drawer = page.locator('.ant-drawer-content');
  const PROJECT = '医保重点工作经费'; // 汉阴: approved (version 1 in effect), version 2 a draft; first indicator >27万人
  const logOut = async () => {
    await page.getByRole('button', { name: /退出/ }).click();
    await page.waitForURL(/\/login/);
  };

  await step('the admin opens 2025 with the national monitoring windows', async () => {
    await logIn('admin');
    const nav = page.getByRole('link', { name: '预算年度' });
    check('预算年度 in the admin’s navigation', await nav.isVisible());
    await nav.click();
    await page.waitForURL(/\/fiscal-years/);
    await page.locator('tr.window').first().waitFor();
    check('2024’s windows listed', (await page.locator('tr.window').count()) === 7);
    await page.locator('button.open-year').click();
    const form = page.locator('jx-windows-form');
    await form.waitFor();
    check('the year to open is 2025', (await page.locator('#new-year').inputValue()) === '2025');
    check('1–7月 offered from 2025-08-01', (await form.locator('tr[data-period="M7"] input.opens-on').inputValue()) === '2025-08-01');
    await form.locator('tr[data-period="M7"] input.closes-on').fill('2025-08-25');
    await axeScan(page, '开启预算年度·系统管理员');
    await shot('fy-01-open-2025');
    await page.locator('button.confirm-open').click();
    await page.locator('.open-card').waitFor({ state: 'detached' });
    await page.locator('nz-select.year-select', { hasText: '2025年' }).waitFor();
    const m7 = page.locator('tr.window[data-period="M7"]');
    check('2025’s 1–7月 window as set', (await m7.locator('.dates').innerText()).trim() === '2025-08-01 至 2025-08-25', await m7.locator('.dates').innerText());
    await axeScan(page, '填报时间·系统管理员');
    await shot('fy-02-windows-2025');
    await logOut();
  });

  await step('finance reopens 1–7月 of 2024 for one unit', async () => {
    await logIn('hanyin.finance');
    await page.getByRole('link', { name: '预算年度' }).click();
    await page.waitForURL(/\/fiscal-years/);
    await page.locator('nz-select.year-select').click();
    await pickOption('2024年');
    await page.locator('nz-select.year-select', { hasText: '2024年' }).waitFor();
    check('finance cannot open a year', (await page.locator('button.open-year').count()) === 0);
    await page.locator('nz-select.reopen-organization').click();
    await pickOption('单位：汉阴县医疗保障局本级');
    const until = beijingDay(14);
    await page.locator('#reopen-until').fill(until);
    await page.locator('#reopen-reason').fill('单位负责人出差，延期补报');
    await page.locator('button.reopen-submit').click();
    const done = page.locator('.reopen-done');
    await done.waitFor();
    check('the reopening is confirmed', (await done.innerText()).includes(`至 ${until}`), await done.innerText());
    const reopening = page.locator('tr.window[data-period="M7"] .reopening');
    await reopening.waitFor();
    check('the reopening listed with its reason', (await reopening.innerText()).includes('单位负责人出差，延期补报'), await reopening.innerText());
    await axeScan(page, '重新开放填报·财政审核人');
    await shot('fy-03-reopened');
    await logOut();
  });

  await step(`the unit editor rolls ${PROJECT} over to 2025`, async () => {
    await logIn('hanyin.editor');
    await page.goto(`${baseUrl}/sheets?year=2024`);
    await page.locator('nz-select.year-select').click();
    const years = (await page.locator('nz-option-item').allInnerTexts()).map((t) => t.trim());
    check('the year selector lists 2025 and 2024', years.join('|') === '2025年|2024年', years.join('|'));
    await pickOption('2024年');
    // 1–7月 of the version in effect, recorded through the API as the execution page would
    const recorded = await page.evaluate(async (name) => {
      const { accessToken } = JSON.parse(localStorage.getItem('jixiao.session'));
      const get = async (url) => (await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } })).json();
      const project = (await get('/api/projects?fiscalYear=2024')).find((p) => p.name === name);
      const { previousVersionId } = await get(`/api/target-sheets/${project.sheet.id}/diff`);
      const approved = await get(`/api/target-sheets/${previousVersionId}`);
      const first = approved.indicators.find((i) => i.target === '>27万人');
      const res = await fetch(`/api/target-sheets/${approved.id}/actuals/M7`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ actuals: [{ indicatorId: first.id, actual: { kind: 'number', value: 26.8 } }] }),
      });
      return res.status;
    }, PROJECT);
    check('a 1–7月 actual recorded on the approved version', recorded === 200, String(recorded));
    await page.locator('tr.project-row', { hasText: PROJECT }).click();
    const rollOver = drawer.locator('button.roll-over', { hasText: '结转到 2025 年' });
    await rollOver.waitFor();
    await rollOver.click();
    await page.waitForURL(/year=2025/);
    const note = drawer.locator('.rolled-over-note');
    await note.waitFor();
    check('the new sheet says where it came from', (await note.innerText()).includes(`由 2024 年度「${PROJECT}」结转生成`), await note.innerText());
    check('the new sheet is a 2025 draft', /预算年度\s*2025年/.test(await drawer.locator('nz-descriptions').innerText()));
    const previous = await drawer.locator('jx-indicator-table td.previous-target').allInnerTexts();
    check('last year’s targets beside the rows', previous.length === 9 && previous[0]?.trim() === '>27万人', previous.join('|'));
    const actual = (await drawer.locator('jx-indicator-table td.previous-actual').first().innerText()).trim();
    check('last year’s 1–7月 actual beside its row', actual === '26.8万人（截至1–7月）', actual);
    await page.locator('tr.project-row', { hasText: PROJECT }).waitFor();
    check('the 2025 list shows the rolled-over project', (await page.locator('tr.project-row').count()) === 1);
  });

  await step('the rolled-over sheet is edited beside last year’s values', async () => {
    await drawer.locator('button.edit-button').click();
    const editor = drawer.locator('jx-indicators-editor');
    await editor.waitFor();
    check('the editor shows 上年指标值 and 上年实际完成值', (await editor.locator('th.previous-head').allInnerTexts()).join('|') === '上年指标值|上年实际完成值');
    const firstTarget = editor.locator('input.target-input').first();
    check('row 1 starts from last year’s target', (await firstTarget.inputValue()) === '>27万人');
    await firstTarget.fill('>28万人');
    check('row 1 keeps last year’s target and actual beside it', (await editor.locator('td.previous-target').first().innerText()).trim() === '>27万人');
    check('last year’s actual said when none was recorded', (await editor.locator('td.previous-actual').nth(1).innerText()).trim() === '未填报');
    await editor.locator('table').scrollIntoViewIfNeeded();
    await axeScan(page, '结转后的编辑·单位填报人');
    await shot('fy-04-rolled-over-editor');
    await drawer.locator('button.save-sheet').click();
    await drawer.locator('button.edit-button').waitFor();
    const targets = await drawer.locator('jx-indicator-table td.target').allInnerTexts();
    check('the edited target saved', targets[0]?.trim() === '>28万人', targets.join('|'));
  });

  await step('修改项目信息 of the rolled-over draft', async () => {
    await drawer.locator('button.edit-header').click();
    const modal = page.locator('.header-modal');
    await modal.waitFor();
    await modal.locator('#ph-total').fill('45万');
    await modal.locator('#ph-fiscal').fill('45万');
    await axeScan(page, '修改项目信息·单位填报人');
    await shot('fy-05-project-header');
    await modal.locator('.ant-modal-footer button.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    const summary = await drawer.locator('nz-descriptions').innerText();
    check('the new amount shown', /资金总额（万元）\s*45(\.00)?/.test(summary), summary);
    const audit = await drawer.locator('tr.audit-row').allInnerTexts();
    check('the log says 修改项目信息 and 结转', audit.some((r) => r.includes('修改项目信息')) && audit.some((r) => r.includes('结转')), audit.join(' / '));
    await page.locator('.ant-drawer-close').click();
    await logOut();
  });
}
