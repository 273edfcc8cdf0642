import { TestBed } from '@angular/core/testing';
import type { LoginResponse } from '@jixiao/contracts/api/auth.contract';
import { AuthStore, SESSION_STORAGE_KEY } from './auth-store';

const login = (token: string, id = 'u1'): LoginResponse => ({
  accessToken: token,
  expiresIn: 900,
  refreshToken: `refresh-${token}`,
  refreshExpiresIn: 43200,
  user: { id, username: 'hanyin.editor', displayName: '汉阴县医疗保障局本级单位填报人', role: 'unit_editor', organization: null, mustChangePassword: false },
});

/** What another tab of the same browser does: it writes localStorage, and this tab hears a storage event. */
function otherTabWrites(value: LoginResponse | null): void {
  const text = value === null ? null : JSON.stringify({ accessToken: value.accessToken, refreshToken: value.refreshToken, user: value.user });
  if (text === null) localStorage.removeItem(SESSION_STORAGE_KEY);
  else localStorage.setItem(SESSION_STORAGE_KEY, text);
  window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY, newValue: text }));
}

describe(AuthStore.name, () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('keeps the session in localStorage, so that a new tab starts signed in', () => {
    TestBed.inject(AuthStore).signIn(login('t1'));
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY)!)).toMatchObject({ accessToken: 't1', refreshToken: 'refresh-t1', user: { id: 'u1' } });
    TestBed.resetTestingModule(); // a new tab: a new app reading the same storage
    const sut = TestBed.inject(AuthStore);
    expect(sut.isSignedIn()).toBe(true);
    expect(sut.accessToken()).toBe('t1');
    expect(sut.refreshToken()).toBe('refresh-t1');
  });

  it('takes a renewal made in another tab: this tab never spends the refresh token that tab spent', () => {
    const sut = TestBed.inject(AuthStore);
    sut.signIn(login('t1'));
    otherTabWrites(login('t2'));
    expect([sut.accessToken(), sut.refreshToken()]).toEqual(['t2', 'refresh-t2']);
  });

  it('reads the stored session again before a renewal (another tab may have renewed a moment ago)', () => {
    const sut = TestBed.inject(AuthStore);
    sut.signIn(login('t1'));
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 't2', refreshToken: 'refresh-t2', user: login('t2').user })); // no storage event yet
    expect(sut.reload()?.refreshToken).toBe('refresh-t2');
    expect(sut.accessToken()).toBe('t2');
  });

  it('reads a session stored before refresh tokens as one without (it ends at its access token’s end)', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'old', user: login('x').user }));
    const sut = TestBed.inject(AuthStore);
    expect([sut.isSignedIn(), sut.refreshToken()]).toEqual([true, null]);
  });

  it('takes a login made in another tab (a re-login renews the token here too)', () => {
    const sut = TestBed.inject(AuthStore);
    sut.signIn(login('t1'));
    otherTabWrites(login('t2'));
    expect(sut.accessToken()).toBe('t2');
    expect(sut.signOutReason()).toBeNull();
  });

  it('signs out when another tab does, and says so', () => {
    const sut = TestBed.inject(AuthStore);
    sut.signIn(login('t1'));
    otherTabWrites(null);
    expect(sut.isSignedIn()).toBe(false);
    expect(sut.signOutReason()).toBe('elsewhere');
  });

  it('ignores other keys, and tells why it signed out here', () => {
    const sut = TestBed.inject(AuthStore);
    sut.signIn(login('t1'));
    window.dispatchEvent(new StorageEvent('storage', { key: 'jixiao.draft:u1:s1', newValue: '{}' }));
    expect(sut.accessToken()).toBe('t1');
    sut.signOut('expired');
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(sut.signOutReason()).toBe('expired');
  });

  it('reads a damaged stored session as signed out', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, '{not json');
    expect(TestBed.inject(AuthStore).isSignedIn()).toBe(false);
  });
});
