import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@jixiao/contracts';
import type { Principal } from './principal';

export const IS_PUBLIC = 'jixiao:isPublic';
export const ALLOWED_ROLES = 'jixiao:roles';

/** The endpoint answers without an access token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the endpoint (every endpoint states its roles). */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const ALL_ROLES: Role[] = ['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'admin'];

/** The calling user, as resolved by the AccessGuard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on an endpoint without authentication');
  return request.principal;
});
