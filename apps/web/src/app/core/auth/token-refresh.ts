import { HttpClient, HttpContext, HttpContextToken, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { LoginResponse, RefreshRequest } from '@jixiao/contracts/api/auth.contract';
import { defer, finalize, firstValueFrom, from, Observable, of, shareReplay } from 'rxjs';
import { AuthStore } from './auth-store';

/** Marks the session calls (续期, 退出) that carry their own tokens: the interceptor leaves them alone. */
export const SESSION_CALL = new HttpContextToken<boolean>(() => false);

const REFRESH_LOCK = 'jixiao.token-refresh';

/** The Web Locks API where the browser has it: one tab at a time renews the shared session. */
interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * 续期: renews the access token with the refresh token when the API answers ACCESS_TOKEN_EXPIRED.
 * One renewal at a time: requests failing together wait for the same one (in this tab), and tabs
 * take turns by a Web Lock, each reading the stored session first — a tab that finds a token newer
 * than the one that expired uses it instead of spending the refresh token again. (Without Web Locks
 * the API's short grace keeps two tabs renewing together both signed in.)
 */
@Injectable({ providedIn: 'root' })
export class TokenRefresh {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private inFlight: Observable<boolean> | null = null;

  /** Emits once: true when a newer access token than `expiredToken` is in the store, false when the session is over. */
  renew(expiredToken: string | null): Observable<boolean> {
    const current = this.auth.accessToken();
    if (current !== null && current !== expiredToken) return of(true); // renewed since that request was sent
    this.inFlight ??= defer(() => from(this.withLock(() => this.renewNow(expiredToken)))).pipe(
      finalize(() => (this.inFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.inFlight;
  }

  /** 退出: the session ends in every tab at once, and on the server (its tokens are refused from now on). */
  async logout(): Promise<void> {
    const session = this.auth.reload();
    this.auth.signOut('user');
    if (session === null) return;
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', {}, { headers: bearer(session.accessToken), context: sessionCall() }));
    } catch {
      // the access token ran out: renew it to end the session; anything else (offline, already ended) leaves nothing to do
      if (session.refreshToken === null) return;
      try {
        const renewed = await this.postRefresh(session.refreshToken);
        await firstValueFrom(this.http.post<void>('/api/auth/logout', {}, { headers: bearer(renewed.accessToken), context: sessionCall() }));
      } catch {
        // the session had ended already
      }
    }
  }

  private async renewNow(expiredToken: string | null): Promise<boolean> {
    const stored = this.auth.reload(); // another tab may have renewed while this one waited for the lock
    if (stored === null || stored.refreshToken === null) return false;
    if (stored.accessToken !== expiredToken) return true;
    try {
      this.auth.signIn(await this.postRefresh(stored.refreshToken));
      return true;
    } catch {
      return false; // the session ended (退出 elsewhere, password changed, deactivated) or ran out: ask for the password
    }
  }

  private postRefresh(refreshToken: string): Promise<LoginResponse> {
    return firstValueFrom(this.http.post<LoginResponse>('/api/auth/refresh', { refreshToken } satisfies RefreshRequest, { context: sessionCall() }));
  }

  private withLock<T>(work: () => Promise<T>): Promise<T> {
    const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
    return locks ? locks.request(REFRESH_LOCK, work) : work();
  }
}

function sessionCall(): HttpContext {
  return new HttpContext().set(SESSION_CALL, true);
}

function bearer(token: string): HttpHeaders {
  return new HttpHeaders({ Authorization: `Bearer ${token}` });
}
