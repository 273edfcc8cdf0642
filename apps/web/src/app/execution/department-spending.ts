import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, linkedSignal, output, signal } from '@angular/core';
import type { DepartmentBudgetExecutionResponse, SheetExecutionResponse } from '@jixiao/contracts/api/execution.contract';
import { departmentMoney } from '@jixiao/domain/department-budget';
import { formatMoneyRate } from '@jixiao/domain/money';
import { readTypedAmount } from '@jixiao/domain/typed-input';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { formatWanExact } from '../core/format/wan';
import { apiErrorMessage } from '../core/http/api-error';
import { UnsavedChanges } from '../core/unsaved/unsaved-changes';
import { AmountInput } from '../shared/amount-input';
import { ExecutionApi } from './execution-api';
import { SpendingChart } from './spending-chart';
import { cumulativeByMonth, MONTHS, plannedByMonth } from './spending-series';

/** A department-wide sheet's execution: the sheet's answer, with its department budget. */
export type DepartmentExecution = SheetExecutionResponse & { departmentBudget: DepartmentBudgetExecutionResponse };

/**
 * 部门支出执行 on a department-wide sheet's 执行监控 (DESIGN §2 DepartmentBudget): the department's
 * budget parts (基本支出 + 项目支出 = 总额), its basic spending month by month — recorded here by the
 * department — beside its projects' spending, and the execution rate of the whole, previewed while
 * typing with the same rule the server applies (libs/domain `departmentMoney`).
 */
@Component({
  selector: 'jx-department-spending',
  imports: [NzButtonModule, NzIconModule, AmountInput, SpendingChart],
  templateUrl: './department-spending.html',
  styleUrl: './department-spending.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentSpending {
  private readonly api = inject(ExecutionApi);
  private readonly unsaved = inject(UnsavedChanges);

  readonly data = input.required<DepartmentExecution>();
  /** The sheet's execution after a save. */
  readonly saved = output<SheetExecutionResponse>();

  protected readonly months = MONTHS;
  protected readonly formatWan = formatWanExact;
  protected readonly formatMoneyRate = formatMoneyRate;

  protected readonly budget = computed(() => this.data().departmentBudget);
  /** Basic spending as typed (元), index 0 = January; reset to what is stored whenever the sheet is (re)loaded. */
  private readonly storedInputs = computed(() => MONTHS.map((m) => this.budget().basicExpenditures.find((e) => e.month === m)?.amount ?? ''));
  protected readonly basicInputs = linkedSignal(() => this.storedInputs());
  /** Basic spending typed and not saved: leaving the page asks first. */
  readonly changed = computed(() => this.basicInputs().some((text, i) => text !== this.storedInputs()[i]));

  constructor() {
    effect(() => {
      const label = `「${this.data().department.name}」的基本支出`;
      this.unsaved.set(this, this.changed() ? { label, discard: () => this.basicInputs.set(this.storedInputs()) } : null);
    });
    inject(DestroyRef).onDestroy(() => this.unsaved.set(this, null));
  }
  protected readonly saving = signal(false);
  protected readonly message = signal<{ type: 'success' | 'error'; text: string } | null>(null);

  /** The typed months read as amounts; null where a month is not an amount. */
  private readonly basicAmounts = computed(() => this.basicInputs().map((text) => (text.trim() === '' ? '0.00' : readTypedAmount(text))));
  protected readonly projectByMonth = computed(() => new Map(this.budget().projectExpenditures.map((e) => [e.month, e.amount])));

  /** Which money counts, on the typed basic spending: the server's rule, so the preview is what will be saved. */
  protected readonly preview = computed(() => {
    const budget = this.budget();
    const basicExpenditures = this.basicAmounts().flatMap((amount, i) => (amount === null || amount === '0.00' ? [] : [{ month: i + 1, amount }]));
    return departmentMoney({
      stated: budget.stated,
      projects: [{ budget: budget.projectsBudget, expenditures: budget.projectExpenditures }],
      basicExpenditures,
    });
  });
  protected readonly rate = computed(() => formatMoneyRate(this.preview().spent, this.preview().budget));
  protected readonly cumulative = computed(() => cumulativeByMonth(this.preview().expenditures));
  protected readonly planned = computed(() => plannedByMonth([], this.preview().budget));
  protected readonly lastMonth = computed(() => Math.max(1, ...this.preview().expenditures.map((e) => e.month)));

  /** A part of the budget as the sheet states it: `342.48 万元`, or 未填写. */
  protected stated(yuan: string | null): string {
    return yuan === null ? '未填写' : `${formatWanExact(yuan)} 万元`;
  }

  protected patchMonth(index: number, text: string): void {
    this.basicInputs.update((months) => months.map((m, i) => (i === index ? text : m)));
    this.message.set(null);
  }

  protected save(): void {
    const amounts = this.basicAmounts();
    const bad = amounts.findIndex((a) => a === null);
    if (bad >= 0) {
      this.message.set({ type: 'error', text: `${bad + 1} 月的基本支出须为元金额，如 285400、285400.50 或 28.54万。` });
      return;
    }
    const expenditures = this.basicInputs().flatMap((text, i) => (text.trim() === '' ? [] : [{ month: i + 1, amount: amounts[i]! }]));
    const { department, fiscalYear } = this.data();
    this.saving.set(true);
    this.api.saveBasicExpenditures(department.id, fiscalYear, { expenditures }).subscribe({
      next: (data) => {
        this.saving.set(false);
        this.saved.emit(data);
        const basic = data.departmentBudget?.basicSpent ?? '0.00';
        this.message.set({ type: 'success', text: `已保存，全年基本支出 ${formatWanExact(basic)} 万元；部门整体执行率 ${formatMoneyRate(data.spent, data.budget)}。` });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.message.set({ type: 'error', text: apiErrorMessage(error, '保存失败，请稍后重试。') });
      },
    });
  }
}
