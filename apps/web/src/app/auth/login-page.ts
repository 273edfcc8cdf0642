import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';
import { AuthStore } from '../core/auth/auth-store';
import { apiErrorMessage } from '../core/http/api-error';
import { AuthApi } from './auth-api';

@Component({
  selector: 'jx-login-page',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzButtonModule, NzIconModule, NzAlertModule],
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  /** Query parameters: where to go after signing in, and whether the session had expired. */
  readonly returnUrl = input<string>();
  readonly expired = input<string>();
  /** Set when 退出 happened in another tab of this browser. */
  readonly elsewhere = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      for (const control of Object.values(this.form.controls)) control.updateValueAndValidity({ onlySelf: true });
      return;
    }
    const { username, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.api
      .login(username.trim(), password)
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: (response) => {
          this.auth.signIn(response);
          void this.router.navigateByUrl(this.safeReturnUrl());
        },
        error: (error: unknown) => this.error.set(apiErrorMessage(error, '登录失败，请稍后重试。')),
      });
  }

  /** Only a path inside this app, never another site. */
  private safeReturnUrl(): string {
    const url = this.returnUrl();
    return url !== undefined && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : '/sheets';
  }
}
