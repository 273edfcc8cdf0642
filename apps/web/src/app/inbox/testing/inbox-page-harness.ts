import { ComponentHarness } from '@angular/cdk/testing';
import { pickSelectOption } from '../../shared/testing/zorro-overlays';

/** One row of 待我处理 as shown. */
export interface InboxRowView {
  name: string;
  /** The link's query: year, dept, sheet. */
  href: string;
  sub: string;
  department: string;
  year: string;
  status: string;
  amount: string;
  since: string;
  actions: string;
}

/** `jx-inbox-page`: the sheets waiting for me, its filters and search. */
export class InboxPageHarness extends ComponentHarness {
  static hostSelector = 'jx-inbox-page';

  private readonly rows = this.locatorForAll('tr.inbox-row');
  private readonly documentRoot = this.documentRootLocatorFactory();

  async getRows(): Promise<InboxRowView[]> {
    const rows = await this.rows();
    return Promise.all(
      rows.map(async (row) => {
        const cells = await this.locatorForAll(`tr.inbox-row[data-sheet="${await row.getAttribute('data-sheet')}"] td`)();
        const text = async (i: number) => (await cells[i]!.text()).trim();
        const link = await this.locatorFor(`tr.inbox-row[data-sheet="${await row.getAttribute('data-sheet')}"] a.sheet-link`)();
        const sub = await this.locatorFor(`tr.inbox-row[data-sheet="${await row.getAttribute('data-sheet')}"] td:first-child .sub`)();
        return {
          name: (await link.text()).trim(),
          href: (await link.getAttribute('href')) ?? '',
          sub: (await sub.text()).replace(/\s+/g, ' ').trim(),
          department: (await text(1)).replace(/\s+/g, ' '),
          year: await text(2),
          status: await text(3),
          amount: await text(4),
          since: await text(5),
          actions: await text(6),
        };
      }),
    );
  }

  /** 共 N 张待处理 / 符合条件 N 张，共 M 张待处理. */
  async getTotalText(): Promise<string> {
    return (await (await this.locatorFor('.jx-count.total')()).text()).trim();
  }

  /** The table's message when it lists nothing. */
  async getEmptyText(): Promise<string> {
    return (await (await this.locatorFor('.ant-empty-description')()).text()).trim();
  }

  /** What a role that never acts on sheets is told, or null. */
  async getNotApplicable(): Promise<string | null> {
    const p = await this.locatorForOptional('.not-applicable')();
    return p === null ? null : (await p.text()).trim();
  }

  /** Picks an option of a filter: 状态, 部门 or 预算年度, by its label (with its count, e.g. 已提交（2）). */
  async pickFilter(filter: 'status' | 'department' | 'year', label: string): Promise<void> {
    await pickSelectOption(this.documentRoot, await this.locatorFor(`nz-select.${filter}-filter`)(), label);
  }

  /** The options a filter offers. */
  async getFilterOptions(filter: 'status' | 'department' | 'year'): Promise<string[]> {
    await (await this.locatorFor(`nz-select.${filter}-filter`)()).click();
    const options = await this.documentRoot.locatorForAll('nz-option-item')();
    const labels = await Promise.all(options.map(async (o) => (await o.text()).trim()));
    await (await this.locatorFor(`nz-select.${filter}-filter`)()).click();
    return labels;
  }

  async search(text: string): Promise<void> {
    const input = await this.locatorFor('#inbox-search')();
    await input.clear();
    if (text !== '') await input.sendKeys(text);
    await (await this.locatorFor('button.search-button')()).click();
  }

  async getSearchText(): Promise<string> {
    return (await this.locatorFor('#inbox-search')()).getProperty<string>('value');
  }

  async clearFilters(): Promise<void> {
    await (await this.locatorFor('button.clear-filters')()).click();
  }

  async goToPage(page: number): Promise<void> {
    await (await this.locatorFor(`li.ant-pagination-item[title="${page}"]`)()).click();
  }
}
