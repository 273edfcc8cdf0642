import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import {
  disclosurePackPath,
  targetSheetExportPath,
  targetSheetFileName,
  targetTemplatePath,
  type TargetSheetExportFormat,
} from '@jixiao/contracts/api/exports.contract';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { apiErrorMessage } from '../core/http/api-error';
import { saveBlob } from '../evaluation/evaluation-api';

/** What to download: one sheet (导出 Excel / 导出 PDF), a department's disclosure pack (下载公开包), the blank template. */
export type TargetDownload =
  | { kind: 'sheet'; sheetId: string; subject: string; fiscalYear: number }
  | { kind: 'pack'; departmentId: string; departmentName: string; fiscalYear: number }
  | { kind: 'template'; fiscalYear: number | null };

/** The path and the file name of a download (the API's Content-Disposition names the same file). */
export function downloadTarget(target: TargetDownload, format: TargetSheetExportFormat): { url: string; fileName: string } {
  switch (target.kind) {
    case 'sheet':
      return { url: targetSheetExportPath(target.sheetId, format), fileName: targetSheetFileName(target.subject, target.fiscalYear, format) };
    case 'pack':
      return { url: disclosurePackPath(target.departmentId, target.fiscalYear, format), fileName: `${target.departmentName}${target.fiscalYear}年度绩效目标公开表.${format}` };
    case 'template':
      return { url: targetTemplatePath(target.fiscalYear), fileName: '项目支出绩效目标表（模板）.xlsx' };
  }
}

/**
 * The message of a failed download. A blob request gets its JSON error as a Blob: read it, so that
 * the API's Chinese message (e.g. 409 DISCLOSURE_PACK_EMPTY: nothing approved yet) is what the user sees.
 */
export async function downloadErrorMessage(error: unknown): Promise<string> {
  if (error instanceof HttpErrorResponse && isBlob(error.error)) {
    try {
      const body: unknown = JSON.parse(await blobText(error.error));
      return apiErrorMessage(new HttpErrorResponse({ error: body, status: error.status, statusText: error.statusText }), '下载失败，请稍后重试。');
    } catch {
      // not JSON: the status decides
    }
    return apiErrorMessage(new HttpErrorResponse({ error: null, status: error.status, statusText: error.statusText }), '下载失败，请稍后重试。');
  }
  return apiErrorMessage(error, '下载失败，请稍后重试。');
}

/** A Blob, also one made in another realm (the test DOM's). */
function isBlob(value: unknown): value is Blob {
  return typeof value === 'object' && value !== null && typeof (value as Blob).size === 'number' && typeof (value as Blob).slice === 'function';
}

function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取下载的错误信息'));
    reader.readAsText(blob);
  });
}

/** Download buttons of a 绩效目标表 (xlsx and PDF, or the template's xlsx), with the error under them. */
@Component({
  selector: 'jx-target-sheet-downloads',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzButtonModule, NzIconModule],
  template: `
    <span class="target-downloads">
      @for (format of formats(); track format) {
        <button nz-button [nzSize]="size()" [class]="'download-' + format" [nzLoading]="busy() === format" [disabled]="busy() !== null" (click)="download(format)">
          <nz-icon nzType="download" />{{ label(format) }}
        </button>
      }
    </span>
    @if (error(); as message) {
      <nz-alert class="download-error" nzType="error" nzShowIcon [nzMessage]="message" />
    }
  `,
  styles: `
    :host { display: inline-flex; flex-direction: column; gap: 4px; }
    .target-downloads { display: inline-flex; flex-wrap: wrap; gap: 8px; }
    @media print { :host { display: none; } }
  `,
})
export class TargetSheetDownloads {
  private readonly http = inject(HttpClient);
  readonly target = input.required<TargetDownload>();
  readonly size = input<'small' | 'default'>('default');
  protected readonly busy = signal<TargetSheetExportFormat | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly formats = computed<TargetSheetExportFormat[]>(() => (this.target().kind === 'template' ? ['xlsx'] : ['xlsx', 'pdf']));

  protected label(format: TargetSheetExportFormat): string {
    const kind = this.target().kind;
    if (kind === 'template') return '下载 Excel 模板';
    if (kind === 'pack') return format === 'xlsx' ? '下载公开包（Excel）' : '下载公开包（PDF）';
    return format === 'xlsx' ? '导出 Excel' : '导出 PDF';
  }

  protected download(format: TargetSheetExportFormat): void {
    const { url, fileName } = downloadTarget(this.target(), format);
    this.busy.set(format);
    this.error.set(null);
    this.http.get(url, { responseType: 'blob' }).subscribe({
      next: (blob) => {
        this.busy.set(null);
        saveBlob(blob, fileName);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        void downloadErrorMessage(error).then((message) => this.error.set(message));
      },
    });
  }
}
