import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SESSION_STORAGE_KEY } from '../auth/auth-store';
import { waitForHarness } from '../../shared/testing/zorro-overlays';
import { LeaveDialog } from './leave-dialog';
import { LeaveDialogHarness } from './testing/leave-dialog-harness';
import { UnsavedChanges } from './unsaved-changes';
import { unsavedChangesGuard } from './unsaved-changes.guard';

@Component({ selector: 'jx-test-page', template: `<p>page</p><jx-leave-dialog />`, imports: [LeaveDialog] })
class Page {}

const USER = { id: 'u1', username: 'hanyin.editor', displayName: '填报人', role: 'unit_editor' as const, organization: null };

describe(UnsavedChanges.name, () => {
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 't', user: USER }));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'a', component: Page, canDeactivate: [unsavedChangesGuard], runGuardsAndResolvers: 'always' },
          { path: 'b', component: Page },
        ]),
      ],
    });
  });
  afterEach(() => localStorage.clear());

  it('asks the browser before a reload or closing the tab, only while work is unsaved', () => {
    const sut = TestBed.inject(UnsavedChanges);
    const quiet = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(quiet);
    expect(quiet.defaultPrevented).toBe(false);
    const owner = {};
    sut.set(owner, { label: '「医保重点工作经费」的修改', discard: () => undefined });
    const asked = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(asked);
    expect(asked.defaultPrevented).toBe(true);
    sut.set(owner, null);
    expect(sut.hasUnsaved()).toBe(false);
  });

  it('guards leaving (a navigation, closing a panel): 继续编辑 stays, 放弃修改并离开 leaves and discards the work', async () => {
    // The guard's answer itself: while a navigation waits on it the page is never stable for harnesses,
    // so the router's use of it (every navigation in the shell) is exercised by the browser test.
    const fixture = TestBed.createComponent(Page);
    const sut = TestBed.inject(UnsavedChanges);
    const guard = () => TestBed.runInInjectionContext(() => unsavedChangesGuard(null, null as never, null as never, null as never)) as Promise<boolean>;
    let discarded = 0;
    sut.set({}, { label: '「医保重点工作经费」的修改', discard: () => (discarded += 1) });

    const stay = guard();
    const dialog = await waitForHarness(TestbedHarnessEnvironment.documentRootLoader(fixture), LeaveDialogHarness);
    expect(await dialog.getText()).toBe('「医保重点工作经费」的修改尚未保存。离开后这些修改将被放弃；如需保留，请点击「继续编辑」后保存。');
    expect(await dialog.getLeaveText()).toBe('放弃修改并离开');
    await dialog.stay();
    expect(await stay).toBe(false);
    expect(discarded).toBe(0);
    expect(sut.hasUnsaved()).toBe(true);

    const leave = guard();
    await (await waitForHarness(TestbedHarnessEnvironment.documentRootLoader(fixture), LeaveDialogHarness)).leave();
    expect(await leave).toBe(true);
    expect(discarded).toBe(1);
  });

  it('lets a navigation through at once when nothing is unsaved', async () => {
    await RouterTestingHarness.create('/a');
    expect(await TestBed.inject(Router).navigateByUrl('/b')).toBe(true);
  });

  it('lets a signed-out session leave without asking (the kept draft waits for the next login)', async () => {
    await RouterTestingHarness.create('/a');
    TestBed.inject(UnsavedChanges).set({}, { label: 'x', discard: () => undefined });
    localStorage.removeItem(SESSION_STORAGE_KEY);
    window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY }));
    expect(await TestBed.inject(Router).navigateByUrl('/b')).toBe(true);
  });

  it('keeps the work when nobody can be asked (no dialog on the page)', async () => {
    const sut = TestBed.inject(UnsavedChanges);
    sut.set({}, { label: 'x', discard: () => undefined });
    expect(await sut.confirmLeave()).toBe(false);
    expect(await sut.confirmLeave({})).toBe(true); // an owner with nothing unsaved
  });
});
