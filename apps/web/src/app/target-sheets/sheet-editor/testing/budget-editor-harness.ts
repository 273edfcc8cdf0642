import { ComponentHarness } from '@angular/cdk/testing';
import { AmountInputHarness } from '../../../shared/testing/amount-input-harness';

/** 部门预算总额, 基本支出, 项目支出. */
export type BudgetField = 'total' | 'basic' | 'project';

const LABELS: Readonly<Record<BudgetField, string>> = { total: '部门预算总额（元）', basic: '基本支出（元）', project: '项目支出（元）' };

/** `jx-budget-editor`: the 部门预算 of a department-wide sheet being edited. */
export class BudgetEditorHarness extends ComponentHarness {
  static hostSelector = 'jx-budget-editor';

  private readonly problem = this.locatorForOptional('.budget-problem');

  /** The amount field of one part of the budget. */
  async field(field: BudgetField): Promise<AmountInputHarness> {
    return this.locatorFor(AmountInputHarness.with({ label: LABELS[field] }))();
  }

  async set(field: BudgetField, text: string): Promise<void> {
    await (await this.field(field)).setText(text);
  }

  async getHint(field: BudgetField): Promise<string> {
    return (await this.field(field)).getHint();
  }

  /** What does not add up (or is not an amount), as said under the fields; null when nothing. */
  async getProblem(): Promise<string | null> {
    const problem = await this.problem();
    return problem === null ? null : (await problem.text()).trim();
  }
}
