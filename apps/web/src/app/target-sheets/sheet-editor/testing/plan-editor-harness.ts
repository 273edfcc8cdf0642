import { ComponentHarness } from '@angular/cdk/testing';
import { AmountInputHarness } from '../../../shared/testing/amount-input-harness';
import { pickSelectOption } from '../../../shared/testing/zorro-overlays';

/** One checkpoint of the plan as shown: the month chosen, the amount typed and its 万元 hint. */
export interface PlanRowView {
  month: string;
  amount: string;
  hint: string;
}

/** `jx-plan-editor`: the 资金支出计划 being edited. */
export class PlanEditorHarness extends ComponentHarness {
  static hostSelector = 'jx-plan-editor';

  private readonly monthSelects = this.locatorForAll('nz-select.month-select');
  private readonly amounts = this.locatorForAll(AmountInputHarness);
  private readonly removeButtons = this.locatorForAll('button.remove-point');
  private readonly problem = this.locatorForOptional('.plan-problem');

  async getRows(): Promise<PlanRowView[]> {
    const [months, amounts] = await Promise.all([this.monthSelects(), this.amounts()]);
    return Promise.all(
      months.map(async (month, i) => ({
        month: (await month.text()).trim(),
        amount: await amounts[i]!.getText(),
        hint: await amounts[i]!.getHint(),
      })),
    );
  }

  /** 新增月份. */
  async addMonth(): Promise<void> {
    await (await this.locatorFor('button.add-point')()).click();
  }

  /** 按季度均分资金总额. */
  async fillQuarters(): Promise<void> {
    await (await this.locatorFor('button.fill-quarters')()).click();
  }

  async isFillDisabled(): Promise<boolean> {
    return (await this.locatorFor('button.fill-quarters')()).getProperty<boolean>('disabled');
  }

  /** 撤销均分; false when it is not offered. */
  async undoFill(): Promise<boolean> {
    const button = await this.locatorForOptional('button.undo-fill')();
    if (button === null) return false;
    await button.click();
    return true;
  }

  /** The note beside the fill button. */
  async getFillNote(): Promise<string> {
    return (await (await this.locatorFor('.fill-note')()).text()).trim();
  }

  async setAmount(index: number, text: string): Promise<void> {
    const amount = (await this.amounts())[index];
    if (amount === undefined) throw new Error(`No plan row ${index + 1}`);
    await amount.setText(text);
  }

  /** Picks the month of row `index` by its label (`6月底`). */
  async setMonth(index: number, label: string): Promise<void> {
    const select = (await this.monthSelects())[index];
    if (select === undefined) throw new Error(`No plan row ${index + 1}`);
    await pickSelectOption(this.documentRootLocatorFactory(), select, label);
  }

  async remove(index: number): Promise<void> {
    const button = (await this.removeButtons())[index];
    if (button === undefined) throw new Error(`No plan row ${index + 1}`);
    await button.click();
  }

  /** What refuses the plan as typed (a month twice, a cumulative amount that falls), or null. */
  async getProblem(): Promise<string | null> {
    const problem = await this.problem();
    return problem === null ? null : (await problem.text()).trim();
  }

  /** The chart's accessible description, or null when no chart is drawn. */
  async getChartLabel(): Promise<string | null> {
    const chart = await this.locatorForOptional('jx-plan-chart [role="img"]')();
    return chart === null ? null : chart.getAttribute('aria-label');
  }
}
