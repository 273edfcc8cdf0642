import type { Principal } from '../../core/auth/principal';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { OrganizationEntity } from '../entities/organization.entity';

/** 系统管理 happens inside the administrator's subtree: 系统管理员 everywhere, 管理员 its finance bureau's. */
export function administersPath(principal: Principal, path: string | null): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'bureau_admin' && principal.organizationPath !== null && path !== null && path.startsWith(principal.organizationPath);
}

/** The administrator's subtree as a path prefix (null: everywhere). */
export function administeredPath(principal: Principal): string | null {
  return principal.role === 'admin' ? null : (principal.organizationPath ?? '/nothing/');
}

export function organizationNotFound(): AppException {
  return new AppException(ErrorCode.ORGANIZATION_NOT_FOUND, '找不到该组织机构，或不在您的管理范围内');
}

/** A 管理员 administers what lies below its finance bureau; the bureau itself belongs to 系统管理员. */
export function assertMayChange(principal: Principal, organization: OrganizationEntity): void {
  if (!administersPath(principal, organization.path)) throw organizationNotFound();
  if (principal.role !== 'admin' && organization.id === principal.organizationId) {
    throw new AppException(ErrorCode.OUTSIDE_SCOPE, `「${organization.name}」是您所管理的财政局本身，只能由系统管理员修改、移动或停用`);
  }
}
