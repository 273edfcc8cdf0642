import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateOrganizationRequest,
  CreateUserRequest,
  ListUsersQuery,
  MoveOrganizationRequest,
  OneTimePasswordResponse,
  OrganizationNodeResponse,
  UpdateOrganizationRequest,
  UpdateUserRequest,
  UserResponse,
} from '@jixiao/contracts/api/admin.contract';
import type { AuditEventResponse } from '@jixiao/contracts/api/target-sheet.contract';
import type { Observable } from 'rxjs';

/** 系统管理: organizations and users of the administrator's subtree (endpoints.md). */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  organizations(): Observable<OrganizationNodeResponse[]> {
    return this.http.get<OrganizationNodeResponse[]>('/api/organizations');
  }

  createOrganization(body: CreateOrganizationRequest): Observable<OrganizationNodeResponse> {
    return this.http.post<OrganizationNodeResponse>('/api/organizations', body);
  }

  updateOrganization(id: string, body: UpdateOrganizationRequest): Observable<OrganizationNodeResponse> {
    return this.http.patch<OrganizationNodeResponse>(`/api/organizations/${id}`, body);
  }

  moveOrganization(id: string, body: MoveOrganizationRequest): Observable<OrganizationNodeResponse> {
    return this.http.post<OrganizationNodeResponse>(`/api/organizations/${id}/move`, body);
  }

  setOrganizationActive(id: string, active: boolean): Observable<OrganizationNodeResponse> {
    return this.http.post<OrganizationNodeResponse>(`/api/organizations/${id}/${active ? 'activate' : 'deactivate'}`, {});
  }

  deleteOrganization(id: string): Observable<void> {
    return this.http.delete<void>(`/api/organizations/${id}`);
  }

  users(query: ListUsersQuery): Observable<UserResponse[]> {
    const params: Record<string, string> = {};
    if (query.q) params['q'] = query.q;
    if (query.organizationId) params['organizationId'] = query.organizationId;
    if (query.includeInactive) params['includeInactive'] = 'true';
    return this.http.get<UserResponse[]>('/api/users', { params });
  }

  createUser(body: CreateUserRequest): Observable<OneTimePasswordResponse> {
    return this.http.post<OneTimePasswordResponse>('/api/users', body);
  }

  updateUser(id: string, body: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(`/api/users/${id}`, body);
  }

  setUserActive(id: string, active: boolean): Observable<UserResponse> {
    return this.http.post<UserResponse>(`/api/users/${id}/${active ? 'activate' : 'deactivate'}`, {});
  }

  resetPassword(id: string): Observable<OneTimePasswordResponse> {
    return this.http.post<OneTimePasswordResponse>(`/api/users/${id}/reset-password`, {});
  }

  userAudit(id: string): Observable<AuditEventResponse[]> {
    return this.http.get<AuditEventResponse[]>(`/api/users/${id}/audit`);
  }
}
