import { ChangeDetectionStrategy, Component, computed, input, model, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { Money } from '@jixiao/domain/money';
import { readTypedAmount } from '@jixiao/domain/typed-input';
import { NzInputModule } from 'ng-zorro-antd/input';
import { formatWan, formatWanExact } from '../core/format/wan';

let nextHintId = 0;

/**
 * An amount in 元, as every form asks for one: the user types 元 (`19966200`, `19,966,200.00`) or
 * 万元 (`20万`), sees under the field what it reads as in 万元 (`合 1996.62 万元`) or, when it cannot
 * be read, what to type; each change emits the API's form (`'19966200.00'`) or null (blank or not an
 * amount). The reading is libs/domain's `readTypedAmount`, the 万元 the web's `formatWan`.
 * `[(text)]` keeps the text as typed, for forms that keep drafts.
 */
@Component({
  selector: 'jx-amount-input',
  imports: [FormsModule, NzInputModule],
  template: `
    <input
      nz-input
      class="amount-input"
      inputmode="decimal"
      autocomplete="off"
      [attr.id]="inputId()"
      [attr.aria-label]="label()"
      [attr.aria-describedby]="hintId"
      [attr.aria-invalid]="unreadable()"
      [nzStatus]="unreadable() ? 'error' : ''"
      [placeholder]="placeholder()"
      [disabled]="disabled()"
      [ngModel]="text()"
      (ngModelChange)="type($event)"
    />
    <div class="amount-hint" [id]="hintId" [class.unreadable]="unreadable()">{{ hint() }}</div>
  `,
  styles: `
    :host { display: block; }
    .amount-input { width: 100%; text-align: right; font-variant-numeric: tabular-nums; }
    .amount-hint { font-size: 12px; line-height: 20px; color: var(--jx-text-secondary); }
    .amount-hint:empty { display: none; }
    .amount-hint.unreadable { color: var(--jx-error); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmountInput {
  /** The amount as typed. */
  readonly text = model('');
  /** The API's form of what was typed ('200000.00' for 20万), or null when blank or not an amount. */
  readonly amount = output<Money | null>();
  /** What the field asks for, read out by screen readers: 资金总额（元）. */
  readonly label = input.required<string>();
  /** The input's id, for a `<label for>` outside. */
  readonly inputId = input<string | null>(null);
  readonly placeholder = input('');
  readonly disabled = input(false);
  /** 万元 to the cent (6.00005) instead of four places (6.0001): where money is recorded, not planned. */
  readonly exact = input(false);

  protected readonly hintId = `jx-amount-hint-${nextHintId++}`;
  private readonly yuan = computed(() => readTypedAmount(this.text()));
  protected readonly unreadable = computed(() => this.text().trim() !== '' && this.yuan() === null);
  protected readonly hint = computed(() => {
    const yuan = this.yuan();
    if (yuan !== null) return `合 ${this.exact() ? formatWanExact(yuan) : formatWan(yuan)} 万元`;
    return this.unreadable() ? '请填写金额（元），如 1200000、1200000.50，或 120万' : '';
  });

  protected type(text: string): void {
    if (text === this.text()) return;
    this.text.set(text);
    this.amount.emit(readTypedAmount(text));
  }
}
