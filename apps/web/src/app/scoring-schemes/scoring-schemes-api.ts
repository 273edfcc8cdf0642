import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { FiscalYearQuery } from '@jixiao/contracts/api/auth.contract';
import type { ScoringSchemeResponse, ScoringSchemeSummaryResponse, UpdateScoringSchemeRequest } from '@jixiao/contracts/api/scoring-scheme.contract';
import type { SheetKind } from '@jixiao/contracts/api/target-sheet.contract';
import type { Observable } from 'rxjs';

/** 评分方案 (endpoints.md): per finance bureau × fiscal year × kind of sheet. */
@Injectable({ providedIn: 'root' })
export class ScoringSchemesApi {
  private readonly http = inject(HttpClient);

  list(fiscalYear: number): Observable<ScoringSchemeSummaryResponse[]> {
    return this.http.get<ScoringSchemeSummaryResponse[]>('/api/scoring-schemes', { params: { fiscalYear } satisfies FiscalYearQuery });
  }

  get(bureauId: string, fiscalYear: number, kind: SheetKind): Observable<ScoringSchemeResponse> {
    return this.http.get<ScoringSchemeResponse>(schemeUrl(bureauId, fiscalYear, kind));
  }

  /** A new version; 400 SCHEME_INVALID (details.problems), 409 SCHEME_VERSION_CONFLICT when someone saved in between. */
  update(bureauId: string, fiscalYear: number, kind: SheetKind, body: UpdateScoringSchemeRequest): Observable<ScoringSchemeResponse> {
    return this.http.put<ScoringSchemeResponse>(schemeUrl(bureauId, fiscalYear, kind), body);
  }
}

function schemeUrl(bureauId: string, fiscalYear: number, kind: SheetKind): string {
  return `/api/scoring-schemes/${encodeURIComponent(bureauId)}/${fiscalYear}/${kind}`;
}
