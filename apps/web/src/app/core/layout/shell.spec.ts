import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore, SESSION_STORAGE_KEY } from '../auth/auth-store';
import { Shell } from './shell';
import { ShellHarness } from './testing/shell-harness';

@Component({ template: '<p>page</p>' })
class Blank {}

describe(Shell.name, () => {
  let backend: HttpTestingController;

  async function setUp(role: string) {
    localStorage.clear();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 't', user: { id: 'u1', username: 'hanyin.reviewer', displayName: '汉阴县医疗保障局部门审核人', role, organization: null } }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'login', component: Blank }, { path: '', component: Shell, children: [{ path: 'sheets', component: Blank }, { path: 'inbox', component: Blank }] }], withComponentInputBinding()),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create('/sheets');
    return { shell: await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(ShellHarness), router: TestBed.inject(Router), harness };
  }
  afterEach(() => localStorage.clear());

  it('shows 待我处理 first in the navigation with how many wait', async () => {
    const { shell, harness } = await setUp('department_reviewer');
    backend.expectOne('/api/inbox/count').flush({ total: 3 });
    harness.detectChanges();
    expect(await shell.getInboxBadge()).toBe('3');
    expect(await shell.getNavigation()).toEqual(['待我处理（3项）', '绩效目标', '执行与自评', '导入']);
  });

  it('shows no badge when nothing waits, and no 待我处理 for a viewer', async () => {
    const { shell, harness } = await setUp('department_reviewer');
    backend.expectOne('/api/inbox/count').flush({ total: 0 });
    harness.detectChanges();
    expect(await shell.getInboxBadge()).toBeNull();
    TestBed.resetTestingModule();
    const viewer = await setUp('viewer');
    backend.expectNone('/api/inbox/count');
    expect(await viewer.shell.getNavigation()).toEqual(['绩效目标', '执行与自评']);
  });

  it('offers 导入 to finance and to a department reviewer (its own department), not to a unit editor', async () => {
    const finance = await setUp('finance_reviewer');
    finance.harness.detectChanges();
    expect(await finance.shell.getNavigation()).toContain('导入');
    TestBed.resetTestingModule();
    const reviewer = await setUp('department_reviewer');
    expect(await reviewer.shell.getNavigation()).toContain('导入');
    TestBed.resetTestingModule();
    const editor = await setUp('unit_editor');
    expect(await editor.shell.getNavigation()).not.toContain('导入');
  });

  it('goes to the login page, saying why, when 退出 happened in another tab', async () => {
    const { router } = await setUp('viewer');
    localStorage.removeItem(SESSION_STORAGE_KEY);
    window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY }));
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/login?returnUrl=%2Fsheets&elsewhere=1');
  });

  it('goes to the login page when the login expired, saying so', async () => {
    const { router } = await setUp('viewer');
    TestBed.inject(AuthStore).signOut('expired');
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/login?returnUrl=%2Fsheets&expired=1');
  });

  it('退出 leaves the page, then ends the session in every tab and on the server', async () => {
    const { shell, router } = await setUp('viewer');
    await shell.signOut();
    expect(router.url).toBe('/login');
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    const logout = backend.expectOne('/api/auth/logout');
    expect([logout.request.method, logout.request.headers.get('Authorization')]).toEqual(['POST', 'Bearer t']);
    logout.flush(null, { status: 204, statusText: 'No Content' });
  });
});
