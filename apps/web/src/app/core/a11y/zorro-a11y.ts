/**
 * What ng-zorro 21 leaves out for assistive technology and keyboards (GB/T 37668-2019, WCAG 2.1 AA),
 * supplied in one place for every page, so that each component writes plain ng-zorro markup:
 *
 * - an nz-select or nz-cascader named on its host (`aria-label`, `aria-labelledby`) names the input
 *   that takes the focus inside it (ng-zorro names only the input's id, for `<label for>`);
 * - a drawer is a dialog named by its title, and so is a modal; a popover holding a form is a dialog
 *   named by its title, takes the focus when it opens and gives it back to what opened it when it closes;
 * - the layer CDK opens overlays in (dropdowns, dialogs, tooltips) is a named region, outside the page's
 *   main; a cascader's columns are listboxes of options (ng-zorro marks them menuitemcheckbox);
 * - the close buttons of drawers and modals are named in Chinese (关闭, not "Close").
 *
 * Runs on the live DOM through one MutationObserver; `applyZorroA11y(root)` does one pass (tests).
 */

const NAMING = ['aria-label', 'aria-labelledby'] as const;
const FOCUSABLE = 'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"]), a[href]';
let ids = 0;

function idOf(element: Element): string {
  if (element.id === '') element.id = `jx-a11y-${++ids}`;
  return element.id;
}

function setAttribute(element: Element, name: string, value: string | null): void {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

function within(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  return root instanceof Element && root.matches(selector) ? [root, ...found] : found;
}

/** The name on the host of a select or cascader goes to the input inside it. */
function nameSelectInputs(root: ParentNode): void {
  for (const host of within(root, 'nz-select, nz-cascader, nz-tree-select')) {
    const input = host.querySelector('input');
    if (input === null || (input.labels?.length ?? 0) > 0) continue; // named by its <label for>
    for (const attribute of NAMING) setAttribute(input, attribute, host.getAttribute(attribute));
  }
}

/** Drawers, modals and form popovers are dialogs named by their titles; close buttons say 关闭. */
function markDialogs(root: ParentNode): void {
  for (const layer of within(root, '.cdk-overlay-container')) {
    setAttribute(layer, 'role', 'region');
    setAttribute(layer, 'aria-label', '弹出内容');
  }
  for (const modal of within(root, '.ant-modal-wrap[role="dialog"]')) {
    const title = modal.querySelector('.ant-modal-title, .ant-modal-confirm-title');
    setAttribute(modal, 'aria-labelledby', title === null ? null : idOf(title));
    setAttribute(modal, 'aria-modal', 'true');
  }
  for (const menu of within(root, '.ant-cascader-menu')) {
    if (menu.querySelector('li[nz-cascader-option]') === null) continue; // the empty state stays a list
    const column = [...(menu.parentElement?.children ?? [])].filter((c) => c.matches('.ant-cascader-menu')).indexOf(menu);
    setAttribute(menu, 'role', 'listbox');
    setAttribute(menu, 'aria-label', `第 ${column + 1} 级`);
    for (const item of menu.querySelectorAll('li[nz-cascader-option]')) setAttribute(item, 'role', 'option');
  }
  for (const drawer of within(root, '.ant-drawer-content')) {
    setAttribute(drawer, 'role', 'dialog');
    setAttribute(drawer, 'aria-modal', 'true');
    const title = drawer.querySelector('.ant-drawer-title');
    setAttribute(drawer, 'aria-labelledby', title === null ? null : idOf(title));
  }
  for (const inner of within(root, '.ant-popover-inner')) {
    if (inner.querySelector(FOCUSABLE) === null) continue; // a hint stays a tooltip
    setAttribute(inner, 'role', 'dialog');
    const title = inner.querySelector('.ant-popover-title');
    setAttribute(inner, 'aria-labelledby', title === null ? null : idOf(title));
  }
  for (const close of within(root, '.ant-drawer-close, .ant-modal-close')) setAttribute(close, 'aria-label', '关闭');
}

/** One pass over `root`: names, roles and Chinese labels. */
export function applyZorroA11y(root: ParentNode): void {
  nameSelectInputs(root);
  markDialogs(root);
}

/** Moves the focus into a form popover when it opens, and back to its opener when it closes. */
class PopoverFocus {
  private opener: HTMLElement | null = null;
  private open: Element | null = null;

  update(document: Document): void {
    const popover = [...document.querySelectorAll('.ant-popover-inner[role="dialog"]')].find((p) => p.querySelector(FOCUSABLE) !== null) ?? null;
    if (popover !== null && popover !== this.open) {
      this.open = popover;
      const active = document.activeElement;
      this.opener = active instanceof HTMLElement && active !== document.body ? active : null;
      const first = popover.querySelector<HTMLElement>(FOCUSABLE);
      if (first !== null && !popover.contains(active)) first.focus();
    } else if (popover === null && this.open !== null) {
      this.open = null;
      const active = document.activeElement;
      if ((active === null || active === document.body) && this.opener?.isConnected) this.opener.focus();
      this.opener = null;
    }
  }
}

/** Starts watching the document (once, from the app's configuration). */
export function watchZorroA11y(document: Document): MutationObserver {
  const focus = new PopoverFocus();
  applyZorroA11y(document.body);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        const host = (record.target as Element).closest('nz-select, nz-cascader, nz-tree-select');
        if (host !== null) applyZorroA11y(host);
      }
      for (const node of record.addedNodes) {
        if (node instanceof Element) applyZorroA11y(node.closest('nz-select, nz-cascader, .ant-drawer-content, .ant-popover-inner, .ant-modal-wrap, .ant-cascader-menus') ?? node);
      }
    }
    focus.update(document);
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: [...NAMING] });
  return observer;
}
