import { ComponentHarness } from '@angular/cdk/testing';

/** 有未保存的修改 (jx-leave-dialog's modal, drawn at the end of the document: load it from the document root). */
export class LeaveDialogHarness extends ComponentHarness {
  static hostSelector = '.ant-modal.leave-dialog';

  async getText(): Promise<string> {
    return (await (await this.locatorFor('.leave-text')()).text()).trim();
  }

  /** The confirming button's text (放弃修改并离开, 放弃修改). */
  async getLeaveText(): Promise<string> {
    return (await (await this.locatorFor('.ant-modal-footer .ant-btn-primary')()).text()).trim();
  }

  /** 放弃修改并离开 (or 放弃修改). */
  async leave(): Promise<void> {
    await (await this.locatorFor('.ant-modal-footer .ant-btn-primary')()).click();
  }

  /** 继续编辑. */
  async stay(): Promise<void> {
    await (await this.locatorFor('.ant-modal-footer .ant-btn:not(.ant-btn-primary)')()).click();
  }
}
