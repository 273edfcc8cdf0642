import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ImportCommitResponse, ImportPreviewResponse, ImportSource } from '@jixiao/contracts/api/imports.contract';
import type { Observable } from 'rxjs';

/** 导入 (libs/contracts imports.contract): a file or a pasted text previewed, then the preview committed as drafts. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** An .xlsx of 绩效目标表 (`target-sheets`) or a jixiao.dataset/v1 file (`datasets`), in multipart field `file`. */
  previewFile(source: 'target-sheets' | 'datasets', file: File, fields: { fiscalYear?: number; region?: string }): Observable<ImportPreviewResponse> {
    const form = new FormData();
    form.append('file', file, file.name);
    if (fields.fiscalYear !== undefined) form.append('fiscalYear', String(fields.fiscalYear));
    if (fields.region) form.append('region', fields.region);
    return this.http.post<ImportPreviewResponse>(`/api/imports/${source}/preview`, form);
  }

  /** A published table pasted as text. */
  previewText(text: string, fields: { fiscalYear?: number; region?: string }): Observable<ImportPreviewResponse> {
    return this.http.post<ImportPreviewResponse>('/api/imports/disclosure-text/preview', { text, ...fields });
  }

  /** 确认导入: the preview's datasets written as drafts (all or nothing). */
  commit(source: ImportSource, previewId: string): Observable<ImportCommitResponse> {
    return this.http.post<ImportCommitResponse>(`/api/imports/${source}`, { previewId });
  }
}
