import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  MonitoringOverviewResponse,
  MonitoringQuery,
  SheetExecutionResponse,
  UpdateActualsRequest,
  UpdateBasicExpendituresRequest,
  UpdateExpendituresRequest,
} from '@jixiao/contracts/api/execution.contract';
import type { Period } from '@jixiao/domain/lights';
import type { Observable } from 'rxjs';

/** 执行监控: a sheet's spending, actuals and lights; the roll-up across departments (endpoints.md). */
@Injectable({ providedIn: 'root' })
export class ExecutionApi {
  private readonly http = inject(HttpClient);

  execution(sheetId: string): Observable<SheetExecutionResponse> {
    return this.http.get<SheetExecutionResponse>(`/api/target-sheets/${encodeURIComponent(sheetId)}/execution`);
  }

  /** Replaces the year's monthly spending (409 SHEET_NOT_APPROVED unless approved). */
  saveExpenditures(sheetId: string, body: UpdateExpendituresRequest): Observable<SheetExecutionResponse> {
    return this.http.put<SheetExecutionResponse>(`/api/target-sheets/${encodeURIComponent(sheetId)}/expenditures`, body);
  }

  /**
   * Replaces a department's basic spending (基本支出) of the year; answers the department-wide sheet's
   * execution (409 SHEET_NOT_APPROVED before it is approved, 409 BASIC_BUDGET_MISSING without a basic budget).
   */
  saveBasicExpenditures(departmentId: string, fiscalYear: number, body: UpdateBasicExpendituresRequest): Observable<SheetExecutionResponse> {
    return this.http.put<SheetExecutionResponse>(`/api/departments/${encodeURIComponent(departmentId)}/basic-expenditures`, body, { params: { fiscalYear } });
  }

  /** Replaces the given indicators' records of one period (400 ACTUAL_INVALID names the indicator). */
  saveActuals(sheetId: string, period: Period, body: UpdateActualsRequest): Observable<SheetExecutionResponse> {
    return this.http.put<SheetExecutionResponse>(`/api/target-sheets/${encodeURIComponent(sheetId)}/actuals/${period}`, body);
  }

  monitoring(fiscalYear: number, period: Period): Observable<MonitoringOverviewResponse> {
    return this.http.get<MonitoringOverviewResponse>('/api/monitoring', { params: { fiscalYear, period } satisfies MonitoringQuery });
  }
}
