import { ComponentHarness } from '@angular/cdk/testing';
import { pickSelectOption } from '../../shared/testing/zorro-overlays';

/** `jx-user-dialog` as drawn: an ng-zorro modal (`.user-dialog`) at the end of the document. Load it from the document root. */
export class UserDialogHarness extends ComponentHarness {
  static hostSelector = '.user-dialog';

  async getTitle(): Promise<string> {
    return (await (await this.locatorFor('.ant-modal-title')()).text()).trim();
  }

  async setUsername(text: string): Promise<void> {
    const input = await this.locatorFor('input.user-username')();
    await input.clear();
    await input.sendKeys(text);
  }

  async isUsernameEditable(): Promise<boolean> {
    return !(await (await this.locatorFor('input.user-username')()).getProperty<boolean>('disabled'));
  }

  async setDisplayName(text: string): Promise<void> {
    const input = await this.locatorFor('input.user-display-name')();
    await input.clear();
    await input.sendKeys(text);
  }

  async pickRole(label: string): Promise<void> {
    await pickSelectOption(this.documentRootLocatorFactory(), await this.locatorFor('nz-select.user-role')(), label);
  }

  /** The roles offered, by their Chinese names. */
  async getRoleOptions(): Promise<string[]> {
    return this.optionsOf('nz-select.user-role');
  }

  async hasOrganizationField(): Promise<boolean> {
    return (await this.locatorForOptional('nz-select.user-organization')()) !== null;
  }

  /** The organizations offered for the chosen role (汉阴县财政局 / 汉阴县医疗保障局 / …). */
  async getOrganizationOptions(): Promise<string[]> {
    return this.optionsOf('nz-select.user-organization');
  }

  async pickOrganization(label: string): Promise<void> {
    await pickSelectOption(this.documentRootLocatorFactory(), await this.locatorFor('nz-select.user-organization')(), label);
  }

  /** What is missing before it can be saved (or the note shown when nothing is). */
  async getHint(): Promise<string> {
    return (await (await this.locatorFor('p.hint')()).text()).trim();
  }

  async getError(): Promise<string | null> {
    const alert = await this.locatorForOptional('.dialog-error')();
    return alert === null ? null : (await alert.text()).trim();
  }

  async canSave(): Promise<boolean> {
    const ok = await this.locatorFor('.ant-modal-footer button.ant-btn-primary')();
    return !(await ok.getProperty<boolean>('disabled'));
  }

  async save(): Promise<void> {
    await (await this.locatorFor('.ant-modal-footer button.ant-btn-primary')()).click();
  }

  private async optionsOf(selector: string): Promise<string[]> {
    await (await this.locatorFor(selector)()).click();
    const options = await this.documentRootLocatorFactory().locatorForAll('nz-option-item')();
    const labels = await Promise.all(options.map(async (o) => (await o.text()).trim()));
    await (await this.locatorFor(selector)()).click(); // close it again
    return labels;
  }
}
