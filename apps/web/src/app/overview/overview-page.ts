import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { DepartmentOverviewResponse, EvaluationRunResult, FinanceOverviewResponse } from '@jixiao/contracts/api/evaluation.contract';
import type { MonitoringOverviewResponse } from '@jixiao/contracts/api/execution.contract';
import { type Period, PERIOD_LABELS, PERIODS_IN_YEAR_ORDER } from '@jixiao/domain/lights';
import { formatMoneyRate } from '@jixiao/domain/money';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthStore } from '../core/auth/auth-store';
import { formatWan } from '../core/format/wan';
import { apiErrorMessage } from '../core/http/api-error';
import { EvaluationApi, saveBlob } from '../evaluation/evaluation-api';
import { GRADE_TAGS, percentText, UNMET_ORDER, UNMET_TAGS } from '../evaluation/unmet-labels';
import { ExecutionApi } from '../execution/execution-api';
import { JobsApi } from '../shared/jobs-api';
import { LightBadge } from '../shared/light-badge';
import { startingYear } from '../fiscal-years/year-choice';
import { TargetSheetsApi } from '../target-sheets/target-sheets-api';
import { executionChart, gradeChart, unmetChart } from './overview-charts';
import { OverviewChart } from './overview-chart';
import { RegionExport } from './region-export';


/**
 * 结果应用: a finance bureau's (or a department's) view of the year — execution, scores, grades and
 * unmet targets per department with charts, drill-down to the sheet and the indicator, the region's
 * evaluation as a background job with its progress, and the monitoring lights rolled up.
 */
@Component({
  selector: 'jx-overview-page',
  imports: [FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzIconModule, NzProgressModule, NzRadioModule, NzSelectModule, NzTagModule, LightBadge, OverviewChart, RegionExport],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'jx-page' },
})
export class OverviewPage {
  private readonly sheetsApi = inject(TargetSheetsApi);
  private readonly evaluationApi = inject(EvaluationApi);
  private readonly executionApi = inject(ExecutionApi);
  private readonly jobsApi = inject(JobsApi);
  private readonly auth = inject(AuthStore);

  protected readonly formatWan = formatWan;
  protected readonly percentText = percentText;
  /** 执行率 of a sheet, shown like the department's (two places). */
  protected readonly formatMoneyRate = formatMoneyRate;
  protected readonly unmetTags = UNMET_TAGS;
  protected readonly unmetOrder = UNMET_ORDER;
  protected readonly gradeTags = GRADE_TAGS;
  protected readonly gradeOrder = ['excellent', 'good', 'fair', 'poor'] as const;
  protected readonly periods = PERIODS_IN_YEAR_ORDER.map((key) => ({ key, label: PERIOD_LABELS[key] }));

  protected readonly years = signal<number[]>([]);
  protected readonly year = signal<number | null>(null);
  protected readonly overview = signal<FinanceOverviewResponse | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly selectedDepartmentId = signal<string | null>(null);

  protected readonly period = signal<Period>('M7');
  protected readonly monitoring = signal<MonitoringOverviewResponse | null>(null);

  protected readonly run = signal<{ state: string; progress: number; result: EvaluationRunResult | null; error: string | null } | null>(null);
  protected readonly reportBusy = signal<string | null>(null);
  protected readonly reportError = signal<string | null>(null);

  protected readonly mayRun = computed(() => ['department_reviewer', 'finance_reviewer', 'admin'].includes(this.auth.user()?.role ?? ''));
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  /** 导出全部自评表: finance reviewers, for their bureau's region. */
  protected readonly isFinance = computed(() => this.auth.user()?.role === 'finance_reviewer');
  protected readonly departments = computed(() => this.overview()?.departments ?? []);
  protected readonly selected = computed<DepartmentOverviewResponse | null>(() => {
    const id = this.selectedDepartmentId();
    return this.departments().find((d) => d.department.id === id) ?? this.departments()[0] ?? null;
  });
  protected readonly executionOption = computed(() => executionChart(this.departments()));
  protected readonly unmetOption = computed(() => unmetChart(this.departments()));
  protected readonly gradeOption = computed(() => {
    const o = this.overview();
    return o === null ? null : gradeChart(o.totals);
  });

  private pollTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
    this.sheetsApi.fiscalYears().subscribe({
      next: (years) => {
        this.years.set(years.map((y) => y.year));
        this.year.set(startingYear(years) ?? new Date().getFullYear() - 1);
      },
      error: (error: unknown) => this.loadError.set(apiErrorMessage(error)),
    });
    effect(() => {
      const year = this.year();
      if (year !== null) this.loadOverview(year);
    });
    effect(() => {
      const year = this.year();
      const period = this.period();
      if (year !== null) this.loadMonitoring(year, period);
    });
  }

  protected pickDepartment(index: number): void {
    const department = this.departments()[index];
    if (department) this.selectedDepartmentId.set(department.department.id);
  }

  /** 评价本地区: starts the region's evaluation and follows its progress until it ends. */
  protected startRun(): void {
    const year = this.year();
    if (year === null) return;
    const organizationId = this.isAdmin() ? (this.selected()?.department.id ?? undefined) : undefined;
    this.run.set({ state: 'waiting', progress: 0, result: null, error: null });
    this.evaluationApi.startRun({ fiscalYear: year, organizationId }).subscribe({
      next: ({ jobId }) => this.poll(jobId),
      error: (error: unknown) => this.run.set({ state: 'failed', progress: 0, result: null, error: apiErrorMessage(error, '未能启动评价任务。') }),
    });
  }

  protected downloadReport(department: DepartmentOverviewResponse): void {
    const year = this.year();
    if (year === null) return;
    this.reportBusy.set(department.department.id);
    this.reportError.set(null);
    this.evaluationApi.download(`/api/departments/${encodeURIComponent(department.department.id)}/self-assessment-report.docx?fiscalYear=${year}`).subscribe({
      next: (blob) => {
        this.reportBusy.set(null);
        saveBlob(blob, `${department.department.name}-${year}年度绩效自评报告.docx`);
      },
      error: (error: unknown) => {
        this.reportBusy.set(null);
        this.reportError.set(apiErrorMessage(error, '下载失败，请稍后重试。'));
      },
    });
  }

  private poll(jobId: string): void {
    this.stopPolling();
    this.jobsApi.job<EvaluationRunResult>(jobId).subscribe({
      next: (job) => {
        this.run.set({ state: job.state, progress: job.progress, result: job.result, error: job.error?.message ?? null });
        if (job.state === 'completed') {
          const year = this.year();
          if (year !== null) this.loadOverview(year);
        } else if (job.state !== 'failed') {
          this.pollTimer = setTimeout(() => this.poll(jobId), 500);
        }
      },
      error: (error: unknown) => this.run.set({ state: 'failed', progress: 0, result: null, error: apiErrorMessage(error) }),
    });
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  private loadOverview(year: number): void {
    this.loadError.set(null);
    this.evaluationApi.overview(year).subscribe({
      next: (overview) => this.overview.set(overview),
      error: (error: unknown) => this.loadError.set(apiErrorMessage(error)),
    });
  }

  private loadMonitoring(year: number, period: Period): void {
    this.executionApi.monitoring(year, period).subscribe({
      next: (monitoring) => this.monitoring.set(monitoring),
      error: () => this.monitoring.set(null),
    });
  }
}
