#!/usr/bin/env node
// Browser test of Excel-speed entry and printing (issue 11, items 5 and 7): starts the app on a free
// port with a fresh embedded database; the unit editor pastes rows copied from Excel into the sheet
// editor (Ctrl+V on the real clipboard), reads the preview, presses Enter to add a row, fills the
// spending plan by quarter and types 20万; then the sheet page and the 年终自评 page are printed to PDF
// (Chromium's print-to-PDF, A4 landscape) and laid out at the printed width to check that nothing is
// cut off, that navigation and buttons are left out and that table headers repeat.
// The PDFs and screenshots are written to test/browser/screenshots/.
// Prints "N passed, N failed"; exits 1 when anything failed. Environment: see harness.mjs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUnderTest, check, collectConsoleErrors, DEMO_PASSWORD, finish, launchChromium, screenshotDir, setFailureShot, step, api, acknowledgeErrors } from './harness.mjs';

const PROJECT = '医保重点工作经费';
/** The project whose 年终自评 is printed (approved through the API; its indicators are the seed's). */
const EVALUATED_PROJECT = '医疗救助县级补助资金';
/** Rows as Excel puts them on the clipboard: a header, a merged 一级 cell (empty below), a cell with a line break, a row too short. */
const PASTED =
  ['一级指标\t二级指标\t三级指标\t指标值\t分值', '产出指标\t数量指标\t查处违规案件数\t≥10件\t5', '\t质量指标\t"基金监管\n覆盖率"\t100%\t5', '效益指标\t社会效益指标\t群众就医负担\t有所减轻\t', '满意度指标\t只有两列'].join('\r\n') +
  '\r\n';
/** The printable width of A4 landscape with the stylesheet's 10 mm side margins, in CSS pixels (277 mm at 96 dpi). */
const PRINT_WIDTH = Math.floor(((297 - 20) / 25.4) * 96);

/**
 * Lays the page out as printed (print media, the printable width of A4 landscape) and reports what
 * would be cut off or shown that should not be: tables or cells wider than the page, visible buttons
 * or navigation, table headers that would not repeat.
 */
async function printedLayout(page) {
  await page.setViewportSize({ width: PRINT_WIDTH, height: 700 });
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate((width) => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const tables = [...document.querySelectorAll('table')].filter(visible);
    const overflowing = [...document.querySelectorAll('table, th, td, canvas, .ant-drawer-body *')]
      .filter(visible)
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} → ${Math.round(el.getBoundingClientRect().right)}px`);
    return {
      tables: tables.length,
      rows: tables.reduce((n, t) => n + t.querySelectorAll('tbody tr').length, 0),
      overflowing: [...new Set(overflowing)].slice(0, 8),
      scrollWidth: document.documentElement.scrollWidth,
      buttons: [...document.querySelectorAll('button, a[nz-button], .ant-btn')].filter(visible).filter((b) => !b.classList.contains('link')).map((b) => b.textContent.trim().slice(0, 12)),
      navigation: [...document.querySelectorAll('nz-header, nav')].filter(visible).length,
      headersRepeat: tables.every((t) => t.tHead === null || getComputedStyle(t.tHead).display === 'table-header-group'),
    };
  }, PRINT_WIDTH);
  await page.emulateMedia({ media: null }); // page.pdf() prints with print media only while no media is emulated
  await page.setViewportSize({ width: 1440, height: 900 });
  return layout;
}

/** Prints the page to PDF as Chromium does (the stylesheet's @page: A4 landscape) and counts its pages. */
async function printToPdf(page, name) {
  const path = join(screenshotDir, `${name}.pdf`);
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  const bytes = readFileSync(path);
  const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(bytes.toString('latin1'));
  return { path, bytes: bytes.length, pages, width: box ? Number(box[1]) : 0, height: box ? Number(box[2]) : 0 };
}

function checkPrinted(what, layout, pdf) {
  check(`${what}: printed as A4 landscape (842 × 595 pt)`, Math.round(pdf.width) === 842 && Math.round(pdf.height) === 595, `${pdf.width} × ${pdf.height}`);
  check(`${what}: the PDF has pages`, pdf.pages >= 1, `${pdf.pages} pages, ${pdf.bytes} bytes`);
  check(`${what}: its tables are printed`, layout.tables >= 1 && layout.rows >= 1, JSON.stringify(layout));
  check(`${what}: nothing wider than the page (${PRINT_WIDTH}px)`, layout.overflowing.length === 0 && layout.scrollWidth <= PRINT_WIDTH + 1, `${layout.scrollWidth}px; ${layout.overflowing.join('; ')}`);
  check(`${what}: no button printed`, layout.buttons.length === 0, layout.buttons.join(' | '));
  check(`${what}: no navigation printed`, layout.navigation === 0, `${layout.navigation}`);
  check(`${what}: table headers repeat on every page`, layout.headersRepeat);
}

async function main() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  let target;
  let context;
  try {
    target = await appUnderTest();
    const { baseUrl } = target;
    const token = async (username) => (await api(baseUrl, null, 'POST', '/auth/login', { username, password: DEMO_PASSWORD })).accessToken;
    const tokens = { editor: await token('hanyin.editor'), reviewer: await token('hanyin.reviewer'), finance: await token('hanyin.finance') };
    const projects = await api(baseUrl, tokens.editor, 'GET', '/projects?fiscalYear=2024');
    const sheetId = projects.find((p) => p.name === PROJECT).sheet.id;
    const evaluatedId = projects.find((p) => p.name === EVALUATED_PROJECT).sheet.id;

    context = await launchChromium(userDataDir, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    const consoleErrors = collectConsoleErrors(page);
    const shot = (name) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    setFailureShot((stepName) => shot(`failed-xl-${stepName.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}`));
    const drawer = page.locator('.ant-drawer-content');
    const editRows = drawer.locator('tr.edit-row');

    await step('log in as the unit editor and open the sheet in the editor', async () => {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill('hanyin.editor');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(/\/sheets/);
      await page.goto(`${baseUrl}/sheets?year=2024&sheet=${sheetId}`);
      await drawer.locator('button.edit-button').click();
      await editRows.first().waitFor();
      check('the editor shows the sheet’s rows', (await editRows.count()) > 0);
    });

    let before = 0;
    await step('Ctrl+V of rows copied from Excel adds them, with a preview of what was understood', async () => {
      before = await editRows.count();
      await page.evaluate((text) => navigator.clipboard.writeText(text), PASTED);
      await drawer.locator('input.paste-input').focus();
      await page.keyboard.press('Control+V');
      const preview = drawer.locator('jx-paste-preview');
      await preview.waitFor();
      const message = (await preview.locator('.ant-alert-message').innerText()).trim();
      check('the preview counts 3 rows, the header skipped, 1 row not taken', message.startsWith('已粘贴 3 项指标，表头 1 行已跳过，1 行未导入'), message);
      const cells = await preview.locator('tr.paste-row').nth(1).locator('td').allInnerTexts();
      check('the merged 一级 cell is carried down and the wrapped cell joined', cells.join('|') === '3|产出指标|质量指标|基金监管覆盖率|100%|≥ 100%|5', cells.join('|'));
      const problem = (await preview.locator('li.paste-problem').innerText()).trim();
      check('the short row is named', problem.includes('第 5 行只有 2 列'), problem);
      check('the table has 3 more rows', (await editRows.count()) === before + 3, `${before} → ${await editRows.count()}`);
      check('the pasted row is in its group', (await drawer.locator('tr.edit-row[data-name="基金监管覆盖率"]').getAttribute('data-level2')) === '质量指标');
      await preview.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshotDir, 'xl-01-pasted.png') });
    });

    await step('撤销粘贴 puts the table back; a second paste takes the rows again', async () => {
      await drawer.locator('button.undo-paste').click();
      check('the rows are as before', (await editRows.count()) === before);
      await drawer.locator('input.paste-input').focus();
      await page.keyboard.press('Control+V');
      await drawer.locator('jx-paste-preview').waitFor();
      check('pasted again', (await editRows.count()) === before + 3);
    });

    await step('one cell pasted into a 指标值 pastes as text', async () => {
      await page.evaluate(() => navigator.clipboard.writeText('≥12件'));
      const input = drawer.locator('tr.edit-row[data-name="查处违规案件数"] input.target-input');
      await input.fill('');
      await input.focus();
      await page.keyboard.press('Control+V');
      check('the cell’s text is in the field', (await input.inputValue()) === '≥12件', await input.inputValue());
      check('the rows are unchanged', (await editRows.count()) === before + 3);
    });

    await step('Enter in a 指标值 adds a row below and focuses it; Tab walks along the row', async () => {
      const target = drawer.locator('tr.edit-row[data-name="查处违规案件数"] input.target-input');
      await target.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.classList.contains('name-input') && document.activeElement.value === '');
      check('a new row', (await editRows.count()) === before + 4);
      await page.keyboard.type('处理投诉件数');
      await page.keyboard.press('Tab');
      check('Tab goes to the 指标值 of the same row', await page.evaluate(() => document.activeElement?.classList.contains('target-input') && document.activeElement.value === ''));
      await page.keyboard.type('≥20件');
      const added = drawer.locator('tr.edit-row[data-name="处理投诉件数"]');
      check('the new row is in the group of the row above', (await added.getAttribute('data-level2')) === '数量指标');
      check('its target is parsed', (await added.locator('.spec-text').innerText()).includes('20'), await added.locator('.spec-text').innerText());
    });

    await step('the spending plan fills 3/6/9/12月 in one step, and 20万 is read as 元', async () => {
      await drawer.locator('button.fill-quarters').click();
      const amounts = await drawer.locator('jx-plan-editor input.amount-input').evaluateAll((inputs) => inputs.map((i) => i.value));
      check('four cumulative amounts ending on the total', amounts.length === 4 && Number(amounts[3]) > 0 && Number(amounts[1]) * 2 - Number(amounts[3]) <= 0.01, amounts.join(', '));
      const first = drawer.locator('jx-plan-editor input.amount-input').first();
      await first.fill('20万');
      const hint = (await drawer.locator('jx-plan-editor .amount-hint').first().innerText()).trim();
      check('20万 is shown as 20 万元', hint === '合 20 万元', hint);
      await shot('xl-02-enter-and-plan');
      await drawer.locator('.editor-actions button.ant-btn-primary').click();
      await drawer.locator('button.edit-button').waitFor();
      const saved = await api(baseUrl, tokens.editor, 'GET', `/target-sheets/${sheetId}`);
      check('saved: the pasted and the added rows', ['查处违规案件数', '基金监管覆盖率', '群众就医负担', '处理投诉件数'].every((n) => saved.indicators.some((i) => i.name === n)));
      check('saved: 20万 as 200000.00 元', saved.spendingPlan?.[0]?.cumulativeAmount === '200000.00', JSON.stringify(saved.spendingPlan));
      check('saved: the pasted 分值', saved.indicators.find((i) => i.name === '查处违规案件数')?.weight === '5.00' || saved.indicators.find((i) => i.name === '查处违规案件数')?.weight === '5');
    });

    await step('the sheet page prints on A4 landscape with nothing cut off', async () => {
      await page.goto(`${baseUrl}/sheets?year=2024&sheet=${sheetId}`);
      await drawer.locator('jx-indicator-table tbody tr').first().waitFor();
      // the 资金支出计划 chart (filled above) drawn at the panel's screen width before printing: the widest thing printed
      await drawer.locator('jx-plan-chart [_echarts_instance_] canvas').first().waitFor();
      const pdf = await printToPdf(page, 'xl-03-sheet');
      const layout = await printedLayout(page);
      checkPrinted('sheet', layout, pdf);
    });

    await step('the 年终自评 page prints on A4 landscape with nothing cut off', async () => {
      for (const [who, action] of [['editor', 'submit'], ['reviewer', 'department_approve'], ['finance', 'approve']]) {
        const sheet = await api(baseUrl, tokens[who], 'GET', `/target-sheets/${evaluatedId}`);
        const acknowledgements = action === 'submit' ? acknowledgeErrors(sheet.findings) : undefined;
        await api(baseUrl, tokens[who], 'POST', `/target-sheets/${evaluatedId}/transitions`, { action, rowVersion: sheet.rowVersion, acknowledgements });
      }
      await api(baseUrl, tokens.editor, 'POST', `/target-sheets/${evaluatedId}/evaluation`, {});
      await page.goto(`${baseUrl}/sheets/${evaluatedId}/evaluation`);
      await page.locator('[data-testid="total"]').waitFor();
      await shot('xl-04-evaluation-screen');
      const pdf = await printToPdf(page, 'xl-04-evaluation');
      const layout = await printedLayout(page);
      checkPrinted('年终自评', layout, pdf);
    });

    check('no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
  } finally {
    await context?.close();
    target?.stop();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  finish();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
