import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { SheetExecutionResponse, UpdateBasicExpendituresRequest } from '@jixiao/contracts/api/execution.contract';
import { By } from '@angular/platform-browser';
import { Observable, of, throwError } from 'rxjs';
import { UnsavedChanges } from '../core/unsaved/unsaved-changes';
import { type DepartmentExecution, DepartmentSpending } from './department-spending';
import { ExecutionApi } from './execution-api';
import { DepartmentSpendingHarness } from './testing/department-spending-harness';

const org = (id: string, name: string) => ({ id, code: null, name, kind: 'department' as const });

/** 汉阴县医疗保障局 2024: 1,996.62 万 = 基本支出 342.48 万 + 项目支出 1,654.14 万; January's basic spending and two projects' recorded. */
const HANYIN: DepartmentExecution = {
  sheetId: 'sheet-d',
  kind: 'department',
  status: 'approved',
  fiscalYear: 2024,
  department: org('dept-hanyin', '汉阴县医疗保障局'),
  project: null,
  budget: '19966200.00',
  spent: '12385400.00',
  spendingPlan: [],
  expenditures: [],
  indicators: [],
  actuals: [],
  lights: [],
  secondRound: [],
  editable: true,
  departmentBudget: {
    whole: true,
    stated: { total: '19966200.00', basic: '3424800.00', project: '16541400.00' },
    basicBudget: '3424800.00',
    projectBudget: '16541400.00',
    projectsBudget: '16541400.00',
    basicSpent: '285400.00',
    projectSpent: '12100000.00',
    basicExpenditures: [{ month: 1, amount: '285400.00', note: null }],
    projectExpenditures: [
      { month: 3, amount: '100000.00' },
      { month: 9, amount: '12000000.00' },
    ],
    explanation: '',
    warnings: [],
    editable: true,
  },
};

/** The API as the component uses it: what was sent, and the answer to give. */
class FakeExecutionApi {
  readonly sent: { departmentId: string; fiscalYear: number; body: UpdateBasicExpendituresRequest }[] = [];
  answer: (body: UpdateBasicExpendituresRequest) => Observable<SheetExecutionResponse> = () => of(HANYIN);

  saveBasicExpenditures(departmentId: string, fiscalYear: number, body: UpdateBasicExpendituresRequest): Observable<SheetExecutionResponse> {
    this.sent.push({ departmentId, fiscalYear, body });
    return this.answer(body);
  }
}

@Component({
  imports: [DepartmentSpending],
  template: `<jx-department-spending [data]="data()" (saved)="saved.push($event)" />`,
})
class Host {
  readonly data = signal(HANYIN);
  readonly saved: SheetExecutionResponse[] = [];
}

describe(DepartmentSpending.name, () => {
  async function setUp(data: DepartmentExecution = HANYIN) {
    const api = new FakeExecutionApi();
    TestBed.configureTestingModule({ providers: [{ provide: ExecutionApi, useValue: api }] });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.data.set(data);
    const harness = await TestbedHarnessEnvironment.loader(fixture).getHarness(DepartmentSpendingHarness);
    return { api, fixture, host: fixture.componentInstance, harness };
  }

  it('states the budget parts and the execution of the whole: basic + project ÷ the whole budget', async () => {
    const { harness } = await setUp();
    expect(await harness.getParts()).toEqual([
      '部门预算总额 1996.62 万元',
      '其中：基本支出 342.48 万元 已支出 28.54 万元 · 8.33%',
      '其中：项目支出 1654.14 万元 已支出 1210 万元 · 73.15%',
    ]);
    // (285400.00 + 12100000.00) ÷ 19966200.00 = 62.03%
    expect(await harness.getFigures()).toBe('预算 1996.62 万元 · 已支出 1238.54 万元 · 执行率 62.03%');
    expect(await harness.getBasis()).toBe(
      '执行率口径：部门整体：全部支出 12385400.00（基本支出 285400.00 + 项目支出 12100000.00） ÷ 部门预算总额 19966200.00（基本支出 3424800.00 + 项目支出 16541400.00）',
    );
    expect(await harness.getNotWholeNote()).toBeNull();
    expect(await harness.getRow(1)).toEqual({ basic: '285400.00', project: '—', cumulative: '28.54' });
    expect(await harness.getRow(3)).toEqual({ basic: '', project: '100000.00', cumulative: '38.54' });
  });

  it('previews the rate of the whole as basic spending is typed, in 元 or 万元', async () => {
    const { harness } = await setUp();
    await harness.setBasic(2, '28.54万');
    expect(await harness.getFigures()).toBe('预算 1996.62 万元 · 已支出 1267.08 万元 · 执行率 63.46%');
    expect(await harness.getRow(2)).toEqual({ basic: '28.54万', project: '—', cumulative: '57.08' });
    expect(await (await harness.basicField(2))!.getHint()).toBe('合 28.54 万元');
  });

  it('saves the year’s basic spending in the API’s form and hands the new execution to the page', async () => {
    const { api, harness, host } = await setUp();
    await harness.setBasic(2, '285,400');
    await harness.setBasic(3, '285400.5');
    await harness.save();
    expect(api.sent).toEqual([
      {
        departmentId: 'dept-hanyin',
        fiscalYear: 2024,
        body: {
          expenditures: [
            { month: 1, amount: '285400.00' },
            { month: 2, amount: '285400.00' },
            { month: 3, amount: '285400.50' },
          ],
        },
      },
    ]);
    expect(host.saved).toEqual([HANYIN]);
    expect(await harness.getMessage()).toBe('已保存，全年基本支出 28.54 万元；部门整体执行率 62.03%。');
  });

  it('holds typed basic spending as unsaved work until it is saved: leaving asks first', async () => {
    const { harness, fixture, host } = await setUp();
    const unsaved = TestBed.inject(UnsavedChanges);
    const component = fixture.debugElement.query(By.directive(DepartmentSpending)).componentInstance as DepartmentSpending;
    expect(unsaved.holds(component)).toBe(false);
    await harness.setBasic(2, '28.54万');
    expect(unsaved.holds(component)).toBe(true);
    expect(unsaved.hasUnsaved()).toBe(true);
    // Typed back to what is stored: nothing to lose.
    await harness.setBasic(2, '');
    expect(unsaved.holds(component)).toBe(false);
    await harness.setBasic(2, '285400');
    await harness.save();
    // The page hands the saved execution back in; the typed month is now what is stored.
    host.data.set({ ...HANYIN, departmentBudget: { ...HANYIN.departmentBudget, basicExpenditures: [...HANYIN.departmentBudget.basicExpenditures, { month: 2, amount: '285400' , note: null }] } });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(unsaved.holds(component)).toBe(false);
  });

  it('says which month is not an amount and sends nothing; shows the server’s refusal in Chinese', async () => {
    const { api, harness } = await setUp();
    await harness.setBasic(4, '二十万');
    await harness.save();
    expect(api.sent).toEqual([]);
    expect(await harness.getMessage()).toBe('4 月的基本支出须为元金额，如 285400、285400.50 或 28.54万。');

    await harness.setBasic(4, '');
    api.answer = () =>
      throwError(() => new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'SHEET_NOT_APPROVED', message: '「汉阴县医疗保障局」2024 年度的部门整体绩效目标表尚未批准' } }));
    await harness.save();
    expect(await harness.getMessage()).toBe('「汉阴县医疗保障局」2024 年度的部门整体绩效目标表尚未批准');
  });

  it('warns while typing when basic spending passes the basic budget — recorded, not refused', async () => {
    const { harness } = await setUp();
    await harness.setBasic(12, '400万');
    expect(await harness.getWarnings()).toEqual(['基本支出累计 4285400.00 元，超过基本支出预算 3424800.00 元 860600.00 元；如已追加预算，请通过调整更新部门预算']);
    expect(await harness.canSave()).toBe(true);
  });

  it('shows the spending without fields to whoever may only read', async () => {
    const readOnly: DepartmentExecution = { ...HANYIN, editable: false, departmentBudget: { ...HANYIN.departmentBudget, editable: false } };
    const { harness } = await setUp(readOnly);
    expect(await harness.basicField(1)).toBeNull();
    expect(await harness.canSave()).toBe(false);
    expect(await harness.getRow(1)).toEqual({ basic: '285400.00', project: '—', cumulative: '28.54' });
    expect(await harness.getRow(2)).toEqual({ basic: '—', project: '—', cumulative: '28.54' });
  });

  it('keeps the projects-only rate where no basic budget is stated, and says so', async () => {
    const noBasic: DepartmentExecution = {
      ...HANYIN,
      departmentBudget: { ...HANYIN.departmentBudget, whole: false, stated: { total: '19966200.00', basic: null, project: null }, basicBudget: null, basicExpenditures: [] },
    };
    const { harness } = await setUp(noBasic);
    // 12100000.00 ÷ 16541400.00 = 73.15%
    expect(await harness.getFigures()).toBe('预算 1654.14 万元 · 已支出 1210 万元 · 执行率 73.15%');
    expect(await harness.getBasis()).toBe('执行率口径：部门未填写基本支出预算，执行率按各项目预算合计 16541400.00 元及其支出 12100000.00 元计算（不含基本支出）');
    expect(await harness.getNotWholeNote()).toContain('基本支出不计入执行率');
    expect((await harness.getParts())[1]).toBe('其中：基本支出 未填写 已支出 0 万元 · —');
  });
});
