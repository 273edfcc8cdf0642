import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { CurrentUserResponse, LoginResponse } from '@jixiao/contracts/api/auth.contract';

/** What is kept in localStorage: one login for every tab of the browser. */
interface StoredSession {
  accessToken: string;
  user: CurrentUserResponse;
}

/** Why the session ended: 退出 here, the login expired (401), or 退出 / another user in another tab. */
export type SignOutReason = 'user' | 'expired' | 'elsewhere';

export const SESSION_STORAGE_KEY = 'jixiao.session';

/**
 * The signed-in user and the access token. One login serves every tab: the session lives in
 * localStorage, and a login, a re-login or a 退出 in one tab reaches the others by the `storage`
 * event (a tab is never told of its own writes).
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly session = signal<StoredSession | null>(readStoredSession());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
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

  signIn(response: LoginResponse): void {
    const session: StoredSession = { accessToken: response.accessToken, user: response.user };
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    this.signOutReason.set(null);
    this.session.set(session);
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
    return isStoredSession(value) ? value : null;
  } catch {
    return null;
  }
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredSession>;
  return typeof candidate.accessToken === 'string' && typeof candidate.user === 'object' && candidate.user !== null;
}
