import { ChangeDetectionStrategy, Component, computed, model } from '@angular/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { AmountInput } from '../../shared/amount-input';
import { BUDGET_LABELS, DraftBudget, departmentProblem } from '../department-form';

/**
 * 部门预算 of a department-wide sheet being edited: 总额 = 基本支出 + 项目支出, in 元. What does not
 * add up (the domain's money rule) is said under the fields as it is typed; 保存 is refused until then.
 */
@Component({
  selector: 'jx-budget-editor',
  imports: [NzIconModule, AmountInput],
  template: `
    <section class="jx-section" aria-labelledby="edit-budget-title">
      <h3 id="edit-budget-title" class="jx-section-title">部门预算 <span class="jx-count">单位：元；基本支出 + 项目支出 = 总额</span></h3>
      @let b = budget();
      <div class="edit-budget">
        <div class="budget-field">
          <label for="budget-total">{{ labels.total }}（元）</label>
          <jx-amount-input inputId="budget-total" [label]="labels.total + '（元）'" [text]="b.total" (textChange)="patch({ total: $event })" />
        </div>
        <span class="budget-op" aria-hidden="true">=</span>
        <div class="budget-field">
          <label for="budget-basic">其中：{{ labels.basic }}（元）</label>
          <jx-amount-input inputId="budget-basic" [label]="labels.basic + '（元）'" [text]="b.basic" (textChange)="patch({ basic: $event })" />
        </div>
        <span class="budget-op" aria-hidden="true">+</span>
        <div class="budget-field">
          <label for="budget-project">{{ labels.project }}（元）</label>
          <jx-amount-input inputId="budget-project" [label]="labels.project + '（元）'" [text]="b.project" (textChange)="patch({ project: $event })" />
        </div>
      </div>
      @if (problem(); as message) {
        <p class="jx-problem budget-problem" role="alert"><nz-icon nzType="exclamation-circle" aria-hidden="true" />{{ message }}</p>
      }
    </section>
  `,
  styles: `
    .edit-budget { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-start; }
    .budget-field { width: 200px; }
    .budget-field label { display: block; margin-bottom: 4px; }
    .budget-op { margin-top: 34px; font-size: 16px; color: var(--jx-text-muted); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BudgetEditor {
  readonly budget = model.required<DraftBudget>();

  protected readonly labels = BUDGET_LABELS;
  /** The budget's own problem (an amount not in 元, parts not adding up). */
  protected readonly problem = computed(() => departmentProblem([], this.budget()));

  protected patch(patch: Partial<DraftBudget>): void {
    this.budget.update((budget) => ({ ...budget, ...patch }));
  }
}
