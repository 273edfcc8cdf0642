import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { MonitoringWindowInput } from '@jixiao/contracts/api/fiscal-year.contract';
import { PERIOD_LABELS } from '@jixiao/domain/lights';
import { checkMonitoringWindows } from '@jixiao/domain/monitoring-windows';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';

/**
 * 填报时间 of a year being set: the opening and closing day of each monitoring round, as date fields
 * (keyboard: type or pick the date). What cannot be a year's windows (the domain's check, the one the
 * server applies) is said under the table as it is typed.
 */
@Component({
  selector: 'jx-windows-form',
  imports: [FormsModule, NzIconModule, NzInputModule],
  template: `
    <table class="windows-form" [attr.aria-label]="year() + ' 年度各监控期填报时间'">
      <thead>
        <tr>
          <th scope="col">监控期</th>
          <th scope="col">开始填报（含当日）</th>
          <th scope="col">截止填报（含当日）</th>
        </tr>
      </thead>
      <tbody>
        @for (w of windows(); track w.period; let i = $index) {
          <tr class="window-row" [attr.data-period]="w.period">
            <th scope="row" class="period">{{ labels[w.period] }}</th>
            <td>
              <input nz-input type="date" class="opens-on" [attr.aria-label]="labels[w.period] + ' 开始填报日期'" [ngModel]="w.opensOn" (ngModelChange)="patch(i, { opensOn: $event ?? '' })" />
            </td>
            <td>
              <input nz-input type="date" class="closes-on" [attr.aria-label]="labels[w.period] + ' 截止填报日期'" [ngModel]="w.closesOn" (ngModelChange)="patch(i, { closesOn: $event ?? '' })" />
            </td>
          </tr>
        }
      </tbody>
    </table>
    @if (problem(); as message) {
      <p class="jx-problem windows-problem" role="alert"><nz-icon nzType="exclamation-circle" aria-hidden="true" />{{ message }}</p>
    }
  `,
  styles: `
    .windows-form { border-collapse: collapse; width: 100%; max-width: 640px; }
    .windows-form th, .windows-form td { padding: 6px 8px; border-bottom: 1px solid var(--jx-border); text-align: left; }
    .windows-form thead th { background: var(--jx-fill); font-weight: 600; }
    .period { font-weight: 500; white-space: nowrap; }
    .windows-form input { max-width: 200px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WindowsForm {
  readonly year = input.required<number>();
  readonly windows = model.required<MonitoringWindowInput[]>();

  protected readonly labels = PERIOD_LABELS;
  /** Why these cannot be the year's windows; null when they can. */
  readonly problem = computed(() => checkMonitoringWindows(this.year(), this.windows()));

  protected patch(index: number, patch: Partial<MonitoringWindowInput>): void {
    this.windows.update((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }
}
