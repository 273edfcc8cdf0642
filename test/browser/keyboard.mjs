// A keyboard-only walk (GB/T 37668-2019, WCAG 2.1.1 and 2.4.7): login → 绩效目标 → a department → a
// sheet → 编辑 → change a target → 保存, with the ng-zorro select, cascader, popover and dialog the
// editor uses, by Tab, Enter, arrows and Escape only — no mouse. Every stop of the focus must show a
// visible focus ring.
import { check, DEMO_PASSWORD, focusRing } from './harness.mjs';

/** What has the focus, as a short text for messages. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return 'body';
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''} “${text}”`;
  });

/** Whether the focused element matches `selector` (and contains `text`, when given). */
const focusIs = (page, selector, text) =>
  page.evaluate(
    ([sel, txt]) => {
      const el = document.activeElement;
      return el !== null && el.matches(sel) && (txt === null || (el.textContent ?? '').includes(txt));
    },
    [selector, text ?? null],
  );

export async function keyboardWalk({ page, baseUrl, username, department, project, shot }) {
  const ringless = [];
  let stops = 0;
  /** Presses `key` until the focus is on `selector` (with `text`); notes every stop without a focus ring. */
  const tabTo = async (selector, { text, key = 'Tab', max = 250 } = {}) => {
    for (let presses = 0; presses < max; presses++) {
      await page.keyboard.press(key);
      stops += 1;
      if ((await focusRing(page)) === null) ringless.push(await focused(page));
      if (await focusIs(page, selector, text)) return;
    }
    throw new Error(`${key} ×${max} never reached ${selector}${text ? ` “${text}”` : ''} (at ${await focused(page)})`);
  };

  // 登录: Tab to each field, type, Enter.
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').waitFor();
  await tabTo('#username');
  await page.keyboard.type(username);
  await tabTo('#password');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/sheets/);
  check('keyboard: logged in with Tab, typing and Enter', page.url().includes('/sheets'));

  // The first Tab offers 跳到主要内容, shown while it has the focus.
  await page.locator('a.department').first().waitFor();
  await page.locator('body').focus();
  await tabTo('a.skip-link');
  check('keyboard: the first stop is 跳到主要内容, visible', await page.locator('a.skip-link').isVisible() && (await page.locator('a.skip-link').boundingBox())?.y >= 0);

  // 主导航: 执行与自评, then back to 绩效目标, each by Enter.
  await tabTo('nav.nav a', { text: '执行与自评' });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/overview/);
  await tabTo('nav.nav a', { text: '绩效目标', key: 'Shift+Tab', max: 5 });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/sheets/);
  check('keyboard: 主导航 reached and followed with Enter', page.url().includes('/sheets'));

  // 预算年度 (nz-select): arrows open it and move through the years, Enter chooses.
  await tabTo('nz-select.year-select input');
  await page.keyboard.press('ArrowDown');
  await page.locator('nz-option-item').first().waitFor();
  check('keyboard: ArrowDown opens the 预算年度 list', await page.locator('nz-option-item').first().isVisible());
  for (let i = 0; i < 5 && !(await page.locator('nz-option-item.ant-select-item-option-active', { hasText: '2024年' }).count()); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('nz-option-item').first().waitFor({ state: 'detached' });
  check('keyboard: 2024年 chosen with Enter', (await page.locator('nz-select.year-select').innerText()).includes('2024'));

  // A department, then a project: links followed with Enter; the panel takes the focus.
  await tabTo('a.department', { text: department });
  await page.keyboard.press('Enter');
  await page.locator('h1.dept-name', { hasText: department }).waitFor();
  await page.locator('tr.project-row', { hasText: project }).waitFor();
  await tabTo('a.project-name', { text: project });
  await page.keyboard.press('Enter');
  const drawer = page.locator('.ant-drawer-content');
  await drawer.locator('button.edit-button').waitFor();
  await page.waitForFunction(() => document.querySelector('.ant-drawer-content')?.contains(document.activeElement));
  check('keyboard: the opened sheet’s panel has the focus', await drawer.evaluate((el) => el.contains(document.activeElement)));

  // 编辑
  await tabTo('button.edit-button');
  await page.keyboard.press('Enter');
  const firstRow = drawer.locator('tr.edit-row').first();
  await firstRow.waitFor();
  const name = await firstRow.getAttribute('data-name');
  const row = drawer.locator(`tr.edit-row[data-name="${name}"]`);

  // 更正 (a popover): Enter opens it with the focus inside, Escape closes it and gives the focus back.
  await tabTo(`tr.edit-row[data-name="${name}"] button.correct-button`);
  await page.keyboard.press('Enter');
  const popover = page.locator('.correct-popover');
  await popover.locator('.correct-form, jx-spec-correction').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.correct-popover')?.contains(document.activeElement));
  check('keyboard: 更正 opens with the focus in its form', await popover.evaluate((el) => el.contains(document.activeElement)));
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'hidden' });
  check('keyboard: Escape closes 更正 and the focus returns to its button', await focusIs(page, 'button.correct-button'), await focused(page));

  // Change the target: back to the row's 指标值 field, select all, type.
  const target = '≥ 100 人次';
  await tabTo(`tr.edit-row[data-name="${name}"] input.target-input`, { key: 'Shift+Tab', max: 10 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(target);
  check('keyboard: the target typed', (await row.locator('input.target-input').inputValue()) === target);

  // 新增指标 (a cascader): Enter opens the groups, arrows pick 产出指标 → 数量指标, Enter adds the row.
  const rowsBefore = await drawer.locator('tr.edit-row').count();
  await tabTo('button.add-row');
  await page.keyboard.press('Enter');
  const menus = page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu');
  await menus.first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await menus.nth(1).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.ant-cascader-dropdown:visible').waitFor({ state: 'hidden' });
  await drawer.locator('tr.edit-row').nth(rowsBefore).waitFor();
  check('keyboard: 新增指标 picked a group with arrows and Enter', (await drawer.locator('tr.edit-row').count()) === rowsBefore + 1);
  await shot('19-keyboard-editing');
  // The empty new row would stop the save: its 删除 button is reached by Tab like the rest.
  await tabTo('tr.edit-row[data-name=""] button.remove-indicator', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  await drawer.locator('tr.edit-row[data-name=""]').waitFor({ state: 'detached' });

  // 保存
  await tabTo('.editor-actions button.ant-btn-primary');
  await page.keyboard.press('Enter');
  await drawer.locator('button.edit-button').waitFor();
  const saved = await drawer.locator('jx-indicator-table tbody tr', { hasText: name }).innerText();
  check('keyboard: 保存 with Enter keeps the new target', saved.includes(target.replace(/\s/g, '')) || saved.includes(target), saved);

  // 提交 opens its dialog (the sheet has 需修改 findings) with the focus inside; Escape closes it, the sheet stays a 草稿.
  if ((await drawer.locator('li.finding.error').count()) > 0) {
    await tabTo('button[data-action="submit"]');
    await page.keyboard.press('Enter');
    const dialog = page.locator('.ant-modal.submit-acknowledgements');
    await dialog.waitFor();
    await page.waitForFunction(() => document.querySelector('.ant-modal-wrap')?.contains(document.activeElement));
    check('keyboard: the 提交 dialog takes the focus', true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    check('keyboard: Escape closes the dialog, the sheet stays 草稿', (await drawer.locator('.workflow-bar .status-tag').innerText()).trim() === '草稿');
  }

  // Escape closes the panel.
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.search.includes('sheet='));
  check('keyboard: Escape closes the panel', true);
  check(`keyboard: a visible focus ring at every stop (${stops} stops)`, ringless.length === 0, [...new Set(ringless)].join(' | '));
}
