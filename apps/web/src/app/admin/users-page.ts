import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import type { OneTimePasswordResponse, UserResponse } from '@jixiao/contracts/api/admin.contract';
import { ROLE_LABELS, ROLES, type Role } from '@jixiao/contracts/api/auth.contract';
import { assignableRoles } from '@jixiao/domain/accounts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthStore } from '../core/auth/auth-store';
import { AdminApi } from './admin-api';
import { AdminNav } from './admin-nav';
import { OneTimePasswordDialog, type ShownPassword } from './one-time-password-dialog';
import { organizationRows } from './organization-tree';
import { UserAuditDialog } from './user-audit-dialog';
import { UserDialog, type UserDialogTarget, type UserFields } from './user-dialog';
import { apiErrorMessage } from '../core/http/api-error';
import { AdminActions } from './admin-actions';

/** 账号状态 as the table says it. */
export function userStatus(user: UserResponse, now = Date.now()): { label: string; tone: 'ok' | 'off' | 'warn' } {
  if (!user.active) return { label: '已停用', tone: 'off' };
  if (user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now) return { label: '登录已锁定', tone: 'warn' };
  if (user.mustChangePassword) return { label: '待修改密码', tone: 'warn' };
  return { label: '正常', tone: 'ok' };
}

/**
 * 用户: the accounts of the administrator's subtree — search, 新建 (a one-time password shown once),
 * 修改 (name, role, organization), 重置密码 (a new one-time password), 停用/启用, 操作记录.
 */
@Component({
  selector: 'jx-users-page',
  imports: [
    AdminNav,
    DatePipe,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzTableModule,
    NzTagModule,
    OneTimePasswordDialog,
    UserAuditDialog,
    UserDialog,
  ],
  templateUrl: './users-page.html',
  styleUrl: './admin-pages.css',
  host: { class: 'jx-page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly auth = inject(AuthStore);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly search = signal('');
  protected readonly includeInactive = signal(false);
  protected readonly users = rxResource({
    params: () => ({ q: this.search().trim(), includeInactive: this.includeInactive() }),
    stream: ({ params }) => this.api.users(params),
  });
  protected readonly list = computed(() => (this.users.hasValue() ? this.users.value() : []));
  protected readonly loadError = computed(() => (this.users.error() ? apiErrorMessage(this.users.error(), '未能载入用户，请稍后重试。') : null));
  private readonly tree = rxResource({ stream: () => this.api.organizations() });
  protected readonly rows = computed(() => (this.tree.hasValue() ? organizationRows(this.tree.value()) : []));
  protected readonly roles = computed<Role[]>(() => assignableRoles(this.auth.user()?.role ?? 'viewer', ROLES));
  protected readonly myId = computed(() => this.auth.user()?.id ?? null);

  protected readonly dialog = signal<UserDialogTarget | null>(null);
  protected readonly shownPassword = signal<ShownPassword | null>(null);
  protected readonly auditOf = signal<UserResponse | null>(null);
  private readonly actions = new AdminActions(() => {
    this.users.reload();
    this.tree.reload();
  });
  protected readonly busy = this.actions.busy;
  protected readonly dialogError = this.actions.dialogError;
  protected readonly actionError = this.actions.actionError;
  protected readonly notice = this.actions.notice;

  protected readonly status = userStatus;

  protected create(): void {
    this.dialogError.set(null);
    this.dialog.set({ mode: 'create' });
  }

  protected edit(user: UserResponse): void {
    this.dialogError.set(null);
    this.dialog.set({ mode: 'edit', user });
  }

  protected save(fields: UserFields): void {
    const target = this.dialog();
    if (target === null) return;
    if (target.mode === 'create') {
      this.actions.run(this.api.createUser(fields), (answer) => this.showPassword(answer, 'create'), () => this.dialog.set(null));
      return;
    }
    const { displayName, role, organizationId } = fields;
    this.actions.run(this.api.updateUser(target.user.id, { displayName, role, organizationId }), (user) => `已修改用户「${user.displayName}」`, () => this.dialog.set(null));
  }

  protected resetPassword(user: UserResponse): void {
    this.actions.run(this.api.resetPassword(user.id), (answer) => this.showPassword(answer, 'reset'));
  }

  protected setActive(user: UserResponse, active: boolean): void {
    this.actions.run(this.api.setUserActive(user.id, active), (u) => `已${active ? '启用' : '停用'}用户「${u.displayName}」`);
  }

  private showPassword(answer: OneTimePasswordResponse, reason: ShownPassword['reason']): string {
    this.shownPassword.set({ username: answer.user.username, displayName: answer.user.displayName, password: answer.oneTimePassword, reason });
    return reason === 'create' ? `已新建用户「${answer.user.displayName}」` : `已重置「${answer.user.displayName}」的密码`;
  }
}
