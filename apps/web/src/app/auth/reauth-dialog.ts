import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { AuthStore } from '../core/auth/auth-store';
import { Reauthentication } from '../core/auth/reauthentication';
import { apiErrorMessage } from '../core/http/api-error';
import { AuthApi } from './auth-api';

/**
 * 登录已过期: the password of the same user, asked in place while work waits to be saved; once signed in,
 * the waiting requests go on (保存 saves what was typed). 取消 keeps the work on the page.
 */
@Component({
  selector: 'jx-reauth-dialog',
  imports: [FormsModule, NzAlertModule, NzInputModule, NzModalModule],
  template: `
    @let p = prompt();
    <nz-modal
      [nzVisible]="p !== null"
      nzTitle="登录已过期，请重新登录"
      nzOkText="重新登录"
      nzCancelText="暂不登录"
      [nzOkLoading]="busy()"
      [nzOkDisabled]="password().length === 0"
      [nzMaskClosable]="false"
      [nzCloseOnNavigation]="false"
      [nzClosable]="false"
      nzClassName="reauth-dialog"
      (nzOnOk)="submit()"
      (nzOnCancel)="decline()"
    >
      <ng-container *nzModalContent>
        <form class="reauth-form" (ngSubmit)="submit()">
          <p class="reauth-text">
            为保护账号安全，登录已过期。请输入 <strong>{{ p?.displayName }}</strong>（用户名 {{ p?.username }}）的密码，重新登录后将继续刚才的操作，您填写的内容不会丢失。
          </p>
          <label for="reauth-password" class="reauth-label">密码</label>
          <input
            nz-input
            id="reauth-password"
            name="password"
            type="password"
            autocomplete="current-password"
            [ngModel]="password()"
            (ngModelChange)="password.set($event)"
          />
          @if (error(); as message) {
            <nz-alert class="reauth-error" nzType="error" nzShowIcon [nzMessage]="message" role="alert" />
          }
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .reauth-text { margin: 0 0 12px; }
    .reauth-label { display: block; margin-bottom: 4px; color: var(--jx-text-label); }
    .reauth-error { display: block; margin-top: 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReauthDialog {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly reauth = inject(Reauthentication);

  protected readonly prompt = this.reauth.prompt;
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(this.reauth.attachHost());
    // a login in another tab (same user) answers the question here too
    effect(() => {
      this.auth.accessToken();
      if (this.reauth.isRenewed()) this.finish(true);
    });
  }

  protected submit(): void {
    const prompt = this.prompt();
    if (prompt === null || this.password().length === 0 || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.login(prompt.username, this.password()).subscribe({
      next: (response) => {
        this.busy.set(false);
        if (response.user.id !== prompt.userId) {
          this.error.set('请使用原账号重新登录。');
          return;
        }
        this.auth.signIn(response);
        this.finish(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(apiErrorMessage(error, '登录失败，请稍后重试。'));
      },
    });
  }

  protected decline(): void {
    this.finish(false);
  }

  private finish(signedIn: boolean): void {
    this.password.set('');
    this.error.set(null);
    this.reauth.resolve(signedIn);
  }
}
