import { BaseHarnessFilters, ComponentHarness, HarnessPredicate } from '@angular/cdk/testing';

export interface AmountInputHarnessFilters extends BaseHarnessFilters {
  /** The field's aria-label, e.g. '资金总额（元）'. */
  label?: string | RegExp;
}

/** A `jx-amount-input`: type into it, read its 万元 hint. */
export class AmountInputHarness extends ComponentHarness {
  static hostSelector = 'jx-amount-input';

  static with(options: AmountInputHarnessFilters = {}): HarnessPredicate<AmountInputHarness> {
    return new HarnessPredicate(AmountInputHarness, options).addOption('label', options.label, (harness, label) =>
      HarnessPredicate.stringMatches(harness.getLabel(), label),
    );
  }

  private readonly input = this.locatorFor('input');
  private readonly hintElement = this.locatorFor('.amount-hint');

  async getLabel(): Promise<string> {
    return (await (await this.input()).getAttribute('aria-label')) ?? '';
  }

  async getText(): Promise<string> {
    return (await this.input()).getProperty<string>('value');
  }

  /** Replaces the text as a user would: clear, then type. */
  async setText(text: string): Promise<void> {
    const input = await this.input();
    await input.clear();
    if (text !== '') await input.sendKeys(text);
  }

  /** `合 1996.62 万元`, the explanation of what to type, or '' when blank. */
  async getHint(): Promise<string> {
    return (await (await this.hintElement()).text()).trim();
  }

  /** True when the text is not an amount (the hint explains, the field is marked invalid). */
  async isUnreadable(): Promise<boolean> {
    return (await (await this.input()).getAttribute('aria-invalid')) === 'true';
  }

  async isDisabled(): Promise<boolean> {
    return (await this.input()).getProperty<boolean>('disabled');
  }
}
