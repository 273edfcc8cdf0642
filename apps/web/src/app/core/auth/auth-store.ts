import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { CurrentUserResponse, LoginResponse } from '@jixiao/contracts/api/auth.contract';

/** What is kept in localStorage: one login for every tab of the browser. */
export interface StoredSession {
  accessToken: string;
  refreshToken: string | null; // 续期令牌 (single use); null in a session stored before refresh tokens
  user: CurrentUserResponse;
}

/** Why the session ended: 退出 here, the login expired (401), or 退出 / another user in another tab. */
export type SignOutReason = 'user' | 'expired' | 'elsewhere';

export const SESSION_STORAGE_KEY = 'jixiao.session';

/**
 * The signed-in user and the tokens. One login serves every tab: the session lives in localStorage,
 * and a login, a re-login, a renewal of the access token (续期) or a 退出 in one tab reaches the
 * others by the `storage` event (a tab is never told of its own writes).
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly session = signal<StoredSession | null>(readStoredSession());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly refreshToken = computed(() => this.session()?.refreshToken ?? null);
  readonly isSignedIn = computed(() => this.session() !== null);
  /** Why the last session ended; null while signed in. */
  readonly signOutReason = signal<SignOutReason | null>(null);

  constructor() {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== SESSION_STORAGE_KEY && event.key !== null) return;
      const next = readStoredSession();
      if (next === null && this.session() !== null) this.signOutReason.set('elsewhere');
      if (next !== null) this.signOutReason.set(null);
      this.session.set(next);
    };
    window.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => window.removeEventListener('storage', onStorage));
  }

  /** A login, a re-login or a renewal (the answer of /api/auth/refresh has the same shape). */
  signIn(response: Pick<LoginResponse, 'accessToken' | 'user'> & { refreshToken?: string | null }): void {
    const session: StoredSession = { accessToken: response.accessToken, refreshToken: response.refreshToken ?? null, user: response.user };
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    this.signOutReason.set(null);
    this.session.set(session);
  }

  /** The session as another tab may have just stored it (read before renewing, so that a renewal is never repeated). */
  reload(): StoredSession | null {
    const stored = readStoredSession();
    if (stored !== null) this.session.set(stored); // none: a 退出 elsewhere, which the storage event reports
    return stored;
  }

  signOut(reason: SignOutReason = 'user'): void {
    localStorage.removeItem(SESSION_STORAGE_KEY);
    this.signOutReason.set(reason);
    this.session.set(null);
  }
}

function readStoredSession(): StoredSession | null {
  try {
    const text = localStorage.getItem(SESSION_STORAGE_KEY);
    if (text === null) return null;
    const value: unknown = JSON.parse(text);
    if (!isStoredSession(value)) return null;
    return { accessToken: value.accessToken, refreshToken: typeof value.refreshToken === 'string' ? value.refreshToken : null, user: value.user };
  } catch {
    return null;
  }
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredSession>;
  return typeof candidate.accessToken === 'string' && typeof candidate.user === 'object' && candidate.user !== null;
}
