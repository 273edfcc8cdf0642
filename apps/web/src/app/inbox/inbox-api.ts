import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InboxCountResponse, InboxQuery, InboxResponse } from '@jixiao/contracts/api/inbox.contract';
import type { Observable } from 'rxjs';

/** 待我处理 (endpoints.md): the sheets waiting for the caller, and how many. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  list(query: InboxQuery): Observable<InboxResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query) as [keyof InboxQuery, InboxQuery[keyof InboxQuery]][]) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<InboxResponse>('/api/inbox', { params });
  }

  count(): Observable<InboxCountResponse> {
    return this.http.get<InboxCountResponse>('/api/inbox/count');
  }
}
