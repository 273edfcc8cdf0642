import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { AmountInput } from './amount-input';
import { AmountInputHarness } from './testing/amount-input-harness';

@Component({
  imports: [AmountInput],
  template: `
    <jx-amount-input label="资金总额（元）" [(text)]="total" (amount)="emitted.push($event)" />
    <jx-amount-input label="12月支出（元）" [exact]="true" [disabled]="locked()" [(text)]="spent" />
  `,
})
class Host {
  readonly total = signal('');
  readonly spent = signal('60000.50');
  readonly locked = signal(false);
  readonly emitted: (string | null)[] = [];
}

describe(AmountInput.name, () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const total = await loader.getHarness(AmountInputHarness.with({ label: '资金总额（元）' }));
    const spent = await loader.getHarness(AmountInputHarness.with({ label: /12月支出/ }));
    return { fixture, host: fixture.componentInstance, total, spent };
  }

  it('reads 20万 as 200000.00 元: the 万元 hint under it, the API’s form emitted, the text kept as typed', async () => {
    const { host, total } = await setUp();
    await total.setText('20万');
    expect(await total.getHint()).toBe('合 20 万元');
    expect(host.emitted.at(-1)).toBe('200000.00');
    expect(host.total()).toBe('20万');
    expect(await total.isUnreadable()).toBe(false);
  });

  it.each([
    ['20万元', '200000.00', '合 20 万元'],
    ['20 万', '200000.00', '合 20 万元'],
    ['２０万', '200000.00', '合 20 万元'],
    ['200,000', '200000.00', '合 20 万元'],
    ['1.5亿', '150000000.00', '合 15000 万元'],
    ['1亿2000万', '120000000.00', '合 12000 万元'],
  ])('reads %p as %p 元 and shows %p', async (typed, yuan, hint) => {
    const { host, total } = await setUp();
    await total.setText(typed);
    expect(host.emitted.at(-1)).toBe(yuan);
    expect(await total.getHint()).toBe(hint);
    expect(host.total()).toBe(typed);
  });

  it('reads 元 as typed with separators and full-width digits', async () => {
    const { host, total } = await setUp();
    await total.setText('19,966,200');
    expect(await total.getHint()).toBe('合 1996.62 万元');
    expect(host.emitted.at(-1)).toBe('19966200.00');
    await total.setText('１２３４．５');
    expect(host.emitted.at(-1)).toBe('1234.50');
    expect(await total.getHint()).toBe('合 0.1235 万元');
  });

  it('explains in Chinese what to type when the text is not an amount, and emits null', async () => {
    const { host, total } = await setUp();
    await total.setText('十二万');
    expect(await total.getHint()).toBe('请填写金额（元），如 1200000、1200000.50，或 120万');
    expect(await total.isUnreadable()).toBe(true);
    expect(host.emitted.at(-1)).toBeNull();
    await total.setText('12.345');
    expect(await total.isUnreadable()).toBe(true);
  });

  it('shows nothing under a blank field and emits null for it', async () => {
    const { host, total } = await setUp();
    await total.setText('5');
    await total.setText('');
    expect(await total.getHint()).toBe('');
    expect(await total.isUnreadable()).toBe(false);
    expect(host.emitted).toEqual(['5.00', null]);
  });

  it('hints a loaded amount without typing; to the cent where asked (6.00005, not 6.0001)', async () => {
    const { fixture, host, spent, total } = await setUp();
    expect(await spent.getText()).toBe('60000.50');
    expect(await spent.getHint()).toBe('合 6.00005 万元');
    await total.setText('60000.50');
    expect(await total.getHint()).toBe('合 6.0001 万元');
    host.locked.set(true);
    fixture.detectChanges();
    expect(await spent.isDisabled()).toBe(true);
  });

  it('follows text set from outside ([(text)])', async () => {
    const { fixture, host, total } = await setUp();
    host.total.set('3298800.00');
    fixture.detectChanges();
    expect(await total.getText()).toBe('3298800.00');
    expect(await total.getHint()).toBe('合 329.88 万元');
  });
});
