import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AuditEventResponse,
  CreateProjectRequest,
  DepartmentListItemResponse,
  ListDepartmentsQuery,
  ListProjectsQuery,
  ProjectListItemResponse,
  RollOverRequest,
  SheetDiffResponse,
  TargetSheetResponse,
  TransitionRequest,
  UpdateProjectRequest,
  UpdateTargetSheetRequest,
} from '@jixiao/contracts/api/target-sheet.contract';
import type { FiscalYearResponse } from '@jixiao/contracts/api/fiscal-year.contract';
import type { Observable } from 'rxjs';

/** Budget years, departments, projects and target sheets: reading, editing, the workflow (endpoints.md). */
@Injectable({ providedIn: 'root' })
export class TargetSheetsApi {
  private readonly http = inject(HttpClient);

  /** Every opened year, newest first, with its 填报时间 and whether the caller sees sheets in it. */
  fiscalYears(): Observable<FiscalYearResponse[]> {
    return this.http.get<FiscalYearResponse[]>('/api/fiscal-years');
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

  /** 修改项目信息 (draft or returned first version); the answer is the project's sheet. 409 PROJECT_CODE_TAKEN, SHEET_LOCKED, SHEET_VERSION_CONFLICT. */
  updateProject(projectId: string, body: UpdateProjectRequest): Observable<TargetSheetResponse> {
    return this.http.patch<TargetSheetResponse>(`/api/projects/${encodeURIComponent(projectId)}`, body);
  }

  /** 删除草稿 (never submitted); 409 PROJECT_NOT_DELETABLE otherwise. */
  deleteProject(projectId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${encodeURIComponent(projectId)}`);
  }

  /** 结转: the new sheet of the later year (201); 409 FISCAL_YEAR_NOT_OPEN, SHEET_ALREADY_ROLLED_OVER, PROJECT_CODE_TAKEN. */
  rollOver(sheetId: string, body: RollOverRequest): Observable<TargetSheetResponse> {
    return this.http.post<TargetSheetResponse>(`${sheetUrl(sheetId)}/roll-over`, body);
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
