import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { OrganizationNodeResponse, UserResponse } from '@jixiao/contracts/api/admin.contract';
import type { Role } from '@jixiao/contracts/api/auth.contract';
import { organizationRows } from './organization-tree';
import { UserDialogHarness } from './testing/user-dialog-harness';
import { UserDialog, type UserDialogTarget, type UserFields } from './user-dialog';

const node = (id: string, kind: OrganizationNodeResponse['kind'], name: string, children: OrganizationNodeResponse[] = []): OrganizationNodeResponse => ({
  id, parentId: null, kind, code: null, name, region: null, active: true, userCount: 0, children,
});
const ROWS = organizationRows([
  node('b1', 'finance_bureau', '汉阴县财政局', [node('d1', 'department', '汉阴县医疗保障局', [node('u1', 'unit', '汉阴县医疗保障局本级')])]),
]);

@Component({
  imports: [UserDialog],
  template: `<jx-user-dialog [target]="target()" [roles]="roles()" [rows]="rows" [error]="error()" (saved)="saved.push($event)" />`,
})
class Host {
  readonly target = signal<UserDialogTarget | null>({ mode: 'create' });
  readonly roles = signal<Role[]>(['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'bureau_admin']);
  readonly rows = ROWS;
  readonly error = signal<string | null>(null);
  readonly saved: UserFields[] = [];
}

describe(UserDialog.name, () => {
  async function setUp(target: UserDialogTarget = { mode: 'create' }) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.target.set(target);
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(UserDialogHarness);
    return { fixture, host: fixture.componentInstance, dialog };
  }

  it('offers the roles the administrator may give, and for each role only the organizations it fits', async () => {
    const { dialog } = await setUp();
    expect(await dialog.getTitle()).toBe('新建用户');
    expect(await dialog.getRoleOptions()).toEqual(['单位填报人', '部门审核人', '财政审核人', '查看者', '管理员']);
    expect(await dialog.getOrganizationOptions()).toEqual(['汉阴县财政局 / 汉阴县医疗保障局 / 汉阴县医疗保障局本级']);
    await dialog.pickRole('部门审核人');
    expect(await dialog.getOrganizationOptions()).toEqual(['汉阴县财政局 / 汉阴县医疗保障局']);
    await dialog.pickRole('管理员');
    expect(await dialog.getOrganizationOptions()).toEqual(['汉阴县财政局']);
  });

  it('says what is missing, then saves the username in lower case with the chosen unit', async () => {
    const { dialog, host } = await setUp();
    expect(await dialog.getHint()).toBe('请填写用户名：3–64 个英文字母、数字或 . _ -');
    expect(await dialog.canSave()).toBe(false);
    await dialog.setUsername('Hanyin.ZhangMing');
    await dialog.setDisplayName('张明');
    expect(await dialog.getHint()).toBe('请选择所属组织');
    await dialog.pickOrganization('汉阴县财政局 / 汉阴县医疗保障局 / 汉阴县医疗保障局本级');
    expect(await dialog.getHint()).toBe('保存后显示一次性密码，用户首次登录时须修改。');
    await dialog.save();
    expect(host.saved).toEqual([{ username: 'hanyin.zhangming', displayName: '张明', role: 'unit_editor', organizationId: 'u1' }]);
  });

  it('drops an organization the new role does not fit', async () => {
    const { dialog } = await setUp();
    await dialog.setUsername('hanyin.zm');
    await dialog.setDisplayName('张明');
    await dialog.pickOrganization('汉阴县财政局 / 汉阴县医疗保障局 / 汉阴县医疗保障局本级');
    await dialog.pickRole('财政审核人');
    expect(await dialog.getHint()).toBe('请选择所属组织');
  });

  it('edits an existing user: its username stays, the server\'s refusal is shown', async () => {
    const user: UserResponse = {
      id: 'x', username: 'hanyin.zhangming', displayName: '张明', role: 'unit_editor', active: true, mustChangePassword: false, lockedUntil: null,
      lastLoginAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', organization: { id: 'u1', code: null, name: '汉阴县医疗保障局本级', kind: 'unit' },
    };
    const { dialog, host, fixture } = await setUp({ mode: 'edit', user });
    expect(await dialog.getTitle()).toBe('修改用户「张明」');
    expect(await dialog.isUsernameEditable()).toBe(false);
    host.error.set('单位填报人只能设在单位，不能设在部门');
    fixture.detectChanges();
    expect(await dialog.getError()).toBe('单位填报人只能设在单位，不能设在部门');
  });
});
