import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import type { TargetSheetResponse, UpdateTargetSheetRequest } from '@jixiao/contracts/api/target-sheet.contract';
import { DEPARTMENT_WIDE_SCHEME, NATIONAL_PROJECT_SCHEME } from '@jixiao/domain/scoring';
import { Observable, of, throwError } from 'rxjs';
import { SESSION_STORAGE_KEY } from '../../core/auth/auth-store';
import { LeaveDialog } from '../../core/unsaved/leave-dialog';
import { LeaveDialogHarness } from '../../core/unsaved/testing/leave-dialog-harness';
import { waitForHarness } from '../../shared/testing/zorro-overlays';
import { UnsavedChanges } from '../../core/unsaved/unsaved-changes';
import { TargetSheetsApi } from '../target-sheets-api';
import { EditorDrafts } from './editor-drafts';
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

/** The API as the editor uses it: what was sent, and the answers to give. */
class FakeSheetsApi {
  readonly sent: { id: string; body: UpdateTargetSheetRequest }[] = [];
  answer: (body: UpdateTargetSheetRequest) => Observable<TargetSheetResponse> = () => of(PROJECT);
  fresh: TargetSheetResponse = PROJECT;

  update(id: string, body: UpdateTargetSheetRequest): Observable<TargetSheetResponse> {
    this.sent.push({ id, body });
    return this.answer(body);
  }

  sheet(): Observable<TargetSheetResponse> {
    return of(this.fresh);
  }
}

const EDITOR_USER = { id: 'u1', username: 'hanyin.editor', displayName: '汉阴县医疗保障局本级单位填报人', role: 'unit_editor' as const, organization: null };

@Component({
  imports: [SheetEditor, LeaveDialog],
  template: `@if (open()) {
      <jx-sheet-editor [sheet]="sheet()" (saved)="saved.push($event)" (cancelled)="cancels = cancels + 1" (refreshRequested)="refreshes = refreshes + 1" />
    }
    <jx-leave-dialog />`,
})
class Host {
  readonly sheet = signal(PROJECT);
  readonly open = signal(true);
  readonly saved: TargetSheetResponse[] = [];
  refreshes = 0;
  cancels = 0;
}

describe(SheetEditor.name, () => {
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 't', user: EDITOR_USER }));
  });
  afterEach(() => localStorage.clear());

  async function setUp(sheet: TargetSheetResponse) {
    const api = new FakeSheetsApi();
    TestBed.configureTestingModule({ providers: [{ provide: TargetSheetsApi, useValue: api }] });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.sheet.set(sheet);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const editor = await loader.getHarness(SheetEditorHarness);
    const reopen = async () => {
      fixture.componentInstance.open.set(false);
      fixture.detectChanges();
      fixture.componentInstance.open.set(true);
      return loader.getHarness(SheetEditorHarness);
    };
    const leaveDialog = () => waitForHarness(TestbedHarnessEnvironment.documentRootLoader(fixture), LeaveDialogHarness);
    return { api, host: fixture.componentInstance, editor, reopen, leaveDialog, fixture };
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

  it('keeps what is typed in this browser, per user and sheet, and takes it up again when the sheet is edited next', async () => {
    const { editor, reopen } = await setUp(PROJECT);
    expect(await editor.showsUnsaved()).toBe(false);
    await (await editor.goals()).setGoal(0, '保障全县参保群众待遇按时足额兑付');
    expect(await editor.showsUnsaved()).toBe(true);
    expect(TestBed.inject(UnsavedChanges).hasUnsaved()).toBe(true);
    const kept = TestBed.inject(EditorDrafts).read('u1', 'sheet-1');
    expect(kept).toMatchObject({ rowVersion: 7, content: { goals: ['保障全县参保群众待遇按时足额兑付'] } });
    expect(TestBed.inject(EditorDrafts).read('u2', 'sheet-1')).toBeNull(); // another user's drafts are their own

    // the page goes away without saving (a reload, a closed tab) and the sheet is edited again
    const again = await reopen();
    expect(await (await again.goals()).getGoals()).toEqual(['保障全县参保群众待遇按时足额兑付']);
    expect(await again.getRestored()).toMatch(/^已恢复您于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）暂存的未保存修改/);
    expect(await again.getRestored()).not.toContain('已被保存过');
  });

  it('saves taken-up work against the version it started from, and forgets it once saved', async () => {
    const { api, editor, reopen, host } = await setUp(PROJECT);
    await (await editor.goals()).addGoal();
    await (await editor.goals()).setGoal(1, '医保政策知晓率不低于90%');
    host.sheet.set({ ...PROJECT, rowVersion: 9 }); // someone saved meanwhile
    const again = await reopen();
    expect(await again.getRestored()).toContain('这张目标表在此之后已被保存过');
    await again.save();
    expect(api.sent[0]!.body.rowVersion).toBe(7); // the server will say it is stale, and the editor will compare
    expect(api.sent[0]!.body.goals).toEqual(['保障全县参保群众医疗保障待遇', '医保政策知晓率不低于90%']);
    expect(TestBed.inject(EditorDrafts).read('u1', 'sheet-1')).toBeNull();
    expect(TestBed.inject(UnsavedChanges).hasUnsaved()).toBe(false);
  });

  it('lets the user give taken-up work up and start from the saved sheet', async () => {
    const { editor, reopen } = await setUp(PROJECT);
    await (await editor.goals()).setGoal(0, '草稿');
    const again = await reopen();
    await again.dropRestored();
    expect(await (await again.goals()).getGoals()).toEqual(['保障全县参保群众医疗保障待遇']);
    expect(await again.getRestored()).toBeNull();
    expect(TestBed.inject(EditorDrafts).read('u1', 'sheet-1')).toBeNull();
  });

  it('leaves at 取消 at once when nothing was typed', async () => {
    const { editor, host } = await setUp(PROJECT);
    await editor.cancel();
    expect(host.cancels).toBe(1);
  });

  it('asks before 取消 gives unsaved work up; 继续编辑 keeps it', async () => {
    const { editor, host, leaveDialog } = await setUp(PROJECT);
    await (await editor.goals()).setGoal(0, '改过的目标');
    await editor.cancel();
    const dialog = await leaveDialog();
    expect(await dialog.getText()).toContain('「医保重点工作经费」的修改');
    expect(await dialog.getLeaveText()).toBe('放弃修改');
    await dialog.stay();
    expect(host.cancels).toBe(0);
    expect(await (await editor.goals()).getGoals()).toEqual(['改过的目标']);
    expect(TestBed.inject(EditorDrafts).read('u1', 'sheet-1')).not.toBeNull();

    await editor.cancel();
    await (await leaveDialog()).leave();
    expect(host.cancels).toBe(1);
    expect(TestBed.inject(EditorDrafts).read('u1', 'sheet-1')).toBeNull();
    expect(TestBed.inject(UnsavedChanges).hasUnsaved()).toBe(false);
  });

  describe('when someone else saved first (409)', () => {
    const conflict = () =>
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: {
              statusCode: 409,
              code: ErrorCode.SHEET_VERSION_CONFLICT,
              message: '保存未成功：该目标表已被他人修改并保存',
              details: {
                currentRowVersion: 8,
                lastChange: { action: 'sheet.update', by: { id: 'u9', username: 'hanyin.admin', displayName: '张敏', role: 'admin' }, at: '2024-03-01T02:20:00.000Z' },
              },
            },
          }),
      );
    /** What 张敏 saved: the 2023 deadline corrected, and a goal added. */
    const FRESH: TargetSheetResponse = {
      ...PROJECT,
      rowVersion: 8,
      goals: [...PROJECT.goals, '医保基金安全平稳运行'],
      indicators: PROJECT.indicators.map((i) => (i.id === 'i2' ? { ...i, target: '2024年12月底前' } : i)),
    };

    async function conflicted() {
      const setup = await setUp(PROJECT);
      setup.api.answer = conflict;
      setup.api.fresh = FRESH;
      const table = await setup.editor.indicators();
      await table.setTarget(1, '2024年11月底前');
      await table.setTarget(4, '≥95%');
      await setup.editor.save();
      return setup;
    }

    it('names who saved and when, and shows my unsaved changes beside theirs, my text still in the editor', async () => {
      const { editor } = await conflicted();
      const panel = (await editor.conflict())!;
      expect(await panel.getHeadline()).toBe('保存未成功：张敏（系统管理员）于 2024-03-01 10:20（北京时间）修改并保存了这张目标表');
      expect(await panel.getMyChanges()).toEqual([
        expect.stringMatching(/^「工作完成时限」指标值由 2023年12月底前 改为 2024年11月底前/),
        expect.stringMatching(/^「群众对医保工作的满意度」指标值由 ≥90% 改为 ≥95%/),
      ]);
      expect(await panel.getTheirChanges()).toEqual(['新增绩效目标「医保基金安全平稳运行」', '「工作完成时限」指标值由 2023年12月底前 改为 2024年12月底前']);
      expect(await panel.getOverlaps()).toEqual([expect.stringContaining('工作完成时限')]);
      const rows = await (await editor.indicators()).getRows();
      expect(rows.map((r) => r.target)).toContain('2024年11月底前');
      expect(await editor.getSaveError()).toBeNull();
      expect(TestBed.inject(EditorDrafts).read('u1', 'sheet-1')).not.toBeNull(); // still kept
    });

    it('在最新版本上重新填写: the fresh version in the editor, my changes listed to redo, saved against the fresh rowVersion', async () => {
      const { editor, api } = await conflicted();
      await (await editor.conflict())!.rebase();
      expect(await editor.conflict()).toBeNull();
      expect(await (await editor.goals()).getGoals()).toEqual(FRESH.goals);
      expect(await editor.getReapplyList()).toEqual([expect.stringContaining('2024年11月底前'), expect.stringContaining('≥95%')]);
      await (await editor.indicators()).setTarget(4, '≥95%');
      api.answer = () => of(FRESH);
      await editor.save();
      expect(api.sent.at(-1)!.body.rowVersion).toBe(8);
      expect(api.sent.at(-1)!.body.goals).toEqual(FRESH.goals);
    });

    it('用我的内容覆盖保存: mine, sent against the fresh rowVersion', async () => {
      const { editor, api, host } = await conflicted();
      api.answer = () => of(FRESH);
      await (await editor.conflict())!.overwrite();
      const body = api.sent.at(-1)!.body;
      expect(body.rowVersion).toBe(8);
      expect(body.goals).toEqual(PROJECT.goals);
      expect(body.indicators.map((i) => i.target)).toContain('2024年11月底前');
      expect(host.saved).toHaveLength(1);
    });

    it('放弃我的修改: forgets them and asks for the fresh sheet', async () => {
      const { editor, host } = await conflicted();
      await (await editor.conflict())!.giveUp();
      expect(host.refreshes).toBe(1);
      expect(TestBed.inject(EditorDrafts).read('u1', 'sheet-1')).toBeNull();
      expect(TestBed.inject(UnsavedChanges).hasUnsaved()).toBe(false);
    });
  });

  it('says a declined re-login left the work unsaved but kept', async () => {
    const { api, editor } = await setUp(PROJECT);
    await (await editor.goals()).setGoal(0, '登录过期前写的目标');
    api.answer = () => throwError(() => new HttpErrorResponse({ status: 401, error: { statusCode: 401, code: ErrorCode.AUTH_REQUIRED, message: '请先登录' } }));
    await editor.save();
    expect(await editor.getSaveError()).toContain('登录已过期，未能保存。您的修改已暂存在本浏览器中');
    expect(TestBed.inject(EditorDrafts).read('u1', 'sheet-1')?.content.goals).toEqual(['登录过期前写的目标']);
  });
});
