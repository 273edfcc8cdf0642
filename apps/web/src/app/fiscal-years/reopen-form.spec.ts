import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ReopenChoice, ReopenForm, ReopenSubmission } from './reopen-form';
import { ReopenFormHarness } from './testing/reopen-form-harness';

const CHOICES: ReopenChoice[] = [
  { id: 'd1', name: '汉阴县医疗保障局', kind: 'department' },
  { id: 'u1', name: '汉阴县医疗保障局本级', kind: 'unit' },
];

@Component({
  imports: [ReopenForm],
  template: `<jx-reopen-form [choices]="choices" today="2025-09-01" [error]="error()" (submitted)="sent.push($event)" />`,
})
class Host {
  readonly choices = CHOICES;
  readonly error = signal<string | null>(null);
  readonly sent: ReopenSubmission[] = [];
}

describe(ReopenForm.name, () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const form = await TestbedHarnessEnvironment.loader(fixture).getHarness(ReopenFormHarness);
    return { fixture, host: fixture.componentInstance, form };
  }

  it('says what is missing instead of sending', async () => {
    const { host, form } = await setUp();
    await form.submit();
    expect(await form.getProblem()).toBe('请选择要重新开放的单位或部门');
    await form.pickOrganization('单位：汉阴县医疗保障局本级');
    await form.setUntil('2025-08-31');
    await form.submit();
    expect(await form.getProblem()).toBe('截止日期不能早于今天（2025-09-01）');
    await form.setUntil('2025-09-15');
    await form.setReason('补');
    expect(await form.getProblem()).toBe('请写明重新开放的理由（2–500 个字）');
    expect(host.sent).toEqual([]);
  });

  it('sends the round, the unit, the last day and the reason', async () => {
    const { host, form } = await setUp();
    await form.pickPeriod('1–9月');
    await form.pickOrganization('部门：汉阴县医疗保障局');
    await form.setUntil('2025-09-15');
    await form.setReason('  单位负责人出差，延期补报 ');
    await form.submit();
    expect(await form.getProblem()).toBeNull();
    expect(host.sent).toEqual([{ period: 'M9', organizationId: 'd1', until: '2025-09-15', reason: '单位负责人出差，延期补报' }]);
  });

  it('shows the server’s refusal in place', async () => {
    const { fixture, host, form } = await setUp();
    host.error.set('找不到该单位，或不在您的管辖范围内');
    fixture.detectChanges();
    expect(await form.getError()).toContain('找不到该单位');
  });
});
