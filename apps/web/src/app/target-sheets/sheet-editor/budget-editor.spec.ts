import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { DraftBudget } from '../department-form';
import { BudgetEditor } from './budget-editor';
import { BudgetEditorHarness } from './testing/budget-editor-harness';

@Component({
  imports: [BudgetEditor],
  template: `<jx-budget-editor [(budget)]="budget" />`,
})
class Host {
  /** 汉阴县医疗保障局 2024: 1996.62 万元 = 342.48 基本 + 1654.14 项目. */
  readonly budget = signal<DraftBudget>({ total: '19966200.00', basic: '3424800.00', project: '16541400.00' });
}

describe(BudgetEditor.name, () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const budget = await TestbedHarnessEnvironment.loader(fixture).getHarness(BudgetEditorHarness);
    return { host: fixture.componentInstance, budget };
  }

  it('shows each part in 万元 under its field; the published budget adds up', async () => {
    const { budget } = await setUp();
    expect(await budget.getHint('total')).toBe('合 1996.62 万元');
    expect(await budget.getHint('basic')).toBe('合 342.48 万元');
    expect(await budget.getHint('project')).toBe('合 1654.14 万元');
    expect(await budget.getProblem()).toBeNull();
  });

  it('says so while the parts do not add up to the total, and stops once they do', async () => {
    const { host, budget } = await setUp();
    await budget.set('project', '1700万');
    expect(await budget.getHint('project')).toBe('合 1700 万元');
    expect(await budget.getProblem()).toContain('之和不等于部门预算总额');
    await budget.set('total', '20424800');
    expect(await budget.getProblem()).toBeNull();
    expect(host.budget()).toEqual({ total: '20424800', basic: '3424800.00', project: '1700万' });
  });

  it('names the part that is not an amount', async () => {
    const { budget } = await setUp();
    await budget.set('basic', '三百万');
    expect(await budget.getProblem()).toBe('基本支出须为元金额，如 19966200 或 19966200.50。');
    expect(await (await budget.field('basic')).isUnreadable()).toBe(true);
  });
});
