import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CurrentUserResponse, Role } from '@jixiao/contracts';
import { ROLE_LABELS } from '@jixiao/domain';
import type { Request } from 'express';
import { ALLOWED_ROLES, IS_PUBLIC } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { PrincipalService } from './services/principal.service';
import { TokenService } from './services/token.service';

type AuthedRequest = Request & { principal?: Principal; currentUser?: CurrentUserResponse };

/**
 * Global guard: every endpoint is closed unless marked @Public(); an authenticated endpoint must
 * name its roles with @Roles(...) — an endpoint that names none answers 403 to everyone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const userId = token ? this.tokens.verify(token) : null;
    const loaded = userId ? await this.principals.load(userId) : null;
    if (!loaded) throw new AppException(ErrorCode.AUTH_REQUIRED, '请先登录（登录已失效或令牌无效）/ authentication required');
    request.principal = loaded.principal;
    request.currentUser = loaded.user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    if (!roles.includes(loaded.principal.role)) {
      const label = (ROLE_LABELS as Readonly<Record<string, string | undefined>>)[loaded.principal.role];
      throw new AppException(ErrorCode.ROLE_FORBIDDEN, `当前角色${label ? `（${label}）` : ''}无权执行此操作 / forbidden for ${loaded.principal.role}`);
    }
    return true;
  }
}
