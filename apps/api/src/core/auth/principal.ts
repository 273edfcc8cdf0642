import type { Role } from '@jixiao/contracts';

/** Who is calling: resolved from the access token on every request. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  organizationId: string | null; // null: admin
  organizationPath: string | null; // '/…/<org id>/' — the caller's subtree is every path with this prefix
  sessionId?: string; // 登录会话 of the access token (absent for a job running for its user)
}

/** True when an organization path lies inside the caller's subtree (admin: everywhere). */
export function isInScope(principal: Principal, organizationPath: string): boolean {
  if (principal.role === 'admin') return true;
  return principal.organizationPath !== null && organizationPath.startsWith(principal.organizationPath);
}

/** The caller's subtree as a path prefix for queries (`path LIKE prefix || '%'`); admin: null, everywhere. */
export function scopePathOf(principal: Principal): string | null {
  return principal.role === 'admin' ? null : principal.organizationPath;
}
