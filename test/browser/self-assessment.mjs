#!/usr/bin/env node
// Browser test of 执行监控, 年终自评 and 结果应用: starts the app on a free port with a fresh embedded
// database, approves the project 医保重点工作经费 through the API (提交 → 部门审核通过 → 财政批准), then
// in Chromium: the unit editor records monthly spending and the 1–7月 and 全年 actuals (lights previewed
// while typing, one indicator left without a final value, some clearly unmet), computes the self-assessment
// and reads the unmet flags, downloads the 自评表 (.xlsx, .pdf); the department reviewer adjusts a score with
// a reason; the finance reviewer sees the overview with its charts, runs the region's evaluation as a job to
// completion, downloads a department's 自评报告 (.docx) and drills down to an unmet indicator.
// Screenshots go to test/browser/screenshots/sa-*.png. Prints "N passed, N failed"; exits 1 when anything failed.
//
// Environment:
//   JIXIAO_START_CMD   command that starts the app (default `npm start`); gets PORT and DATA_DIR
//   JIXIAO_BASE_URL    test an app that is already running instead (nothing is started)
//   CHROMIUM_PATH      Chromium executable (default /usr/bin/chromium)
//   JIXIAO_START_TIMEOUT_MS  how long to wait for /api/docs-json (default 180000)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUnderTest, collectConsoleErrors, axeScan, check, DEMO_PASSWORD, finish, launchChromium, screenshotDir, setFailureShot, step, api, acknowledgeErrors } from './harness.mjs';

const SA_PROJECT = '医保重点工作经费';
/** A second project, approved late, whose first indicator is corrected to a count per quarter. */
const COUNT_PROJECT = '医疗救助县级补助资金';

/** A year-end value meeting a target of this kind, for setting up a scored sheet; null where none is simple. */
function yearEndActual(spec) {
  switch (spec?.kind) {
    case 'numeric':
      return { kind: 'number', value: spec.op === '>' ? spec.value + 1 : spec.op === '<' ? spec.value / 2 : spec.value };
    case 'range':
      return { kind: 'number', value: spec.min };
    case 'deadline':
      return { kind: 'date', doneOn: `2024-${spec.by}` };
    case 'qualitative':
      return { kind: 'tier', tier: 'achieved' };
    default:
      return null;
  }
}

async function main() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  const downloadDir = mkdtempSync(join(tmpdir(), 'jixiao-downloads-'));
  let target;
  let context;
  try {
    target = await appUnderTest();
    const { baseUrl } = target;

    // Setup through the API: the project's sheet is approved (monitoring follows approved targets).
    const token = async (username) => (await api(baseUrl, null, 'POST', '/auth/login', { username, password: DEMO_PASSWORD })).accessToken;
    const tokens = { editor: await token('hanyin.editor'), reviewer: await token('hanyin.reviewer'), finance: await token('hanyin.finance') };
    const projects = await api(baseUrl, tokens.editor, 'GET', '/projects?fiscalYear=2024');
    const sheetId = projects.find((p) => p.name === SA_PROJECT).sheet.id;
    for (const [who, action] of [['editor', 'submit'], ['reviewer', 'department_approve'], ['finance', 'approve']]) {
      const sheet = await api(baseUrl, tokens[who], 'GET', `/target-sheets/${sheetId}`);
      const acknowledgements = action === 'submit' ? acknowledgeErrors(sheet.findings) : undefined;
      await api(baseUrl, tokens[who], 'POST', `/target-sheets/${sheetId}/transitions`, { action, rowVersion: sheet.rowVersion, acknowledgements });
    }

    context = await launchChromium(userDataDir, { acceptDownloads: true });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    const consoleErrors = collectConsoleErrors(page);
    const shot = (name) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    setFailureShot((stepName) => shot(`failed-sa-${stepName.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}`));

    const logIn = async (username) => {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(/\/sheets/);
    };
    const logOut = async () => {
      await page.getByRole('button', { name: /退出/ }).click();
      await page.waitForURL(/\/login/);
    };
    const pickOption = (label) => page.locator('nz-option-item', { hasText: new RegExp(`^\\s*${label}\\s*$`) }).click();
    const row = (name) => page.locator(`tr.indicator-row[data-name="${name}"]`);
    const deviation = (name) => page.locator(`tr.deviation-row[data-for="${name}"]`);
    const lightOf = async (name) => (await row(name).locator('.light').getAttribute('data-light')) ?? '';
    const fillActual = (name, value) => row(name).locator('input.value-input').first().fill(value);
    const choose = async (name, what, label) => {
      await row(name).locator(what).click();
      await pickOption(label);
    };
    /** Clicks and returns the downloaded file's first bytes and name. */
    const download = async (button) => {
      const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const path = join(downloadDir, file.suggestedFilename());
      await file.saveAs(path);
      const bytes = readFileSync(path);
      return { name: file.suggestedFilename(), bytes };
    };

    await step('the unit editor records monthly spending against the plan', async () => {
      await logIn('hanyin.editor');
      // The approved sheet's panel links to its 执行监控 and 年终自评.
      await page.goto(`${baseUrl}/sheets?year=2024&sheet=${sheetId}`);
      const links = page.locator('.ant-drawer-content nav.sheet-links');
      await links.waitFor();
      check('the approved sheet links to 年终自评', (await links.locator('a.evaluation-link').getAttribute('href')) === `/sheets/${sheetId}/evaluation`);
      await shot('sa-00-sheet-links');
      await axeScan(page, '已批准的目标表·单位填报人');
      await links.locator('a.execution-link').click();
      await page.waitForURL(new RegExp(`/sheets/${sheetId}/execution$`));
      await page.locator('h1.jx-page-title', { hasText: SA_PROJECT }).waitFor();
      check('执行监控 page of the project', (await page.locator('h1.jx-page-title').innerText()).includes('执行监控'));
      for (const [month, amount] of [[3, '100000'], [6, '150,000'], [9, '80000'], [12, '60000.50']]) {
        await page.getByLabel(`${month}月支出（元）`).fill(amount);
      }
      check('a 万元 hint follows the typing', (await page.locator('.months tr', { hasText: '12月' }).innerText()).includes('合 6.00005 万元'));
      await page.locator('button.save-spending').click();
      await page.locator('.message', { hasText: '已保存' }).first().waitFor();
      const header = await page.locator('#spending-title').innerText();
      check('spent to the cent: 39.00005 万元 of 41', header.includes('已支出 39.00005 万元') && header.includes('预算 41 万元'), header);
      check('the chart is drawn', await page.locator('jx-spending-chart canvas').first().isVisible());
    });

    await step('1–7月: actuals, a forecast and a likelihood light the indicators', async () => {
      await page.locator('label.ant-radio-button-wrapper', { hasText: '1–7月' }).click();
      await fillActual('服务全县参保群众人数', '15');
      await fillActual('群众对医保工作的满意度', '80');
      await choose('群众对医保工作的满意度', 'nz-select.likely-select', '有可能');
      await row('医保重要政策知晓率').locator('input.forecast-input').fill('45');
      check('on pace → 绿灯', (await lightOf('服务全县参保群众人数')) === 'green', await lightOf('服务全县参保群众人数'));
      check('有可能 darkens to 黄灯', (await lightOf('群众对医保工作的满意度')) === 'yellow', await lightOf('群众对医保工作的满意度'));
      check('a forecast at half the target → 红灯', (await lightOf('医保重要政策知晓率')) === 'red', await lightOf('医保重要政策知晓率'));
      check('lights carry text, not colour alone', (await row('医保重要政策知晓率').locator('.light').innerText()).includes('红灯'));
      await deviation('医保重要政策知晓率').locator('nz-select.category-select').click();
      await pickOption('其他');
      await deviation('医保重要政策知晓率').locator('input.reason-input').first().fill('宣传覆盖不足');
      const deadline = row('工作完成时限').locator('input.date-input');
      await deadline.fill('2024-07-15');
      await page.locator('button.save-actuals').click();
      await page.locator('.message', { hasText: '1–7月的完成情况已保存' }).waitFor();
      check('a completion date picked and saved (read back from the server)', (await deadline.inputValue()) === '2024-07-15', await deadline.inputValue());
      const alert = page.locator('nz-alert.second-round');
      await alert.waitFor();
      check('the 1–9月 round is asked for, with the reason', (await alert.innerText()).includes('「医保重要政策知晓率」1–7月进度偏差 50.00%'), await alert.innerText());
      await shot('sa-01-monitoring');
      await axeScan(page, '执行监控·单位填报人');
    });

    await step('a value that does not fit its target is refused before saving', async () => {
      await page.locator('label.ant-radio-button-wrapper', { hasText: '全年' }).click();
      await fillActual('服务全县参保群众人数', '二十八');
      check('the row says why', (await row('服务全县参保群众人数').locator('.row-error').innerText()).includes('不是数字'));
      await axeScan(page, '执行监控录入有误·单位填报人');
      await fillActual('服务全县参保群众人数', '28');
      check('and stops saying it once fixed', (await row('服务全县参保群众人数').locator('.row-error').count()) === 0);
    });

    await step('全年: the year-end values, one left out and some unmet', async () => {
      await fillActual('保障企业离休干部人数', '2');
      await choose('医保报销的合规性', 'nz-select.tier-select', '达成');
      await fillActual('预算控制数', '39.00005');
      await fillActual('医保重要政策知晓率', '85');
      await choose('医保人员业务水平的提升', 'nz-select.tier-select', '部分达成');
      await fillActual('群众对医保工作的满意度', '50');
      await deviation('群众对医保工作的满意度').locator('input.reason-input').first().fill('窗口人员不足');
      await fillActual('医保工作人员的满意度', '96');
      await page.locator('button.save-actuals').click();
      await page.locator('.message', { hasText: '全年的完成情况已保存' }).waitFor();
      check('saved 8 of 9 (工作完成时限 left out)', (await page.locator('.message', { hasText: '全年的完成情况已保存' }).innerText()).includes('8 项'));
    });

    await step('the evaluation scores the sheet and flags every unmet target', async () => {
      await page.getByRole('link', { name: /年终自评/ }).click();
      await page.waitForURL(/\/evaluation/);
      await page.getByText('该目标表尚未计算自评得分').waitFor();
      await axeScan(page, '年终自评尚未计算·单位填报人');
      await page.locator('button.compute').click();
      await page.locator('[data-testid="total"]').waitFor();
      check('total 81.96', (await page.locator('[data-testid="total"]').innerText()).trim() === '81.96', await page.locator('[data-testid="total"]').innerText());
      check('grade 良', (await page.locator('.summary .grade').innerText()).includes('良'));
      const flag = async (name) => {
        const tag = page.locator(`tr.score-row[data-name="${name}"] .unmet-tag`);
        return (await tag.count()) === 0 ? 'none' : ((await tag.getAttribute('data-unmet')) ?? 'none');
      };
      check('工作完成时限 未填报', (await flag('工作完成时限')) === 'missing');
      check('知晓率 轻微', (await flag('医保重要政策知晓率')) === 'minor');
      check('业务水平 较大', (await flag('医保人员业务水平的提升')) === 'moderate');
      check('满意度 50% 严重', (await flag('群众对医保工作的满意度')) === 'severe');
      check('a met indicator carries no flag', (await flag('服务全县参保群众人数')) === 'none');
      check('the unmet tag reads in Chinese', (await page.locator('tr.score-row[data-name="群众对医保工作的满意度"] .unmet-tag').innerText()).includes('未完成·严重'));
      await page.locator('tr.score-row[data-name="医保重要政策知晓率"] button.name').click();
      const how = await page.locator('tr.score-row[data-name="医保重要政策知晓率"] .how').innerText();
      check('how the score was computed is shown', how.includes('完成率') && how.includes('85') && how.includes('14.17'), how);
      check('the deviation reason is in the table', (await page.locator('tr.score-row[data-name="群众对医保工作的满意度"] .reason').innerText()).includes('窗口人员不足'));
      // One rounding of a rate: the column beside the explanation shows the same digits (5 ÷ 9 = 55.56%, half-up).
      const row = page.locator('tr.score-row[data-name="群众对医保工作的满意度"]');
      await row.locator('button.name').click();
      const column = (await row.locator('td.num').first().innerText()).trim();
      const explained = await row.locator('.how').innerText();
      check('the rate column and the explanation show the same digits', column === '55.56%' && explained.includes('55.56%'), `${column} | ${explained}`);
      await shot('sa-02-evaluation');
      await axeScan(page, '年终自评·单位填报人');
    });

    await step('both 自评表 files download', async () => {
      const xlsx = await download(page.locator('button.download-xlsx'));
      check('.xlsx is a zip (PK)', xlsx.bytes.subarray(0, 2).toString('latin1') === 'PK' && xlsx.name.endsWith('.xlsx'), xlsx.name);
      check('.xlsx has content', xlsx.bytes.length > 4000, String(xlsx.bytes.length));
      const pdf = await download(page.locator('button.download-pdf'));
      check('.pdf starts with %PDF', pdf.bytes.subarray(0, 4).toString('latin1') === '%PDF' && pdf.name.endsWith('.pdf'), pdf.name);
      check('.pdf embeds a CJK font', pdf.bytes.toString('latin1').includes('NotoSansCJK'), String(pdf.bytes.length));
      await logOut();
    });

    await step('the department reviewer adjusts a score with a written reason', async () => {
      await logIn('hanyin.reviewer');
      await page.goto(`${baseUrl}/sheets/${sheetId}/evaluation`);
      await page.locator('[data-testid="total"]').waitFor();
      await page.locator('tr.score-row[data-name="医保重要政策知晓率"] button.override-button').click();
      const modal = page.locator('.ant-modal');
      await modal.locator('input.override-score').fill('13');
      await modal.locator('button.override-save').click();
      check('a reason is required', (await modal.locator('.row-error').innerText()).includes('请写明调整理由'));
      await axeScan(page, '评价人调整对话框·部门审核人');
      await modal.locator('textarea.override-reason-input').fill('宣传材料未覆盖偏远村组，酌情扣分');
      await modal.locator('button.override-save').click();
      await modal.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="total"]', { hasText: '80.79' }).waitFor();
      const cell = await page.locator('tr.score-row[data-name="医保重要政策知晓率"]').innerText();
      check('computed 14.17 and adjusted 13.00 both shown', cell.includes('14.17') && cell.includes('13.00'), cell);
      check('the reason is shown', cell.includes('评价人调整：宣传材料未覆盖偏远村组，酌情扣分'), cell);
      await shot('sa-03-override');
      await axeScan(page, '年终自评调整后·部门审核人');
      await logOut();
    });

    await step('finance sees the overview, evaluates the region as a job and drills down', async () => {
      await logIn('hanyin.finance');
      await page.getByRole('link', { name: '执行与自评' }).click();
      await page.waitForURL(/\/overview/);
      await page.locator('.stat', { hasText: '已自评' }).waitFor();
      check('charts drawn', (await page.locator('jx-overview-chart canvas').count()) >= 3, String(await page.locator('jx-overview-chart canvas').count()));
      await page.locator('button.run-button').click();
      await page.locator('.run', { hasText: '已完成' }).waitFor();
      const run = await page.locator('.run').innerText();
      check('the job reports what it did', run.includes('已评价 1 张目标表'), run);
      check('progress bar complete', (await page.locator('.run .ant-progress-status-success').count()) === 1);
      const department = await page.locator('tr.department-row', { hasText: '汉阴县医疗保障局' }).innerText();
      check('the department row shows its execution rate', department.includes('95.12%'), department);
      const unmet = page.locator('a.unmet-link', { hasText: '群众对医保工作的满意度' });
      check('drill-down lists the unmet indicator with its rate', (await unmet.innerText()).includes('55.56%') /* 5 ÷ 9, half-up as on every page (was cut to 55.55% here, 55.56% in the explanation) */, await unmet.innerText());
      await shot('sa-04-overview');
      await axeScan(page, '执行与自评总览·财政审核人');
      const report = await download(page.locator('tr.department-row', { hasText: '汉阴县医疗保障局' }).locator('button.report-button'));
      check('自评报告 .docx downloads', report.bytes.subarray(0, 2).toString('latin1') === 'PK' && report.name.endsWith('.docx'), report.name);
      await unmet.click();
      await page.waitForURL(/\/evaluation\?indicator=/);
      await page.locator('tr.score-row.highlight').waitFor();
      check('the indicator is highlighted on the 自评 page', (await page.locator('tr.score-row.highlight').getAttribute('data-name')) === '群众对医保工作的满意度');
      await axeScan(page, '年终自评·财政审核人');
    });

    await step('a count per period (每季度至少1次) is recorded as 达标次数 of 应完成次数', async () => {
      // Through the API: another project's first indicator corrected to 每季度至少1次, and its sheet approved.
      const countSheetId = projects.find((p) => p.name === COUNT_PROJECT).sheet.id;
      const draft = await api(baseUrl, tokens.editor, 'GET', `/target-sheets/${countSheetId}`);
      const ordered = [...draft.indicators].sort((a, b) => a.order - b.order);
      const counted = ordered[0];
      await api(baseUrl, tokens.editor, 'PUT', `/target-sheets/${countSheetId}`, {
        rowVersion: draft.rowVersion,
        goals: draft.goals,
        indicators: ordered.map((i) => ({
          id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target,
          ...(i.id === counted.id ? { spec: { kind: 'recurring', every: 'quarter', day: null, times: 1 } } : {}),
        })),
        spendingPlan: draft.spendingPlan,
      });
      for (const [who, action] of [['editor', 'submit'], ['reviewer', 'department_approve'], ['finance', 'approve']]) {
        const sheet = await api(baseUrl, tokens[who], 'GET', `/target-sheets/${countSheetId}`);
        await api(baseUrl, tokens[who], 'POST', `/target-sheets/${countSheetId}/transitions`, { action, rowVersion: sheet.rowVersion });
      }
      await logOut();
      await logIn('hanyin.editor');
      await page.goto(`${baseUrl}/sheets/${countSheetId}/execution`);
      await page.locator('label.ant-radio-button-wrapper', { hasText: '全年' }).click();
      const counts = row(counted.name);
      await counts.locator('.occurrences').waitFor();
      const labels = await counts.locator('.occurrences').innerText();
      check('labelled 达标次数 / 应完成次数', labels.includes('达标次数') && labels.includes('应完成次数'), labels);
      check('应完成次数 defaults to 4 a year (4 quarters × 1)', (await counts.locator('input.required-input').getAttribute('placeholder')) === '4');
      check('the default is explained', (await counts.locator('.default-hint').innerText()).includes('应完成次数留空按 4 次计（每季度至少1次）'), await counts.locator('.default-hint').innerText());
      await counts.locator('input.done-input').fill('3');
      await shot('sa-05-occurrences');
      await axeScan(page, '执行监控达标次数·单位填报人');
      await page.locator('button.save-actuals').click();
      await page.locator('.message', { hasText: '全年的完成情况已保存（1 项）' }).waitFor();
      check('saved as 3 of 4', (await counts.locator('input.required-input').inputValue()) === '4' && (await counts.locator('input.done-input').inputValue()) === '3');
      await page.locator('label.ant-radio-button-wrapper', { hasText: '1–7月' }).click();
      await counts.locator('.default-hint', { hasText: '留空按 2 次计' }).waitFor();
      check('by the end of July 2 are due', (await counts.locator('input.required-input').getAttribute('placeholder')) === '2');
      await logOut();
    });

    await step('the department records its basic spending; the department-wide sheet executes against its whole budget', async () => {
      // Through the API: 汉阴's department-wide sheet approved (its budget summary is the department's budget).
      const departments = await api(baseUrl, tokens.reviewer, 'GET', '/departments?fiscalYear=2024');
      const departmentSheetId = departments.find((d) => d.department.name === '汉阴县医疗保障局').sheet.id;
      for (const [who, action] of [['reviewer', 'submit'], ['reviewer', 'department_approve'], ['finance', 'approve']]) {
        const sheet = await api(baseUrl, tokens[who], 'GET', `/target-sheets/${departmentSheetId}`);
        const acknowledgements = action === 'submit' ? acknowledgeErrors(sheet.findings) : undefined;
        await api(baseUrl, tokens[who], 'POST', `/target-sheets/${departmentSheetId}/transitions`, { action, rowVersion: sheet.rowVersion, acknowledgements });
      }
      await logIn('hanyin.reviewer');
      await page.goto(`${baseUrl}/sheets/${departmentSheetId}/execution`);
      const card = page.locator('jx-department-spending');
      await card.locator('.budget-parts').waitFor();
      const parts = (await card.locator('.budget-parts').innerText()).replace(/\s+/g, ' ');
      check('the budget parts: 1996.62 = 342.48 + 1654.14 万元', parts.includes('部门预算总额 1996.62 万元') && parts.includes('基本支出 342.48 万元') && parts.includes('项目支出 1654.14 万元'), parts);
      check('project spending shown by month (医保重点工作经费, 12月 60000.50)', (await card.locator('tr.month-row[data-month="12"] .project-cell').innerText()).trim() === '60000.50');
      for (let month = 1; month <= 8; month++) await page.getByLabel(`${month}月基本支出（元）`, { exact: true }).fill('285,400');
      await page.getByLabel('9月基本支出（元）', { exact: true }).fill('285400.37');
      const figures = () => card.locator('.whole-figures').innerText();
      // (2568600.37 basic + 390000.50 project) ÷ 19966200.00 = 14.818…% → 14.82%
      check('the rate of the whole previewed while typing', (await figures()).includes('已支出 295.860087 万元 · 执行率 14.82%'), await figures());
      await card.locator('button.save-basic').click();
      await card.locator('.message', { hasText: '已保存' }).waitFor();
      check('saved: 256.860037 万元 of basic spending, 14.82% of the whole', (await card.locator('.message').innerText()).includes('全年基本支出 256.860037 万元；部门整体执行率 14.82%'), await card.locator('.message').innerText());
      const basis = await card.locator('.basis').innerText();
      check('which money counts is said', basis.includes('基本支出 2568600.37 + 项目支出 390000.50') && basis.includes('部门预算总额 19966200.00'), basis);
      await page.locator('label.ant-radio-button-wrapper', { hasText: '1–9月' }).click();
      const light = await page.locator('.spending-light').innerText();
      check('the department-wide sheet lights its spending of the whole (1–9月: 2898600.37 of 14974650.00 planned → 红灯)', light.includes('红灯'), light);
      await axeScan(page, '部门基本支出执行·部门审核人');
      await shot('sa-06-department-spending');

      await page.getByRole('link', { name: /年终自评/ }).click();
      await page.waitForURL(/\/evaluation/);
      await page.locator('button.compute').click();
      await page.locator('[data-testid="total"]').waitFor();
      const budgetPart = (await page.locator('.part', { hasText: '预算执行率' }).first().innerText()).replace(/\s+/g, ' ');
      check('年终自评: 预算执行率 of basic + project ÷ the whole budget, 1.48 of 10', budgetPart.includes('1.48 分') && budgetPart.includes('预算 1996.62 万元') && budgetPart.includes('执行率 14.82%'), budgetPart);
      check('and explained: 基本支出 + 项目支出', budgetPart.includes('全部支出 2958600.87（基本支出 2568600.37 + 项目支出 390000.50）'), budgetPart);
      await axeScan(page, '部门整体年终自评·部门审核人');
      await shot('sa-07-department-evaluation');
      await logOut();

      await logIn('hanyin.finance');
      await page.getByRole('link', { name: '执行与自评' }).click();
      const department = page.locator('tr.department-row', { hasText: '汉阴县医疗保障局' });
      await department.waitFor();
      const cells = (await department.innerText()).replace(/\s+/g, ' ');
      check('the overview\'s department row: the whole budget 1996.62 万元 and all its spending, 14.82%', cells.includes('1996.62') && cells.includes('295.8601') && cells.includes('14.82%'), cells);
      await department.locator('button.link').click();
      const basisLine = await page.locator('p.budget-basis').innerText();
      check('and says which money it counts', basisLine.includes('基本支出 2568600.37 + 项目支出 390000.50'), basisLine);
      await axeScan(page, '执行与自评总览部门预算·财政审核人');
      await shot('sa-08-overview-department-budget');
      await logOut();
    });

    await step('沈丘 finance configures the department-wide scheme (投入管理指标) and the department-wide sheet is scored', async () => {
      // Through the API: 沈丘县医疗保障局's department-wide sheet approved (its reviewer writes it), year-end values recorded.
      const sq = { reviewer: await token('shenqiu.reviewer'), finance: await token('shenqiu.finance') };
      const departmentSheetId = (await api(baseUrl, sq.reviewer, 'GET', '/departments?fiscalYear=2024'))[0].sheet.id;
      for (const [who, action] of [['reviewer', 'submit'], ['reviewer', 'department_approve'], ['finance', 'approve']]) {
        const sheet = await api(baseUrl, sq[who], 'GET', `/target-sheets/${departmentSheetId}`);
        const acknowledgements = action === 'submit' ? acknowledgeErrors(sheet.findings) : undefined;
        await api(baseUrl, sq[who], 'POST', `/target-sheets/${departmentSheetId}/transitions`, { action, rowVersion: sheet.rowVersion, acknowledgements });
      }
      const approved = await api(baseUrl, sq.reviewer, 'GET', `/target-sheets/${departmentSheetId}`);
      check('under the national scheme the review names 投入管理指标', approved.findings.some((f) => f.code === 'LEVEL1_NOT_IN_SCHEME' && f.message.includes('投入管理指标')));
      let recorded = 0;
      for (const indicator of approved.indicators) {
        const actual = yearEndActual(indicator.spec);
        if (actual === null) continue;
        try {
          await api(baseUrl, sq.reviewer, 'PUT', `/target-sheets/${departmentSheetId}/actuals/Y`, { actuals: [{ indicatorId: indicator.id, actual }] });
          recorded += 1;
        } catch {
          // a value the checks refuse stays unrecorded: scored as 未填报
        }
      }
      check('year-end values recorded for most indicators', recorded > approved.indicators.length / 2, `${recorded} of ${approved.indicators.length}`);

      await logIn('shenqiu.finance');
      await page.goto(`${baseUrl}/sheets/${departmentSheetId}/evaluation`);
      await page.locator('button.compute').click();
      const blocked = page.locator('nz-alert.blocked');
      await blocked.waitFor();
      check('under the national scheme the sheet cannot be scored, and says why', (await blocked.innerText()).includes('投入管理指标'), await blocked.innerText());

      await page.getByRole('link', { name: '评分方案' }).click();
      await page.waitForURL(/\/scoring-schemes/);
      const departmentRow = page.locator('tr.scheme-row[data-bureau="沈丘县财政局"][data-kind="department"]');
      await departmentRow.locator('button.open-scheme').click();
      await page.locator('#detail-title', { hasText: '部门整体绩效目标表' }).waitFor();
      await page.locator('button.edit-scheme').click();
      await page.locator('button.preset[data-preset="department_wide"]').click();
      const labels = await page.locator('jx-scheme-editor input.label-input').evaluateAll((inputs) => inputs.map((i) => i.value));
      check('the preset has 投入管理指标 beside 产出 and 效益', labels.join('、') === '投入管理指标、产出指标、效益指标', labels.join('、'));
      await page.locator('jx-scheme-editor input.points-input').first().fill('25');
      await page.locator('jx-scheme-editor .problem', { hasText: '合计为 105 分' }).waitFor();
      check('points not adding up are named while typing, 保存 disabled', await page.locator('button.save-scheme').isDisabled());
      await page.locator('jx-scheme-editor input.points-input').first().fill('20');
      await page.locator('jx-scheme-editor p.ok').waitFor();
      await axeScan(page, '评分方案编辑·财政审核人');
      await shot('sa-06-scheme-edit');
      await page.locator('button.save-scheme').click();
      await page.locator('nz-alert.saved', { hasText: '已保存为第 1 版' }).waitFor();
      // the list is read again after the save answers: wait for it rather than read it at once
      await departmentRow.filter({ hasText: '第 1 版' }).waitFor({ timeout: 10_000 }).catch(() => undefined);
      check('the list shows version 1', (await departmentRow.innerText()).includes('第 1 版'), await departmentRow.innerText());
      check('the history names who saved it, in 北京时间', (await page.locator('li.history-item').first().innerText()).includes('（北京时间）'));
      await axeScan(page, '评分方案已保存·财政审核人');
      await shot('sa-07-scheme-saved');

      await page.goto(`${baseUrl}/sheets/${departmentSheetId}/evaluation`);
      await page.locator('button.compute').click();
      await page.locator('[data-testid="total"]').waitFor();
      const total = (await page.locator('[data-testid="total"]').innerText()).trim();
      check('the department-wide sheet gets a total', /^\d+\.\d{2}$/.test(total), total);
      check('and a grade', /等级：[优良中差]/.test(await page.locator('.summary .grade').innerText()));
      check('scored by the department-wide scheme, named on the page', (await page.locator('.scheme-name').innerText()).includes('部门整体支出绩效自评（含投入管理指标）（第 1 版）'), await page.locator('.scheme-name').innerText());
      check('no stale warning after computing', (await page.locator('nz-alert.stale').count()) === 0);
      await axeScan(page, '部门整体按评分方案计分·财政审核人');
      await shot('sa-08-department-scored');

      // Finance changes the scheme again: the result is marked stale and 重新计算 brings it up to date.
      const bureauId = (await api(baseUrl, sq.finance, 'GET', '/scoring-schemes?fiscalYear=2024'))[0].bureau.id;
      const current = await api(baseUrl, sq.finance, 'GET', `/scoring-schemes/${bureauId}/2024/department`);
      const changed = { ...current.current.definition, groups: current.current.definition.groups.map((g) => ({ ...g, points: g.key === 'input' ? 25 : g.key === 'output' ? 35 : g.points })) };
      await api(baseUrl, sq.finance, 'PUT', `/scoring-schemes/${current.bureau.id}/2024/department`, { baseVersion: current.current.version, scheme: changed });
      await page.reload();
      const stale = page.locator('nz-alert.stale');
      await stale.waitFor();
      check('评分方案已修改，结果待重新计算', (await stale.innerText()).includes('评分方案已修改，结果待重新计算'), await stale.innerText());
      await axeScan(page, '评分方案已修改待重算·财政审核人');
      await shot('sa-09-stale');
      await stale.locator('button.recompute').click();
      await page.locator('.scheme-name', { hasText: '第 2 版' }).waitFor();
      check('重新计算 clears the warning', (await page.locator('nz-alert.stale').count()) === 0);
      await logOut();
    });

    // Expected: a 404 EVALUATION_NOT_FOUND while the sheet has no evaluation yet, and the 422 of a sheet the
    // national scheme cannot score (its 投入管理指标); anything else is a real error.
    const unexpected = consoleErrors.filter(
      (text) => !/401|Unauthorized/i.test(text) && !/(404 \(Not Found\)|422 \(Unprocessable Entity\)) \(.*\/evaluation\)$/.test(text),
    );
    check('no console errors', unexpected.length === 0, unexpected.join(' | '));
  } catch (error) {
    check('run', false, error instanceof Error ? error.message : String(error));
  } finally {
    await context?.close().catch(() => undefined);
    target?.stop();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(downloadDir, { recursive: true, force: true });
  }
  finish();
}

await main();
