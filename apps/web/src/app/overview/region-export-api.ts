import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  SELF_ASSESSMENT_EXPORT_PATH,
  selfAssessmentExportFilePath,
  type StartSelfAssessmentExportRequest,
} from '@jixiao/contracts/api/exports.contract';
import type { Observable } from 'rxjs';

/** 全地区自评表导出 (endpoints.md): start the job; fetch its zip once done. Progress: JobsApi. */
@Injectable({ providedIn: 'root' })
export class RegionExportApi {
  private readonly http = inject(HttpClient);

  start(body: StartSelfAssessmentExportRequest): Observable<{ jobId: string }> {
    return this.http.post<{ jobId: string }>(SELF_ASSESSMENT_EXPORT_PATH, body);
  }

  /** The zip, with the caller's token (a plain link would carry none). */
  file(jobId: string): Observable<Blob> {
    return this.http.get(selfAssessmentExportFilePath(jobId), { responseType: 'blob' });
  }
}
