import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';

/** A background job's state as GET /api/jobs/:id answers it. */
export interface JobState<R = unknown> {
  id: string;
  state: 'waiting' | 'active' | 'completed' | 'failed' | 'delayed';
  progress: number; // 0..100
  result: R | null;
  error: { code: string; message: string } | null;
}

@Injectable({ providedIn: 'root' })
export class JobsApi {
  private readonly http = inject(HttpClient);

  job<R>(id: string): Observable<JobState<R>> {
    return this.http.get<JobState<R>>(`/api/jobs/${encodeURIComponent(id)}`);
  }
}
