import { ComponentHarness } from '@angular/cdk/testing';

/** One round as the form shows it. */
export interface WindowRowView {
  period: string;
  label: string;
  opensOn: string;
  closesOn: string;
}

/** `jx-windows-form`: the 填报时间 of a year being set. */
export class WindowsFormHarness extends ComponentHarness {
  static hostSelector = 'jx-windows-form';

  private readonly rows = this.locatorForAll('tr.window-row');
  private readonly problem = this.locatorForOptional('.windows-problem');

  async getRows(): Promise<WindowRowView[]> {
    const rows = await this.rows();
    return Promise.all(
      rows.map(async (row, i) => ({
        period: (await row.getAttribute('data-period')) ?? '',
        label: (await (await this.locatorForAll('tr.window-row th.period')())[i]!.text()).trim(),
        opensOn: await (await this.locatorForAll('input.opens-on')())[i]!.getProperty<string>('value'),
        closesOn: await (await this.locatorForAll('input.closes-on')())[i]!.getProperty<string>('value'),
      })),
    );
  }

  /** Sets the opening and closing day of a round ('YYYY-MM-DD'), as a date field takes it. */
  async setWindow(period: string, opensOn: string, closesOn: string): Promise<void> {
    const rows = await this.getRows();
    const index = rows.findIndex((r) => r.period === period);
    if (index < 0) throw new Error(`No round ${period}`);
    for (const [selector, value] of [['input.opens-on', opensOn], ['input.closes-on', closesOn]] as const) {
      const field = (await this.locatorForAll(selector)())[index]!;
      await field.setInputValue(value);
      await field.dispatchEvent('input');
    }
  }

  async getProblem(): Promise<string | null> {
    const problem = await this.problem();
    return problem === null ? null : (await problem.text()).trim();
  }
}
