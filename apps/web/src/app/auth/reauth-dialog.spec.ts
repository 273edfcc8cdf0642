import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { LoginResponse } from '@jixiao/contracts/api/auth.contract';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { firstValueFrom, Observable, of, throwError } from 'rxjs';
import { AuthStore, SESSION_STORAGE_KEY } from '../core/auth/auth-store';
import { Reauthentication } from '../core/auth/reauthentication';
import { waitForHarness } from '../shared/testing/zorro-overlays';
import { AuthApi } from './auth-api';
import { ReauthDialog } from './reauth-dialog';
import { ReauthDialogHarness } from './testing/reauth-dialog-harness';

const USER = { id: 'u1', username: 'hanyin.editor', displayName: '汉阴县医疗保障局本级单位填报人', role: 'unit_editor' as const, organization: null, mustChangePassword: false };

class FakeAuthApi {
  readonly calls: { username: string; password: string }[] = [];
  answer: (password: string) => Observable<LoginResponse> = () => of({ accessToken: 'new', expiresIn: 900, refreshToken: 'r-new', refreshExpiresIn: 43200, user: USER });
  login(username: string, password: string): Observable<LoginResponse> {
    this.calls.push({ username, password });
    return this.answer(password);
  }
}

describe(ReauthDialog.name, () => {
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'old', user: USER }));
  });
  afterEach(() => localStorage.clear());

  async function setUp() {
    const api = new FakeAuthApi();
    TestBed.configureTestingModule({ providers: [{ provide: AuthApi, useValue: api }] });
    const fixture = TestBed.createComponent(ReauthDialog);
    fixture.detectChanges();
    const reauth = TestBed.inject(Reauthentication);
    const answer = firstValueFrom(reauth.request());
    const dialog = await waitForHarness(TestbedHarnessEnvironment.documentRootLoader(fixture), ReauthDialogHarness);
    return { api, answer, dialog, auth: TestBed.inject(AuthStore), reauth };
  }

  it('asks the same user for the password, signs in again and lets the waiting requests go on', async () => {
    const { api, answer, dialog, auth } = await setUp();
    expect(await dialog.getText()).toContain('汉阴县医疗保障局本级单位填报人（用户名 hanyin.editor）');
    await dialog.setPassword('jixiao-demo');
    await dialog.submit();
    expect(api.calls).toEqual([{ username: 'hanyin.editor', password: 'jixiao-demo' }]);
    expect(await answer).toBe(true);
    expect(auth.accessToken()).toBe('new');
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY)!)).toMatchObject({ accessToken: 'new', refreshToken: 'r-new' }); // every tab gets it
  });

  it('says why a login failed and asks again', async () => {
    const { api, dialog, reauth } = await setUp();
    api.answer = () =>
      throwError(() => new HttpErrorResponse({ status: 401, error: { statusCode: 401, code: ErrorCode.AUTH_INVALID_CREDENTIALS, message: '用户名或密码错误' } }));
    await dialog.setPassword('wrong');
    await dialog.submit();
    expect(await dialog.getError()).toContain('用户名或密码错误');
    expect(reauth.prompt()).not.toBeNull();
  });

  it('refuses another account answering for this one', async () => {
    const { api, dialog, auth } = await setUp();
    api.answer = () => of({ accessToken: 'other', expiresIn: 900, refreshToken: 'r-other', refreshExpiresIn: 43200, user: { ...USER, id: 'u2' } });
    await dialog.setPassword('jixiao-demo');
    await dialog.submit();
    expect(await dialog.getError()).toContain('请使用原账号重新登录');
    expect(auth.accessToken()).toBe('old');
  });

  it('暂不登录 lets the waiting requests fail, the work staying on the page', async () => {
    const { answer, dialog } = await setUp();
    await dialog.decline();
    expect(await answer).toBe(false);
  });

  it('is answered by a login in another tab', async () => {
    const { answer, api } = await setUp();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'from-tab-2', user: USER }));
    window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY }));
    TestBed.tick();
    expect(await answer).toBe(true);
    expect(api.calls).toEqual([]);
  });
});
