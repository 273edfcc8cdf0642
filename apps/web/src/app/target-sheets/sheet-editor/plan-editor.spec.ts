import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { DraftPlanPoint, planDrafts } from './editor-draft';
import { PlanEditor } from './plan-editor';
import { PlanEditorHarness } from './testing/plan-editor-harness';

@Component({
  imports: [PlanEditor],
  template: `<jx-plan-editor [(plan)]="plan" total="1200000.00" />`,
})
class Host {
  readonly plan = signal<DraftPlanPoint[]>(planDrafts([{ month: 3, cumulativeAmount: '300000.00' }]));
}

@Component({
  imports: [PlanEditor],
  template: `<jx-plan-editor [(plan)]="plan" total="1000000.10" />`,
})
class OddTotalHost {
  readonly plan = signal<DraftPlanPoint[]>([]);
}

@Component({
  imports: [PlanEditor],
  template: `<jx-plan-editor [(plan)]="plan" [total]="null" />`,
})
class NoTotalHost {
  readonly plan = signal<DraftPlanPoint[]>([]);
}

describe(PlanEditor.name, () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const plan = await TestbedHarnessEnvironment.loader(fixture).getHarness(PlanEditorHarness);
    return { host: fixture.componentInstance, plan };
  }

  it('shows each checkpoint with its amount in 万元, drawn against the 资金总额', async () => {
    const { plan } = await setUp();
    expect(await plan.getRows()).toEqual([{ month: '3月底', amount: '300000.00', hint: '合 30 万元' }]);
    expect(await plan.getChartLabel()).toBe('资金支出计划图：各月底累计计划支出（万元），预算总额 120 万元');
    expect(await plan.getProblem()).toBeNull();
  });

  it('adds the next month not planned yet, reads 60万 as 元, and keeps the draft', async () => {
    const { host, plan } = await setUp();
    await plan.addMonth();
    await plan.setAmount(1, '60万');
    expect((await plan.getRows())[1]).toEqual({ month: '1月底', amount: '60万', hint: '合 60 万元' });
    await plan.setMonth(1, '6月底');
    expect(host.plan().map((p) => [p.month, p.amount])).toEqual([
      [3, '300000.00'],
      [6, '60万'],
    ]);
  });

  it('refuses a cumulative amount that falls, with the review rule’s sentence', async () => {
    const { plan } = await setUp();
    await plan.addMonth();
    await plan.setMonth(1, '6月底');
    await plan.setAmount(1, '200000');
    expect(await plan.getProblem()).toBe(
      '资金支出计划的累计金额从 3 月的 30.00 万元 减少到 6 月的 20.00 万元，累计金额不能减少，请核对各月的累计计划支出。',
    );
    await plan.setAmount(1, '400000');
    expect(await plan.getProblem()).toBeNull();
  });

  it('says when a month is planned twice, and explains an amount it cannot read', async () => {
    const { plan } = await setUp();
    await plan.addMonth();
    await plan.setMonth(1, '3月底');
    expect(await plan.getProblem()).toBe('资金支出计划中 3 月重复，请合并为一行。');
    await plan.setMonth(1, '8月底');
    await plan.setAmount(1, '九十万');
    expect((await plan.getRows())[1]?.hint).toContain('请填写金额（元）');
    expect(await plan.getProblem()).toBeNull();
  });

  it('按季度均分 fills 3/6/9/12月 with the 资金总额 split evenly, cumulative, to the cent; 撤销 restores the plan', async () => {
    const { host, plan } = await setUp();
    await plan.fillQuarters();
    expect(host.plan().map((p) => [p.month, p.amount])).toEqual([
      [3, '300000.00'],
      [6, '600000.00'],
      [9, '900000.00'],
      [12, '1200000.00'],
    ]);
    expect((await plan.getRows()).map((r) => r.hint)).toEqual(['合 30 万元', '合 60 万元', '合 90 万元', '合 120 万元']);
    expect(await plan.getProblem()).toBeNull();
    expect(await plan.undoFill()).toBe(true);
    expect(host.plan().map((p) => [p.month, p.amount])).toEqual([[3, '300000.00']]);
    expect(await plan.undoFill()).toBe(false);
  });

  it('splits an amount that does not divide by four to the cent, ending on the total', async () => {
    const fixture = TestBed.createComponent(OddTotalHost);
    const plan = await TestbedHarnessEnvironment.loader(fixture).getHarness(PlanEditorHarness);
    await plan.fillQuarters();
    expect(fixture.componentInstance.plan().map((p) => p.amount)).toEqual(['250000.03', '500000.05', '750000.08', '1000000.10']);
  });

  it('offers no fill without a 资金总额, and says why', async () => {
    const fixture = TestBed.createComponent(NoTotalHost);
    const plan = await TestbedHarnessEnvironment.loader(fixture).getHarness(PlanEditorHarness);
    expect(await plan.isFillDisabled()).toBe(true);
    expect(await plan.getFillNote()).toBe('资金总额未填写，无法均分。');
  });

  it('removes a checkpoint; an empty plan says how to start', async () => {
    const { host, plan } = await setUp();
    await plan.remove(0);
    expect(host.plan()).toEqual([]);
    expect(await plan.getRows()).toEqual([]);
    expect(await plan.getChartLabel()).toBeNull();
  });
});
