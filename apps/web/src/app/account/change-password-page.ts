import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { ChangePasswordRequest } from '@jixiao/contracts/api/auth.contract';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { AuthStore } from '../core/auth/auth-store';
import { apiErrorMessage } from '../core/http/api-error';
import { AccountApi } from './account-api';
import { ChangePasswordForm } from './change-password-form';

/**
 * 修改密码: from the user menu, or forced after an administrator created the account or reset its
 * password (the app routes here until it is done). Then on to 绩效目标.
 */
@Component({
  selector: 'jx-change-password-page',
  imports: [ChangePasswordForm, NzAlertModule],
  template: `
    <header class="jx-page-header">
      <h1 class="jx-page-title">修改密码</h1>
    </header>
    <section class="jx-card" aria-labelledby="password-title">
      <h2 class="jx-section-title" id="password-title">{{ forced() ? '请先设置您自己的密码' : '设置新密码' }}</h2>
      @if (forced()) {
        <nz-alert
          class="forced"
          nzType="warning"
          nzShowIcon
          nzMessage="您正在使用管理员设置的一次性密码"
          nzDescription="为了账号安全，请先设置只有您自己知道的新密码，之后才能继续使用系统。"
        />
      }
      <jx-change-password-form [username]="username()" [forced]="forced()" [busy]="busy()" [error]="error()" (changed)="change($event)" />
    </section>
  `,
  styles: `.forced { margin-bottom: 16px; }`,
  host: { class: 'jx-page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordPage {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly forced = computed(() => this.auth.user()?.mustChangePassword === true);
  protected readonly username = computed(() => this.auth.user()?.username ?? '');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected change(request: ChangePasswordRequest): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.changePassword(request).subscribe({
      next: (session) => {
        this.busy.set(false);
        this.auth.signIn(session);
        void this.router.navigate(['/sheets']);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(apiErrorMessage(error, '未能修改密码，请稍后重试。'));
      },
    });
  }
}
