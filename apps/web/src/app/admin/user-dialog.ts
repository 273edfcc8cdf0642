import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { UserResponse } from '@jixiao/contracts/api/admin.contract';
import { ROLE_LABELS, type Role } from '@jixiao/contracts/api/auth.contract';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { organizationsForRole, type OrganizationRow } from './organization-tree';

/** 新建用户 (no user) or 修改 one. */
export type UserDialogTarget = { mode: 'create' } | { mode: 'edit'; user: UserResponse };

export interface UserFields {
  username: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
}

const USERNAME = /^[a-z0-9._-]{3,64}$/;

/** A user's name, role and organization: the organizations offered are those the role fits (单位填报人 on a unit…). */
@Component({
  selector: 'jx-user-dialog',
  imports: [FormsModule, NzAlertModule, NzInputModule, NzModalModule, NzSelectModule],
  template: `
    <nz-modal
      [nzVisible]="target() !== null"
      [nzTitle]="title()"
      nzOkText="保存"
      nzCancelText="取消"
      nzClassName="user-dialog"
      nzWidth="560px"
      [nzOkDisabled]="problem() !== null"
      [nzOkLoading]="busy()"
      (nzOnOk)="save()"
      (nzOnCancel)="cancelled.emit()"
    >
      <ng-container *nzModalContent>
        @if (error(); as message) {
          <nz-alert class="dialog-error" nzType="error" nzShowIcon [nzMessage]="message" />
        }
        <div class="field">
          <label for="user-username">用户名（登录用，3–64 个英文字母、数字或 . _ -）</label>
          <input
            nz-input
            id="user-username"
            class="user-username"
            autocomplete="off"
            maxlength="64"
            [disabled]="target()?.mode === 'edit'"
            [ngModel]="username()"
            (ngModelChange)="username.set($event)"
            placeholder="如 hanyin.zhangming"
          />
        </div>
        <div class="field">
          <label for="user-display-name">姓名（必填）</label>
          <input nz-input id="user-display-name" class="user-display-name" maxlength="100" [ngModel]="displayName()" (ngModelChange)="displayName.set($event)" />
        </div>
        <div class="field">
          <label for="user-role">角色</label>
          <nz-select class="user-role" nzId="user-role" nzAriaLabel="角色" [ngModel]="role()" (ngModelChange)="setRole($event)">
            @for (r of roles(); track r) {
              <nz-option [nzValue]="r" [nzLabel]="roleLabels[r]" />
            }
          </nz-select>
        </div>
        @if (role() !== 'admin') {
          <div class="field">
            <label for="user-organization">所属组织</label>
            <nz-select
              class="user-organization"
              nzId="user-organization"
              nzAriaLabel="所属组织"
              nzShowSearch
              nzPlaceHolder="选择所属组织"
              [ngModel]="organizationId()"
              (ngModelChange)="organizationId.set($event)"
            >
              @for (o of organizations(); track o.node.id) {
                <nz-option [nzValue]="o.node.id" [nzLabel]="o.label" />
              }
            </nz-select>
          </div>
        }
        <p class="jx-muted hint" aria-live="polite">{{ problem() ?? (target()?.mode === 'create' ? '保存后显示一次性密码，用户首次登录时须修改。' : '') }}</p>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .dialog-error { margin-bottom: 12px; }
    .field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 12px; }
    .field label { color: var(--jx-text-label); }
    .user-role, .user-organization { width: 100%; }
    .hint { margin: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  readonly target = input.required<UserDialogTarget | null>();
  readonly roles = input.required<Role[]>();
  readonly rows = input.required<OrganizationRow[]>();
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly saved = output<UserFields>();
  readonly cancelled = output<void>();

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly username = signal('');
  protected readonly displayName = signal('');
  protected readonly role = signal<Role>('unit_editor');
  protected readonly organizationId = signal<string | null>(null);

  protected readonly organizations = computed(() => organizationsForRole(this.rows(), this.role()));
  protected readonly title = computed(() => {
    const t = this.target();
    return t === null ? '' : t.mode === 'create' ? '新建用户' : `修改用户「${t.user.displayName}」`;
  });
  /** Why it cannot be saved yet, in Chinese; null when it can. */
  protected readonly problem = computed(() => {
    if (!USERNAME.test(this.username().trim().toLowerCase())) return '请填写用户名：3–64 个英文字母、数字或 . _ -';
    if (this.displayName().trim() === '') return '请填写姓名';
    if (this.role() !== 'admin' && this.organizationId() === null) return '请选择所属组织';
    return null;
  });

  constructor() {
    effect(() => {
      const t = this.target();
      const user = t?.mode === 'edit' ? t.user : null;
      this.username.set(user?.username ?? '');
      this.displayName.set(user?.displayName ?? '');
      this.role.set(user?.role ?? 'unit_editor');
      this.organizationId.set(user?.organization?.id ?? null);
    });
  }

  protected setRole(role: Role): void {
    this.role.set(role);
    const fits = this.organizations().some((o) => o.node.id === this.organizationId());
    if (!fits) this.organizationId.set(null);
  }

  protected save(): void {
    if (this.problem() !== null) return;
    const role = this.role();
    this.saved.emit({
      username: this.username().trim().toLowerCase(),
      displayName: this.displayName().trim(),
      role,
      organizationId: role === 'admin' ? null : this.organizationId(),
    });
  }
}
