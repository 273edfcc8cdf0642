import { applyZorroA11y, watchZorroA11y } from './zorro-a11y';

function html(markup: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = markup;
  document.body.appendChild(root);
  return root;
}

describe(applyZorroA11y.name, () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('names the input inside an nz-select by the name on its host', () => {
    const root = html('<nz-select aria-label="一级指标（整组 5 项）"><input class="ant-select-selection-search-input" /></nz-select>');
    applyZorroA11y(root);
    expect(root.querySelector('input')?.getAttribute('aria-label')).toBe('一级指标（整组 5 项）');
  });

  it('leaves an input named by a <label for> alone', () => {
    const root = html('<label for="fiscal-year">预算年度</label><nz-select aria-label="x"><input id="fiscal-year" /></nz-select>');
    applyZorroA11y(root);
    expect(root.querySelector('input')?.hasAttribute('aria-label')).toBe(false);
  });

  it('makes a drawer a dialog named by its title, with a Chinese close button', () => {
    const root = html('<div class="ant-drawer-content"><button class="ant-drawer-close" aria-label="Close"></button><div class="ant-drawer-title">医保重点工作经费</div></div>');
    applyZorroA11y(root);
    const drawer = root.querySelector('.ant-drawer-content')!;
    expect(drawer.getAttribute('role')).toBe('dialog');
    expect(drawer.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(drawer.getAttribute('aria-labelledby')!)?.textContent).toBe('医保重点工作经费');
    expect(root.querySelector('.ant-drawer-close')?.getAttribute('aria-label')).toBe('关闭');
  });

  it('makes a popover holding a form a dialog, and leaves a hint a tooltip', () => {
    const root = html(
      '<div class="ant-popover-inner form" role="tooltip"><div class="ant-popover-title">更正解析结果</div><input /></div>' +
        '<div class="ant-popover-inner hint" role="tooltip"><div class="ant-popover-title">说明</div>文字</div>',
    );
    applyZorroA11y(root);
    expect(root.querySelector('.form')?.getAttribute('role')).toBe('dialog');
    expect(root.querySelector('.hint')?.getAttribute('role')).toBe('tooltip');
  });
});

describe(watchZorroA11y.name, () => {
  afterEach(() => (document.body.innerHTML = ''));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('names selects added later and follows a changed name', async () => {
    const observer = watchZorroA11y(document);
    const root = html('<nz-select aria-label="月份"><input /></nz-select>');
    await settle();
    expect(root.querySelector('input')?.getAttribute('aria-label')).toBe('月份');
    root.querySelector('nz-select')!.setAttribute('aria-label', '第 2 行 月份');
    await settle();
    expect(root.querySelector('input')?.getAttribute('aria-label')).toBe('第 2 行 月份');
    observer.disconnect();
  });

  it('moves the focus into a form popover when it opens and back to its opener when it closes', async () => {
    const observer = watchZorroA11y(document);
    const opener = html('<button class="correct-button">更正</button>').querySelector('button')!;
    opener.focus();
    const popover = html('<div class="ant-popover-inner"><div class="ant-popover-title">更正解析结果</div><input class="value-input" /></div>');
    await settle();
    expect(document.activeElement).toBe(popover.querySelector('input.value-input'));
    popover.remove();
    await settle();
    expect(document.activeElement).toBe(opener);
    observer.disconnect();
  });
});

describe('overlays', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('names modals by their titles, the overlay layer as a region, and cascader columns as listboxes', () => {
    const root = html(
      '<div class="cdk-overlay-container">' +
        '<div class="ant-modal-wrap" role="dialog"><div class="ant-modal-title">新建项目</div></div>' +
        '<div class="ant-cascader-menus"><ul class="ant-cascader-menu" role="menuitemcheckbox"><li nz-cascader-option>产出指标</li></ul>' +
        '<ul class="ant-cascader-menu" role="menuitemcheckbox"><li nz-cascader-option>数量指标</li></ul></div>' +
        '</div>',
    );
    applyZorroA11y(root);
    expect(root.querySelector('.cdk-overlay-container')?.getAttribute('role')).toBe('region');
    const modal = root.querySelector('.ant-modal-wrap')!;
    expect(document.getElementById(modal.getAttribute('aria-labelledby')!)?.textContent).toBe('新建项目');
    const menus = [...root.querySelectorAll('.ant-cascader-menu')];
    expect(menus.map((m) => [m.getAttribute('role'), m.getAttribute('aria-label')])).toEqual([['listbox', '第 1 级'], ['listbox', '第 2 级']]);
    expect(root.querySelector('li')?.getAttribute('role')).toBe('option');
  });
});
