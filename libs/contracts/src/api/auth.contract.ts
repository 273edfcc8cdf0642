import type { ErrorCode } from './error-codes';
export const ROLES = ['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['finance_bureau', 'department', 'unit'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]; // 财政局 / 部门 / 单位

export interface OrganizationRef {
  id: string;
  code: string | null;
  name: string;
  kind: OrganizationKind;
}

export interface CurrentUserResponse {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organization: OrganizationRef | null; // null: system administrator, not bound to an organization
}

/** POST /api/auth/login. */
export interface LoginRequest {
  username: string;
  password: string;
}

/** `?fiscalYear=2024`: the 预算年度 a list, overview or export is about. */
export interface FiscalYearQuery {
  fiscalYear: number;
}

export interface LoginResponse {
  accessToken: string; // send as `Authorization: Bearer <token>`
  user: CurrentUserResponse;
}

/** Error body of every 4xx/5xx answer. */
export interface ApiErrorResponse {
  statusCode: number;
  code: ErrorCode; // stable, e.g. 'DATASET_INVALID', 'AUTH_INVALID_CREDENTIALS'
  message: string; // Chinese first
  details?: unknown;
  correlationId?: string;
}
