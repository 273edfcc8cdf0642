import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { firstValueFrom } from 'rxjs';
import { UnsavedChanges } from '../unsaved/unsaved-changes';
import { authInterceptor } from './auth.interceptor';
import { AuthStore, SESSION_STORAGE_KEY } from './auth-store';
import { Reauthentication } from './reauthentication';

const USER = { id: 'u1', username: 'hanyin.editor', displayName: '汉阴县医疗保障局本级单位填报人', role: 'unit_editor' as const, organization: null, mustChangePassword: false };
const EXPIRED = { status: 401, statusText: 'Unauthorized' };
const expiredBody = { statusCode: 401, code: ErrorCode.AUTH_REQUIRED, message: '请先登录（登录已失效或令牌无效）' };
const accessExpiredBody = { statusCode: 401, code: ErrorCode.ACCESS_TOKEN_EXPIRED, message: '访问令牌已过期' };
const sessionEndedBody = { statusCode: 401, code: ErrorCode.SESSION_ENDED, message: '本次登录已结束' };
const renewal = (n: number) => ({ accessToken: `new${n}`, expiresIn: 900, refreshToken: `r-new${n}`, refreshExpiresIn: 43200, user: USER });
/** Lets the renewal's promise chain (the Web Lock where there is one) reach the backend. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthStore;
  let reauth: Reauthentication;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()] });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    reauth = TestBed.inject(Reauthentication);
    auth.signIn({ accessToken: 'old', refreshToken: 'r-old', user: USER });
    reauth.attachHost(); // as the shell's re-login dialog does
  });
  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('sends the token to the API only, never with the login itself', () => {
    http.get('/api/inbox/count').subscribe();
    expect(backend.expectOne('/api/inbox/count').request.headers.get('Authorization')).toBe('Bearer old');
    http.post('/api/auth/login', {}).subscribe();
    expect(backend.expectOne('/api/auth/login').request.headers.has('Authorization')).toBe(false);
    http.get('/assets/x.json').subscribe();
    expect(backend.expectOne('/assets/x.json').request.headers.has('Authorization')).toBe(false);
  });

  it('asks for the password in place when a save meets an expired login, then sends the save again with the new token', async () => {
    const saved = firstValueFrom(http.put<{ ok: boolean }>('/api/target-sheets/s1', { goals: ['x'] }));
    backend.expectOne('/api/target-sheets/s1').flush(expiredBody, EXPIRED);
    expect(reauth.prompt()).toEqual({ userId: 'u1', username: 'hanyin.editor', displayName: USER.displayName });
    expect(auth.isSignedIn()).toBe(true); // not sent away: the work stays on the page

    auth.signIn({ accessToken: 'new', user: USER });
    reauth.resolve(true);
    const again = backend.expectOne('/api/target-sheets/s1');
    expect(again.request.headers.get('Authorization')).toBe('Bearer new');
    expect(again.request.body).toEqual({ goals: ['x'] });
    again.flush({ ok: true });
    expect(await saved).toEqual({ ok: true });
  });

  it('asks once for several requests failing together', async () => {
    const a = firstValueFrom(http.post('/api/target-sheets/s1/transitions', {}));
    const b = firstValueFrom(http.put('/api/target-sheets/s2', {}));
    backend.expectOne('/api/target-sheets/s1/transitions').flush(expiredBody, EXPIRED);
    backend.expectOne('/api/target-sheets/s2').flush(expiredBody, EXPIRED);
    auth.signIn({ accessToken: 'new', user: USER });
    reauth.resolve(true);
    backend.expectOne('/api/target-sheets/s1/transitions').flush({});
    backend.expectOne('/api/target-sheets/s2').flush({});
    await Promise.all([a, b]);
  });

  it('passes the 401 on when the user declines, keeping the session for a later try', async () => {
    const saved = firstValueFrom(http.put('/api/target-sheets/s1', {}));
    backend.expectOne('/api/target-sheets/s1').flush(expiredBody, EXPIRED);
    reauth.resolve(false);
    await expect(saved).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(auth.isSignedIn()).toBe(true);
  });

  it('asks in place for a read too while work is unsaved (leaving the page would lose it)', () => {
    TestBed.inject(UnsavedChanges).set({}, { label: '「医保重点工作经费」的修改', discard: () => undefined });
    let failed: unknown = null;
    http.get('/api/target-sheets/s1/audit').subscribe({ error: (e: unknown) => (failed = e) });
    backend.expectOne('/api/target-sheets/s1/audit').flush(expiredBody, EXPIRED);
    expect(reauth.prompt()).not.toBeNull();
    reauth.resolve(false);
    expect(failed).toBeInstanceOf(HttpErrorResponse);
    expect(auth.isSignedIn()).toBe(true);
  });

  it('ends the session (the shell goes to the login page) when a read meets an expired login and nothing is unsaved', async () => {
    const read = firstValueFrom(http.get('/api/inbox/count'));
    backend.expectOne('/api/inbox/count').flush(expiredBody, EXPIRED);
    await expect(read).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(reauth.prompt()).toBeNull();
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.signOutReason()).toBe('expired');
  });

  it('does not take a wrong password for an expired login', async () => {
    const change = firstValueFrom(http.post('/api/auth/password', {}));
    backend.expectOne('/api/auth/password').flush({ statusCode: 401, code: ErrorCode.AUTH_INVALID_CREDENTIALS, message: '原密码错误' }, EXPIRED);
    await expect(change).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(reauth.prompt()).toBeNull();
    expect(auth.isSignedIn()).toBe(true);
  });

  describe('renewing an expired access token (续期)', () => {
    it('renews it without asking and sends the save again with the new token', async () => {
      const saved = firstValueFrom(http.put<{ ok: boolean }>('/api/target-sheets/s1', { goals: ['x'] }));
      backend.expectOne('/api/target-sheets/s1').flush(accessExpiredBody, EXPIRED);
      await settle();
      const renew = backend.expectOne('/api/auth/refresh');
      expect(renew.request.body).toEqual({ refreshToken: 'r-old' });
      expect(renew.request.headers.has('Authorization')).toBe(false);
      renew.flush(renewal(1));
      await settle();
      const again = backend.expectOne('/api/target-sheets/s1');
      expect(again.request.headers.get('Authorization')).toBe('Bearer new1');
      expect(again.request.body).toEqual({ goals: ['x'] });
      again.flush({ ok: true });
      expect(await saved).toEqual({ ok: true });
      expect(reauth.prompt()).toBeNull(); // no dialog
      expect([auth.accessToken(), auth.refreshToken()]).toEqual(['new1', 'r-new1']);
      expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY)!).refreshToken).toBe('r-new1'); // the other tabs take it
    });

    it('renews once for requests failing together (single flight), then sends each again', async () => {
      const a = firstValueFrom(http.get('/api/inbox/count'));
      const b = firstValueFrom(http.put('/api/target-sheets/s2', {}));
      backend.expectOne('/api/inbox/count').flush(accessExpiredBody, EXPIRED);
      backend.expectOne('/api/target-sheets/s2').flush(accessExpiredBody, EXPIRED);
      await settle();
      backend.expectOne('/api/auth/refresh').flush(renewal(1));
      await settle();
      for (const url of ['/api/inbox/count', '/api/target-sheets/s2']) {
        const again = backend.expectOne(url);
        expect(again.request.headers.get('Authorization')).toBe('Bearer new1');
        again.flush({});
      }
      await Promise.all([a, b]);
      backend.expectNone('/api/auth/refresh');
    });

    it('uses a token another tab renewed meanwhile instead of spending the refresh token again', async () => {
      const read = firstValueFrom(http.get('/api/inbox/count'));
      const sent = backend.expectOne('/api/inbox/count');
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'from-tab-2', refreshToken: 'r-tab-2', user: USER }));
      sent.flush(accessExpiredBody, EXPIRED);
      await settle();
      backend.expectNone('/api/auth/refresh');
      const again = backend.expectOne('/api/inbox/count');
      expect(again.request.headers.get('Authorization')).toBe('Bearer from-tab-2');
      again.flush({ total: 1 });
      expect(await read).toEqual({ total: 1 });
    });

    it('asks for the password in place when the session itself ended (the renewal is refused), keeping the work', async () => {
      const saved = firstValueFrom(http.put('/api/target-sheets/s1', { goals: ['y'] }));
      backend.expectOne('/api/target-sheets/s1').flush(accessExpiredBody, EXPIRED);
      await settle();
      backend.expectOne('/api/auth/refresh').flush(sessionEndedBody, EXPIRED);
      await settle();
      expect(reauth.prompt()).toEqual({ userId: 'u1', username: 'hanyin.editor', displayName: USER.displayName });
      expect(auth.isSignedIn()).toBe(true);
      auth.signIn(renewal(2));
      reauth.resolve(true);
      const again = backend.expectOne('/api/target-sheets/s1');
      expect(again.request.headers.get('Authorization')).toBe('Bearer new2');
      again.flush({ ok: true });
      expect(await saved).toEqual({ ok: true });
    });

    it('ends the session on a read when the renewal is refused and nothing is unsaved', async () => {
      const read = firstValueFrom(http.get('/api/inbox/count'));
      read.catch(() => undefined); // handled below, after the renewal has been answered
      backend.expectOne('/api/inbox/count').flush(accessExpiredBody, EXPIRED);
      await settle();
      backend.expectOne('/api/auth/refresh').flush(sessionEndedBody, EXPIRED);
      await settle();
      await expect(read).rejects.toBeInstanceOf(HttpErrorResponse);
      expect(auth.signOutReason()).toBe('expired');
    });

    it('does not try to renew a session that ended (SESSION_ENDED): it asks for the password at once', () => {
      http.put('/api/target-sheets/s1', {}).subscribe({ error: () => undefined });
      backend.expectOne('/api/target-sheets/s1').flush(sessionEndedBody, EXPIRED);
      backend.expectNone('/api/auth/refresh');
      expect(reauth.prompt()).not.toBeNull();
      reauth.resolve(false);
    });
  });
});
