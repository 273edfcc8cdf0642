import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { ChangePasswordRequest } from '@jixiao/contracts/api/auth.contract';
import { checkPassword, PASSWORD_RULES_TEXT } from '@jixiao/domain/accounts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';

/**
 * 修改密码: the current password, the new one twice. The rules of libs/domain are checked while
 * typing (the same ones the server applies); 保存 stays disabled until they pass.
 */
@Component({
  selector: 'jx-change-password-form',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzInputModule],
  template: `
    <form class="password-form" (ngSubmit)="submit()" novalidate>
      @if (error(); as message) {
        <nz-alert class="form-error" nzType="error" nzShowIcon [nzMessage]="message" />
      }
      <div class="field">
        <label for="current-password">{{ forced() ? '一次性密码（管理员告知的）' : '当前密码' }}</label>
        <input nz-input id="current-password" class="current-password" type="password" name="current" autocomplete="current-password" [ngModel]="current()" (ngModelChange)="current.set($event)" />
      </div>
      <div class="field">
        <label for="new-password">新密码</label>
        <input
          nz-input
          id="new-password"
          class="new-password"
          type="password"
          name="next"
          autocomplete="new-password"
          aria-describedby="password-rules password-problems"
          [attr.aria-invalid]="next() !== '' && reasons().length > 0"
          [ngModel]="next()"
          (ngModelChange)="next.set($event)"
        />
      </div>
      <div class="field">
        <label for="repeat-password">再次输入新密码</label>
        <input nz-input id="repeat-password" class="repeat-password" type="password" name="repeat" autocomplete="new-password" [ngModel]="repeat()" (ngModelChange)="repeat.set($event)" />
      </div>
      <p class="jx-muted rules" id="password-rules">{{ rules }}</p>
      <ul class="problems" id="password-problems" aria-live="polite">
        @for (reason of shownReasons(); track reason) {
          <li class="jx-problem problem">{{ reason }}</li>
        }
      </ul>
      <button nz-button nzType="primary" type="submit" class="save" [disabled]="!ready()" [nzLoading]="busy()">保存新密码</button>
    </form>
  `,
  styles: `
    .password-form { max-width: 460px; }
    .form-error { margin-bottom: 12px; }
    .field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 12px; }
    .field label { color: var(--jx-text-label); }
    .rules { margin: 0 0 4px; }
    .problems { margin: 0 0 12px; padding-left: 0; list-style: none; }
    .problems .problem { margin: 2px 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordForm {
  readonly username = input.required<string>();
  readonly forced = input(false);
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly changed = output<ChangePasswordRequest>();

  protected readonly rules = PASSWORD_RULES_TEXT;
  protected readonly current = signal('');
  protected readonly next = signal('');
  protected readonly repeat = signal('');

  /** Every rule the new password breaks (the server's words). */
  protected readonly reasons = computed(() => {
    const reasons = checkPassword(this.next(), { username: this.username() }).reasons;
    if (this.next() !== '' && this.next() === this.current()) reasons.unshift('新密码不能与当前密码相同');
    return reasons;
  });
  protected readonly shownReasons = computed(() => {
    if (this.next() === '') return [];
    const reasons = [...this.reasons()];
    if (this.repeat() !== '' && this.repeat() !== this.next()) reasons.push('两次输入的新密码不一致');
    return reasons;
  });
  protected readonly ready = computed(() => this.current() !== '' && this.next() !== '' && this.reasons().length === 0 && this.repeat() === this.next());

  protected submit(): void {
    if (this.ready()) this.changed.emit({ currentPassword: this.current(), newPassword: this.next() });
  }
}
