import { inject, Injectable, signal } from '@angular/core';
import { Observable, of, Subject, take } from 'rxjs';
import { AuthStore } from './auth-store';

/** Whose password the re-login dialog asks for. */
export interface ReauthPrompt {
  userId: string;
  username: string;
  displayName: string;
}

/**
 * A session that expires mid-edit asks for the password in place (jx-reauth-dialog in the shell)
 * instead of leaving the page: requests waiting on it go on once the same user is signed in again.
 * Several requests failing at once share one question; a login in another tab answers it too.
 */
@Injectable({ providedIn: 'root' })
export class Reauthentication {
  private readonly auth = inject(AuthStore);
  private pending: Subject<boolean> | null = null;
  private expiredToken: string | null = null;
  private hosts = 0;

  /** The open question, or null. */
  readonly prompt = signal<ReauthPrompt | null>(null);

  /** Emits once: true when signed in again (the token is fresh), false when the user declined. */
  request(): Observable<boolean> {
    const user = this.auth.user();
    if (user === null || this.hosts === 0) return of(false);
    const token = this.auth.accessToken();
    if (this.pending === null) {
      this.pending = new Subject<boolean>();
      this.expiredToken = token;
      this.prompt.set({ userId: user.id, username: user.username, displayName: user.displayName });
    } else if (token !== this.expiredToken) {
      return of(true); // signed in again since this request was sent
    }
    return this.pending.pipe(take(1));
  }

  /** The dialog's answer, or a login that arrived from another tab. */
  resolve(signedIn: boolean): void {
    const pending = this.pending;
    this.pending = null;
    this.expiredToken = null;
    this.prompt.set(null);
    pending?.next(signedIn);
    pending?.complete();
  }

  /** True once the token differs from the one that expired (another tab logged in again). */
  isRenewed(): boolean {
    const token = this.auth.accessToken();
    return this.pending !== null && token !== null && token !== this.expiredToken;
  }

  /** Called by a re-login dialog while it is on the page. */
  attachHost(): () => void {
    this.hosts += 1;
    return () => {
      this.hosts -= 1;
    };
  }
}
