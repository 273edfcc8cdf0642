import { ComponentHarness, TestElement } from '@angular/cdk/testing';

/** `jx-scheme-editor`: a 评分方案 being edited, with the problems the domain finds and the total. */
export class SchemeEditorHarness extends ComponentHarness {
  static hostSelector = 'jx-scheme-editor';

  private readonly nameInput = this.locatorFor('input.name-input');
  private readonly budgetInput = this.locatorFor('input.budget-input');
  private readonly problemItems = this.locatorForAll('li.problem');
  private readonly totalValue = this.locatorFor('.total-value');
  private readonly ok = this.locatorForOptional('p.ok');

  async setName(name: string): Promise<void> {
    await type(await this.nameInput(), name);
  }

  async setBudgetExecution(points: string): Promise<void> {
    await type(await this.budgetInput(), points);
  }

  /** The groups as shown: name, words, points, code. */
  async getGroups(): Promise<{ label: string; aliases: string; points: string; code: string }[]> {
    const values = async (field: string) =>
      Promise.all((await this.locatorForAll(`tr.group-row input.${field}-input`)()).map((input) => input.getProperty<string>('value')));
    const [labels, aliases, points, codes] = await Promise.all([values('label'), values('aliases'), values('points'), values('code')]);
    return labels.map((label, i) => ({ label, aliases: aliases[i] ?? '', points: points[i] ?? '', code: codes[i] ?? '' }));
  }

  /** Sets a field of group `index` (0-based). */
  async setGroup(index: number, field: 'label' | 'aliases' | 'points' | 'code', text: string): Promise<void> {
    const inputs = await this.locatorForAll(`tr.group-row input.${field}-input`)();
    const input = inputs[index];
    if (input === undefined) throw new Error(`No group ${index + 1}`);
    await type(input, text);
  }

  async addGroup(): Promise<void> {
    await (await this.locatorFor('button.add-group')()).click();
  }

  async removeGroup(index: number): Promise<void> {
    const button = (await this.locatorForAll('button.remove-group')())[index];
    if (button === undefined) throw new Error(`No group ${index + 1}`);
    await button.click();
  }

  async setTier(tier: 'achieved' | 'partial' | 'not_achieved', value: string): Promise<void> {
    await type(await this.locatorFor(`input.tier-input[data-tier="${tier}"]`)(), value);
  }

  /** Every reason the scheme cannot be saved, as listed; empty when it can. */
  async getProblems(): Promise<string[]> {
    return Promise.all((await this.problemItems()).map(async (item) => (await item.text()).trim()));
  }

  /** 合计 as shown ('—' while a number cannot be read). */
  async getTotal(): Promise<string> {
    return (await (await this.totalValue()).text()).trim();
  }

  async saysSavable(): Promise<boolean> {
    return (await this.ok()) !== null;
  }
}

async function type(input: TestElement, text: string): Promise<void> {
  await input.clear();
  if (text !== '') await input.sendKeys(text);
}
