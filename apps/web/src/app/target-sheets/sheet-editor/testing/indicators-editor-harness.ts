import { ComponentHarness, TestElement, TestKey } from '@angular/cdk/testing';
import { pickCascaderPath, pickSelectOption } from '../../../shared/testing/zorro-overlays';
import { SpecCorrectionHarness } from './spec-correction-harness';

/** One row of the indicator table as shown. */
export interface IndicatorRowView {
  level1: string;
  level2: string;
  name: string;
  target: string;
  /** The parsed (or corrected) target in Chinese. */
  spec: string;
  corrected: boolean;
}

/** A merged 一级 or 二级指标 cell: its chosen value and how many rows it spans. */
export interface GroupCellView {
  label: string;
  rows: number;
}

/** What a paste from Excel was understood as: the summary, each row's cells, the problems by row. */
export interface PastePreviewView {
  message: string;
  rows: string[][];
  problems: string[];
}

/** `jx-indicators-editor`: the grouped 绩效指标 table being edited. */
export class IndicatorsEditorHarness extends ComponentHarness {
  static hostSelector = 'jx-indicators-editor';

  private readonly rows = this.locatorForAll('tr.edit-row');
  private readonly names = this.locatorForAll('input.name-input');
  private readonly targets = this.locatorForAll('input.target-input');
  private readonly specCells = this.locatorForAll('td.spec');
  private readonly correctButtons = this.locatorForAll('button.correct-button');
  private readonly moveButtons = this.locatorForAll('button.move-button');
  private readonly removeButtons = this.locatorForAll('button.remove-indicator');

  async getRows(): Promise<IndicatorRowView[]> {
    const [rows, names, targets, specs] = await Promise.all([this.rows(), this.names(), this.targets(), this.specCells()]);
    return Promise.all(
      rows.map(async (row, i) => {
        const specText = (await specs[i]!.text({ exclude: '.corrected, .correct-button, .spec-warning' })).trim();
        return {
          level1: (await row.getAttribute('data-level1')) ?? '',
          level2: (await row.getAttribute('data-level2')) ?? '',
          name: await names[i]!.getProperty<string>('value'),
          target: await targets[i]!.getProperty<string>('value'),
          spec: specText,
          corrected: (await specs[i]!.text()).includes('已人工更正'),
        };
      }),
    );
  }

  /** The parser's doubts shown under row `index`, as one text ('' when none). */
  async getWarnings(index: number): Promise<string> {
    const cell = (await this.specCells())[index];
    if (cell === undefined) throw new Error(`No row ${index + 1}`);
    return (await cell.text({ exclude: '.spec-text, .corrected, .correct-button' })).trim();
  }

  async getLevel1Cells(): Promise<GroupCellView[]> {
    return this.groupCells('td.level1-cell');
  }

  async getLevel2Cells(): Promise<GroupCellView[]> {
    return this.groupCells('td.level2-cell');
  }

  async setName(index: number, text: string): Promise<void> {
    await retype((await this.names())[index], text, `row ${index + 1}`);
  }

  async setTarget(index: number, text: string): Promise<void> {
    await retype((await this.targets())[index], text, `row ${index + 1}`);
  }

  /**
   * Pastes `text` as the clipboard's plain text into the 三级指标 input of row `index`, or into the
   * paste box under the table when `index` is 'box'.
   */
  async paste(text: string, index: number | 'box' = 'box'): Promise<void> {
    const input = index === 'box' ? await this.locatorFor('input.paste-input')() : (await this.names())[index];
    if (input === undefined) throw new Error(`No row ${Number(index) + 1}`);
    await input.dispatchEvent('paste', { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
  }

  /** The preview of the last paste, or null when none is shown. */
  async getPastePreview(): Promise<PastePreviewView | null> {
    const preview = await this.locatorForOptional('jx-paste-preview')();
    if (preview === null) return null;
    const cells = await Promise.all((await this.locatorForAll('tr.paste-row td')()).map(async (td) => (await td.text()).trim()));
    const width = (await this.locatorForAll('table.paste-rows th')()).length;
    return {
      message: (await (await this.locatorFor('jx-paste-preview .ant-alert-message')()).text()).trim(),
      rows: Array.from({ length: cells.length / width }, (_, i) => cells.slice(i * width, (i + 1) * width)),
      problems: await Promise.all((await this.locatorForAll('li.paste-problem')()).map(async (li) => (await li.text()).trim())),
    };
  }

  async undoPaste(): Promise<void> {
    await (await this.locatorFor('button.undo-paste')()).click();
  }

  /** Presses Enter in the 指标值 of row `index`. */
  async pressEnterInTarget(index: number): Promise<void> {
    const target = (await this.targets())[index];
    if (target === undefined) throw new Error(`No row ${index + 1}`);
    await target.sendKeys(TestKey.ENTER);
  }

  /** The row whose 三级指标 input has the focus, or -1. */
  async getFocusedNameRow(): Promise<number> {
    const names = await this.names();
    for (const [i, name] of names.entries()) if (await name.isFocused()) return i;
    return -1;
  }

  /** 在此组新增 of the 二级 group `level2` ('' for none) under `level1`. */
  async addInGroup(level1: string, level2 = ''): Promise<void> {
    const label = `在此组新增（${level1}${level2 ? ` / ${level2}` : ''}）`;
    await (await this.locatorFor(`button.add-in-group[aria-label="${label}"]`)()).click();
  }

  /** 新增指标（选择分组）: a new row at the end of the group picked. */
  async addIndicator(level1: string, level2: string): Promise<void> {
    await pickCascaderPath(this.documentRootLocatorFactory(), await this.locatorFor('button.add-row')(), [level1, level2]);
  }

  /** 移至: row `index` moves to the end of the group picked. */
  async moveTo(index: number, level1: string, level2: string): Promise<void> {
    const button = (await this.moveButtons())[index];
    if (button === undefined) throw new Error(`No row ${index + 1}`);
    await pickCascaderPath(this.documentRootLocatorFactory(), button, [level1, level2]);
  }

  /** The merged 二级指标 cell number `cell` (0-based, top to bottom) takes another 二级指标 for its whole group. */
  async renameLevel2(cell: number, level2: string): Promise<void> {
    const selects = await this.locatorForAll('td.level2-cell nz-select')();
    await pickSelectOption(this.documentRootLocatorFactory(), selects[cell]!, level2);
  }

  async remove(index: number): Promise<void> {
    const button = (await this.removeButtons())[index];
    if (button === undefined) throw new Error(`No row ${index + 1}`);
    await button.click();
  }

  /** Clicks 更正 on row `index` and returns the form in its popover. */
  async openCorrection(index: number): Promise<SpecCorrectionHarness> {
    const button = (await this.correctButtons())[index];
    if (button === undefined) throw new Error(`No row ${index + 1}`);
    await button.click();
    return this.documentRootLocatorFactory().locatorFor(SpecCorrectionHarness)();
  }

  /** True while a 更正 popover is open. */
  async isCorrectionOpen(): Promise<boolean> {
    return (await this.documentRootLocatorFactory().locatorForOptional(SpecCorrectionHarness)()) !== null;
  }

  /** True when the table shows last year's columns (a rolled-over sheet). */
  async hasPreviousYearColumns(): Promise<boolean> {
    return (await this.locatorForAll('th.previous-head')()).length > 0;
  }

  /** 上年指标值 and 上年实际完成值 of each row, as shown. */
  async getPreviousYear(): Promise<{ target: string; actual: string }[]> {
    const [targets, actuals] = [await this.locatorForAll('td.previous-target')(), await this.locatorForAll('td.previous-actual')()];
    return Promise.all(targets.map(async (cell, i) => ({ target: (await cell.text()).trim(), actual: (await actuals[i]!.text()).trim() })));
  }

  /** What the table says when it has no row; '' otherwise. */
  async getEmptyText(): Promise<string> {
    const empty = await this.locatorForOptional('.ant-table-placeholder')();
    return empty === null ? '' : (await empty.text()).trim();
  }

  private async groupCells(selector: string): Promise<GroupCellView[]> {
    const cells = await this.locatorForAll(selector)();
    return Promise.all(
      cells.map(async (cell) => ({
        label: (await cell.text({ exclude: '.group-count, .add-in-group' })).trim(),
        rows: Number((await cell.getAttribute('rowspan')) ?? '1'),
      })),
    );
  }
}

async function retype(element: TestElement | undefined, text: string, what: string): Promise<void> {
  if (element === undefined) throw new Error(`No ${what}`);
  await element.clear();
  if (text !== '') await element.sendKeys(text);
}
