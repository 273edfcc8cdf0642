import { ComponentHarness } from '@angular/cdk/testing';

/** `jx-one-time-password-dialog` as drawn (`.one-time-password-dialog`, from the document root). */
export class OneTimePasswordDialogHarness extends ComponentHarness {
  static hostSelector = '.one-time-password-dialog';

  async getTitle(): Promise<string> {
    return (await (await this.locatorFor('.ant-modal-title')()).text()).trim();
  }

  async getPassword(): Promise<string> {
    return (await (await this.locatorFor('code.one-time-password')()).text()).trim();
  }

  async getText(): Promise<string> {
    return (await (await this.locatorFor('.ant-modal-body')()).text()).trim();
  }

  async close(): Promise<void> {
    await (await this.locatorFor('button.done')()).click();
  }
}
