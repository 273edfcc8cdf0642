import { ComponentHarness } from '@angular/cdk/testing';
import type { TargetKind } from '@jixiao/domain/target-spec';
import { pickSelectOption } from '../../../shared/testing/zorro-overlays';

/** `jx-spec-correction`: the 更正解析结果 form of one target (inside the 更正 popover). */
export class SpecCorrectionHarness extends ComponentHarness {
  static hostSelector = 'jx-spec-correction';

  private readonly kindLabels = this.locatorForAll('label[nz-radio-button]');
  private readonly checkedKind = this.locatorFor('label.ant-radio-button-wrapper-checked');
  private readonly preview = this.locatorForOptional('.correct-preview');
  private readonly error = this.locatorForOptional('.correct-error');
  private readonly applyButton = this.locatorFor('button.apply-correction');
  private readonly restoreButton = this.locatorForOptional('button.restore-parse');
  private readonly cancelButton = this.locatorFor('button.cancel-correction');

  /** The 解析类型 offered: 数值, 区间, … */
  async getKinds(): Promise<string[]> {
    return Promise.all((await this.kindLabels()).map(async (l) => (await l.text()).trim()));
  }

  /** The chosen 解析类型, as labelled. */
  async getKind(): Promise<string> {
    return (await (await this.checkedKind()).text()).trim();
  }

  async chooseKind(kind: TargetKind): Promise<void> {
    await (await this.locatorFor(`label[data-kind="${kind}"]`)()).click();
  }

  /** Types into the field labelled `label` (数值, 计量单位, 变化量（可空）, 每期至少次数（可空）…). */
  async setField(label: string, text: string): Promise<void> {
    const input = await this.locatorFor(`[aria-label="${label}"]`)();
    await input.clear();
    if (text !== '') await input.sendKeys(text);
  }

  /** Picks `option` in the select labelled `label` (周期 → 每季度, 比较符 → ≥ 不低于…). */
  async pick(label: string, option: string): Promise<void> {
    await pickSelectOption(this.documentRootLocatorFactory(), await this.locatorFor(`nz-select[aria-label="${label}"]`)(), option);
  }

  /** What the select labelled `label` shows as chosen. */
  async getSelected(label: string): Promise<string> {
    return (await (await this.locatorFor(`nz-select[aria-label="${label}"]`)()).text()).trim();
  }

  async hasSelect(label: string): Promise<boolean> {
    return (await this.locatorForOptional(`nz-select[aria-label="${label}"]`)()) !== null;
  }

  async isSelectDisabled(label: string): Promise<boolean> {
    return (await this.locatorFor(`nz-select[aria-label="${label}"]`)()).hasClass('ant-select-disabled');
  }

  /** 按此考核：<reading>, or null while the form cannot be used. */
  async getPreview(): Promise<string | null> {
    const preview = await this.preview();
    return preview === null ? null : (await preview.text()).replace(/^按此考核：/, '').trim();
  }

  /** Why the form cannot be used, or null. */
  async getError(): Promise<string | null> {
    const error = await this.error();
    return error === null ? null : (await error.text()).trim();
  }

  async isApplyDisabled(): Promise<boolean> {
    return (await this.applyButton()).getProperty<boolean>('disabled');
  }

  /** 确定. */
  async apply(): Promise<void> {
    await (await this.applyButton()).click();
  }

  /** 恢复自动解析 (offered once the row is corrected). */
  async restore(): Promise<void> {
    const button = await this.restoreButton();
    if (button === null) throw new Error('恢复自动解析 is not offered');
    await button.click();
  }

  async canRestore(): Promise<boolean> {
    return (await this.restoreButton()) !== null;
  }

  async cancel(): Promise<void> {
    await (await this.cancelButton()).click();
  }
}
