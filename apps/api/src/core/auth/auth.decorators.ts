import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@jixiao/contracts';
import type { Principal } from './principal';

export const IS_PUBLIC = 'jixiao:isPublic';
export const ALLOWED_ROLES = 'jixiao:roles';
export const ALLOWS_PENDING_PASSWORD = 'jixiao:allowsPendingPassword';
export const SERVICE_TOKEN = 'jixiao:serviceToken';

/** The endpoint answers without an access token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the endpoint (every endpoint states its roles). */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Every role; 管理员 (bureau_admin) reads what its finance bureau's subtree holds wherever the other roles read. */
export const ALL_ROLES: Role[] = ['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'bureau_admin', 'admin'];

/** 系统管理: organizations and users (admin everywhere, bureau_admin inside its finance bureau). */
export const ADMINISTRATORS: Role[] = ['admin', 'bureau_admin'];

/**
 * The endpoint also answers a user who must change its password first (after a reset or for a new
 * account); every other endpoint answers 403 PASSWORD_CHANGE_REQUIRED until it is changed.
 */
export const AllowsPendingPasswordChange = () => SetMetadata(ALLOWS_PENDING_PASSWORD, true);

/** Configuration variables holding a machine's bearer token (a Prometheus scraper's). */
export type ServiceTokenVariable = 'METRICS_TOKEN';

/**
 * Besides the users of its @Roles, the endpoint answers a machine that sends the token configured in
 * `variable` as its bearer token (no user, no principal); unset, only the roles get in.
 */
export const AcceptsServiceToken = (variable: ServiceTokenVariable) => SetMetadata(SERVICE_TOKEN, variable);

/** The calling user, as resolved by the AccessGuard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on an endpoint without authentication');
  return request.principal;
});
