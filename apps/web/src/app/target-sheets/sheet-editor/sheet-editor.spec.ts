import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import type { TargetSheetResponse, UpdateTargetSheetRequest } from '@jixiao/contracts/api/target-sheet.contract';
import { DEPARTMENT_WIDE_SCHEME, NATIONAL_PROJECT_SCHEME } from '@jixiao/domain/scoring';
import { Observable, of, throwError } from 'rxjs';
import { TargetSheetsApi } from '../target-sheets-api';
import { SheetEditor } from './sheet-editor';
import { SheetEditorHarness } from './testing/sheet-editor-harness';

const org = (name: string) => ({ id: name, code: null, name, kind: 'department' as const });

const indicator = (order: number, level1: string, level2: string | null, name: string, target: string) => ({
  id: `i${order}`,
  order,
  level1,
  level2,
  name,
  description: null,
  target,
  spec: { kind: 'qualitative' as const, text: '' },
  specWarnings: [],
  specCorrected: false,
  basis: null,
  remark: null,
  weight: null,
});

/** 医保重点工作经费 of 汉阴县 (2024), shortened: 41 万元, a plan to March. */
const PROJECT: TargetSheetResponse = {
  id: 'sheet-1',
  kind: 'project',
  fiscalYear: 2024,
  status: 'draft',
  version: 1,
  rowVersion: 7,
  department: org('汉阴县医疗保障局'),
  project: { id: 'p1', code: null, name: '医保重点工作经费', category: null, purpose: null, unit: null, amount: { total: '410000.00', fiscal: null, other: null } },
  goals: ['保障全县参保群众医疗保障待遇'],
  tasks: [],
  budget: null,
  indicators: [
    indicator(1, '产出指标', '数量指标', '服务全县参保群众人数', '>27万人'),
    indicator(2, '产出指标', '时效指标', '工作完成时限', '2023年12月底前'),
    indicator(3, '产出指标', '成本指标', '预算控制数', '≤41万元'),
    indicator(4, '效益指标', '社会效益指标', '医保重要政策知晓率', '≥90%'),
    indicator(5, '满意度指标', '服务对象满意度指标', '群众对医保工作的满意度', '≥90%'),
  ],
  spendingPlan: [{ month: 3, cumulativeAmount: '100000.00' }],
  findings: [],
  scheme: { id: null, version: null, definition: NATIONAL_PROJECT_SCHEME },
  acknowledgements: [],
};

const DEPARTMENT: TargetSheetResponse = {
  ...PROJECT,
  id: 'sheet-2',
  kind: 'department',
  project: null,
  tasks: [{ name: '人员经费', content: '发放在职人员工资', amount: '3298800.00' }],
  budget: { total: '19966200.00', basic: '3424800.00', project: '16541400.00' },
  spendingPlan: [],
};

/** The API as the editor uses it: what was sent, and the answer to give. */
class FakeSheetsApi {
  readonly sent: { id: string; body: UpdateTargetSheetRequest }[] = [];
  answer: (body: UpdateTargetSheetRequest) => Observable<TargetSheetResponse> = () => of(PROJECT);

  update(id: string, body: UpdateTargetSheetRequest): Observable<TargetSheetResponse> {
    this.sent.push({ id, body });
    return this.answer(body);
  }
}

@Component({
  imports: [SheetEditor],
  template: `<jx-sheet-editor [sheet]="sheet()" (saved)="saved.push($event)" (refreshRequested)="refreshes = refreshes + 1" />`,
})
class Host {
  readonly sheet = signal(PROJECT);
  readonly saved: TargetSheetResponse[] = [];
  refreshes = 0;
}

describe(SheetEditor.name, () => {
  async function setUp(sheet: TargetSheetResponse) {
    const api = new FakeSheetsApi();
    TestBed.configureTestingModule({ providers: [{ provide: TargetSheetsApi, useValue: api }] });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.sheet.set(sheet);
    const editor = await TestbedHarnessEnvironment.loader(fixture).getHarness(SheetEditorHarness);
    return { api, host: fixture.componentInstance, editor };
  }

  it('edits a project sheet in its parts: goals, indicators, the plan (no tasks, no budget)', async () => {
    const { editor } = await setUp(PROJECT);
    expect(await (await editor.goals()).getGoals()).toEqual(['保障全县参保群众医疗保障待遇']);
    expect((await (await editor.indicators()).getRows()).length).toBe(5);
    expect(await (await editor.plan())!.getRows()).toEqual([{ month: '3月底', amount: '100000.00', hint: '合 10 万元' }]);
    expect(await editor.tasks()).toBeNull();
    expect(await editor.budget()).toBeNull();
  });

  it('reviews the drafts as they are typed (目标审核助手)', async () => {
    const { editor } = await setUp(PROJECT);
    const before = await editor.getFindings();
    expect(before.some((f) => f.includes('2023'))).toBe(true);
    await (await editor.indicators()).setTarget(1, '2024年12月底前');
    const after = await editor.getFindings();
    expect(after.some((f) => f.includes('2023'))).toBe(false);
    expect(after.length).toBe(before.length - 1);
  });

  it('checks the first levels against the region’s 评分方案 sent with the sheet: 投入管理指标 is an error under the national one', async () => {
    const withInput = { ...DEPARTMENT, indicators: [...DEPARTMENT.indicators, indicator(6, '投入管理指标', '预算管理', '预算执行率', '≥95%')] };
    const { editor } = await setUp(withInput);
    const findings = await editor.getFindings();
    expect(findings.filter((f) => f.includes('一级指标“投入管理指标”（1 项）不属于评分方案「项目支出绩效自评（财预〔2020〕10号）」'))).toHaveLength(1);
  });

  it('… and fine where the region scores department sheets with an 投入管理 group', async () => {
    const withInput = {
      ...DEPARTMENT,
      indicators: [...DEPARTMENT.indicators, indicator(6, '投入管理指标', '预算管理', '预算执行率', '≥95%')],
      scheme: { id: 's1', version: 1, definition: DEPARTMENT_WIDE_SCHEME },
    };
    const { editor } = await setUp(withInput);
    const findings = await editor.getFindings();
    expect(findings.some((f) => f.includes('不属于评分方案'))).toBe(false);
    expect(findings.some((f) => f.includes('投入管理指标'))).toBe(false);
  });

  it('saves everything in the API’s form: trimmed goals, a corrected spec, the plan in 元', async () => {
    const { api, editor, host } = await setUp(PROJECT);
    await (await editor.goals()).addGoal();
    await (await editor.goals()).setGoal(1, '  医保政策知晓率不低于90%  ');
    const table = await editor.indicators();
    const form = await table.openCorrection(0);
    await form.setField('数值', '27');
    await form.apply();
    const plan = (await editor.plan())!;
    await plan.addMonth();
    await plan.setMonth(1, '6月底');
    await plan.setAmount(1, '20万');
    await editor.save();

    expect(api.sent).toHaveLength(1);
    const { id, body } = api.sent[0]!;
    expect(id).toBe('sheet-1');
    expect(body.rowVersion).toBe(7);
    expect(body.goals).toEqual(['保障全县参保群众医疗保障待遇', '医保政策知晓率不低于90%']);
    expect(body.indicators[0]).toEqual({
      id: 'i1', level1: '产出指标', level2: '数量指标', name: '服务全县参保群众人数', target: '>27万人',
      description: null, basis: null, remark: null, weight: null,
      spec: { kind: 'numeric', op: '>', value: 27, unit: '万人' },
    });
    expect(body.indicators[1]).not.toHaveProperty('spec');
    expect(body.spendingPlan).toEqual([
      { month: 3, cumulativeAmount: '100000.00' },
      { month: 6, cumulativeAmount: '200000.00' },
    ]);
    expect(body).not.toHaveProperty('tasks');
    expect(host.saved).toEqual([PROJECT]);
  });

  it('refuses to save a plan whose cumulative amount falls, and says why', async () => {
    const { api, editor } = await setUp(PROJECT);
    const plan = (await editor.plan())!;
    await plan.addMonth();
    await plan.setMonth(1, '6月底');
    await plan.setAmount(1, '50000');
    await editor.save();
    expect(api.sent).toEqual([]);
    expect(await editor.getSaveError()).toContain('从 3 月的 10.00 万元 减少到 6 月的 5.00 万元');
  });

  it('refuses a row without a name', async () => {
    const { api, editor } = await setUp(PROJECT);
    await (await editor.indicators()).addInGroup('产出指标', '数量指标');
    await editor.save();
    expect(api.sent).toEqual([]);
    expect(await editor.getSaveError()).toContain('第 2 行指标未填写三级指标名称');
  });

  it('edits a department sheet’s tasks and budget; saves them in 元 once the budget adds up', async () => {
    const { api, editor } = await setUp(DEPARTMENT);
    expect(await editor.plan()).toBeNull();
    const tasks = (await editor.tasks())!;
    await tasks.setAmount(0, '330万');
    const budget = (await editor.budget())!;
    await budget.set('project', '1700万');
    await editor.save();
    expect(api.sent).toEqual([]);
    expect(await editor.getSaveError()).toContain('请核对部门预算');

    await budget.set('total', '2042.48万');
    await editor.save();
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]!.body.tasks).toEqual([{ name: '人员经费', content: '发放在职人员工资', amount: '3300000.00' }]);
    expect(api.sent[0]!.body.budget).toEqual({ total: '20424800.00', basic: '3424800.00', project: '17000000.00' });
  });

  it('offers 刷新 when someone else saved first (409)', async () => {
    const { api, editor, host } = await setUp(PROJECT);
    api.answer = () =>
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { statusCode: 409, code: ErrorCode.SHEET_VERSION_CONFLICT, message: '目标表已被他人修改，请刷新后重新编辑。' },
          }),
      );
    await editor.save();
    expect(await editor.getConflict()).toContain('目标表已被他人修改，请刷新后重新编辑。');
    expect(await editor.getSaveError()).toBeNull();
    await editor.refresh();
    expect(host.refreshes).toBe(1);
  });
});
