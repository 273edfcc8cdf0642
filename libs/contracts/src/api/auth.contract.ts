import { ROLE_LABELS as WORKFLOW_ROLE_LABELS } from '@jixiao/domain/workflow/sheet-workflow';
import type { ErrorCode } from './error-codes';
/** 角色: bureau_admin (管理员) administers one finance bureau's subtree and reads its sheets; admin (系统管理员) the whole tree. */
export const ROLES = ['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'bureau_admin', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** 角色名称, as users know them (one list: the workflow's). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = WORKFLOW_ROLE_LABELS;

export const ORGANIZATION_KINDS = ['finance_bureau', 'department', 'unit'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]; // 财政局 / 部门 / 单位

export interface OrganizationRef {
  id: string;
  code: string | null;
  name: string;
  kind: OrganizationKind;
}

/** Who did something (操作日志, reviews): shown as the person's name with the role label beside it. */
export interface PersonRef {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface CurrentUserResponse {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organization: OrganizationRef | null; // null: system administrator, not bound to an organization
  /** True after an administrator created the account or reset its password: every endpoint but /api/auth/me and /api/auth/password answers 403 PASSWORD_CHANGE_REQUIRED until the user sets its own. */
  mustChangePassword: boolean;
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

/**
 * A login session (登录会话): a short-lived access token and a refresh token (续期令牌) that buys the
 * next pair once (POST /api/auth/refresh). 退出, a password change or reset and a deactivation end the
 * session: both tokens are refused at once.
 */
export interface LoginResponse {
  accessToken: string; // send as `Authorization: Bearer <token>`; 401 ACCESS_TOKEN_EXPIRED once it runs out
  expiresIn: number; // seconds the access token lasts (ACCESS_TOKEN_TTL_SECONDS)
  refreshToken: string; // opaque, single use: spent by the refresh that answers its successor
  refreshExpiresIn: number; // seconds the refresh token lasts unused (REFRESH_TOKEN_TTL_SECONDS)
  user: CurrentUserResponse; // user.mustChangePassword: go to 修改密码 first
}

/** POST /api/auth/refresh: a refresh token for a new pair (answers a LoginResponse). */
export interface RefreshRequest {
  refreshToken: string;
}

/** POST /api/auth/password: change one's own password (answers a LoginResponse with a fresh token; older tokens stop working). */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Error body of every 4xx/5xx answer. */
export interface ApiErrorResponse {
  statusCode: number;
  code: ErrorCode; // stable, e.g. 'DATASET_INVALID', 'AUTH_INVALID_CREDENTIALS'
  message: string; // Chinese first
  details?: unknown;
  correlationId?: string;
}
