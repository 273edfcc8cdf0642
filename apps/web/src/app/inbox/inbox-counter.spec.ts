import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SESSION_STORAGE_KEY } from '../core/auth/auth-store';
import { InboxCounter } from './inbox-counter';
import { inboxRefreshInterceptor } from './inbox-refresh.interceptor';

describe(InboxCounter.name, () => {
  let backend: HttpTestingController;

  function setUp(role: string, mustChangePassword = false) {
    localStorage.clear();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 't', user: { id: 'u1', username: 'x', displayName: 'x', role, organization: null, mustChangePassword } }));
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([inboxRefreshInterceptor])), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    const counter = TestBed.inject(InboxCounter);
    TestBed.tick(); // the effect reading the signed-in user
    return counter;
  }
  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('reads the count once signed in', () => {
    const counter = setUp('department_reviewer');
    expect(counter.applies()).toBe(true);
    backend.expectOne('/api/inbox/count').flush({ total: 3 });
    expect(counter.count()).toBe(3);
  });

  it('never asks for a role that acts on no sheet', () => {
    const counter = setUp('viewer');
    expect(counter.applies()).toBe(false);
    backend.expectNone('/api/inbox/count');
    expect(counter.count()).toBeNull();
  });

  it('does not ask while a one-time password waits to be changed (the API answers 403 until then)', () => {
    const counter = setUp('unit_editor', true);
    expect(counter.applies()).toBe(false);
    backend.expectNone('/api/inbox/count');
  });

  it('reads it again after every successful write, not after a read or a failed write', () => {
    const counter = setUp('finance_reviewer');
    backend.expectOne('/api/inbox/count').flush({ total: 3 });
    const http = TestBed.inject(HttpClient);

    http.post('/api/target-sheets/s1/transitions', { action: 'approve' }).subscribe();
    backend.expectOne('/api/target-sheets/s1/transitions').flush({});
    backend.expectOne('/api/inbox/count').flush({ total: 2 });
    expect(counter.count()).toBe(2);

    http.get('/api/target-sheets/s1').subscribe();
    backend.expectOne('/api/target-sheets/s1').flush({});
    http.put('/api/target-sheets/s1', {}).subscribe({ error: () => undefined });
    backend.expectOne('/api/target-sheets/s1').flush({ code: 'SHEET_LOCKED' }, { status: 409, statusText: 'Conflict' });
    http.post('/api/auth/login', {}).subscribe();
    backend.expectOne('/api/auth/login').flush({});
    backend.expectNone('/api/inbox/count');
    expect(counter.count()).toBe(2);
  });
});
