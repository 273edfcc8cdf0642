import type { ComponentHarness, ComponentHarnessConstructor, HarnessLoader, LocatorFactory, TestElement } from '@angular/cdk/testing';

/**
 * ng-zorro draws the options of a select, a cascader's menus and a popover's content in an overlay
 * at the end of the document: harnesses reach them through the document root.
 */

/**
 * Opens an `nz-select` and clicks the option labelled `label`. The options are a virtual list: in
 * jsdom (no layout) only the first eight are drawn.
 */
export async function pickSelectOption(documentRoot: LocatorFactory, select: TestElement, label: string): Promise<void> {
  await select.click();
  const options = await documentRoot.locatorForAll('nz-option-item')();
  const labels: string[] = [];
  for (const option of options) {
    const text = (await option.text()).trim();
    if (text === label) {
      await option.click();
      return;
    }
    labels.push(text);
  }
  throw new Error(`No option “${label}” (offered: ${labels.join(' | ')})`);
}

/**
 * Opens a cascader by its trigger and clicks one item per column: `产出指标`, then `数量指标`. The
 * cascader opens its menu after a delay of its own (a timer, not tracked by Angular): wait for it.
 */
export async function pickCascaderPath(documentRoot: LocatorFactory, trigger: TestElement, labels: readonly string[]): Promise<void> {
  await trigger.click();
  for (const [column, label] of labels.entries()) {
    const menus = await waitForAll(documentRoot, '.ant-cascader-menu', column + 1);
    if (menus.length <= column) throw new Error(`The cascader has no column ${column + 1}`);
    const items = await documentRoot.locatorForAll(`.ant-cascader-menu:nth-child(${column + 1}) .ant-cascader-menu-item`)();
    let found = false;
    for (const item of items) {
      if ((await item.text()).trim() === label) {
        await item.click();
        found = true;
        break;
      }
    }
    if (!found) throw new Error(`No “${label}” in column ${column + 1} of the cascader`);
  }
}

/** The elements matching `selector` once there are at least `count` of them (up to a second). */
async function waitForAll(documentRoot: LocatorFactory, selector: string, count: number): Promise<TestElement[]> {
  for (let attempt = 0; ; attempt++) {
    const found = await documentRoot.locatorForAll(selector)();
    if (found.length >= count || attempt === 40) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
    await documentRoot.forceStabilize();
  }
}

/**
 * A harness of an overlay (a modal) once it is drawn: ng-zorro opens its overlays after timers of its
 * own, which Angular does not wait for (up to two seconds). The newest one: in jsdom a closed modal's
 * closing animation never ends, so an earlier one of the same kind may still be in the document.
 */
export async function waitForHarness<T extends ComponentHarness>(documentRoot: HarnessLoader, type: ComponentHarnessConstructor<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const found = (await documentRoot.getAllHarnesses(type)).at(-1);
    if (found !== undefined) return found;
    if (attempt === 80) throw new Error(`No ${type.hostSelector} on the page`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
