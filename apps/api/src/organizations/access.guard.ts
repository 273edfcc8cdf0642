import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLE_LABELS, type CurrentUserResponse, type Role } from '@jixiao/contracts';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ALLOWED_ROLES, ALLOWS_PENDING_PASSWORD, IS_PUBLIC, SERVICE_TOKEN, type ServiceTokenVariable } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { AppConfigService } from '../core/config/app-config.service';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { PrincipalService } from './services/principal.service';
import { sessionEnded } from './services/session.service';
import { TokenService } from './services/token.service';

type AuthedRequest = Request & { principal?: Principal; currentUser?: CurrentUserResponse };

/**
 * Global guard: every endpoint is closed unless marked @Public(); an authenticated endpoint must
 * name its roles with @Roles(...) — an endpoint that names none answers 403 to everyone. A user who
 * must change its password reaches only the endpoints marked @AllowsPendingPasswordChange().
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalService,
    private readonly config: AppConfigService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (this.isServiceToken(token, this.reflector.getAllAndOverride<ServiceTokenVariable | undefined>(SERVICE_TOKEN, targets))) return true;
    const checked = token ? this.tokens.check(token) : null;
    if (checked?.status === 'expired') throw new AppException(ErrorCode.ACCESS_TOKEN_EXPIRED, '访问令牌已过期，请用续期令牌续期（POST /api/auth/refresh）或重新登录');
    const loaded = checked?.status === 'valid' ? await this.principals.authenticate(checked.token) : null;
    if (loaded === 'session_ended') throw sessionEnded();
    if (!loaded) throw new AppException(ErrorCode.AUTH_REQUIRED, '请先登录（登录已失效或令牌无效）/ authentication required');
    request.principal = loaded.principal;
    request.currentUser = loaded.user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    if (!roles.includes(loaded.principal.role)) {
      throw new AppException(ErrorCode.ROLE_FORBIDDEN, `当前角色（${ROLE_LABELS[loaded.principal.role]}）无权执行此操作`);
    }
    if (loaded.user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWS_PENDING_PASSWORD, targets)) {
      throw new AppException(ErrorCode.PASSWORD_CHANGE_REQUIRED, '请先修改密码：管理员为您设置了一次性密码，修改为您自己的密码后才能继续使用');
    }
    return true;
  }

  /** The endpoint accepts a machine token (@AcceptsServiceToken) and this is it. */
  private isServiceToken(token: string, variable: ServiceTokenVariable | undefined): boolean {
    const expected = variable ? this.config.get(variable) : undefined;
    if (!expected || !token) return false;
    const [a, b] = [Buffer.from(token), Buffer.from(expected)];
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
