import { ComponentHarness } from '@angular/cdk/testing';

/** 登录已过期，请重新登录 (jx-reauth-dialog's modal, drawn at the end of the document: load it from the document root). */
export class ReauthDialogHarness extends ComponentHarness {
  static hostSelector = '.ant-modal.reauth-dialog';

  async getText(): Promise<string> {
    return (await (await this.locatorFor('.reauth-text')()).text()).trim();
  }

  async setPassword(password: string): Promise<void> {
    const input = await this.locatorFor('#reauth-password')();
    await input.clear();
    if (password !== '') await input.sendKeys(password);
  }

  /** 重新登录. */
  async submit(): Promise<void> {
    await (await this.locatorFor('.ant-modal-footer .ant-btn-primary')()).click();
  }

  /** 暂不登录. */
  async decline(): Promise<void> {
    await (await this.locatorFor('.ant-modal-footer .ant-btn:not(.ant-btn-primary)')()).click();
  }

  /** Why the login failed, or null. */
  async getError(): Promise<string | null> {
    const alert = await this.locatorForOptional('.reauth-error')();
    return alert === null ? null : (await alert.text()).trim();
  }
}
