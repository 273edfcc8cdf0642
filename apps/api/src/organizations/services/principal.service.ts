import { Injectable } from '@nestjs/common';
import type { CurrentUserResponse } from '@jixiao/contracts';
import type { Principal } from '../../core/auth/principal';
import type { UserEntity } from '../entities/user.entity';
import { organizationRef } from '../organization-ref';
import { LoginSessionRepository } from '../persistence/login-session.repository';
import { UserRepository } from '../persistence/user.repository';
import type { VerifiedToken } from './token.service';

/** The caller behind an access token, or why there is none: its session ended, or no such login. */
export type Authentication = { principal: Principal; user: CurrentUserResponse } | 'session_ended' | null;

/** Loads the active user behind a token, with its organization. */
@Injectable()
export class PrincipalService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: LoginSessionRepository,
  ) {}

  /**
   * The caller of a request, with its login session in the same query: 'session_ended' when the
   * session was revoked (退出, password, deactivation) or ran out, null when the user is gone or the
   * token predates a password change or reset.
   */
  async authenticate(token: VerifiedToken): Promise<Authentication> {
    const session = await this.sessions.findForAccess(token.sessionId, token.userId);
    if (!session?.user) return null;
    if (session.revokedAt !== null || session.expiresAt.getTime() <= Date.now() || !session.user.active) return 'session_ended';
    if (session.user.tokenVersion !== token.version) return null;
    const loaded = toPrincipal(session.user);
    return { principal: { ...loaded.principal, sessionId: session.id }, user: loaded.user };
  }

  /** The user a job runs for (jobs keep the id of the user who started them). */
  async load(userId: string): Promise<{ principal: Principal; user: CurrentUserResponse } | null> {
    const user = await this.users.findActive(userId);
    return user ? toPrincipal(user) : null;
  }
}

export function toPrincipal(user: UserEntity): { principal: Principal; user: CurrentUserResponse } {
  const org = user.organization;
  return {
    principal: {
      userId: user.id,
      username: user.username,
      role: user.role,
      organizationId: org?.id ?? null,
      organizationPath: org?.path ?? null,
    },
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organization: org ? organizationRef(org) : null,
      mustChangePassword: user.mustChangePassword,
    },
  };
}
