import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, OnInit, output, signal, untracked } from '@angular/core';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import type { TargetSheetResponse, UpdateTargetSheetRequest } from '@jixiao/contracts/api/target-sheet.contract';
import { formatBeijingTime } from '@jixiao/domain/beijing-time';
import { reviewSheet } from '@jixiao/domain/review';
import type { SheetChange, SheetSnapshot } from '@jixiao/domain/workflow/sheet-diff.types';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { AuthStore } from '../../core/auth/auth-store';
import { apiErrorCode, apiErrorMessage } from '../../core/http/api-error';
import { UnsavedChanges } from '../../core/unsaved/unsaved-changes';
import { departmentProblem, DraftBudget, DraftTask, toBudgetInput, toTaskInputs } from '../department-form';
import { ReviewFindings } from '../review-findings';
import { TargetSheetsApi } from '../target-sheets-api';
import { BudgetEditor } from './budget-editor';
import { ConflictPanel } from './conflict-panel';
import { EditorContent, contentDiffers, contentOf, fromPlain, plainContent, snapshotOfContent, snapshotOfSheet } from './editor-content';
import { DraftGoal, DraftIndicator, DraftPlanPoint, indicatorProblem, planCheckpoints, planProblem, readTarget, toGoals, toIndicatorInput, toPlanInputs } from './editor-draft';
import { EditorDrafts } from './editor-drafts';
import { GoalsEditor } from './goals-editor';
import { IndicatorsEditor } from './indicators-editor';
import { PlanEditor } from './plan-editor';
import { compareVersions, conflictHeadline, SaveConflict } from './save-conflict';
import { TasksEditor } from './tasks-editor';

/**
 * 编辑目标表: holds the sheet being edited as drafts and saves it. The parts are edited by their own
 * components — goals, the indicator table, the spending plan of a project, the tasks and budget of a
 * department — and the 目标审核助手 follows the typing (the server's review rules).
 *
 * Work is never lost: what is typed is kept in this browser per user and sheet (EditorDrafts) and taken
 * up again when the sheet is edited next (after a reload, a closed tab, an expired login); leaving it
 * unsaved asks first (UnsavedChanges); an expired login asks for the password in place and then saves
 * (the auth interceptor); a 409 names who saved and when and shows my changes beside theirs.
 */
@Component({
  selector: 'jx-sheet-editor',
  imports: [NzAlertModule, NzButtonModule, NzIconModule, BudgetEditor, ConflictPanel, GoalsEditor, IndicatorsEditor, PlanEditor, ReviewFindings, TasksEditor],
  templateUrl: './sheet-editor.html',
  styleUrl: './sheet-editor.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SheetEditor implements OnInit {
  private readonly api = inject(TargetSheetsApi);
  private readonly auth = inject(AuthStore);
  private readonly drafts = inject(EditorDrafts);
  private readonly unsaved = inject(UnsavedChanges);

  readonly sheet = input.required<TargetSheetResponse>();
  /** The saved sheet. */
  readonly saved = output<TargetSheetResponse>();
  readonly cancelled = output<void>();
  /** 放弃我的修改 after a conflict: reload the sheet and leave edit mode. */
  readonly refreshRequested = output<void>();

  /** The version the edits started from: its rowVersion (sent with 保存) and its content (what my changes are changes of). */
  private rowVersion = 0;
  private base: SheetSnapshot = { goals: [], indicators: [], spendingPlan: [] };
  private readonly loaded = signal<EditorContent | null>(null);
  private finished = false;

  protected readonly goals = signal<DraftGoal[]>([]);
  protected readonly indicators = signal<DraftIndicator[]>([]);
  protected readonly plan = signal<DraftPlanPoint[]>([]);
  /** 年度主要任务 and 部门预算: department-wide sheets only. */
  protected readonly tasks = signal<DraftTask[]>([]);
  protected readonly budget = signal<DraftBudget>({ total: '', basic: '', project: '' });

  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly conflict = signal<SaveConflict | null>(null);
  protected readonly fresh = signal<TargetSheetResponse | null>(null);
  protected readonly freshError = signal<string | null>(null);
  /** My changes to redo on the fresh version (after 在最新版本上重新填写). */
  protected readonly reapply = signal<SheetChange[]>([]);
  /** Work kept from an earlier visit, taken up when the editor opened. */
  protected readonly restored = signal<{ at: string; stale: boolean } | null>(null);

  private readonly content = computed<EditorContent>(() => ({
    goals: this.goals(),
    indicators: this.indicators(),
    plan: this.plan(),
    tasks: this.tasks(),
    budget: this.budget(),
  }));
  /** True while something typed is not saved. */
  readonly dirty = computed(() => {
    const loaded = this.loaded();
    return loaded !== null && contentDiffers(this.content(), loaded);
  });

  /** 目标审核助手 on the drafts: the same rules as the server, the budget being typed included. */
  protected readonly findings = computed(() => {
    const sheet = this.sheet();
    return reviewSheet({
      fiscalYear: sheet.fiscalYear,
      kind: sheet.kind,
      // a department's costs are capped by the budget being typed
      budgetTotal: sheet.project?.amount.total ?? (sheet.kind === 'department' ? toBudgetInput(this.budget()).total : null),
      indicators: this.indicators().map((row) => ({
        level1: row.level1,
        level2: row.level2 || null,
        name: row.name,
        target: row.target,
        spec: readTarget(row, sheet.fiscalYear).spec,
        weight: row.weight,
      })),
      spendingPlan: planCheckpoints(this.plan()),
    }, { scheme: sheet.scheme.definition }); // the region's 评分方案 for this kind of sheet, as the server reviews it
  });

  constructor() {
    // keep every change in this browser, and say there is unsaved work while there is
    effect(() => {
      const content = this.content();
      const dirty = this.dirty();
      untracked(() => this.keep(content, dirty));
    });
    inject(DestroyRef).onDestroy(() => this.unsaved.set(this, null));
  }

  ngOnInit(): void {
    const sheet = this.sheet();
    this.startFrom(sheet);
    const user = this.auth.user();
    const kept = user === null ? null : this.drafts.read(user.id, sheet.id);
    if (kept !== null) {
      this.rowVersion = kept.rowVersion;
      this.base = kept.base;
      this.show(fromPlain(kept.content));
      this.restored.set({ at: formatBeijingTime(kept.keptAt) ?? kept.keptAt, stale: kept.rowVersion !== sheet.rowVersion });
    }
  }

  protected save(): void {
    const problem = this.firstProblem();
    if (problem !== null) {
      this.saveError.set(problem);
      return;
    }
    const sheet = this.sheet();
    const body: UpdateTargetSheetRequest = {
      rowVersion: this.rowVersion,
      goals: toGoals(this.goals()),
      indicators: this.indicators().map(toIndicatorInput),
      spendingPlan: toPlanInputs(this.plan()),
    };
    if (sheet.kind === 'department') {
      body.tasks = toTaskInputs(this.tasks());
      body.budget = toBudgetInput(this.budget());
    }
    this.saving.set(true);
    this.saveError.set(null);
    this.api.update(sheet.id, body).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.conflict.set(null);
        this.finish();
        this.saved.emit(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (apiErrorCode(error) === ErrorCode.SHEET_VERSION_CONFLICT) this.onConflict(error);
        else if (error instanceof HttpErrorResponse && error.status === 401) this.saveError.set('登录已过期，未能保存。您的修改已暂存在本浏览器中，重新登录后打开这张目标表即可恢复并保存。');
        else this.saveError.set(apiErrorMessage(error, '保存失败，请稍后重试。'));
      },
    });
  }

  /** 取消: unsaved work is given up only when the user says so. */
  protected cancel(): void {
    if (!this.dirty()) {
      this.finish();
      this.cancelled.emit();
      return;
    }
    void this.unsaved.confirmLeave(this, '放弃修改').then((leave) => {
      if (leave) this.cancelled.emit();
    });
  }

  /** 放弃这些修改 of the kept work: back to the sheet as saved. */
  protected dropRestored(): void {
    this.restored.set(null);
    this.startFrom(this.sheet());
    this.forget();
  }

  /** 在最新版本上重新填写: the fresh version in the editor, my changes listed above it to redo. */
  protected rebase(): void {
    const fresh = this.fresh();
    const conflict = this.conflict();
    if (fresh === null || conflict === null) return;
    this.reapply.set(conflict.mine);
    this.conflict.set(null);
    this.restored.set(null);
    this.startFrom(fresh);
  }

  /** 用我的内容覆盖保存: mine, sent against the fresh version. */
  protected overwrite(): void {
    const fresh = this.fresh();
    if (fresh === null) return;
    this.rowVersion = fresh.rowVersion;
    this.base = snapshotOfSheet(fresh);
    this.conflict.set(null);
    this.save();
  }

  /** 放弃我的修改: forget them and show the fresh version. */
  protected giveUp(): void {
    this.finish();
    this.refreshRequested.emit();
  }

  private onConflict(error: unknown): void {
    const sheet = this.sheet();
    const headline = conflictHeadline(error instanceof HttpErrorResponse ? (error.error as { details?: unknown } | null)?.details : null);
    const mine = snapshotOfContent(this.content(), sheet.kind);
    this.fresh.set(null);
    this.freshError.set(null);
    this.conflict.set(compareVersions(headline, this.base, mine, null));
    this.api.sheet(sheet.id).subscribe({
      next: (fresh) => {
        this.fresh.set(fresh);
        this.conflict.set(compareVersions(headline, this.base, mine, snapshotOfSheet(fresh)));
      },
      error: (e: unknown) => this.freshError.set(apiErrorMessage(e, '未能读取最新版本，请稍后重试。')),
    });
  }

  /** Edits start from this version of the sheet. */
  private startFrom(sheet: TargetSheetResponse): void {
    this.rowVersion = sheet.rowVersion;
    this.base = snapshotOfSheet(sheet);
    const content = contentOf(sheet);
    this.loaded.set(content);
    this.show(content);
  }

  private show(content: EditorContent): void {
    this.goals.set(content.goals);
    this.indicators.set(content.indicators);
    this.plan.set(content.plan);
    this.tasks.set(content.tasks);
    this.budget.set(content.budget);
  }

  private keep(content: EditorContent, dirty: boolean): void {
    const user = this.auth.user();
    if (this.loaded() === null || this.finished || user === null) return;
    const sheet = this.sheet();
    if (!dirty) {
      this.drafts.remove(user.id, sheet.id);
      this.unsaved.set(this, null);
      return;
    }
    this.drafts.keep({ userId: user.id, sheetId: sheet.id, rowVersion: this.rowVersion, base: this.base, content: plainContent(content) });
    const name = sheet.project?.name ?? `${sheet.department.name}部门整体绩效目标`;
    this.unsaved.set(this, { label: `「${name}」的修改`, discard: () => this.finish() });
  }

  /** Saved or given up for good: nothing kept any more, nothing to ask about. */
  private finish(): void {
    this.forget();
    this.finished = true;
  }

  /** Nothing kept, nothing to ask about (until the next change). */
  private forget(): void {
    const user = this.auth.user();
    if (user !== null) this.drafts.remove(user.id, this.sheet().id);
    this.unsaved.set(this, null);
  }

  /** What must be fixed before the sheet can be saved, in Chinese; null when nothing. */
  private firstProblem(): string | null {
    return (
      indicatorProblem(this.indicators()) ??
      planProblem(this.plan()) ??
      (this.sheet().kind === 'department' ? departmentProblem(this.tasks(), this.budget()) : null)
    );
  }
}
