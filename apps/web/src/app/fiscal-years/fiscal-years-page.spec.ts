import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { Role } from '@jixiao/contracts/api/auth.contract';
import type { FiscalYearResponse, OpenFiscalYearRequest } from '@jixiao/contracts/api/fiscal-year.contract';
import { defaultMonitoringWindows } from '@jixiao/domain/monitoring-windows';
import { PERIOD_LABELS } from '@jixiao/domain/lights';
import { Observable, of } from 'rxjs';
import { AuthStore } from '../core/auth/auth-store';
import { FiscalYearsApi } from './fiscal-years-api';
import { FiscalYearsPage } from './fiscal-years-page';
import { FiscalYearsPageHarness } from './testing/fiscal-years-page-harness';

const YEAR_2024: FiscalYearResponse = {
  year: 2024, hasSheets: true, hasSheetsInEffect: true, today: '2025-09-01',
  windows: defaultMonitoringWindows(2024).map((w) => ({
    ...w, label: PERIOD_LABELS[w.period], state: 'closed',
    reopenings: w.period === 'M7'
      ? [{ organization: { id: 'u1', code: null, name: '汉阴县医疗保障局本级', kind: 'unit' }, until: '2025-09-15', reason: '延期补报', active: true, reopenedBy: { id: 'f', username: 'hanyin.finance', displayName: '汉阴县财政局财政审核人' }, reopenedAt: '2025-09-01T02:00:00.000Z' }]
      : [],
  })),
};

class FakeApi {
  readonly opened: OpenFiscalYearRequest[] = [];
  list(): Observable<FiscalYearResponse[]> {
    return of([YEAR_2024]);
  }
  open(body: OpenFiscalYearRequest): Observable<FiscalYearResponse> {
    this.opened.push(body);
    return of({ ...YEAR_2024, year: body.year });
  }
  reopenChoices(): Observable<never[]> {
    return of([]);
  }
}

@Component({ imports: [FiscalYearsPage], template: `<jx-fiscal-years-page />` })
class Host {}

describe(FiscalYearsPage.name, () => {
  async function setUp(role: Role) {
    const api = new FakeApi();
    TestBed.configureTestingModule({
      providers: [
        { provide: FiscalYearsApi, useValue: api },
        { provide: AuthStore, useValue: { user: signal({ id: 'u', username: 'x', displayName: 'x', role, organization: null }) } },
      ],
    });
    const fixture = TestBed.createComponent(Host);
    const page = await TestbedHarnessEnvironment.loader(fixture).getHarness(FiscalYearsPageHarness);
    return { api, page };
  }

  it('shows each round’s window, its state and the reopenings', async () => {
    const { page } = await setUp('finance_reviewer');
    expect(await page.getTitle()).toBe('2024 年度各监控期填报时间 今天 2025-09-01（北京时间）');
    const m7 = await page.getWindow('M7');
    expect(m7).toMatchObject({ label: '1–7月', dates: '2024-08-01 至 2024-08-21', state: '已关闭' });
    expect(m7.reopenings).toContain('汉阴县医疗保障局本级 至 2025-09-15');
    expect(m7.reopenings).toContain('延期补报');
    expect((await page.getWindow('Q1')).reopenings).toBe('—');
  });

  it('lets finance reopen a round, not open a year', async () => {
    const { page } = await setUp('finance_reviewer');
    expect(await page.canOpenYear()).toBe(false);
    expect(await page.canReopen()).toBe(true);
  });

  it('lets the administrator open the next year with the national windows, changed where needed', async () => {
    const { api, page } = await setUp('admin');
    const form = await page.startOpening();
    expect((await form.getRows()).map((r) => r.opensOn)).toEqual(defaultMonitoringWindows(2025).map((w) => w.opensOn));
    await form.setWindow('M7', '2025-08-01', '2025-07-31');
    expect(await page.isConfirmEnabled()).toBe(false);
    await form.setWindow('M7', '2025-08-01', '2025-08-25');
    expect(await page.isConfirmEnabled()).toBe(true);
    await page.confirmOpening();
    expect(api.opened).toEqual([{ year: 2025, windows: defaultMonitoringWindows(2025).map((w) => (w.period === 'M7' ? { ...w, closesOn: '2025-08-25' } : w)) }]);
  });
});
