import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AuditEventResponse,
  CreateProjectRequest,
  DepartmentListItemResponse,
  ListDepartmentsQuery,
  ListProjectsQuery,
  ProjectListItemResponse,
  SheetDiffResponse,
  TargetSheetResponse,
  TransitionRequest,
  UpdateTargetSheetRequest,
} from '@jixiao/contracts/api/target-sheet.contract';
import type { Observable } from 'rxjs';

/** Budget years, departments, projects and target sheets: reading, editing, the workflow (endpoints.md). */
@Injectable({ providedIn: 'root' })
export class TargetSheetsApi {
  private readonly http = inject(HttpClient);

  /** The years with data visible to the caller, newest first. */
  fiscalYears(): Observable<number[]> {
    return this.http.get<number[]>('/api/fiscal-years');
  }

  departments(fiscalYear: number): Observable<DepartmentListItemResponse[]> {
    return this.http.get<DepartmentListItemResponse[]>('/api/departments', { params: { fiscalYear } satisfies ListDepartmentsQuery });
  }

  projects(fiscalYear: number, departmentId: string): Observable<ProjectListItemResponse[]> {
    return this.http.get<ProjectListItemResponse[]>('/api/projects', { params: { fiscalYear, departmentId } satisfies ListProjectsQuery });
  }

  /** 新建项目: a project of a unit with its empty draft sheet (201); 400 VALIDATION_FAILED, 404 UNIT_NOT_FOUND. */
  createProject(body: CreateProjectRequest): Observable<TargetSheetResponse> {
    return this.http.post<TargetSheetResponse>('/api/projects', body);
  }

  sheet(id: string): Observable<TargetSheetResponse> {
    return this.http.get<TargetSheetResponse>(sheetUrl(id));
  }

  /** 保存: 409 SHEET_VERSION_CONFLICT when someone saved since `rowVersion` was read. */
  update(id: string, body: UpdateTargetSheetRequest): Observable<TargetSheetResponse> {
    return this.http.put<TargetSheetResponse>(sheetUrl(id), body);
  }

  /** 提交 / 审核通过 / 批准 / 退回 / 发起调整; for `adjust` the answer is the new version (another id). */
  transition(id: string, body: TransitionRequest): Observable<TargetSheetResponse> {
    return this.http.post<TargetSheetResponse>(`${sheetUrl(id)}/transitions`, body);
  }

  /** 与上一版本的差异. */
  diff(id: string): Observable<SheetDiffResponse> {
    return this.http.get<SheetDiffResponse>(`${sheetUrl(id)}/diff`);
  }

  /** 操作日志, newest first. */
  audit(id: string): Observable<AuditEventResponse[]> {
    return this.http.get<AuditEventResponse[]>(`${sheetUrl(id)}/audit`);
  }
}

function sheetUrl(id: string): string {
  return `/api/target-sheets/${encodeURIComponent(id)}`;
}
