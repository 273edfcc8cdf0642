import { ComponentHarness } from '@angular/cdk/testing';
import { AmountInputHarness } from '../../shared/testing/amount-input-harness';

/** `jx-department-spending`: a department's budget parts, basic spending by month and the rate of the whole. */
export class DepartmentSpendingHarness extends ComponentHarness {
  static hostSelector = 'jx-department-spending';

  private readonly figures = this.locatorFor('.whole-figures');
  private readonly basis = this.locatorFor('.basis');
  private readonly notWhole = this.locatorForOptional('.not-whole');
  private readonly warnings = this.locatorForAll('.budget-warning');
  private readonly parts = this.locatorForAll('.part');
  private readonly saveButton = this.locatorForOptional('button.save-basic');
  private readonly message = this.locatorForOptional('.actions .message');

  /** `预算 1996.62 万元 · 已支出 … 万元 · 执行率 …%` of the whole. */
  async getFigures(): Promise<string> {
    return (await (await this.figures()).text()).trim();
  }

  /** Each part as shown: `部门预算总额 1996.62 万元`, `其中：基本支出 342.48 万元 已支出 …`. */
  async getParts(): Promise<string[]> {
    const count = (await this.parts()).length;
    const parts: string[] = [];
    for (let i = 1; i <= count; i++) {
      const lines = await this.locatorForAll(`.budget-parts > .part:nth-of-type(${i}) > *`)();
      parts.push((await Promise.all(lines.map(async (line) => (await line.text()).trim()))).join(' '));
    }
    return parts;
  }

  /** Which money the rate counts. */
  async getBasis(): Promise<string> {
    return (await (await this.basis()).text()).trim();
  }

  /** The note shown when the department states no basic budget; null otherwise. */
  async getNotWholeNote(): Promise<string | null> {
    const note = await this.notWhole();
    return note === null ? null : (await note.text()).trim();
  }

  async getWarnings(): Promise<string[]> {
    return Promise.all((await this.warnings()).map(async (w) => (await w.text()).trim()));
  }

  /** The basic-spending field of a month (1–12); null when the caller may only read. */
  async basicField(month: number): Promise<AmountInputHarness | null> {
    return this.locatorForOptional(AmountInputHarness.with({ label: `${month}月基本支出（元）` }))();
  }

  async setBasic(month: number, text: string): Promise<void> {
    const field = await this.basicField(month);
    if (field === null) throw new Error(`${month}月基本支出 is not editable`);
    await field.setText(text);
  }

  /** A month's row: basic (as typed or shown), project spending, cumulative of the whole (万元). */
  async getRow(month: number): Promise<{ basic: string; project: string; cumulative: string }> {
    const text = async (selector: string) => (await (await this.locatorFor(`tr.month-row[data-month="${month}"] ${selector}`)()).text()).trim();
    const field = await this.basicField(month);
    return { basic: field === null ? await text('.basic-cell') : await field.getText(), project: await text('.project-cell'), cumulative: await text('.cumulative-cell') };
  }

  async canSave(): Promise<boolean> {
    return (await this.saveButton()) !== null;
  }

  async save(): Promise<void> {
    const button = await this.saveButton();
    if (button === null) throw new Error('保存基本支出 is not shown');
    await button.click();
  }

  async getMessage(): Promise<string | null> {
    const message = await this.message();
    return message === null ? null : (await message.text()).trim();
  }
}
