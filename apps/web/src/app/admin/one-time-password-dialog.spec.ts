import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { OneTimePasswordDialog, type ShownPassword } from './one-time-password-dialog';
import { OneTimePasswordDialogHarness } from './testing/one-time-password-dialog-harness';

@Component({
  imports: [OneTimePasswordDialog],
  template: `<jx-one-time-password-dialog [shown]="shown()" (closed)="shown.set(null)" />`,
})
class Host {
  readonly shown = signal<ShownPassword | null>({ username: 'hanyin.zhangming', displayName: '张明', password: 'Kx7#mP2q=Rt9', reason: 'create' });
}

describe(OneTimePasswordDialog.name, () => {
  it('shows the one-time password once, says to whom it goes, and forgets it when closed', async () => {
    const fixture = TestBed.createComponent(Host);
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const dialog = await loader.getHarness(OneTimePasswordDialogHarness);
    expect(await dialog.getTitle()).toBe('用户已新建：一次性密码');
    expect(await dialog.getPassword()).toBe('Kx7#mP2q=Rt9');
    expect(await dialog.getText()).toContain('张明（用户名 hanyin.zhangming）');
    expect(await dialog.getText()).toContain('此密码只显示这一次，关闭后无法再查看');
    await dialog.close();
    expect(fixture.componentInstance.shown()).toBeNull();
  });
});
