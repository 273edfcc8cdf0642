import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { ImportCommitResponse, ImportPreviewResponse, ImportSource } from '@jixiao/contracts/api/imports.contract';
import { MAX_IMPORT_FILE_BYTES } from '@jixiao/contracts/api/imports.contract';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { Observable } from 'rxjs';
import { AuthStore } from '../core/auth/auth-store';
import { apiErrorMessage } from '../core/http/api-error';
import { ImportPreviewView } from './import-preview-view';
import { ImportsApi } from './imports-api';

/** Which route a chosen file goes to: a jixiao.dataset/v1 JSON file, else an Excel workbook. */
export function sourceOfFile(name: string): 'target-sheets' | 'datasets' {
  return /\.json$/i.test(name.trim()) ? 'datasets' : 'target-sheets';
}

/** The 预算年度 typed in the form: a four-digit year, else none (the reader takes the year the table states). */
export function typedYear(text: string): number | undefined {
  const normalised = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^(19|20)\d{2}$/.test(normalised) ? Number(normalised) : undefined;
}

/**
 * 导入: an Excel workbook of 绩效目标表 (or a jixiao.dataset/v1 file) uploaded, or a published table pasted
 * as text; the preview shows what was read (each sheet, its indicators with their parsed targets and
 * warnings, the review findings, what could not be read by 工作表/行/列, 已存在 for sheets already in the
 * system); 确认导入 writes drafts and links to them. Offered to the roles the import routes accept.
 */
@Component({
  selector: 'jx-import-page',
  imports: [FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzInputModule, NzRadioModule, NzTagModule, ImportPreviewView],
  templateUrl: './import-page.html',
  styleUrl: './import-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'jx-page' },
})
export class ImportPage {
  private readonly api = inject(ImportsApi);
  private readonly auth = inject(AuthStore);

  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly mode = signal<'file' | 'text'>('file');
  protected readonly file = signal<File | null>(null);
  protected readonly text = signal('');
  protected readonly yearText = signal('');
  protected readonly region = signal('');

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly preview = signal<ImportPreviewResponse | null>(null);
  protected readonly result = signal<ImportCommitResponse | null>(null);

  protected readonly mayPreview = computed(() =>
    !this.busy() && (this.mode() === 'file' ? this.file() !== null : this.text().trim() !== ''));
  protected readonly createdSheets = computed(() =>
    (this.result()?.datasets ?? []).flatMap((d) => d.sheets.map((s) => ({ ...s, fiscalYear: d.fiscalYear, departmentId: d.departmentId, departmentName: d.departmentName }))));

  protected chooseFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const chosen = input.files?.[0] ?? null;
    this.reset();
    if (chosen !== null && chosen.size > MAX_IMPORT_FILE_BYTES) {
      this.error.set(`文件「${chosen.name}」过大：不能超过 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);
      this.file.set(null);
      input.value = '';
      return;
    }
    this.file.set(chosen);
  }

  protected setMode(mode: 'file' | 'text'): void {
    this.mode.set(mode);
    this.reset();
  }

  protected runPreview(): void {
    if (!this.mayPreview()) return;
    const fields = { fiscalYear: typedYear(this.yearText()), region: this.region().trim() || undefined };
    const file = this.file();
    const request: Observable<ImportPreviewResponse> = this.mode() === 'file' && file !== null
      ? this.api.previewFile(sourceOfFile(file.name), file, fields)
      : this.api.previewText(this.text(), fields);
    this.reset();
    this.busy.set(true);
    request.subscribe({
      next: (preview) => { this.preview.set(preview); this.busy.set(false); },
      error: (e: unknown) => { this.error.set(apiErrorMessage(e, '预览失败，请稍后重试。')); this.busy.set(false); },
    });
  }

  protected commit(): void {
    const preview = this.preview();
    if (preview === null || !preview.committable || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.commit(preview.source as ImportSource, preview.previewId).subscribe({
      next: (result) => { this.result.set(result); this.preview.set(null); this.busy.set(false); },
      error: (e: unknown) => { this.error.set(apiErrorMessage(e, '导入失败，请稍后重试。')); this.busy.set(false); },
    });
  }

  private reset(): void {
    this.error.set(null);
    this.preview.set(null);
    this.result.set(null);
  }
}
