import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DepartmentListItemResponse,
  ProjectListItemResponse,
  TargetSheetResponse,
} from '@jixiao/contracts/api/target-sheet.contract';
import type { Observable } from 'rxjs';

/** Reading budget years, departments, projects and target sheets (endpoints.md). */
@Injectable({ providedIn: 'root' })
export class TargetSheetsApi {
  private readonly http = inject(HttpClient);

  /** The years with data visible to the caller, newest first. */
  fiscalYears(): Observable<number[]> {
    return this.http.get<number[]>('/api/fiscal-years');
  }

  departments(fiscalYear: number): Observable<DepartmentListItemResponse[]> {
    return this.http.get<DepartmentListItemResponse[]>('/api/departments', { params: { fiscalYear } });
  }

  projects(fiscalYear: number, departmentId: string): Observable<ProjectListItemResponse[]> {
    return this.http.get<ProjectListItemResponse[]>('/api/projects', { params: { fiscalYear, departmentId } });
  }

  sheet(id: string): Observable<TargetSheetResponse> {
    return this.http.get<TargetSheetResponse>(`/api/target-sheets/${encodeURIComponent(id)}`);
  }
}
