import { ComponentHarness } from '@angular/cdk/testing';

/** `jx-conflict-panel`: a save refused because someone saved first. */
export class ConflictPanelHarness extends ComponentHarness {
  static hostSelector = 'jx-conflict-panel';

  private readonly title = this.locatorFor('.conflict-title');
  private readonly mineItems = this.locatorForAll('.mine li.change');
  private readonly theirItems = this.locatorForAll('.theirs li.change');
  private readonly theirsColumn = this.locatorFor('.theirs');
  private readonly overlapItems = this.locatorForAll('.mine li.change.overlap');

  /** 保存未成功：<who>于 <when>（北京时间）<what>了这张目标表. */
  async getHeadline(): Promise<string> {
    return (await (await this.title()).text()).trim();
  }

  async getMyChanges(): Promise<string[]> {
    return texts(await this.mineItems());
  }

  async getTheirChanges(): Promise<string[]> {
    return texts(await this.theirItems());
  }

  /** The text of the column of their changes (while loading, or when it failed). */
  async getTheirColumn(): Promise<string> {
    return (await (await this.theirsColumn()).text()).trim();
  }

  /** My changes of places both changed. */
  async getOverlaps(): Promise<string[]> {
    return texts(await this.overlapItems());
  }

  async rebase(): Promise<void> {
    await (await this.locatorFor('button.rebase')()).click();
  }

  async overwrite(): Promise<void> {
    await (await this.locatorFor('button.overwrite')()).click();
  }

  async giveUp(): Promise<void> {
    await (await this.locatorFor('button.give-up')()).click();
  }
}

async function texts(elements: { text(): Promise<string> }[]): Promise<string[]> {
  return Promise.all(elements.map(async (e) => (await e.text()).trim()));
}
