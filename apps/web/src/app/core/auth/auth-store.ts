import { computed, Injectable, signal } from '@angular/core';
import type { CurrentUserResponse, LoginResponse } from '@jixiao/contracts/api/auth.contract';

/** What is kept in sessionStorage: gone when the browser tab closes. */
interface StoredSession {
  accessToken: string;
  user: CurrentUserResponse;
}

const STORAGE_KEY = 'jixiao.session';

/** The signed-in user and the access token. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly session = signal<StoredSession | null>(readStoredSession());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly isSignedIn = computed(() => this.session() !== null);

  signIn(response: LoginResponse): void {
    const session: StoredSession = { accessToken: response.accessToken, user: response.user };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.session.set(session);
  }

  signOut(): void {
    sessionStorage.removeItem(STORAGE_KEY);
    this.session.set(null);
  }
}

function readStoredSession(): StoredSession | null {
  try {
    const text = sessionStorage.getItem(STORAGE_KEY);
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
