import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import type { FiscalYearResponse, MonitoringWindowInput } from '@jixiao/contracts/api/fiscal-year.contract';
import { defaultMonitoringWindows, WINDOW_STATE_LABELS, type WindowState } from '@jixiao/domain/monitoring-windows';
import { CalendarOutline } from '@ant-design/icons-angular/icons';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthStore } from '../core/auth/auth-store';
import { apiErrorMessage } from '../core/http/api-error';
import { FiscalYearsApi } from './fiscal-years-api';
import { ReopenForm, ReopenSubmission } from './reopen-form';
import { WindowsForm } from './windows-form';
import { startingYear } from './year-choice';

const STATE_COLORS: Readonly<Record<WindowState, string>> = { upcoming: 'default', open: 'green', closed: 'red' };

/**
 * 预算年度与填报时间: the opened years and each monitoring round's window. The system administrator
 * opens a year (its windows offered from the national rhythm) and changes windows; finance (and the
 * administrator) reopen a closed round for one unit or department of their region until a date.
 */
@Component({
  selector: 'jx-fiscal-years-page',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzIconModule, NzInputModule, NzSelectModule, NzTagModule, ReopenForm, WindowsForm],
  templateUrl: './fiscal-years-page.html',
  styleUrl: './fiscal-years-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNzIconsPatch([CalendarOutline])],
  host: { class: 'jx-page' },
})
export class FiscalYearsPage {
  private readonly api = inject(FiscalYearsApi);
  private readonly auth = inject(AuthStore);

  protected readonly errorMessage = apiErrorMessage;
  protected readonly stateLabels = WINDOW_STATE_LABELS;
  protected readonly stateColors = STATE_COLORS;
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly mayReopen = computed(() => ['admin', 'finance_reviewer'].includes(this.auth.user()?.role ?? ''));

  protected readonly years = rxResource({ stream: () => this.api.list() });
  private readonly picked = signal<number | null>(null);
  protected readonly yearList = computed(() => (this.years.hasValue() ? this.years.value() : []));
  protected readonly selected = computed<FiscalYearResponse | undefined>(() => {
    const list = this.yearList();
    const year = this.picked() ?? startingYear(list);
    return list.find((y) => y.year === year);
  });

  // ── 开启新年度 (admin) ──
  protected readonly opening = signal(false);
  protected readonly newYear = signal(0);
  protected readonly newWindows = signal<MonitoringWindowInput[]>([]);
  protected readonly openBusy = signal(false);
  protected readonly openError = signal<string | null>(null);

  // ── 修改填报时间 (admin) ──
  protected readonly editing = signal(false);
  protected readonly editWindows = signal<MonitoringWindowInput[]>([]);
  protected readonly editBusy = signal(false);
  protected readonly editError = signal<string | null>(null);

  // ── 重新开放填报 (finance, admin) ──
  protected readonly choices = rxResource({
    params: () => (this.mayReopen() ? this.selected()?.year : undefined),
    stream: ({ params: year }) => this.api.reopenChoices(year),
  });
  protected readonly reopenBusy = signal(false);
  protected readonly reopenError = signal<string | null>(null);
  protected readonly reopenDone = signal<string | null>(null);

  protected pickYear(year: number): void {
    this.picked.set(year);
    this.editing.set(false);
    this.reopenDone.set(null);
    this.reopenError.set(null);
  }

  protected startOpening(): void {
    const newest = this.yearList()[0]?.year ?? new Date().getFullYear();
    this.setNewYear(newest + 1);
    this.openError.set(null);
    this.opening.set(true);
  }

  /** Another year to open: its windows start from the national rhythm again. */
  protected setNewYear(year: number): void {
    this.newYear.set(year);
    if (Number.isInteger(year) && year >= 2000 && year <= 2100) this.newWindows.set(defaultMonitoringWindows(year));
  }

  protected openYear(): void {
    const year = this.newYear();
    this.openBusy.set(true);
    this.openError.set(null);
    this.api.open({ year, windows: this.newWindows() }).subscribe({
      next: () => {
        this.openBusy.set(false);
        this.opening.set(false);
        this.picked.set(year);
        this.years.reload();
      },
      error: (error: unknown) => {
        this.openBusy.set(false);
        this.openError.set(apiErrorMessage(error, '开启年度未成功，请稍后重试。'));
      },
    });
  }

  protected startEditing(): void {
    const year = this.selected();
    if (year === undefined) return;
    this.editWindows.set(year.windows.map(({ period, opensOn, closesOn }) => ({ period, opensOn, closesOn })));
    this.editError.set(null);
    this.editing.set(true);
  }

  protected saveWindows(): void {
    const year = this.selected();
    if (year === undefined) return;
    this.editBusy.set(true);
    this.editError.set(null);
    this.api.updateWindows(year.year, { windows: this.editWindows() }).subscribe({
      next: () => {
        this.editBusy.set(false);
        this.editing.set(false);
        this.years.reload();
      },
      error: (error: unknown) => {
        this.editBusy.set(false);
        this.editError.set(apiErrorMessage(error, '保存填报时间未成功，请稍后重试。'));
      },
    });
  }

  protected reopen(submission: ReopenSubmission): void {
    const year = this.selected();
    if (year === undefined) return;
    const { period, ...body } = submission;
    this.reopenBusy.set(true);
    this.reopenError.set(null);
    this.reopenDone.set(null);
    this.api.reopen(year.year, period, body).subscribe({
      next: (reopening) => {
        this.reopenBusy.set(false);
        this.reopenDone.set(`已为「${reopening.organization.name}」重新开放填报，至 ${reopening.until}。`);
        this.years.reload();
      },
      error: (error: unknown) => {
        this.reopenBusy.set(false);
        this.reopenError.set(apiErrorMessage(error, '重新开放未成功，请稍后重试。'));
      },
    });
  }
}
