import { ComponentHarness } from '@angular/cdk/testing';
import { WindowsFormHarness } from './windows-form-harness';

/** `jx-fiscal-years-page`: the opened years, their windows, 开启新年度 and 重新开放填报. */
export class FiscalYearsPageHarness extends ComponentHarness {
  static hostSelector = 'jx-fiscal-years-page';

  /** One round of the year shown, cell by cell: label, dates, state, reopenings ('—' when none). */
  async getWindow(period: string): Promise<{ label: string; dates: string; state: string; reopenings: string }> {
    const cells = await this.locatorForAll(`tr.window[data-period="${period}"] > th, tr.window[data-period="${period}"] > td`)();
    const [label, dates, state, reopenings] = await Promise.all(cells.map(async (cell) => (await cell.text()).trim()));
    return { label: label ?? '', dates: dates ?? '', state: state ?? '', reopenings: reopenings ?? '' };
  }

  async getTitle(): Promise<string> {
    return (await (await this.locatorFor('.windows-title')()).text({ exclude: 'button' })).trim();
  }

  async canOpenYear(): Promise<boolean> {
    return (await this.locatorForOptional('button.open-year')()) !== null;
  }

  async canReopen(): Promise<boolean> {
    return (await this.locatorForOptional('jx-reopen-form')()) !== null;
  }

  /** Clicks 开启新年度 and returns the form of the new year's windows. */
  async startOpening(): Promise<WindowsFormHarness> {
    await (await this.locatorFor('button.open-year')()).click();
    return this.locatorFor(WindowsFormHarness)();
  }

  async confirmOpening(): Promise<void> {
    await (await this.locatorFor('button.confirm-open')()).click();
  }

  async isConfirmEnabled(): Promise<boolean> {
    return !(await (await this.locatorFor('button.confirm-open')()).getProperty<boolean>('disabled'));
  }
}
