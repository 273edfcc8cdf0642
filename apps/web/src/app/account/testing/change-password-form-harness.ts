import { ComponentHarness } from '@angular/cdk/testing';

/** `jx-change-password-form`: current password, the new one twice, the rules it breaks, 保存新密码. */
export class ChangePasswordFormHarness extends ComponentHarness {
  static hostSelector = 'jx-change-password-form';

  private readonly current = this.locatorFor('input.current-password');
  private readonly next = this.locatorFor('input.new-password');
  private readonly repeat = this.locatorFor('input.repeat-password');
  private readonly save = this.locatorFor('button.save');

  async fill(fields: { current?: string; next?: string; repeat?: string }): Promise<void> {
    for (const [value, locate] of [[fields.current, this.current], [fields.next, this.next], [fields.repeat, this.repeat]] as const) {
      if (value === undefined) continue;
      const input = await locate();
      await input.clear();
      if (value !== '') await input.sendKeys(value);
    }
  }

  /** The rules the new password breaks, as listed under the fields. */
  async getProblems(): Promise<string[]> {
    return Promise.all((await this.locatorForAll('li.problem')()).map((li) => li.text()));
  }

  async getCurrentLabel(): Promise<string> {
    return (await this.locatorFor('label[for="current-password"]')()).text();
  }

  async getError(): Promise<string | null> {
    const alert = await this.locatorForOptional('.form-error')();
    return alert === null ? null : (await alert.text()).trim();
  }

  async canSave(): Promise<boolean> {
    return !(await (await this.save()).getProperty<boolean>('disabled'));
  }

  async submit(): Promise<void> {
    await (await this.save()).click();
  }
}
