import { ComponentHarness, type TestElement } from '@angular/cdk/testing';

/** One row of the 组织机构 table as shown. */
export interface OrganizationRowView {
  kind: string; // 财政局 / 部门 / 单位
  name: string;
  depth: number; // indentation, in levels
  code: string;
  users: string;
  inactive: boolean;
  actions: string[]; // the visible texts of its buttons
}

async function visibleText(element: TestElement): Promise<string> {
  return (await element.text({ exclude: '.sr-only' })).trim();
}

/** A row of the tree table. */
export class OrganizationRowHarness extends ComponentHarness {
  static hostSelector = 'tr.org-row';

  private readonly buttons = this.locatorForAll('td.actions button');

  async getView(): Promise<OrganizationRowView> {
    const text = async (selector: string) => (await (await this.locatorFor(selector)()).text()).trim();
    const indent = await (await this.locatorFor('.org-name')()).getCssValue('padding-left');
    return {
      kind: await text('.kind-tag'),
      name: await text('.name'),
      depth: Math.round((parseFloat(indent) || 0) / 24),
      code: await text('td.code'),
      users: await text('td.users'),
      inactive: await (await this.host()).hasClass('inactive'),
      actions: await Promise.all((await this.buttons()).map(visibleText)),
    };
  }

  /** Clicks the button whose visible text starts with `label` (新建单位, 修改, 移动, 停用…). */
  async click(label: string): Promise<void> {
    for (const button of await this.buttons()) {
      if ((await visibleText(button)).startsWith(label)) return button.click();
    }
    throw new Error(`No button ${label}`);
  }
}

/** `jx-organizations-page`: the tree table, its row actions and the notice or refusal above it. */
export class OrganizationsPageHarness extends ComponentHarness {
  static hostSelector = 'jx-organizations-page';

  private readonly rows = this.locatorForAll(OrganizationRowHarness);

  async getRows(): Promise<OrganizationRowView[]> {
    return Promise.all((await this.rows()).map((r) => r.getView()));
  }

  async clickAction(name: string, label: string): Promise<void> {
    for (const row of await this.rows()) {
      if ((await row.getView()).name === name) return row.click(label);
    }
    throw new Error(`No organization ${name}`);
  }

  async hasNewBureauButton(): Promise<boolean> {
    return (await this.locatorForOptional('button.new-bureau')()) !== null;
  }

  async getNotice(): Promise<string> {
    return (await (await this.locatorFor('p.notice')()).text()).trim();
  }

  async getActionError(): Promise<string | null> {
    const alert = await this.locatorForOptional('.action-error')();
    return alert === null ? null : (await alert.text()).trim();
  }
}

/** `jx-organization-dialog` as drawn (`.organization-dialog`, from the document root). */
export class OrganizationDialogHarness extends ComponentHarness {
  static hostSelector = '.organization-dialog';

  async getTitle(): Promise<string> {
    return (await (await this.locatorFor('.ant-modal-title')()).text()).trim();
  }

  async getParent(): Promise<string | null> {
    const parent = await this.locatorForOptional('p.parent')();
    return parent === null ? null : (await parent.text()).trim();
  }

  async fill(fields: { name?: string; code?: string; region?: string }): Promise<void> {
    for (const [key, value] of Object.entries(fields)) {
      const input = await this.locatorFor(`input.org-${key}`)();
      await input.clear();
      if (value) await input.sendKeys(value);
    }
  }

  async getError(): Promise<string | null> {
    const alert = await this.locatorForOptional('.dialog-error')();
    return alert === null ? null : (await alert.text()).trim();
  }

  async save(): Promise<void> {
    await (await this.locatorFor('.ant-modal-footer button.ant-btn-primary')()).click();
  }
}
