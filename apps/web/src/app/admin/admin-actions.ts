import { signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { apiErrorMessage } from '../core/http/api-error';

/**
 * The actions of one 系统管理 page: busy while one runs; on success a notice and the page's data
 * reloaded; a refusal shown in the open dialog (when the action came from one) or above the table.
 */
export class AdminActions {
  readonly busy = signal(false);
  readonly dialogError = signal<string | null>(null);
  readonly actionError = signal<string | null>(null);
  readonly notice = signal<string | null>(null);

  constructor(private readonly reload: () => void) {}

  /** `close` closes the dialog the action came from, once it succeeded. */
  run<T>(request: Observable<T>, done: (answer: T) => string, close?: () => void): void {
    this.busy.set(true);
    this.actionError.set(null);
    this.notice.set(null);
    request.subscribe({
      next: (answer) => {
        this.busy.set(false);
        close?.();
        this.notice.set(done(answer));
        this.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const message = apiErrorMessage(error, '操作失败，请稍后重试。');
        if (close) this.dialogError.set(message);
        else this.actionError.set(message);
      },
    });
  }
}
