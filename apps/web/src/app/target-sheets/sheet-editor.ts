import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { FormsModule } from '@angular/forms';
import { SwapOutline } from '@ant-design/icons-angular/icons';
import type { IndicatorInput, TargetSheetResponse, UpdateTargetSheetRequest } from '@jixiao/contracts/api/target-sheet.contract';
import { daysInMonth } from '@jixiao/domain/calendar';
import { formatTargetSpec } from '@jixiao/domain/format-target-spec';
import { parseTarget } from '@jixiao/domain/parse-target';
import { reviewSheet } from '@jixiao/domain/review';
import type { ParseWarning, TargetSpec } from '@jixiao/domain/target-spec';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCascaderModule, NzCascaderOption } from 'ng-zorro-antd/cascader';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopoverModule } from 'ng-zorro-antd/popover';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { apiErrorCode, apiErrorMessage } from '../core/http/api-error';
import { formatWan } from '../core/format/wan';
import { readTypedAmount } from '@jixiao/domain/typed-input';
import { BUDGET_LABELS, departmentDraft, departmentProblem, DraftBudget, DraftTask, taskTotalWan, toBudgetInput, toTaskInputs, yuanHint } from './department-form';
import { groupRows, groupSpans, insertInGroup, moveToGroup } from './indicator-groups';
import { PlanChart, PlanChartPoint } from './plan-chart';
import { ReviewFindings } from './review-findings';
import { SPEC_KINDS, SPEC_OPS, SpecForm, specFromForm, specToForm } from './spec-form';
import { TargetSheetsApi } from './target-sheets-api';

/** One indicator row being edited. `key` only tells rows apart on screen. */
interface DraftIndicator {
  key: number;
  id?: string;
  level1: string;
  level2: string;
  name: string;
  target: string;
  description: string | null;
  basis: string | null;
  remark: string | null;
  weight: string | null;
  /** A user-corrected spec and the target text it was made for: kept while that text is unchanged. */
  loadedTarget: string;
  correctedSpec: TargetSpec | null;
}

interface DraftPlanPoint {
  key: number;
  month: number | null;
  amount: string; // 元 as typed
}

/** The usual 一级/二级指标 of the national templates; values already in the sheet are offered too. */
const LEVEL2_BY_LEVEL1: Readonly<Record<string, readonly string[]>> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
};

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);

/** The cascader's value for 'no 二级指标' (an empty string would read as no choice). */
const NO_LEVEL2 = '__none__';

/**
 * 编辑目标表: goals, the indicator rows (grouped by 一级/二级指标 as the national table is), the
 * spending plan of a project, or the tasks and budget of a department, as a draft; the parsed 指标值
 * and the 目标审核助手 follow the typing (the same pure rules as the server). 保存 sends everything
 * with the rowVersion read when editing started. The rules live in plain functions (spec-form,
 * indicator-groups, department-form); this component only wires them to the form.
 */
@Component({
  selector: 'jx-sheet-editor',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCascaderModule,
    NzIconModule,
    NzInputModule,
    NzPopoverModule,
    NzRadioModule,
    NzSelectModule,
    NzTableModule,
    NzTooltipModule,
    PlanChart,
    ReviewFindings,
  ],
  templateUrl: './sheet-editor.html',
  styleUrls: ['./sheet-detail.css', './sheet-editor.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNzIconsPatch([SwapOutline])],
})
export class SheetEditor implements OnInit {
  private readonly api = inject(TargetSheetsApi);

  readonly sheet = input.required<TargetSheetResponse>();
  /** The saved sheet. */
  readonly saved = output<TargetSheetResponse>();
  readonly cancelled = output<void>();
  /** 刷新 after a conflict: reload the sheet and leave edit mode. */
  readonly refreshRequested = output<void>();

  protected readonly months = MONTHS;
  protected readonly ops = SPEC_OPS;
  protected readonly specKinds = SPEC_KINDS;
  protected readonly budgetLabels = BUDGET_LABELS;
  private nextKey = 1;
  private rowVersion = 0;

  protected readonly goals = signal<{ key: number; text: string }[]>([]);
  protected readonly indicators = signal<DraftIndicator[]>([]);
  protected readonly plan = signal<DraftPlanPoint[]>([]);
  /** 年度主要任务 and 部门预算: department-wide sheets only. */
  protected readonly tasks = signal<DraftTask[]>([]);
  protected readonly budget = signal<DraftBudget>({ total: '', basic: '', project: '' });
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly conflict = signal<string | null>(null);

  /** 更正解析结果: the row whose spec is being corrected, the form in the popover and what it reads as. */
  protected readonly correctingKey = signal<number | null>(null);
  protected readonly correctForm = signal<SpecForm>(specToForm(null, ''));
  protected readonly correctResult = computed(() => specFromForm(this.correctForm(), this.sheet().fiscalYear));
  protected readonly deadlineDays = computed(() => DAYS.slice(0, daysInMonth(this.correctForm().month, this.sheet().fiscalYear)));
  protected readonly days = DAYS;

  /** Spans of the merged 一级/二级 cells over the (always grouped) rows. */
  protected readonly spans = computed(() => groupSpans(this.indicators()));

  /**
   * 移至 / 新增指标: every 一级指标 with its 二级指标, for the group cascaders. Unchanged while only
   * names and targets are typed, so the cascaders of the rows are not rebuilt on every keystroke.
   */
  protected readonly groupOptions = computed<NzCascaderOption[]>(
    () =>
      this.level1Options().map((level1) => ({
        value: level1,
        label: level1,
        children: [
          ...this.level2OptionsOf(level1).map((level2) => ({ value: level2, label: level2, isLeaf: true })),
          { value: NO_LEVEL2, label: '（无二级指标）', isLeaf: true },
        ],
      })),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  protected readonly level1Options = computed(
    () => {
      const used = this.indicators().map((i) => i.level1.trim()).filter((v) => v !== '');
      return unique([...Object.keys(LEVEL2_BY_LEVEL1), ...used]);
    },
    { equal: (a, b) => a.join('\n') === b.join('\n') },
  );

  /** Each row's target parsed as the server will (a kept correction wins while the text is unchanged). */
  protected readonly parsed = computed<{ spec: TargetSpec; text: string; warnings: ParseWarning[] }[]>(() => {
    const fiscalYear = this.sheet().fiscalYear;
    return this.indicators().map((row) => {
      if (row.correctedSpec !== null && row.target === row.loadedTarget) {
        return { spec: row.correctedSpec, text: formatTargetSpec(row.correctedSpec), warnings: [] };
      }
      const result = parseTarget(row.target, { level1: row.level1, level2: row.level2 || null, name: row.name, fiscalYear });
      return { spec: result.spec, text: formatTargetSpec(result.spec), warnings: result.warnings };
    });
  });

  protected readonly findings = computed(() => {
    const sheet = this.sheet();
    const parsed = this.parsed();
    return reviewSheet({
      fiscalYear: sheet.fiscalYear,
      kind: sheet.kind,
      // a department's costs are capped by the budget being typed
      budgetTotal: sheet.project?.amount.total ?? (sheet.kind === 'department' ? toBudgetInput(this.budget()).total : null),
      indicators: this.indicators().map((row, index) => ({
        level1: row.level1,
        level2: row.level2 || null,
        name: row.name,
        target: row.target,
        spec: parsed[index].spec,
        weight: row.weight,
      })),
      spendingPlan: this.plan()
        .filter((p) => p.month !== null)
        .map((p) => ({ month: p.month ?? 0, cumulativeAmount: readTypedAmount(p.amount) ?? p.amount.trim() })),
    });
  });

  /** The rows with a month and an amount, for the live chart. */
  protected readonly chartPoints = computed<PlanChartPoint[]>(() =>
    this.plan().flatMap((p) => {
      const yuan = readTypedAmount(p.amount);
      return p.month === null || yuan === null ? [] : [{ month: p.month, cumulativeAmount: yuan }];
    }),
  );

  /** Each plan row's amount in 万元, or a hint when it is not an amount. */
  protected readonly planHints = computed(() =>
    this.plan().map((p) => {
      if (p.amount.trim() === '') return '';
      const yuan = readTypedAmount(p.amount);
      return yuan === null ? '请填写金额，如 1200000 或 1200000.50' : `合 ${formatWan(yuan)} 万元`;
    }),
  );

  /** Each task's amount in 万元, or a hint when it is not an amount. */
  protected readonly taskHints = computed(() => this.tasks().map((t) => yuanHint(t.amount)));
  protected readonly taskTotal = computed(() => taskTotalWan(this.tasks()));
  protected readonly budgetHints = computed(() => {
    const b = this.budget();
    return { total: yuanHint(b.total), basic: yuanHint(b.basic), project: yuanHint(b.project) };
  });
  /** The budget's own problem (an amount not in 元, parts not adding up), shown live under the inputs. */
  protected readonly budgetProblem = computed(() => departmentProblem([], this.budget()));

  ngOnInit(): void {
    const sheet = this.sheet();
    this.rowVersion = sheet.rowVersion;
    this.goals.set(sheet.goals.map((text) => ({ key: this.key(), text })));
    if (sheet.kind === 'department') {
      const draft = departmentDraft(sheet, () => this.key());
      this.tasks.set(draft.tasks);
      this.budget.set(draft.budget);
    }
    this.indicators.set(groupRows(
      [...sheet.indicators]
        .sort((a, b) => a.order - b.order)
        .map((i) => ({
          key: this.key(),
          id: i.id,
          level1: i.level1,
          level2: i.level2 ?? '',
          name: i.name,
          target: i.target,
          description: i.description,
          basis: i.basis,
          remark: i.remark,
          weight: i.weight,
          loadedTarget: i.target,
          correctedSpec: i.specCorrected ? i.spec : null,
        })),
    ));
    this.plan.set(
      [...sheet.spendingPlan]
        .sort((a, b) => a.month - b.month)
        .map((p) => ({ key: this.key(), month: p.month, amount: p.cumulativeAmount })),
    );
  }

  protected level2OptionsOf(level1: string): string[] {
    const used = this.indicators()
      .filter((i) => i.level1 === level1)
      .map((i) => i.level2.trim())
      .filter((v) => v !== '');
    return unique([...(LEVEL2_BY_LEVEL1[level1] ?? []), ...used]);
  }

  protected patchIndicator(key: number, patch: Partial<DraftIndicator>): void {
    this.indicators.update((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  /** The merged 一级指标 cell: the whole group takes the new 一级指标 (joining that group if it exists). */
  protected renameLevel1(from: string, to: string | null): void {
    if (to === null || to === from) return;
    this.indicators.update((rows) => moveToGroup(rows, (row) => row.level1 === from, { level1: to }));
  }

  /** The merged 二级指标 cell: the rows of that 一级/二级 group take the new 二级指标. */
  protected renameLevel2(level1: string, from: string, to: string | null): void {
    this.indicators.update((rows) => moveToGroup(rows, (row) => row.level1 === level1 && row.level2 === from, { level2: to ?? '' }));
  }

  /** 移至: one row moves to the end of the group picked in its cascader. */
  protected moveIndicator(key: number, picked: NzCascaderOption[]): void {
    const group = this.groupOf(picked);
    if (group === null) return;
    this.indicators.update((rows) => moveToGroup(rows, (row) => row.key === key, group));
  }

  /** 在此组新增 / 新增指标: an empty row at the end of the given group. */
  protected addIndicator(level1: string, level2: string): void {
    const key = this.key();
    this.indicators.update((rows) =>
      insertInGroup(rows, {
        key,
        level1,
        level2,
        name: '',
        target: '',
        description: null,
        basis: null,
        remark: null,
        weight: null,
        loadedTarget: '',
        correctedSpec: null,
      }),
    );
  }

  /** 新增指标 below the table: the group is picked in the cascader first. */
  protected addIndicatorIn(picked: NzCascaderOption[]): void {
    const group = this.groupOf(picked);
    if (group !== null) this.addIndicator(group.level1, group.level2);
  }

  /** The 一级/二级指标 picked in a group cascader (一级, then 二级 or 'none'); null when cleared. */
  private groupOf(picked: NzCascaderOption[]): { level1: string; level2: string } | null {
    const [level1, level2] = picked.map((option) => String(option.value));
    if (level1 === undefined || level2 === undefined) return null;
    return { level1, level2: level2 === NO_LEVEL2 ? '' : level2 };
  }

  protected removeIndicator(key: number): void {
    this.indicators.update((rows) => rows.filter((row) => row.key !== key));
  }

  /** Opens (or closes) the 更正 popover of a row, filled from the row's current spec. */
  protected toggleCorrection(key: number, index: number, visible: boolean): void {
    if (!visible) {
      if (this.correctingKey() === key) this.correctingKey.set(null);
      return;
    }
    const row = this.indicators()[index];
    this.correctForm.set(specToForm(this.parsed()[index]?.spec ?? null, row?.target ?? '', this.sheet().fiscalYear));
    this.correctingKey.set(key);
  }

  protected patchCorrection(patch: Partial<SpecForm>): void {
    this.correctForm.update((form) => ({ ...form, ...patch }));
  }

  /** Keeps the corrected spec for the row's current target text (sent as `spec`). */
  protected applyCorrection(key: number): void {
    const spec = this.correctResult().spec;
    if (spec === null) return;
    const row = this.indicators().find((r) => r.key === key);
    if (row !== undefined) this.patchIndicator(key, { correctedSpec: spec, loadedTarget: row.target });
    this.correctingKey.set(null);
  }

  /** 恢复自动解析: drop the correction. */
  protected clearCorrection(key: number): void {
    this.patchIndicator(key, { correctedSpec: null });
    this.correctingKey.set(null);
  }

  protected patchGoal(key: number, text: string): void {
    this.goals.update((goals) => goals.map((g) => (g.key === key ? { ...g, text } : g)));
  }

  protected addGoal(): void {
    this.goals.update((goals) => [...goals, { key: this.key(), text: '' }]);
  }

  protected removeGoal(key: number): void {
    this.goals.update((goals) => goals.filter((g) => g.key !== key));
  }

  protected patchPlan(key: number, patch: Partial<DraftPlanPoint>): void {
    this.plan.update((points) => points.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  }

  protected addPlanPoint(): void {
    const used = new Set(this.plan().map((p) => p.month));
    const month = MONTHS.find((m) => !used.has(m)) ?? null;
    this.plan.update((points) => [...points, { key: this.key(), month, amount: '' }]);
  }

  protected removePlanPoint(key: number): void {
    this.plan.update((points) => points.filter((p) => p.key !== key));
  }

  protected patchTask(key: number, patch: Partial<DraftTask>): void {
    this.tasks.update((tasks) => tasks.map((t) => (t.key === key ? { ...t, ...patch } : t)));
  }

  protected addTask(): void {
    this.tasks.update((tasks) => [...tasks, { key: this.key(), name: '', content: '', amount: '' }]);
  }

  protected removeTask(key: number): void {
    this.tasks.update((tasks) => tasks.filter((t) => t.key !== key));
  }

  protected patchBudget(patch: Partial<DraftBudget>): void {
    this.budget.update((budget) => ({ ...budget, ...patch }));
  }

  protected save(): void {
    const problem = this.firstProblem();
    if (problem !== null) {
      this.saveError.set(problem);
      return;
    }
    const body: UpdateTargetSheetRequest = {
      rowVersion: this.rowVersion,
      goals: this.goals()
        .map((g) => g.text.trim())
        .filter((text) => text !== ''),
      indicators: this.indicators().map((row) => this.toInput(row)),
      spendingPlan: this.plan()
        .map((p) => ({ month: p.month ?? 0, cumulativeAmount: readTypedAmount(p.amount) ?? '' }))
        .sort((a, b) => a.month - b.month),
    };
    if (this.sheet().kind === 'department') {
      body.tasks = toTaskInputs(this.tasks());
      body.budget = toBudgetInput(this.budget());
    }
    this.saving.set(true);
    this.saveError.set(null);
    this.conflict.set(null);
    this.api.update(this.sheet().id, body).subscribe({
      next: (sheet) => {
        this.saving.set(false);
        this.saved.emit(sheet);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const message = apiErrorMessage(error, '保存失败，请稍后重试。');
        if (apiErrorCode(error) === ErrorCode.SHEET_VERSION_CONFLICT) this.conflict.set(message);
        else this.saveError.set(message);
      },
    });
  }

  private toInput(row: DraftIndicator): IndicatorInput {
    const input: IndicatorInput = {
      level1: row.level1.trim(),
      level2: row.level2.trim() === '' ? null : row.level2.trim(),
      name: row.name.trim(),
      target: row.target.trim(),
      description: row.description,
      basis: row.basis,
      remark: row.remark,
      weight: row.weight,
    };
    if (row.id !== undefined) input.id = row.id;
    if (row.correctedSpec !== null && row.target === row.loadedTarget) input.spec = row.correctedSpec;
    return input;
  }

  /** What must be fixed before the sheet can be saved, in Chinese; null when nothing. */
  private firstProblem(): string | null {
    const rows = this.indicators();
    for (const [index, row] of rows.entries()) {
      if (row.level1.trim() === '') return `第 ${index + 1} 行指标未选择一级指标。`;
      if (row.name.trim() === '') return `第 ${index + 1} 行指标未填写三级指标名称。`;
    }
    const months = new Set<number>();
    for (const [index, point] of this.plan().entries()) {
      if (point.month === null) return `资金支出计划第 ${index + 1} 行未选择月份。`;
      if (months.has(point.month)) return `资金支出计划中 ${point.month} 月重复，请合并为一行。`;
      months.add(point.month);
      if (readTypedAmount(point.amount) === null) return `资金支出计划 ${point.month} 月的累计金额须为元金额，如 1200000 或 1200000.50。`;
    }
    return this.sheet().kind === 'department' ? departmentProblem(this.tasks(), this.budget()) : null;
  }

  private key(): number {
    return this.nextKey++;
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
