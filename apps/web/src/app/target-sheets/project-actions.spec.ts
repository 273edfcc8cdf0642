import { NATIONAL_PROJECT_SCHEME } from '@jixiao/domain/scoring';
import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { Role } from '@jixiao/contracts/api/auth.contract';
import type { RollOverRequest, TargetSheetResponse, UpdateProjectRequest } from '@jixiao/contracts/api/target-sheet.contract';
import { Observable, of, throwError } from 'rxjs';
import { AuthStore } from '../core/auth/auth-store';
import { ProjectActions } from './project-actions';
import { TargetSheetsApi } from './target-sheets-api';
import { ProjectActionsHarness } from './testing/project-actions-harness';

const org = (name: string, kind: 'department' | 'unit' = 'department') => ({ id: name, code: null, name, kind });

/** 医保重点工作经费 of 汉阴县 (2024), a first-version draft. */
const DRAFT: TargetSheetResponse = {
  id: 'sheet-1', kind: 'project', fiscalYear: 2024, status: 'draft', version: 1, rowVersion: 4,
  department: org('汉阴县医疗保障局'),
  project: { id: 'p1', code: null, name: '医保重点工作经费', category: '专用项目', purpose: null, unit: org('汉阴县医疗保障局本级', 'unit'), amount: { total: '410000.00', fiscal: '410000.00', other: '0.00' } },
  goals: [], tasks: [], budget: null, indicators: [], spendingPlan: [], findings: [], acknowledgements: [],
  scheme: { id: null, version: null, definition: NATIONAL_PROJECT_SCHEME },
};

class FakeApi {
  readonly calls: { method: string; id: string; body?: unknown }[] = [];
  answer: () => Observable<TargetSheetResponse> = () => of(DRAFT);

  updateProject(id: string, body: UpdateProjectRequest): Observable<TargetSheetResponse> {
    this.calls.push({ method: 'updateProject', id, body });
    return this.answer();
  }

  deleteProject(id: string): Observable<void> {
    this.calls.push({ method: 'deleteProject', id });
    return of(undefined);
  }

  rollOver(id: string, body: RollOverRequest): Observable<TargetSheetResponse> {
    this.calls.push({ method: 'rollOver', id, body });
    return this.answer();
  }
}

@Component({
  imports: [ProjectActions],
  template: `<jx-project-actions [sheet]="sheet()" [laterYears]="later()" (changed)="events.push('changed')" (deleted)="events.push('deleted')" (rolledOver)="events.push('rolledOver:' + $event.fiscalYear)" />`,
})
class Host {
  readonly sheet = signal<TargetSheetResponse>(DRAFT);
  readonly later = signal<number[]>([2025]);
  readonly events: string[] = [];
}

describe(ProjectActions.name, () => {
  async function setUp(role: Role = 'unit_editor') {
    const api = new FakeApi();
    TestBed.configureTestingModule({
      providers: [
        { provide: TargetSheetsApi, useValue: api },
        { provide: AuthStore, useValue: { user: signal({ id: 'u', username: 'hanyin.editor', displayName: '填报人', role, organization: null }) } },
      ],
    });
    const fixture = TestBed.createComponent(Host);
    const actions = await TestbedHarnessEnvironment.loader(fixture).getHarness(ProjectActionsHarness);
    return { api, fixture, host: fixture.componentInstance, actions };
  }

  it('offers the author of a first-version draft 修改项目信息, 结转 and 删除草稿; a returned sheet cannot be deleted', async () => {
    const { fixture, host, actions } = await setUp();
    expect(await actions.getActions()).toEqual(['修改项目信息', '结转到 2025 年', '删除草稿']);
    host.sheet.set({ ...DRAFT, status: 'returned' });
    fixture.detectChanges();
    expect(await actions.getActions()).toEqual(['修改项目信息', '结转到 2025 年']);
    host.sheet.set({ ...DRAFT, status: 'approved' });
    host.later.set([]);
    fixture.detectChanges();
    expect(await actions.getActions()).toEqual([]);
  });

  it('offers nothing to a reviewer of a project sheet', async () => {
    const { actions } = await setUp('department_reviewer');
    expect(await actions.getActions()).toEqual([]);
  });

  it('edits the header: reads 万元, checks fiscal + other = total before sending, and sends the sheet’s rowVersion', async () => {
    const { api, host, actions } = await setUp();
    await actions.openHeaderForm();
    expect(await actions.getHeaderField('name')).toBe('医保重点工作经费');
    await actions.setHeaderField('code', 'HY-2024-01');
    await actions.setHeaderAmount('资金总额（元）', '45万');
    expect(await actions.getHeaderProblem()).toContain('之和');
    await actions.setHeaderAmount('其中财政资金（元）', '45万');
    expect(await actions.getHeaderProblem()).toBeNull();
    await actions.saveHeader();
    expect(api.calls).toEqual([
      {
        method: 'updateProject', id: 'p1',
        body: { rowVersion: 4, name: '医保重点工作经费', code: 'HY-2024-01', category: '专用项目', amount: { total: '450000.00', fiscal: '450000.00', other: '0.00' }, purpose: null },
      },
    ]);
    expect(host.events).toEqual(['changed']);
  });

  it('shows the server’s refusal of a header in the dialog', async () => {
    const { api, actions } = await setUp();
    api.answer = () => throwError(() => new HttpErrorResponse({ status: 409, error: { code: 'PROJECT_CODE_TAKEN', message: '项目编码「A1」已被汉阴县医疗保障局本级 2024 年度的项目「其他」使用' } }));
    await actions.openHeaderForm();
    await actions.setHeaderField('code', 'A1');
    await actions.saveHeader();
    expect(await actions.getHeaderProblem()).toContain('项目编码「A1」已被');
  });

  it('rolls the sheet over to the later year, and shows a refusal naming the sheet it became', async () => {
    const { api, host, actions } = await setUp();
    api.answer = () => of({ ...DRAFT, id: 'sheet-2025', fiscalYear: 2025 });
    await actions.rollOver(2025);
    expect(api.calls).toEqual([{ method: 'rollOver', id: 'sheet-1', body: { fiscalYear: 2025 } }]);
    expect(host.events).toEqual(['rolledOver:2025']);
    api.answer = () => throwError(() => new HttpErrorResponse({ status: 409, error: { code: 'SHEET_ALREADY_ROLLED_OVER', message: '该目标表已结转到 2025 年度（「医保重点工作经费」，草稿，第 1 版），不能重复结转' } }));
    await actions.rollOver(2025);
    expect(await actions.getError()).toContain('不能重复结转');
  });

  it('deletes the draft after a confirmation', async () => {
    const { api, host, actions } = await setUp();
    await actions.deleteDraft();
    expect(api.calls).toEqual([{ method: 'deleteProject', id: 'p1' }]);
    expect(host.events).toEqual(['deleted']);
  });
});
