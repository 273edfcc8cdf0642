import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  FiscalYearCalendarResponse,
  FiscalYearResponse,
  MonitoringReopeningResponse,
  OpenFiscalYearRequest,
  ReopenWindowRequest,
  UpdateMonitoringWindowsRequest,
} from '@jixiao/contracts/api/fiscal-year.contract';
import type { DepartmentListItemResponse, ProjectListItemResponse } from '@jixiao/contracts/api/target-sheet.contract';
import type { Period } from '@jixiao/domain/lights';
import { forkJoin, map, type Observable } from 'rxjs';
import type { ReopenChoice } from './reopen-form';

/** 预算年度与填报时间 (libs/contracts fiscal-year.contract). */
@Injectable({ providedIn: 'root' })
export class FiscalYearsApi {
  private readonly http = inject(HttpClient);

  /** Every opened year, newest first, with its windows and the reopenings the caller may see. */
  list(): Observable<FiscalYearResponse[]> {
    return this.http.get<FiscalYearResponse[]>('/api/fiscal-years');
  }

  /** 开启预算年度 (admin); 409 FISCAL_YEAR_EXISTS. */
  open(body: OpenFiscalYearRequest): Observable<FiscalYearResponse> {
    return this.http.post<FiscalYearResponse>('/api/fiscal-years', body);
  }

  /** 修改填报时间 (admin). */
  updateWindows(year: number, body: UpdateMonitoringWindowsRequest): Observable<FiscalYearCalendarResponse> {
    return this.http.put<FiscalYearCalendarResponse>(`/api/fiscal-years/${year}/windows`, body);
  }

  /** 重新开放填报 of a round for an organization (finance of its region, admin). */
  reopen(year: number, period: Period, body: ReopenWindowRequest): Observable<MonitoringReopeningResponse> {
    return this.http.post<MonitoringReopeningResponse>(`/api/fiscal-years/${year}/windows/${period}/reopenings`, body);
  }

  /** The departments of the year in the caller's subtree, each followed by the units running its projects. */
  reopenChoices(year: number): Observable<ReopenChoice[]> {
    return forkJoin({
      departments: this.http.get<DepartmentListItemResponse[]>('/api/departments', { params: { fiscalYear: year } }),
      projects: this.http.get<ProjectListItemResponse[]>('/api/projects', { params: { fiscalYear: year } }),
    }).pipe(map(({ departments, projects }) => reopenChoices(departments, projects)));
  }
}

/** Each department whose department-wide data the caller sees, then the distinct units of its projects. */
export function reopenChoices(departments: readonly DepartmentListItemResponse[], projects: readonly ProjectListItemResponse[]): ReopenChoice[] {
  const choices: ReopenChoice[] = [];
  const seen = new Set<string>();
  for (const d of departments) {
    if (!d.sheetHidden) choices.push({ id: d.department.id, name: d.department.name, kind: 'department' });
    for (const p of projects) {
      if (p.department.id !== d.department.id || p.unit === null || seen.has(p.unit.id)) continue;
      seen.add(p.unit.id);
      choices.push({ id: p.unit.id, name: p.unit.name, kind: 'unit' });
    }
  }
  return choices;
}
