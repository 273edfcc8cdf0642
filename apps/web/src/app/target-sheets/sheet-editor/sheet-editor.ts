import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import type { TargetSheetResponse, UpdateTargetSheetRequest } from '@jixiao/contracts/api/target-sheet.contract';
import { reviewSheet } from '@jixiao/domain/review';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { apiErrorCode, apiErrorMessage } from '../../core/http/api-error';
import { departmentDraft, departmentProblem, DraftBudget, DraftTask, toBudgetInput, toTaskInputs } from '../department-form';
import { ReviewFindings } from '../review-findings';
import { TargetSheetsApi } from '../target-sheets-api';
import { BudgetEditor } from './budget-editor';
import {
  DraftGoal,
  DraftIndicator,
  DraftPlanPoint,
  draftKey,
  goalDrafts,
  indicatorDrafts,
  indicatorProblem,
  planCheckpoints,
  planDrafts,
  planProblem,
  readTarget,
  toGoals,
  toIndicatorInput,
  toPlanInputs,
} from './editor-draft';
import { GoalsEditor } from './goals-editor';
import { IndicatorsEditor } from './indicators-editor';
import { PlanEditor } from './plan-editor';
import { TasksEditor } from './tasks-editor';

/**
 * 编辑目标表: holds the sheet being edited as drafts and saves it. The parts are edited by their own
 * components — goals, the indicator table, the spending plan of a project, the tasks and budget of a
 * department — and the 目标审核助手 follows the typing (the server's review rules). 保存 sends
 * everything with the rowVersion read when editing started; a 409 offers 刷新.
 */
@Component({
  selector: 'jx-sheet-editor',
  imports: [NzAlertModule, NzButtonModule, NzIconModule, BudgetEditor, GoalsEditor, IndicatorsEditor, PlanEditor, ReviewFindings, TasksEditor],
  templateUrl: './sheet-editor.html',
  styleUrl: './sheet-editor.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SheetEditor implements OnInit {
  private readonly api = inject(TargetSheetsApi);

  readonly sheet = input.required<TargetSheetResponse>();
  /** The saved sheet. */
  readonly saved = output<TargetSheetResponse>();
  readonly cancelled = output<void>();
  /** 刷新 after a conflict: reload the sheet and leave edit mode. */
  readonly refreshRequested = output<void>();

  private rowVersion = 0;
  protected readonly goals = signal<DraftGoal[]>([]);
  protected readonly indicators = signal<DraftIndicator[]>([]);
  protected readonly plan = signal<DraftPlanPoint[]>([]);
  /** 年度主要任务 and 部门预算: department-wide sheets only. */
  protected readonly tasks = signal<DraftTask[]>([]);
  protected readonly budget = signal<DraftBudget>({ total: '', basic: '', project: '' });

  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly conflict = signal<string | null>(null);

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

  ngOnInit(): void {
    const sheet = this.sheet();
    this.rowVersion = sheet.rowVersion;
    this.goals.set(goalDrafts(sheet.goals));
    this.indicators.set(indicatorDrafts(sheet.indicators));
    this.plan.set(planDrafts(sheet.spendingPlan));
    if (sheet.kind === 'department') {
      const draft = departmentDraft(sheet, draftKey);
      this.tasks.set(draft.tasks);
      this.budget.set(draft.budget);
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
    this.conflict.set(null);
    this.api.update(sheet.id, body).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.saved.emit(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const message = apiErrorMessage(error, '保存失败，请稍后重试。');
        if (apiErrorCode(error) === ErrorCode.SHEET_VERSION_CONFLICT) this.conflict.set(message);
        else this.saveError.set(message);
      },
    });
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
