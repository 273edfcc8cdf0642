import type { OrganizationKind, OrganizationRef, Role } from './auth.contract';

/**
 * 系统管理: the organization tree and the accounts, administered by 系统管理员 (admin, everywhere) and
 * 管理员 (bureau_admin, inside its finance bureau). Every change is one transaction, audited with
 * before and after (never a password or its hash).
 */

/** GET /api/organizations: one node of the caller's subtree, children in their order. */
export interface OrganizationNodeResponse {
  id: string;
  parentId: string | null;
  kind: OrganizationKind;
  code: string | null;
  name: string;
  region: string | null; // 行政区划, finance bureaus only
  active: boolean; // 停用 organizations keep their data and history, take no new users or projects
  userCount: number; // active users directly in this organization
  children: OrganizationNodeResponse[];
}

/** POST /api/organizations: a department under a finance bureau, a unit under a department; admin also a finance bureau (parentId null, region). */
export interface CreateOrganizationRequest {
  parentId: string | null;
  kind: OrganizationKind;
  code?: string | null;
  name: string;
  region?: string | null; // finance bureaus only
}

/** PATCH /api/organizations/:id: rename or recode. */
export interface UpdateOrganizationRequest {
  code?: string | null;
  name?: string;
}

/** POST /api/organizations/:id/move: under another parent of the right kind (never into its own subtree). */
export interface MoveOrganizationRequest {
  parentId: string;
}

/** GET /api/users: the accounts of the caller's subtree. */
export interface ListUsersQuery {
  q?: string; // part of the username or the display name
  organizationId?: string; // this organization and everything below it
  includeInactive?: boolean;
}

export interface UserResponse {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organization: OrganizationRef | null;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null; // ISO 8601: 登录失败过多，暂时锁定 until then
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/users. */
export interface CreateUserRequest {
  username: string; // 3–64 of a-z 0-9 . _ - (kept in lower case)
  displayName: string;
  role: Role;
  organizationId: string | null; // null only for 系统管理员
}

/** PATCH /api/users/:id. */
export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  organizationId?: string | null;
}

/** POST /api/users (201) and POST /api/users/:id/reset-password: the one-time password is shown once and never stored in clear. */
export interface OneTimePasswordResponse {
  user: UserResponse;
  oneTimePassword: string; // must be changed at the first login with it
}
