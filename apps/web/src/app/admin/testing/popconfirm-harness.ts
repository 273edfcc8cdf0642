import { ComponentHarness } from '@angular/cdk/testing';

/** An open ng-zorro popconfirm (「停用…？」): drawn in an overlay, so load it from the document root. */
export class PopconfirmHarness extends ComponentHarness {
  static hostSelector = '.ant-popover';

  async getTitle(): Promise<string> {
    return (await (await this.locatorFor('.ant-popover-message-title')()).text()).trim();
  }

  async confirm(): Promise<void> {
    await (await this.locatorFor('.ant-popover-buttons .ant-btn-primary')()).click();
  }
}
