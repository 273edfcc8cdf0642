import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { daysInMonth } from '@jixiao/domain/calendar';
import type { TargetSpec } from '@jixiao/domain/target-spec';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { RECURRING_EVERY, RELATIVE_CHANGES, SPEC_KINDS, SPEC_OPS, SpecForm, specFromForm, specToForm } from '../spec-form';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);

/**
 * 更正解析结果: the structured form of one target (the content of the 更正 popover). It opens on the
 * row's current spec, reads as typed with spec-form (the domain's check and Chinese reading: 按此考核：…
 * or the reason it cannot be used), and emits the corrected spec on 确定.
 */
@Component({
  selector: 'jx-spec-correction',
  imports: [FormsModule, NzButtonModule, NzIconModule, NzInputModule, NzRadioModule, NzSelectModule],
  templateUrl: './spec-correction.html',
  styleUrl: './spec-correction.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpecCorrection {
  /** The spec the row is assessed by now (parsed or corrected); null when there is none. */
  readonly spec = input.required<TargetSpec | null>();
  /** The 指标值 as written. */
  readonly target = input.required<string>();
  readonly fiscalYear = input.required<number>();
  /** The row already carries a correction (恢复自动解析 is offered). */
  readonly corrected = input(false);

  readonly applied = output<TargetSpec>();
  readonly restored = output<void>();
  readonly cancelled = output<void>();

  protected readonly kinds = SPEC_KINDS;
  protected readonly ops = SPEC_OPS;
  protected readonly everyChoices = RECURRING_EVERY;
  protected readonly changes = RELATIVE_CHANGES;
  protected readonly months = MONTHS;
  protected readonly days = DAYS;
  /** The selects' value for 月底/期末 (null, the form's value for it, would show as no choice). */
  protected readonly END = 0;

  /** What the form starts from; compared by content, so a re-parse of the same text keeps what is typed. */
  private readonly start = computed(() => ({ spec: this.spec(), target: this.target(), fiscalYear: this.fiscalYear() }), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  protected readonly form = linkedSignal<SpecForm>(() => {
    const { spec, target, fiscalYear } = this.start();
    return specToForm(spec, target, fiscalYear);
  });
  protected readonly result = computed(() => specFromForm(this.form(), this.fiscalYear()));
  protected readonly deadlineDays = computed(() => DAYS.slice(0, daysInMonth(this.form().month, this.fiscalYear())));
  protected readonly periodEnd = computed(() => RECURRING_EVERY.find((e) => e.every === this.form().every)?.end ?? '期末');
  /** 计量方式 only with an amount: without one there is no change to measure. */
  protected readonly changeDisabled = computed(() => this.form().delta.trim() === '');

  protected patch(patch: Partial<SpecForm>): void {
    this.form.update((form) => ({ ...form, ...patch }));
  }

  protected apply(): void {
    const spec = this.result().spec;
    if (spec !== null) this.applied.emit(spec);
  }
}
