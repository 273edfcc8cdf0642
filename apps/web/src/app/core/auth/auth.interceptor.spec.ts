import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { firstValueFrom } from 'rxjs';
import { UnsavedChanges } from '../unsaved/unsaved-changes';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth-store';
import { Reauthentication } from './reauthentication';

const USER = { id: 'u1', username: 'hanyin.editor', displayName: '汉阴县医疗保障局本级单位填报人', role: 'unit_editor' as const, organization: null, mustChangePassword: false };
const EXPIRED = { status: 401, statusText: 'Unauthorized' };
const expiredBody = { statusCode: 401, code: ErrorCode.AUTH_REQUIRED, message: '请先登录（登录已失效或令牌无效）' };

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
    auth.signIn({ accessToken: 'old', user: USER });
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
});
