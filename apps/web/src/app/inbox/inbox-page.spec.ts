import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { InboxCountResponse, InboxItemResponse, InboxQuery, InboxResponse } from '@jixiao/contracts/api/inbox.contract';
import { Observable, of } from 'rxjs';
import { SESSION_STORAGE_KEY } from '../core/auth/auth-store';
import { InboxApi } from './inbox-api';
import { InboxCounter } from './inbox-counter';
import { InboxPage } from './inbox-page';
import { InboxPageHarness } from './testing/inbox-page-harness';

const HANYIN = { id: 'd-hanyin', code: '962', name: '汉阴县医疗保障局', kind: 'department' as const };
const SHENMU = { id: 'd-shenmu', code: null, name: '神木市医疗保障局', kind: 'department' as const };

const item = (over: Partial<InboxItemResponse>): InboxItemResponse => ({
  sheetId: 's1',
  kind: 'project',
  fiscalYear: 2024,
  status: 'submitted',
  version: 1,
  name: '医保重点工作经费',
  project: { id: 'p1', code: '962001-01', name: '医保重点工作经费' },
  department: HANYIN,
  unit: { id: 'u-hanyin', code: '962001', name: '汉阴县医疗保障局本级', kind: 'unit' },
  region: '汉阴县',
  amount: '410000.00',
  indicatorCount: 9,
  actions: ['department_approve', 'return'],
  waitingSince: '2024-03-01T02:20:00.000Z',
  ...over,
});

const ITEMS: InboxItemResponse[] = [
  item({}),
  item({ sheetId: 's2', kind: 'department', project: null, unit: null, name: '汉阴县医疗保障局 部门整体绩效目标', status: 'draft', amount: '19966200.00', actions: ['submit'], version: 2 }),
];

const FACETS: InboxResponse['facets'] = {
  statuses: [
    { status: 'draft', count: 1 },
    { status: 'submitted', count: 24 },
  ],
  departments: [
    { department: HANYIN, count: 2 },
    { department: SHENMU, count: 23 },
  ],
  fiscalYears: [
    { fiscalYear: 2025, count: 3 },
    { fiscalYear: 2024, count: 22 },
  ],
};

class FakeInboxApi {
  readonly queries: InboxQuery[] = [];
  answer: (query: InboxQuery) => InboxResponse = (query) => ({ items: ITEMS, total: 25, page: query.page ?? 1, pageSize: 20, facets: FACETS });
  list(query: InboxQuery): Observable<InboxResponse> {
    this.queries.push(query);
    return of(this.answer(query));
  }
  count(): Observable<InboxCountResponse> {
    return of({ total: 25 });
  }
}

@Component({ template: '<p>绩效目标</p>' })
class SheetsStub {}

describe(InboxPage.name, () => {
  function signIn(role: 'department_reviewer' | 'viewer' = 'department_reviewer') {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 't', user: { id: 'u1', username: 'hanyin.reviewer', displayName: '部门审核人', role, organization: null } }));
  }
  afterEach(() => localStorage.clear());

  async function setUp(url = '/inbox', role: 'department_reviewer' | 'viewer' = 'department_reviewer') {
    localStorage.clear();
    signIn(role);
    const api = new FakeInboxApi();
    TestBed.configureTestingModule({
      providers: [
        { provide: InboxApi, useValue: api },
        provideRouter([{ path: 'inbox', component: InboxPage }, { path: 'sheets', component: SheetsStub }], withComponentInputBinding()),
      ],
    });
    const harness = await RouterTestingHarness.create(url);
    const page = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(InboxPageHarness);
    return { api, page, router: TestBed.inject(Router) };
  }

  it('lists what waits: the sheet, its department and unit, year, status, amount in 万元, since when (北京时间), what to do', async () => {
    const { page, api } = await setUp();
    expect(api.queries).toEqual([{ status: undefined, departmentId: undefined, fiscalYear: undefined, q: undefined, page: 1, pageSize: 20 }]);
    const rows = await page.getRows();
    expect(rows[0]).toEqual({
      name: '医保重点工作经费',
      href: '/sheets?year=2024&dept=d-hanyin&sheet=s1',
      sub: '项目支出 · 编码 962001-01',
      department: '汉阴县医疗保障局 汉阴县医疗保障局本级',
      year: '2024年',
      status: '已提交',
      amount: '41',
      since: '2024-03-01 10:20',
      actions: '部门审核通过 / 退回',
    });
    expect(rows[1]).toMatchObject({ name: '汉阴县医疗保障局 部门整体绩效目标', sub: '部门整体 · 第 2 版（调整）', status: '草稿', amount: '1996.62', actions: '提交' });
    expect(await page.getTotalText()).toBe('共 25 张待处理');
    expect(TestBed.inject(InboxCounter).count()).toBe(25); // the navigation's badge follows
  });

  it('offers the filters from what waits, with counts, and keeps the choices in the URL', async () => {
    const { page, api, router } = await setUp();
    expect(await page.getFilterOptions('status')).toEqual(['草稿（1）', '已提交（24）']);
    expect(await page.getFilterOptions('department')).toEqual(['汉阴县医疗保障局（2）', '神木市医疗保障局（23）']);
    expect(await page.getFilterOptions('year')).toEqual(['2025年（3）', '2024年（22）']);
    await page.pickFilter('status', '已提交（24）');
    await page.pickFilter('department', '神木市医疗保障局（23）');
    await page.pickFilter('year', '2025年（3）');
    expect(router.url).toBe('/inbox?status=submitted&dept=d-shenmu&year=2025');
    expect(api.queries.at(-1)).toEqual({ status: 'submitted', departmentId: 'd-shenmu', fiscalYear: 2025, q: undefined, page: 1, pageSize: 20 });
    expect(await page.getTotalText()).toBe('符合条件 25 张，共 25 张待处理');
  });

  it('searches by project name or code, and 清除筛选 shows everything again', async () => {
    const { page, api, router } = await setUp('/inbox?status=draft');
    await page.search('  重点工作 ');
    expect(router.url).toBe('/inbox?status=draft&q=%E9%87%8D%E7%82%B9%E5%B7%A5%E4%BD%9C');
    expect(api.queries.at(-1)).toMatchObject({ status: 'draft', q: '重点工作' });
    await page.clearFilters();
    expect(router.url).toBe('/inbox');
    expect(await page.getSearchText()).toBe('');
    expect(api.queries.at(-1)).toMatchObject({ status: undefined, q: undefined });
  });

  it('pages through a long inbox, the page in the URL', async () => {
    const { page, api, router } = await setUp();
    await page.goToPage(2);
    expect(router.url).toBe('/inbox?page=2');
    expect(api.queries.at(-1)).toMatchObject({ page: 2 });
  });

  it('reads a URL it cannot use as no filter', async () => {
    const { api } = await setUp('/inbox?status=waiting&year=abc&page=-3');
    expect(api.queries.at(-1)).toEqual({ status: undefined, departmentId: undefined, fiscalYear: undefined, q: undefined, page: 1, pageSize: 20 });
  });

  it('says when nothing waits, and when the filters match nothing', async () => {
    const { page, api } = await setUp('/inbox?q=xyz');
    expect(api.queries).toHaveLength(1);
    api.answer = () => ({ items: [], total: 0, page: 1, pageSize: 20, facets: FACETS });
    await page.search('没有这样的项目');
    expect(await page.getEmptyText()).toBe('没有符合筛选条件的目标表，可清除筛选后查看全部。');
    api.answer = () => ({ items: [], total: 0, page: 1, pageSize: 20, facets: { statuses: [], departments: [], fiscalYears: [] } });
    await page.clearFilters();
    expect(await page.getEmptyText()).toBe('暂无等待您处理的目标表。');
    expect(await page.getTotalText()).toBe('共 0 张待处理');
  });

  it('tells a viewer there is nothing to do here, without asking the API', async () => {
    const { page, api } = await setUp('/inbox', 'viewer');
    expect(await page.getNotApplicable()).toContain('查看者不需要提交或审核目标表');
    expect(api.queries.length).toBeLessThanOrEqual(1);
    expect(await page.getRows()).toEqual([]);
  });
});
