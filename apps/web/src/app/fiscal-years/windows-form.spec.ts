import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { MonitoringWindowInput } from '@jixiao/contracts/api/fiscal-year.contract';
import { defaultMonitoringWindows } from '@jixiao/domain/monitoring-windows';
import { WindowsFormHarness } from './testing/windows-form-harness';
import { WindowsForm } from './windows-form';

@Component({
  imports: [WindowsForm],
  template: `<jx-windows-form [year]="2025" [(windows)]="windows" />`,
})
class Host {
  readonly windows = signal<MonitoringWindowInput[]>(defaultMonitoringWindows(2025));
}

describe(WindowsForm.name, () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const form = await TestbedHarnessEnvironment.loader(fixture).getHarness(WindowsFormHarness);
    return { host: fixture.componentInstance, form };
  }

  it('shows every round in the order the year runs, with its days', async () => {
    const { form } = await setUp();
    const rows = await form.getRows();
    expect(rows.map((r) => r.label)).toEqual(['一季度', '二季度', '1–7月', '三季度', '1–9月', '四季度', '全年']);
    expect(rows[2]).toEqual({ period: 'M7', label: '1–7月', opensOn: '2025-08-01', closesOn: '2025-08-21' });
    expect(await form.getProblem()).toBeNull();
  });

  it('takes new days and says, as the server would, what cannot be a year’s windows', async () => {
    const { host, form } = await setUp();
    await form.setWindow('M7', '2025-08-05', '2025-08-31');
    expect(host.windows().find((w) => w.period === 'M7')).toEqual({ period: 'M7', opensOn: '2025-08-05', closesOn: '2025-08-31' });
    expect(await form.getProblem()).toBeNull();
    await form.setWindow('Q2', '2025-07-22', '2025-07-21');
    expect(await form.getProblem()).toBe('二季度的开始日期 2025-07-22 晚于截止日期 2025-07-21');
    await form.setWindow('Q2', '2025-07-01', '');
    expect(await form.getProblem()).toBe('二季度的截止日期“”不是有效日期，应写作 YYYY-MM-DD，如 2025-08-01');
  });
});
