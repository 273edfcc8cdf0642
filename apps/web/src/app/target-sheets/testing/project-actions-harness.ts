import { ComponentHarness } from '@angular/cdk/testing';
import { AmountInputHarness } from '../../shared/testing/amount-input-harness';

/** `jx-project-actions`: 修改项目信息, 删除草稿, 结转到 … 年 of a sheet. The dialogs open in the overlay. */
export class ProjectActionsHarness extends ComponentHarness {
  static hostSelector = 'jx-project-actions';

  /** The labels of the buttons offered, in order. */
  async getActions(): Promise<string[]> {
    const buttons = await this.locatorForAll('.project-actions button')();
    return Promise.all(buttons.map(async (b) => (await b.text()).trim()));
  }

  async rollOver(year: number): Promise<void> {
    await (await this.locatorFor(`button.roll-over[data-year="${year}"]`)()).click();
  }

  /** The refusal of a roll-over or a deletion, shown under the buttons; null when none. */
  async getError(): Promise<string | null> {
    const alert = await this.locatorForOptional('.project-action-error')();
    return alert === null ? null : (await alert.text()).trim();
  }

  async openHeaderForm(): Promise<void> {
    await (await this.locatorFor('button.edit-header')()).click();
  }

  /** Types into a field of the open 修改项目信息 dialog: 'name', 'code', 'category', 'purpose'. */
  async setHeaderField(field: 'name' | 'code' | 'category' | 'purpose', text: string): Promise<void> {
    const input = await this.documentRootLocatorFactory().locatorFor(`.header-${field}`)();
    await input.clear();
    if (text !== '') await input.sendKeys(text);
  }

  /** Types an amount into the open dialog, by its label, e.g. '资金总额（元）'. */
  async setHeaderAmount(label: string, text: string): Promise<void> {
    await (await this.documentRootLocatorFactory().locatorFor(AmountInputHarness.with({ label }))()).setText(text);
  }

  async getHeaderField(field: 'name' | 'code' | 'category' | 'purpose'): Promise<string> {
    return (await this.documentRootLocatorFactory().locatorFor(`.header-${field}`)()).getProperty<string>('value');
  }

  /** What keeps the header from being saved, or the server's refusal, in the dialog; null when nothing. */
  async getHeaderProblem(): Promise<string | null> {
    const problem = await this.documentRootLocatorFactory().locatorForOptional('.header-modal .header-problem, .header-modal .header-error')();
    return problem === null ? null : (await problem.text()).trim();
  }

  async saveHeader(): Promise<void> {
    await this.clickModalButton('.header-modal', '保存');
  }

  async deleteDraft(): Promise<void> {
    await (await this.locatorFor('button.delete-draft')()).click();
    await this.clickModalButton('.delete-modal', '确认删除');
  }

  private async clickModalButton(modal: string, label: string): Promise<void> {
    const buttons = await this.documentRootLocatorFactory().locatorForAll(`${modal} .ant-modal-footer button`)();
    for (const button of buttons) {
      if ((await button.text()).replace(/\s/g, '') === label) {
        await button.click();
        return;
      }
    }
    throw new Error(`No button “${label}” in ${modal}`);
  }
}
