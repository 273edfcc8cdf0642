import { ComponentHarness } from '@angular/cdk/testing';

/** `jx-goals-editor`: the 年度绩效目标 being edited. */
export class GoalsEditorHarness extends ComponentHarness {
  static hostSelector = 'jx-goals-editor';

  private readonly textareas = this.locatorForAll('textarea');
  private readonly addButton = this.locatorFor('button.add-goal');
  private readonly removeButtons = this.locatorForAll('button.remove-goal');

  /** The goals as shown, in order. */
  async getGoals(): Promise<string[]> {
    return Promise.all((await this.textareas()).map((t) => t.getProperty<string>('value')));
  }

  async getLabels(): Promise<string[]> {
    return Promise.all((await this.textareas()).map(async (t) => (await t.getAttribute('aria-label')) ?? ''));
  }

  /** Replaces the text of goal `index` (0-based). */
  async setGoal(index: number, text: string): Promise<void> {
    const textarea = (await this.textareas())[index];
    if (textarea === undefined) throw new Error(`No goal ${index + 1}`);
    await textarea.clear();
    if (text !== '') await textarea.sendKeys(text);
  }

  async addGoal(): Promise<void> {
    await (await this.addButton()).click();
  }

  async removeGoal(index: number): Promise<void> {
    const button = (await this.removeButtons())[index];
    if (button === undefined) throw new Error(`No goal ${index + 1}`);
    await button.click();
  }

  /** The explanation shown when there is no goal yet; '' otherwise. */
  async getEmptyText(): Promise<string> {
    const empty = await this.locatorForOptional('p.jx-muted')();
    return empty === null ? '' : (await empty.text()).trim();
  }
}
