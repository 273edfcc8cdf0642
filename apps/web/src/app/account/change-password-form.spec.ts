import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ChangePasswordRequest } from '@jixiao/contracts/api/auth.contract';
import { ChangePasswordForm } from './change-password-form';
import { ChangePasswordFormHarness } from './testing/change-password-form-harness';

@Component({
  imports: [ChangePasswordForm],
  template: `<jx-change-password-form username="hanyin.zhangming" [forced]="forced()" [error]="error()" (changed)="sent.push($event)" />`,
})
class Host {
  readonly forced = signal(true);
  readonly error = signal<string | null>(null);
  readonly sent: ChangePasswordRequest[] = [];
}

describe(ChangePasswordForm.name, () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const form = await TestbedHarnessEnvironment.loader(fixture).getHarness(ChangePasswordFormHarness);
    return { fixture, host: fixture.componentInstance, form };
  }

  it('asks for the one-time password when the change is forced', async () => {
    const { form, host, fixture } = await setUp();
    expect(await form.getCurrentLabel()).toBe('一次性密码（管理员告知的）');
    host.forced.set(false);
    fixture.detectChanges();
    expect(await form.getCurrentLabel()).toBe('当前密码');
  });

  it('lists every rule a new password breaks while it is typed, in Chinese, and keeps 保存 disabled', async () => {
    const { form } = await setUp();
    await form.fill({ current: 'Kx7#mP2q-Rt9', next: 'zhangming' });
    expect(await form.getProblems()).toEqual([
      '密码至少需要 10 个字符（现在 9 个）',
      '密码需包含小写字母、大写字母、数字、符号中的至少 3 类（现在只有小写字母）',
    ]);
    await form.fill({ next: 'Hanyin.ZhangMing-1' });
    expect(await form.getProblems()).toEqual(['密码不能包含用户名']);
    await form.fill({ next: 'jixiao-demo-2025' });
    expect(await form.getProblems()).toEqual(['不能使用演示密码或常见密码（如 jixiao-demo、Password123!）']);
    expect(await form.canSave()).toBe(false);
  });

  it('says when the two new passwords differ, and sends current and new once they agree', async () => {
    const { form, host } = await setUp();
    await form.fill({ current: 'Kx7#mP2q-Rt9', next: 'Huaihe-2025-Spring', repeat: 'Huaihe-2025-Sprin' });
    expect(await form.getProblems()).toEqual(['两次输入的新密码不一致']);
    expect(await form.canSave()).toBe(false);
    await form.fill({ repeat: 'Huaihe-2025-Spring' });
    expect(await form.getProblems()).toEqual([]);
    expect(await form.canSave()).toBe(true);
    await form.submit();
    expect(host.sent).toEqual([{ currentPassword: 'Kx7#mP2q-Rt9', newPassword: 'Huaihe-2025-Spring' }]);
  });

  it('refuses the current password as the new one, and shows the server\'s refusal', async () => {
    const { form, host, fixture } = await setUp();
    await form.fill({ current: 'Huaihe-2025-Spring', next: 'Huaihe-2025-Spring', repeat: 'Huaihe-2025-Spring' });
    expect(await form.getProblems()).toEqual(['新密码不能与当前密码相同']);
    host.error.set('当前密码不正确（再连续错误 4 次，账号将锁定 15 分钟）');
    fixture.detectChanges();
    expect(await form.getError()).toBe('当前密码不正确（再连续错误 4 次，账号将锁定 15 分钟）');
  });
});
