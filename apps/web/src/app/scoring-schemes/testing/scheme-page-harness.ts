import { ComponentHarness } from '@angular/cdk/testing';
import { SchemeEditorHarness } from './scheme-editor-harness';

/** `jx-scheme-page`: the 评分方案 of a year, one opened with its groups and versions, edited by finance. */
export class SchemePageHarness extends ComponentHarness {
  static hostSelector = 'jx-scheme-page';

  readonly editor = this.locatorForOptional(SchemeEditorHarness);

  /** The list: bureau, kind label, scheme name, version text, one line each. */
  async getRows(): Promise<string[][]> {
    return (await this.cells('tr.scheme-row td', 5)).map((row) => row.slice(0, 4));
  }

  async open(index: number): Promise<void> {
    const button = (await this.locatorForAll('button.open-scheme')())[index];
    if (button === undefined) throw new Error(`No scheme ${index + 1}`);
    await button.click();
  }

  async getTitle(): Promise<string> {
    return (await (await this.locatorFor('#detail-title')()).text()).trim();
  }

  /** The groups of the current scheme as shown: 'label words points'. */
  async getViewGroups(): Promise<string[]> {
    return (await this.cells('tr.view-group td', 3)).map((row) => row.join(' '));
  }

  async getHistory(): Promise<string[]> {
    return Promise.all((await this.locatorForAll('li.history-item')()).map(async (item) => (await item.text()).replace(/\s+/g, ' ').trim()));
  }

  async canEdit(): Promise<boolean> {
    return (await this.locatorForOptional('button.edit-scheme')()) !== null;
  }

  async edit(): Promise<void> {
    await (await this.locatorFor('button.edit-scheme')()).click();
  }

  async startFrom(preset: 'national_project' | 'department_wide'): Promise<void> {
    await (await this.locatorFor(`button.preset[data-preset="${preset}"]`)()).click();
  }

  async isSaveEnabled(): Promise<boolean> {
    return !(await (await this.locatorFor('button.save-scheme')()).getProperty<boolean>('disabled'));
  }

  async save(): Promise<void> {
    await (await this.locatorFor('button.save-scheme')()).click();
  }

  /** The alert after a save, or null. */
  async getSaved(): Promise<string | null> {
    const alert = await this.locatorForOptional('nz-alert.saved')();
    return alert === null ? null : (await alert.text()).replace(/\s+/g, ' ').trim();
  }

  async getSaveError(): Promise<string | null> {
    const alert = await this.locatorForOptional('nz-alert.save-error')();
    return alert === null ? null : (await alert.text()).replace(/\s+/g, ' ').trim();
  }

  async rerun(): Promise<void> {
    await (await this.locatorFor('button.rerun')()).click();
  }

  async getRunState(): Promise<string> {
    const state = await this.locatorForOptional('.run-state')();
    return state === null ? '' : (await state.text()).replace(/\s+/g, ' ').trim();
  }

  /** The texts of the cells matching `selector`, `width` to a row. */
  private async cells(selector: string, width: number): Promise<string[][]> {
    const texts = await Promise.all((await this.locatorForAll(selector)()).map(async (cell) => (await cell.text()).replace(/\s+/g, ' ').trim()));
    const rows: string[][] = [];
    for (let i = 0; i < texts.length; i += width) rows.push(texts.slice(i, i + width));
    return rows;
  }
}
