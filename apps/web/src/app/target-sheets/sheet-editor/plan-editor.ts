import { ChangeDetectionStrategy, Component, computed, input, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { splitEvenlyCumulative, type Money } from '@jixiao/domain/money';
import { readTypedAmount } from '@jixiao/domain/typed-input';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { AmountInput } from '../../shared/amount-input';
import { PlanChart, PlanChartPoint } from '../plan-chart';
import { DraftPlanPoint, draftKey, planLiveProblem } from './editor-draft';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** The quarter ends (季末) the one-step fill plans. */
const QUARTER_ENDS = [3, 6, 9, 12];

/**
 * 资金支出计划 being edited: the cumulative planned spending (元) by the end of chosen months, drawn
 * live as a line against the 资金总额. A cumulative amount that falls is refused (said here, and 保存
 * is refused with the same sentence). 按季度均分 fills 3/6/9/12月 in one step: the 资金总额 split
 * evenly, cumulative, to the cent (libs/domain's splitEvenlyCumulative), with 撤销.
 */
@Component({
  selector: 'jx-plan-editor',
  imports: [FormsModule, NzButtonModule, NzIconModule, NzSelectModule, AmountInput, PlanChart],
  templateUrl: './plan-editor.html',
  styles: `
    .month-select { width: 120px; }
    .plan-amount { width: 200px; }
    .plan-chart { display: block; margin-top: 12px; }
    .plan-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
    .fill-note { font-size: 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanEditor {
  readonly plan = model.required<DraftPlanPoint[]>();
  /** 资金总额 in 元 (the chart's reference line); null when unknown. */
  readonly total = input<Money | null>(null);

  protected readonly months = MONTHS;

  /** The rows with a month and an amount, for the live chart. */
  protected readonly chartPoints = computed<PlanChartPoint[]>(() =>
    this.plan().flatMap((p) => {
      const yuan = readTypedAmount(p.amount);
      return p.month === null || yuan === null ? [] : [{ month: p.month, cumulativeAmount: yuan }];
    }),
  );
  protected readonly problem = computed(() => planLiveProblem(this.plan()));
  /** The plan as it was before the last 按季度均分 (for 撤销); null when there is nothing to undo. */
  protected readonly beforeFill = signal<DraftPlanPoint[] | null>(null);

  /** 按季度均分: 3/6/9/12月 at a quarter, half, three quarters and all of the 资金总额 (replacing the plan). */
  protected fillQuarters(): void {
    const total = this.total();
    if (total === null) return;
    const amounts = splitEvenlyCumulative(total, QUARTER_ENDS.length);
    this.beforeFill.set(this.plan());
    this.plan.set(QUARTER_ENDS.map((month, i) => ({ key: draftKey(), month, amount: amounts[i] ?? total })));
  }

  protected undoFill(): void {
    const before = this.beforeFill();
    if (before === null) return;
    this.plan.set(before);
    this.beforeFill.set(null);
  }

  protected patch(key: number, patch: Partial<DraftPlanPoint>): void {
    this.beforeFill.set(null);
    this.plan.update((points) => points.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  }

  /** 新增月份: the first month not in the plan yet. */
  protected add(): void {
    const used = new Set(this.plan().map((p) => p.month));
    const month = MONTHS.find((m) => !used.has(m)) ?? null;
    this.plan.update((points) => [...points, { key: draftKey(), month, amount: '' }]);
  }

  protected remove(key: number): void {
    this.plan.update((points) => points.filter((p) => p.key !== key));
  }
}
