import { ComponentHarness } from '@angular/cdk/testing';

/** `jx-import-page`: the input (file or pasted text), the preview, 确认导入 and the drafts it wrote. */
export class ImportPageHarness extends ComponentHarness {
  static hostSelector = 'jx-import-page';

  async pasteMode(): Promise<void> {
    await (await this.locatorFor('label[nz-radio-button][nzValue="text"], label[nz-radio-button]:nth-of-type(2)')()).click();
  }

  async paste(text: string): Promise<void> {
    const area = await this.locatorFor('[data-test="text"]')();
    await area.clear();
    await area.setInputValue(text);
    await area.dispatchEvent('input');
  }

  async setYear(year: string): Promise<void> {
    const input = await this.locatorFor('[data-test="year"]')();
    await input.clear();
    await input.sendKeys(year);
  }

  async hasRegionField(): Promise<boolean> {
    return (await this.locatorForOptional('[data-test="region"]')()) !== null;
  }

  async isPreviewEnabled(): Promise<boolean> {
    return !(await (await this.locatorFor('[data-test="preview"]')()).getProperty<boolean>('disabled'));
  }

  async preview(): Promise<void> {
    await (await this.locatorFor('[data-test="preview"]')()).click();
  }

  async isCommitEnabled(): Promise<boolean> {
    return !(await (await this.locatorFor('[data-test="commit"]')()).getProperty<boolean>('disabled'));
  }

  async commit(): Promise<void> {
    await (await this.locatorFor('[data-test="commit"]')()).click();
  }

  private async texts(selector: string): Promise<string[]> {
    return Promise.all((await this.locatorForAll(selector)()).map(async (e) => (await e.text()).trim()));
  }

  summary = async (): Promise<string> => (await (await this.locatorFor('[data-test="summary"]')()).text()).trim();
  error = async (): Promise<string | null> => {
    const alert = await this.locatorForOptional('[data-test="error"]')();
    return alert === null ? null : (await alert.text()).trim();
  };
  sheetNames = (): Promise<string[]> => this.texts('[data-test="sheet"] .sheet-name');
  /** Each sheet of the preview: its name, and whether it is shown 已存在. */
  sheets = async (): Promise<{ name: string; exists: boolean }[]> => {
    const names = await this.sheetNames();
    const texts = await this.texts('[data-test="sheet"] header');
    return names.map((name, i) => ({ name, exists: (texts[i] ?? '').includes('已存在') }));
  };
  warnings = (): Promise<string[]> => this.texts('[data-test="warning"]');
  findings = (): Promise<string[]> => this.texts('[data-test="finding"]');
  blockers = (): Promise<string[]> => this.texts('[data-test="blocker"]');
  problemRows = (): Promise<string[]> => this.texts('[data-test="problems"] tbody tr');
  departmentNotes = (): Promise<string[]> => this.texts('[data-test="department-note"]');
  result = async (): Promise<string | null> => {
    const section = await this.locatorForOptional('[data-test="result"]')();
    return section === null ? null : (await section.text()).trim();
  };
  draftLinks = async (): Promise<{ text: string; href: string | null }[]> =>
    Promise.all((await this.locatorForAll('[data-test="draft-link"]')()).map(async (a) => ({ text: (await a.text()).trim(), href: await a.getAttribute('href') })));
}
