import { FileZipOutline } from '@ant-design/icons-angular/icons';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import type { SelfAssessmentExportResult } from '@jixiao/contracts/api/exports.contract';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { apiErrorCode, apiErrorMessage } from '../core/http/api-error';
import { saveBlob } from '../evaluation/evaluation-api';
import { JobsApi } from '../shared/jobs-api';
import { downloadErrorMessage } from '../target-sheets/target-sheet-downloads';
import { RegionExportApi } from './region-export-api';

/** How often the job's progress is asked for. */
export const EXPORT_POLL_MS = 1000;
/** Status reads in a row answered 503 JOBS_UNAVAILABLE (the queue busy or away) before giving up. */
export const EXPORT_POLL_RETRIES = 10;

type ExportState =
  | { kind: 'running'; jobId: string | null; progress: number }
  | { kind: 'done'; jobId: string; result: SelfAssessmentExportResult }
  | { kind: 'failed'; message: string };

/** 12.3 MB: the zip's size next to its download link. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 导出全部自评表（zip）: starts the region's export (every 自评表 as xlsx and PDF, and the 汇总表),
 * shows the job's progress, then the zip to download. Finance reviewers only (the page decides).
 */
@Component({
  selector: 'jx-region-export',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzIconModule, NzProgressModule],
  providers: [provideNzIconsPatch([FileZipOutline])],
  template: `
    <button nz-button class="export-button" [disabled]="state()?.kind === 'running'" [nzLoading]="state()?.kind === 'running'" (click)="start()">
      <nz-icon nzType="file-zip" />导出全部自评表（zip）
    </button>
    @if (state(); as s) {
      <div class="export-status" aria-live="polite" aria-label="导出任务">
        @switch (s.kind) {
          @case ('running') {
            <span>正在导出…</span>
            <nz-progress class="export-progress" [nzPercent]="s.progress" nzStatus="active" nzSize="small" />
          }
          @case ('done') {
            <span class="export-done">已导出 {{ s.result.sheets }} 张自评表：</span>
            <a class="export-download" href="" (click)="$event.preventDefault(); download(s.jobId, s.result.fileName)">{{ s.result.fileName }}（{{ size(s.result.bytes) }}）</a>
          }
          @case ('failed') {
            <span class="export-error">{{ s.message }}</span>
          }
        }
        @if (downloadError(); as message) {
          <span class="export-error">{{ message }}</span>
        }
      </div>
    }
  `,
  styles: `
    :host { display: inline-flex; flex-direction: column; gap: 4px; }
    .export-status { display: flex; align-items: center; gap: 8px; font-size: 13px; }
    .export-progress { width: 160px; }
    .export-error { color: #c00000; }
  `,
})
export class RegionExport {
  private readonly api = inject(RegionExportApi);
  private readonly jobs = inject(JobsApi);

  /** 预算年度 to export. */
  readonly year = input.required<number>();

  protected readonly state = signal<ExportState | null>(null);
  protected readonly downloadError = signal<string | null>(null);
  protected readonly size = sizeText;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unavailable = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  protected start(): void {
    this.stop();
    this.downloadError.set(null);
    this.state.set({ kind: 'running', jobId: null, progress: 0 });
    this.api.start({ fiscalYear: this.year() }).subscribe({
      next: ({ jobId }) => this.poll(jobId),
      error: (error: unknown) => this.state.set({ kind: 'failed', message: apiErrorMessage(error, '未能开始导出，请稍后重试。') }),
    });
  }

  protected download(jobId: string, fileName: string): void {
    this.downloadError.set(null);
    this.api.file(jobId).subscribe({
      next: (blob) => saveBlob(blob, fileName),
      error: (error: unknown) => void downloadErrorMessage(error).then((message) => this.downloadError.set(message)),
    });
  }

  private poll(jobId: string): void {
    this.jobs.job<SelfAssessmentExportResult>(jobId).subscribe({
      next: (job) => {
        this.unavailable = 0;
        if (job.state === 'completed' && job.result) this.state.set({ kind: 'done', jobId, result: job.result });
        else if (job.state === 'failed') this.state.set({ kind: 'failed', message: job.error?.message ?? '导出失败，请稍后重试。' });
        else {
          this.state.set({ kind: 'running', jobId, progress: job.progress });
          this.timer = setTimeout(() => this.poll(jobId), EXPORT_POLL_MS);
        }
      },
      error: (error: unknown) => {
        // the queue did not answer in time (请稍后重试): ask again a few times before giving up
        if (apiErrorCode(error) === ErrorCode.JOBS_UNAVAILABLE && ++this.unavailable <= EXPORT_POLL_RETRIES) {
          this.timer = setTimeout(() => this.poll(jobId), EXPORT_POLL_MS);
        } else this.state.set({ kind: 'failed', message: apiErrorMessage(error) });
      },
    });
  }

  private stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
