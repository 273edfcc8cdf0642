import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { inboxStatuses } from '@jixiao/domain/workflow/inbox';
import type { Subscription } from 'rxjs';
import { AuthStore } from '../core/auth/auth-store';
import { InboxApi } from './inbox-api';

/**
 * How many sheets wait for the signed-in user (the badge of 待我处理 in the navigation): read at
 * sign-in, after every write to the API (inboxRefreshInterceptor) and whenever the inbox page loads.
 */
@Injectable({ providedIn: 'root' })
export class InboxCounter {
  private readonly api = inject(InboxApi);
  private readonly auth = inject(AuthStore);
  private request: Subscription | null = null;

  /** True for a role that ever has to act on a sheet (a viewer never does), once the user may work (not while a one-time password waits to be changed). */
  readonly applies = computed(() => {
    const user = this.auth.user();
    const role = user?.role;
    if (role === undefined || user?.mustChangePassword === true) return false;
    const statuses = inboxStatuses(role);
    return statuses.project.length + statuses.department.length > 0;
  });
  /** null until read. */
  readonly count = signal<number | null>(null);

  constructor() {
    effect(() => {
      this.auth.user();
      untracked(() => {
        this.count.set(null);
        this.refresh();
      });
    });
  }

  refresh(): void {
    this.request?.unsubscribe();
    if (!this.applies()) return;
    this.request = this.api.count().subscribe({ next: (answer) => this.count.set(answer.total), error: () => undefined });
  }

  /** The total the inbox page read without filters: the same number, no second request. */
  set(total: number): void {
    this.count.set(total);
  }
}
