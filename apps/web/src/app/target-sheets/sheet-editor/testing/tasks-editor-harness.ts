import { ComponentHarness } from '@angular/cdk/testing';
import { AmountInputHarness } from '../../../shared/testing/amount-input-harness';

/** One 年度主要任务 as shown. */
export interface TaskRowView {
  name: string;
  content: string;
  amount: string;
  hint: string;
}

/** `jx-tasks-editor`: the 年度主要任务 of a department-wide sheet being edited. */
export class TasksEditorHarness extends ComponentHarness {
  static hostSelector = 'jx-tasks-editor';

  private readonly names = this.locatorForAll('input.task-name');
  private readonly contents = this.locatorForAll('textarea.task-content');
  private readonly amounts = this.locatorForAll(AmountInputHarness);
  private readonly removeButtons = this.locatorForAll('button.remove-task');
  private readonly total = this.locatorForOptional('.task-total');

  async getTasks(): Promise<TaskRowView[]> {
    const [names, contents, amounts] = await Promise.all([this.names(), this.contents(), this.amounts()]);
    return Promise.all(
      names.map(async (name, i) => ({
        name: await name.getProperty<string>('value'),
        content: await contents[i]!.getProperty<string>('value'),
        amount: await amounts[i]!.getText(),
        hint: await amounts[i]!.getHint(),
      })),
    );
  }

  /** 任务金额合计 as shown beside the title (`2047.48`), or null when it is not shown. */
  async getTotal(): Promise<string | null> {
    const total = await this.total();
    if (total === null) return null;
    return /合计\s*(\S+)\s*万元/.exec(await total.text())?.[1] ?? null;
  }

  async addTask(): Promise<void> {
    await (await this.locatorFor('button.add-task')()).click();
  }

  async setName(index: number, text: string): Promise<void> {
    const input = (await this.names())[index];
    if (input === undefined) throw new Error(`No task ${index + 1}`);
    await input.clear();
    if (text !== '') await input.sendKeys(text);
  }

  async setContent(index: number, text: string): Promise<void> {
    const textarea = (await this.contents())[index];
    if (textarea === undefined) throw new Error(`No task ${index + 1}`);
    await textarea.clear();
    if (text !== '') await textarea.sendKeys(text);
  }

  async setAmount(index: number, text: string): Promise<void> {
    const amount = (await this.amounts())[index];
    if (amount === undefined) throw new Error(`No task ${index + 1}`);
    await amount.setText(text);
  }

  async remove(index: number): Promise<void> {
    const button = (await this.removeButtons())[index];
    if (button === undefined) throw new Error(`No task ${index + 1}`);
    await button.click();
  }
}
