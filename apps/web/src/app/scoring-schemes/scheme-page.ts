import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { EvaluationRunResult } from '@jixiao/contracts/api/evaluation.contract';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import type { ScoringSchemeResponse, ScoringSchemeSummaryResponse } from '@jixiao/contracts/api/scoring-scheme.contract';
import type { SheetKind } from '@jixiao/contracts/api/target-sheet.contract';
import { SCHEME_PRESETS } from '@jixiao/domain/scoring';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { apiErrorCode, apiErrorMessage } from '../core/http/api-error';
import { EvaluationApi } from '../evaluation/evaluation-api';
import { JobsApi } from '../shared/jobs-api';
import { TargetSheetsApi } from '../target-sheets/target-sheets-api';
import { SchemeEditor } from './scheme-editor';
import { beijingTime, SchemeDraft, schemeDraft, schemeProblems, SHEET_KIND_LABELS, TIER_FIELDS, toScheme } from './scheme-form';
import { ScoringSchemesApi } from './scoring-schemes-api';

type PresetId = keyof typeof SCHEME_PRESETS;

/**
 * 评分方案: per fiscal year, the scheme of each finance bureau the user sees for both kinds of sheet —
 * its groups with points and words, budget execution points, tier values, and its versions. Finance
 * (and admins) edit one, starting from a preset if they like, with the domain's check following the
 * typing; a saved change leaves earlier evaluations to be computed again, which the page offers.
 */
@Component({
  selector: 'jx-scheme-page',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzIconModule, NzSelectModule, NzTagModule, SchemeEditor],
  templateUrl: './scheme-page.html',
  styleUrl: './scheme-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'jx-page' },
})
export class SchemePage {
  private readonly api = inject(ScoringSchemesApi);
  private readonly sheetsApi = inject(TargetSheetsApi);
  private readonly evaluationApi = inject(EvaluationApi);
  private readonly jobsApi = inject(JobsApi);

  protected readonly kindLabels = SHEET_KIND_LABELS;
  protected readonly tierFields = TIER_FIELDS;
  protected readonly beijingTime = beijingTime;
  protected readonly presets: { id: PresetId; label: string }[] = [
    { id: 'national_project', label: '全国项目支出方案（10/50/30/10）' },
    { id: 'department_wide', label: '部门整体方案（含投入管理指标）' },
  ];

  protected readonly years = signal<number[]>([]);
  protected readonly year = signal<number | null>(null);
  protected readonly schemes = signal<ScoringSchemeSummaryResponse[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly selected = signal<{ bureauId: string; kind: SheetKind } | null>(null);
  protected readonly detail = signal<ScoringSchemeResponse | null>(null);

  protected readonly draft = signal<SchemeDraft | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly saved = signal<number | null>(null); // the version just saved
  protected readonly run = signal<{ state: string; progress: number; result: EvaluationRunResult | null; error: string | null } | null>(null);

  protected readonly canSave = computed(() => {
    const draft = this.draft();
    return draft !== null && schemeProblems(draft).length === 0 && !this.saving();
  });

  private pollTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
    this.sheetsApi.fiscalYears().subscribe({
      next: (opened) => {
        const years = opened.map((y) => y.year);
        this.years.set(years);
        this.year.set(years[0] ?? new Date().getFullYear());
      },
      error: (error: unknown) => this.loadError.set(apiErrorMessage(error)),
    });
    effect(() => {
      const year = this.year();
      if (year !== null) this.loadList(year);
    });
  }

  protected isSelected(row: ScoringSchemeSummaryResponse): boolean {
    const selected = this.selected();
    return selected !== null && selected.bureauId === row.bureau.id && selected.kind === row.kind;
  }

  protected open(row: ScoringSchemeSummaryResponse): void {
    this.selected.set({ bureauId: row.bureau.id, kind: row.kind });
    this.draft.set(null);
    this.saved.set(null);
    this.run.set(null);
    this.loadDetail();
  }

  protected edit(): void {
    const detail = this.detail();
    if (detail === null) return;
    this.draft.set(schemeDraft(detail.current.definition));
    this.saveError.set(null);
    this.saved.set(null);
  }

  protected startFrom(preset: PresetId): void {
    this.draft.set(schemeDraft(SCHEME_PRESETS[preset]));
  }

  protected cancel(): void {
    this.draft.set(null);
    this.saveError.set(null);
  }

  protected save(): void {
    const detail = this.detail();
    const draft = this.draft();
    if (detail === null || draft === null || !this.canSave()) return;
    this.saving.set(true);
    this.saveError.set(null);
    this.api.update(detail.bureau.id, detail.fiscalYear, detail.kind, { baseVersion: detail.current.version, scheme: toScheme(draft) }).subscribe({
      next: (response) => {
        this.saving.set(false);
        this.draft.set(null);
        this.detail.set(response);
        this.saved.set(response.current.version);
        this.loadList(response.fiscalYear);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const message = apiErrorMessage(error, '保存失败，请稍后重试。');
        this.saveError.set(apiErrorCode(error) === ErrorCode.SCHEME_VERSION_CONFLICT ? `${message}（您的修改仍保留在下方，可刷新查看最新版本后再保存）` : message);
      },
    });
  }

  /** 重新计算本地区自评: the bureau's region evaluated again under its schemes, as a job. */
  protected rerun(): void {
    const detail = this.detail();
    if (detail === null) return;
    this.run.set({ state: 'waiting', progress: 0, result: null, error: null });
    this.evaluationApi.startRun({ fiscalYear: detail.fiscalYear, organizationId: detail.bureau.id }).subscribe({
      next: ({ jobId }) => this.poll(jobId),
      error: (error: unknown) => this.run.set({ state: 'failed', progress: 0, result: null, error: apiErrorMessage(error, '未能启动评价任务。') }),
    });
  }

  protected reload(): void {
    this.saveError.set(null);
    this.loadDetail(true);
  }

  private loadList(year: number): void {
    this.loadError.set(null);
    this.api.list(year).subscribe({
      next: (schemes) => {
        this.schemes.set(schemes);
        const selected = this.selected();
        const first = schemes[0];
        if ((selected === null || !schemes.some((s) => s.bureau.id === selected.bureauId && s.kind === selected.kind)) && first !== undefined) this.open(first);
        else if (selected !== null && this.detail()?.fiscalYear !== year) this.loadDetail();
      },
      error: (error: unknown) => this.loadError.set(apiErrorMessage(error)),
    });
  }

  /** Reads the selected scheme; `keepDraft` leaves what is being typed (after a conflict). */
  private loadDetail(keepDraft = false): void {
    const selected = this.selected();
    const year = this.year();
    if (selected === null || year === null) return;
    this.api.get(selected.bureauId, year, selected.kind).subscribe({
      next: (detail) => {
        this.detail.set(detail);
        if (!keepDraft) this.draft.set(null);
      },
      error: (error: unknown) => this.loadError.set(apiErrorMessage(error)),
    });
  }

  private poll(jobId: string): void {
    this.stopPolling();
    this.jobsApi.job<EvaluationRunResult>(jobId).subscribe({
      next: (job) => {
        this.run.set({ state: job.state, progress: job.progress, result: job.result, error: job.error?.message ?? null });
        if (job.state !== 'completed' && job.state !== 'failed') this.pollTimer = setTimeout(() => this.poll(jobId), 500);
      },
      error: (error: unknown) => this.run.set({ state: 'failed', progress: 0, result: null, error: apiErrorMessage(error) }),
    });
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }
}
