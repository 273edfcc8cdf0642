import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { EvaluationResponse, FinanceOverviewResponse, OverrideScoreRequest, StartEvaluationRunRequest } from '@jixiao/contracts/api/evaluation.contract';
import type { FiscalYearQuery } from '@jixiao/contracts/api/auth.contract';
import type { Observable } from 'rxjs';

/** 自评: a sheet's year-end result, reviewers' overrides, region runs, the finance overview, report downloads (endpoints.md). */
@Injectable({ providedIn: 'root' })
export class EvaluationApi {
  private readonly http = inject(HttpClient);

  /** 404 EVALUATION_NOT_FOUND before the first evaluation. */
  evaluation(sheetId: string): Observable<EvaluationResponse> {
    return this.http.get<EvaluationResponse>(`${sheetUrl(sheetId)}/evaluation`);
  }

  /** Computes it now; 422 EVALUATION_BLOCKED with details.errors when the rules cannot score the sheet. */
  evaluate(sheetId: string): Observable<EvaluationResponse> {
    return this.http.post<EvaluationResponse>(`${sheetUrl(sheetId)}/evaluation`, {});
  }

  override(sheetId: string, indicatorId: string, body: OverrideScoreRequest): Observable<EvaluationResponse> {
    return this.http.put<EvaluationResponse>(`${sheetUrl(sheetId)}/evaluation/overrides/${encodeURIComponent(indicatorId)}`, body);
  }

  startRun(body: StartEvaluationRunRequest): Observable<{ jobId: string }> {
    return this.http.post<{ jobId: string }>('/api/evaluation-runs', body);
  }

  overview(fiscalYear: number): Observable<FinanceOverviewResponse> {
    return this.http.get<FinanceOverviewResponse>('/api/overview', { params: { fiscalYear } satisfies FiscalYearQuery });
  }

  /** A report file (自评表 .xlsx / .pdf, 自评报告 .docx) as a blob, fetched with the caller's token. */
  download(url: string): Observable<Blob> {
    return this.http.get(url, { responseType: 'blob' });
  }
}

function sheetUrl(id: string): string {
  return `/api/target-sheets/${encodeURIComponent(id)}`;
}

/** Saves a blob under a file name (the browser's download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
