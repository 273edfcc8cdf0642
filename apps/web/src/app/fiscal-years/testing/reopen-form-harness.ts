import { ComponentHarness } from '@angular/cdk/testing';
import { pickSelectOption } from '../../shared/testing/zorro-overlays';

/** `jx-reopen-form`: 重新开放填报 of a round for one unit or department. */
export class ReopenFormHarness extends ComponentHarness {
  static hostSelector = 'jx-reopen-form';

  async pickPeriod(label: string): Promise<void> {
    await pickSelectOption(this.documentRootLocatorFactory(), await this.locatorFor('nz-select.reopen-period')(), label);
  }

  /** Picks the organization by its option text, e.g. '单位：汉阴县医疗保障局本级'. */
  async pickOrganization(label: string): Promise<void> {
    await pickSelectOption(this.documentRootLocatorFactory(), await this.locatorFor('nz-select.reopen-organization')(), label);
  }

  async setUntil(date: string): Promise<void> {
    const field = await this.locatorFor('input.reopen-until')();
    await field.setInputValue(date);
    await field.dispatchEvent('input');
  }

  async setReason(text: string): Promise<void> {
    const field = await this.locatorFor('textarea.reopen-reason')();
    await field.clear();
    if (text !== '') await field.sendKeys(text);
  }

  async submit(): Promise<void> {
    await (await this.locatorFor('button.reopen-submit')()).click();
  }

  /** What keeps the form from being sent, shown after a try; null when nothing. */
  async getProblem(): Promise<string | null> {
    const problem = await this.locatorForOptional('.reopen-problem')();
    return problem === null ? null : (await problem.text()).trim();
  }

  /** The server's refusal, shown in place; null when none. */
  async getError(): Promise<string | null> {
    const error = await this.locatorForOptional('.reopen-error')();
    return error === null ? null : (await error.text()).trim();
  }
}
