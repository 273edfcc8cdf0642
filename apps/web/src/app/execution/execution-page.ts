import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, linkedSignal, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import type { IndicatorActualResponse, SheetExecutionResponse } from '@jixiao/contracts/api/execution.contract';
import { TIER_LABELS, type Tier } from '@jixiao/domain/completion';
import { formatTargetSpec } from '@jixiao/domain/format-target-spec';
import { DEVIATION_CATEGORIES, LIKELIHOOD_LABELS, type Likelihood, type Period, PERIOD_LABELS, periodEnd, PERIODS_IN_YEAR_ORDER } from '@jixiao/domain/lights';
import { indicatorLight } from '@jixiao/domain/indicator-light';
import { readTypedNumber } from '@jixiao/domain/typed-input';
import { formatMoneyRate } from '@jixiao/domain/money';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { formatWanExact } from '../core/format/wan';
import { readTypedAmount } from '@jixiao/domain/typed-input';
import { apiErrorMessage } from '../core/http/api-error';
import { UnsavedChanges } from '../core/unsaved/unsaved-changes';
import { AmountInput } from '../shared/amount-input';
import { LightBadge } from '../shared/light-badge';
import { buildIndicatorRows } from '../target-sheets/indicator-rows';
import { type ActualDraft, type ActualEntry, draftFrom, readActual, toEntry } from './actual-form';
import { type DepartmentExecution, DepartmentSpending } from './department-spending';
import { ExecutionApi } from './execution-api';
import { SpendingChart } from './spending-chart';
import { cumulativeByMonth, MONTHS, plannedByMonth } from './spending-series';

type Indicator = SheetExecutionResponse['indicators'][number];

const TIERS: readonly { key: Tier; label: string }[] = (['achieved', 'partial', 'not_achieved'] as const).map((key) => ({ key, label: TIER_LABELS[key] }));
const LIKELIHOODS: readonly { key: Likelihood; label: string }[] = (['certain', 'possible', 'impossible'] as const).map((key) => ({ key, label: LIKELIHOOD_LABELS[key] }));

/**
 * 执行监控 of one approved sheet: the month-by-month spending against the plan (a department-wide sheet:
 * its basic spending and its projects' against the department's whole budget), and per period each
 * indicator's actual to date, forecast, likelihood and deviation analysis, with its light (DESIGN §4).
 * Lights preview while typing with the same domain rules the server uses.
 */
@Component({
  selector: 'jx-execution-page',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzSelectModule,
    NzTagModule,
    AmountInput,
    LightBadge,
    SpendingChart,
    DepartmentSpending,
  ],
  templateUrl: './execution-page.html',
  styleUrl: './execution-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'jx-page' },
})
export class ExecutionPage {
  private readonly api = inject(ExecutionApi);
  private readonly unsaved = inject(UnsavedChanges);

  /** Route parameter :id. */
  readonly id = input.required<string>();

  protected readonly periods = PERIODS_IN_YEAR_ORDER.map((p) => ({ key: p, label: PERIOD_LABELS[p] }));
  protected readonly tiers = TIERS;
  protected readonly likelihoods = LIKELIHOODS;
  protected readonly categories = DEVIATION_CATEGORIES;
  protected readonly months = MONTHS;
  protected readonly formatWan = formatWanExact; // money to the cent
  protected readonly formatMoneyRate = formatMoneyRate;
  protected readonly formatSpec = formatTargetSpec;

  protected readonly data = signal<SheetExecutionResponse | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly period = signal<Period>('M7');
  /** The period the selector shows: the one chosen, or, while 放弃修改? is asked, the one clicked (back if the user stays). */
  protected readonly periodShown = linkedSignal(() => this.period());

  /** Monthly amounts as typed (元), index 0 = January. */
  protected readonly monthInputs = signal<string[]>(MONTHS.map(() => ''));
  protected readonly spendingSaving = signal(false);
  protected readonly spendingMessage = signal<{ type: 'success' | 'error'; text: string } | null>(null);

  protected readonly drafts = signal<ActualDraft[]>([]);
  /** The months and the period's records as last loaded or saved: what typed work is compared with. */
  private readonly savedMonthInputs = signal<string[]>(MONTHS.map(() => ''));
  private readonly savedDrafts = signal<ActualDraft[]>([]);
  /** Typed but not saved: the monthly spending, the chosen period's records. */
  protected readonly spendingChanged = computed(() => !sameJson(this.monthInputs(), this.savedMonthInputs()));
  protected readonly actualsChanged = computed(() => !sameJson(this.drafts(), this.savedDrafts()));
  protected readonly actualsSaving = signal(false);
  protected readonly actualsMessage = signal<{ type: 'success' | 'error'; text: string } | null>(null);
  /** Values the server doubted (400 ACTUAL_IMPLAUSIBLE): shown for the user to correct or confirm. */
  protected readonly implausible = signal<{ indicatorId: string; message: string }[]>([]);

  protected readonly rows = computed(() => buildIndicatorRows<Indicator>(this.data()?.indicators ?? []));
  /** A department-wide sheet's execution, with its department budget (基本支出 + 项目支出); null on a project sheet. */
  protected readonly departmentExecution = computed(() => {
    const data = this.data();
    return data !== null && data.departmentBudget !== null ? (data as DepartmentExecution) : null;
  });

  /** The typed months read as amounts; null where a month is not an amount. */
  private readonly monthAmounts = computed(() => this.monthInputs().map((text) => (text.trim() === '' ? '0.00' : readTypedAmount(text))));
  protected readonly spentSeries = computed(() =>
    cumulativeByMonth(this.monthAmounts().flatMap((amount, i) => (amount === null ? [] : [{ month: i + 1, amount }]))),
  );
  protected readonly plannedSeries = computed(() => {
    const data = this.data();
    return data === null ? [] : plannedByMonth(data.spendingPlan, data.budget);
  });
  protected readonly lastMonth = computed(() => {
    const filled = this.monthInputs().map((t, i) => (t.trim() === '' ? 0 : i + 1));
    return Math.max(1, ...filled);
  });

  /** 填报时间 of the chosen period for this sheet's unit (its reopenings counted). */
  protected readonly window = computed(() => this.data()?.windows?.find((w) => w.period === this.period()) ?? null);

  /** The server's lights of the chosen period (spending, and each indicator as saved). */
  protected readonly savedLights = computed(() => this.data()?.lights.find((l) => l.period === this.period()) ?? null);

  /** Each row's light as typed: the same rule as the server, on the unsaved values. */
  protected readonly previewLights = computed(() => {
    const data = this.data();
    if (data === null) return new Map<string, { light: ReturnType<typeof indicatorLight>['light']; explanation: string }>();
    const period = this.period();
    return new Map(
      this.drafts().map((draft) => {
        const indicator = data.indicators.find((i) => i.id === draft.indicatorId)!;
        const actual = readActual(draft);
        const forecast = readTypedNumber(draft.forecast);
        try {
          const result = indicatorLight(
            indicator.spec,
            period,
            { actual: typeof actual === 'string' ? null : actual, forecast, likelihood: draft.likelihood },
            { fiscalYear: data.fiscalYear },
          );
          return [draft.indicatorId, { light: result.light, explanation: result.explanation }];
        } catch {
          return [draft.indicatorId, { light: null, explanation: '' }];
        }
      }),
    );
  });

  /** Per row: the entry to send, or why it cannot be sent. */
  private readonly entries = computed(() => {
    const data = this.data();
    if (data === null) return [];
    const final = this.period() === 'Y';
    return this.drafts().map((draft) => {
      const indicator = data.indicators.find((i) => i.id === draft.indicatorId)!;
      return { indicator, result: toEntry(draft, indicator.spec, { final, fiscalYear: data.fiscalYear }) };
    });
  });
  protected readonly rowErrors = computed(() => new Map(this.entries().flatMap((e) => (e.result !== null && 'error' in e.result ? [[e.indicator.id, e.result.error]] : []))));

  constructor() {
    effect(() => this.load(this.id()));
    // Work is never lost: leaving the page (or reloading) with typed spending or records asks first.
    effect(() => {
      const data = this.data();
      const name = data?.project?.name ?? (data ? `${data.department.name}部门整体` : '目标表');
      const changed = this.spendingChanged() || this.actualsChanged();
      this.unsaved.set(this, changed ? { label: `「${name}」的执行情况`, discard: () => this.restoreSaved() } : null);
    });
    inject(DestroyRef).onDestroy(() => this.unsaved.set(this, null));
  }

  protected draftOf(indicatorId: string): ActualDraft | undefined {
    return this.drafts().find((d) => d.indicatorId === indicatorId);
  }

  /** Another period: records typed for this one and not saved are asked about first. */
  protected choosePeriod(period: Period): void {
    if (period === this.period()) return;
    const go = () => {
      this.period.set(period);
      this.actualsMessage.set(null);
      this.resetDrafts();
    };
    if (!this.actualsChanged()) return go();
    this.periodShown.set(period);
    void this.unsaved.confirmLeave(this, '放弃修改').then((leave) => {
      if (leave) go();
      else this.periodShown.set(this.period());
    });
  }

  protected patchDraft(indicatorId: string, patch: Partial<ActualDraft>): void {
    this.implausible.set([]); // a changed value is checked again
    this.drafts.update((drafts) => drafts.map((d) => (d.indicatorId === indicatorId ? { ...d, ...patch } : d)));
  }

  protected patchMonth(index: number, text: string): void {
    this.monthInputs.update((months) => months.map((m, i) => (i === index ? text : m)));
  }

  protected saveSpending(): void {
    const amounts = this.monthAmounts();
    const bad = amounts.findIndex((a) => a === null);
    if (bad >= 0) {
      this.spendingMessage.set({ type: 'error', text: `${bad + 1} 月的支出须为元金额，如 125000、125000.50 或 12.5万。` });
      return;
    }
    const expenditures = this.monthInputs().flatMap((text, i) => (text.trim() === '' ? [] : [{ month: i + 1, amount: amounts[i]! }]));
    this.spendingSaving.set(true);
    this.api.saveExpenditures(this.id(), { expenditures }).subscribe({
      next: (data) => {
        this.spendingSaving.set(false);
        this.accept(data);
        this.spendingMessage.set({ type: 'success', text: `已保存，全年累计支出 ${formatWanExact(data.spent)} 万元。` });
      },
      error: (error: unknown) => {
        this.spendingSaving.set(false);
        this.spendingMessage.set({ type: 'error', text: apiErrorMessage(error, '保存失败，请稍后重试。') });
      },
    });
  }

  /** `confirm`: the user confirmed the doubted values (confirmedImplausible on their entries). */
  protected saveActuals(confirm = false): void {
    const errors = [...this.rowErrors().entries()];
    if (errors.length > 0) {
      const name = this.data()!.indicators.find((i) => i.id === errors[0]![0])!.name;
      this.actualsMessage.set({ type: 'error', text: `「${name}」：${errors[0]![1]}${errors.length > 1 ? `（另有 ${errors.length - 1} 处）` : ''}` });
      return;
    }
    const doubted = new Set(confirm ? this.implausible().map((i) => i.indicatorId) : []);
    const actuals = this.entries().flatMap((e) => {
      if (e.result === null || 'error' in e.result) return [];
      const entry = e.result as ActualEntry;
      return [doubted.has(entry.indicatorId) ? { ...entry, confirmedImplausible: true } : entry];
    });
    this.implausible.set([]);
    this.actualsSaving.set(true);
    this.api.saveActuals(this.id(), this.period(), { actuals }).subscribe({
      next: (data) => {
        this.actualsSaving.set(false);
        this.accept(data);
        this.actualsMessage.set({ type: 'success', text: `${PERIOD_LABELS[this.period()]}的完成情况已保存（${actuals.length} 项）。` });
      },
      error: (error: unknown) => {
        this.actualsSaving.set(false);
        this.actualsMessage.set({ type: 'error', text: apiErrorMessage(error, '保存失败，请稍后重试。') });
        this.implausible.set(implausibleOf(error));
      },
    });
  }

  private load(id: string): void {
    this.loadError.set(null);
    this.api.execution(id).subscribe({
      next: (data) => this.accept(data),
      error: (error: unknown) => this.loadError.set(apiErrorMessage(error)),
    });
  }

  protected accept(data: SheetExecutionResponse): void {
    if (this.data() === null) {
      // First load: open the latest period that has records (全年 once year-end values exist).
      const recorded = PERIODS_IN_YEAR_ORDER.filter((p) => data.actuals.some((a) => a.period === p));
      if (recorded.length > 0) this.period.set(recorded.at(-1)!);
    }
    this.data.set(data);
    const months = MONTHS.map((m) => data.expenditures.find((e) => e.month === m)?.amount ?? '');
    this.monthInputs.set(months);
    this.savedMonthInputs.set(months);
    this.resetDrafts();
  }

  /** Back to what was saved: the typed spending and records are dropped. */
  private restoreSaved(): void {
    this.monthInputs.set(this.savedMonthInputs());
    this.drafts.set(this.savedDrafts());
  }

  private resetDrafts(): void {
    const data = this.data();
    if (data === null) return;
    const period = this.period();
    const records = new Map<string, IndicatorActualResponse>(data.actuals.filter((a) => a.period === period).map((a) => [a.indicatorId, a]));
    const drafts = data.indicators.map((i) => draftFrom(i.id, i.spec, records.get(i.id), periodEnd(period)));
    this.drafts.set(drafts);
    this.savedDrafts.set(drafts);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The doubted values of a 400 ACTUAL_IMPLAUSIBLE; none for any other answer. */
function implausibleOf(error: unknown): { indicatorId: string; message: string }[] {
  if (!(error instanceof HttpErrorResponse) || error.error?.code !== ErrorCode.ACTUAL_IMPLAUSIBLE) return [];
  type Doubt = { indicatorId: string; name: string; target: string; actual: string; direction: 'above' | 'below' };
  const list = (error.error as { details?: { implausible?: Doubt[] } }).details?.implausible;
  if (!Array.isArray(list)) return [];
  return list.map((d) => ({
    indicatorId: d.indicatorId,
    message: `「${d.name}」：录入 ${d.actual}，指标值 ${d.target}（${d.direction === 'above' ? '超过 100 倍' : '不到 1/100'}）`,
  }));
}
