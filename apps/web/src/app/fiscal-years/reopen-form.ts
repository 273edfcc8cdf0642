import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { ReopenWindowRequest } from '@jixiao/contracts/api/fiscal-year.contract';
import { type Period, PERIOD_LABELS, PERIODS_IN_YEAR_ORDER } from '@jixiao/domain/lights';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { UnlockOutline } from '@ant-design/icons-angular/icons';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';

/** An organization finance may reopen a round for: a department (all its units) or one unit. */
export interface ReopenChoice {
  id: string;
  name: string;
  kind: 'department' | 'unit';
}

/** What 重新开放 sends: the round, and the request body. */
export interface ReopenSubmission extends ReopenWindowRequest {
  period: Period;
}

/**
 * 重新开放填报: finance lets one unit (or a department's units) record a round after its window
 * closed, until a date, with a reason. What is missing is said before sending; the server's refusal
 * is shown in place.
 */
@Component({
  selector: 'jx-reopen-form',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzIconModule, NzInputModule, NzSelectModule],
  template: `
    <form class="reopen-form" (ngSubmit)="submit()">
      <label for="reopen-period">监控期</label>
      <nz-select nzId="reopen-period" name="period" class="reopen-period" [ngModel]="period()" (ngModelChange)="period.set($event)">
        @for (p of periods; track p) {
          <nz-option [nzValue]="p" [nzLabel]="labels[p]" />
        }
      </nz-select>

      <label for="reopen-organization">单位或部门</label>
      <nz-select
        nzId="reopen-organization"
        name="organization"
        class="reopen-organization"
        nzShowSearch
        nzPlaceHolder="选择要重新开放的单位"
        [nzNotFoundContent]="'本年度暂无可选单位'"
        [ngModel]="organizationId()"
        (ngModelChange)="organizationId.set($event)"
      >
        @for (c of choices(); track c.id) {
          <nz-option [nzValue]="c.id" [nzLabel]="(c.kind === 'department' ? '部门：' : '单位：') + c.name" />
        }
      </nz-select>

      <label for="reopen-until">重新开放至（含当日）</label>
      <input nz-input id="reopen-until" name="until" type="date" class="reopen-until" [min]="today()" [ngModel]="until()" (ngModelChange)="until.set($event ?? '')" />

      <label for="reopen-reason">理由</label>
      <textarea nz-input id="reopen-reason" name="reason" class="reopen-reason" [nzAutosize]="{ minRows: 2, maxRows: 4 }" placeholder="如：单位负责人出差，延期补报" [ngModel]="reason()" (ngModelChange)="reason.set($event)"></textarea>

      <div class="reopen-actions">
        <button nz-button nzType="primary" type="submit" class="reopen-submit" [nzLoading]="busy()"><nz-icon nzType="unlock" />重新开放</button>
        @if (shownProblem(); as message) {
          <span class="jx-problem reopen-problem" role="alert">{{ message }}</span>
        }
      </div>
    </form>
    @if (error(); as message) {
      <nz-alert class="reopen-error" nzType="error" nzShowIcon [nzMessage]="message" />
    }
  `,
  styles: `
    .reopen-form { display: grid; grid-template-columns: 150px minmax(0, 420px); gap: 10px 12px; align-items: center; }
    .reopen-form label { color: var(--jx-text-label); text-align: right; }
    .reopen-actions { grid-column: 2; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    .reopen-error { margin-top: 12px; max-width: 584px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNzIconsPatch([UnlockOutline])],
})
export class ReopenForm {
  readonly choices = input.required<ReopenChoice[]>();
  /** Today in 北京时间 ('YYYY-MM-DD'): the earliest last day. */
  readonly today = input.required<string>();
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly submitted = output<ReopenSubmission>();

  protected readonly periods = PERIODS_IN_YEAR_ORDER;
  protected readonly labels = PERIOD_LABELS;
  protected readonly period = signal<Period>('M7');
  protected readonly organizationId = signal<string | null>(null);
  protected readonly until = signal('');
  protected readonly reason = signal('');
  private readonly tried = signal(false);

  /** What keeps the form from being sent, in Chinese; null when it can be sent. */
  readonly problem = computed(() => {
    if (this.organizationId() === null) return '请选择要重新开放的单位或部门';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.until())) return '请选择重新开放的截止日期';
    if (this.until() < this.today()) return `截止日期不能早于今天（${this.today()}）`;
    const reason = [...this.reason().trim()].length;
    if (reason < 2 || reason > 500) return '请写明重新开放的理由（2–500 个字）';
    return null;
  });
  /** The problem, once the user tried to send. */
  protected readonly shownProblem = computed(() => (this.tried() ? this.problem() : null));

  protected submit(): void {
    this.tried.set(true);
    const organizationId = this.organizationId();
    if (this.problem() !== null || organizationId === null) return;
    this.submitted.emit({ period: this.period(), organizationId, until: this.until(), reason: this.reason().trim() });
  }
}
