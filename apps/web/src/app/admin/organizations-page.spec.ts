import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { OrganizationNodeResponse } from '@jixiao/contracts/api/admin.contract';
import type { Role } from '@jixiao/contracts/api/auth.contract';
import { AuthStore } from '../core/auth/auth-store';
import { OrganizationsPage } from './organizations-page';
import { OrganizationDialogHarness, OrganizationsPageHarness } from './testing/organizations-page-harness';
import { PopconfirmHarness } from './testing/popconfirm-harness';

const node = (id: string, kind: OrganizationNodeResponse['kind'], name: string, extra: Partial<OrganizationNodeResponse> = {}): OrganizationNodeResponse => ({
  id, parentId: null, kind, code: null, name, region: null, active: true, userCount: 0, children: [], ...extra,
});

const TREE: OrganizationNodeResponse[] = [
  node('b1', 'finance_bureau', '汉阴县财政局', {
    region: '汉阴县',
    userCount: 2,
    children: [
      node('d1', 'department', '汉阴县医疗保障局', { parentId: 'b1', code: '962', userCount: 2, children: [node('u1', 'unit', '汉阴县医疗保障局本级', { parentId: 'd1', code: '962001', userCount: 1 })] }),
      node('d2', 'department', '已撤销部门', { parentId: 'b1', active: false }),
    ],
  }),
];

describe(OrganizationsPage.name, () => {
  async function setUp(role: Role) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    TestBed.inject(AuthStore).signIn({
      accessToken: 't',
      user: { id: 'me', username: 'me', displayName: '王管理', role, organization: role === 'admin' ? null : { id: 'b1', code: null, name: '汉阴县财政局', kind: 'finance_bureau' }, mustChangePassword: false },
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(OrganizationsPage);
    fixture.detectChanges();
    http.expectOne('/api/organizations').flush(TREE);
    await fixture.whenStable();
    const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, OrganizationsPageHarness);
    return { http, fixture, page, documentRoot: TestbedHarnessEnvironment.documentRootLoader(fixture) };
  }

  afterEach(() => {
    TestBed.inject(AuthStore).signOut();
  });

  it('shows the tree indented, with codes, user counts and what is deactivated', async () => {
    const { page } = await setUp('bureau_admin');
    const rows = await page.getRows();
    expect(rows.map(({ kind, name, depth, code, users, inactive }) => ({ kind, name, depth, code, users, inactive }))).toEqual([
      { kind: '财政局', name: '汉阴县财政局', depth: 0, code: '—', users: '2', inactive: false },
      { kind: '部门', name: '汉阴县医疗保障局', depth: 1, code: '962', users: '2', inactive: false },
      { kind: '单位', name: '汉阴县医疗保障局本级', depth: 2, code: '962001', users: '1', inactive: false },
      { kind: '部门', name: '已撤销部门', depth: 1, code: '—', users: '0', inactive: true },
    ]);
  });

  it('gives 管理员 everything below its bureau, but not the bureau itself nor a new bureau', async () => {
    const { page } = await setUp('bureau_admin');
    const rows = await page.getRows();
    expect(rows[0]!.actions).toEqual(['新建部门']);
    expect(rows[1]!.actions).toEqual(['新建单位', '修改', '移动', '停用']);
    expect(rows[2]!.actions).toEqual(['修改', '移动', '停用']);
    expect(rows[3]!.actions).toEqual(['修改', '移动', '启用', '删除']);
    expect(await page.hasNewBureauButton()).toBe(false);
  });

  it('lets 系统管理员 change finance bureaus and create new ones', async () => {
    const { page } = await setUp('admin');
    expect((await page.getRows())[0]!.actions).toEqual(['新建部门', '修改', '停用']);
    expect(await page.hasNewBureauButton()).toBe(true);
  });

  it('creates a unit under the department it was asked for', async () => {
    const { page, http, documentRoot, fixture } = await setUp('bureau_admin');
    await page.clickAction('汉阴县医疗保障局', '新建单位');
    const dialog = await documentRoot.getHarness(OrganizationDialogHarness);
    expect(await dialog.getTitle()).toBe('新建单位');
    expect(await dialog.getParent()).toBe('上级：汉阴县财政局 / 汉阴县医疗保障局');
    await dialog.fill({ name: '汉阴县医保服务中心', code: '962002' });
    await dialog.save();
    const request = http.expectOne({ method: 'POST', url: '/api/organizations' });
    expect(request.request.body).toEqual({ parentId: 'd1', kind: 'unit', name: '汉阴县医保服务中心', code: '962002', region: null });
    request.flush(node('u2', 'unit', '汉阴县医保服务中心', { parentId: 'd1', code: '962002' }));
    TestBed.tick(); // (whenStable would wait for the reload below: a pending task)
    http.expectOne('/api/organizations').flush(TREE); // the tree is read again
    await fixture.whenStable();
    expect(await page.getNotice()).toBe('已新建单位「汉阴县医保服务中心」');
  });

  it('shows the server\'s refusal in the dialog, which stays open', async () => {
    const { page, http, documentRoot, fixture } = await setUp('bureau_admin');
    await page.clickAction('汉阴县医疗保障局', '新建单位');
    const dialog = await documentRoot.getHarness(OrganizationDialogHarness);
    await dialog.fill({ name: '汉阴县医保服务中心', code: '962001' });
    await dialog.save();
    http.expectOne({ method: 'POST', url: '/api/organizations' }).flush(
      { statusCode: 409, code: 'ORGANIZATION_CODE_TAKEN', message: '「汉阴县医疗保障局」下已有代码为「962001」的单位「汉阴县医疗保障局本级」' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(await dialog.getError()).toBe('「汉阴县医疗保障局」下已有代码为「962001」的单位「汉阴县医疗保障局本级」');
  });

  it('says why an organization cannot be deactivated', async () => {
    const { page, http, fixture, documentRoot } = await setUp('bureau_admin');
    await page.clickAction('汉阴县医疗保障局', '停用');
    const confirm = await documentRoot.getHarness(PopconfirmHarness);
    expect(await confirm.getTitle()).toBe('停用「汉阴县医疗保障局」及其全部下级？');
    await confirm.confirm();
    http.expectOne({ method: 'POST', url: '/api/organizations/d1/deactivate' }).flush(
      { statusCode: 409, code: 'ORGANIZATION_HAS_ACTIVE_USERS', message: '「汉阴县医疗保障局」及其下级仍有 3 个启用的用户' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(await page.getActionError()).toBe('「汉阴县医疗保障局」及其下级仍有 3 个启用的用户');
  });
});
