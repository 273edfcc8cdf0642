import { Injectable } from '@nestjs/common';
import type { LoginResponse } from '@jixiao/contracts';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { AppConfigService } from '../../core/config/app-config.service';
import type { Tx } from '../../core/database/persistence';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { SessionEndReason } from '../entities/login-session.entity';
import type { UserEntity } from '../entities/user.entity';
import { LoginSessionRepository, REFRESH_GRACE_SECONDS } from '../persistence/login-session.repository';
import { UserRepository } from '../persistence/user.repository';
import { toPrincipal } from './principal.service';
import { hashRefreshToken, TokenService } from './token.service';

/** Who opened a session, kept with it (shown to nobody yet; for investigating a stolen token). */
export interface SessionClient {
  userAgent: string | null;
  ip: string | null;
}

/**
 * 登录会话: a login opens one; each refresh spends its refresh token for a new pair; 退出, a password
 * change or reset and a deactivation revoke it, which refuses its access tokens at once (the guard
 * reads the session with the user).
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: LoginSessionRepository,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
  ) {}

  /** A new session of a user who just proved its password, in the login's transaction. */
  async open(tx: Tx, user: UserEntity, client: SessionClient): Promise<LoginResponse> {
    await this.sessions.purgeEnded(tx, user.id);
    const sessionId = await this.sessions.open(tx, user.id, this.refreshTtl(), client);
    return this.issue(tx, user, sessionId);
  }

  /** A fresh pair for a session that goes on (a password change): its earlier refresh tokens are void. */
  async renew(tx: Tx, user: UserEntity, sessionId: string): Promise<LoginResponse> {
    await this.sessions.dropTokens(tx, sessionId);
    return this.issue(tx, user, sessionId);
  }

  /**
   * 续期: the refresh token buys a new access token and its successor, once. Two tabs refreshing
   * with the same token together both get a pair (within REFRESH_GRACE_SECONDS, while the session has
   * not moved on); a spent token used later means someone else holds a copy: the session ends.
   */
  async refresh(refreshToken: string, correlationId?: string): Promise<LoginResponse> {
    const hash = hashRefreshToken(refreshToken);
    const outcome = await this.transactions.run(async (tx): Promise<LoginResponse | AppException> => {
      const state = await this.sessions.lockForRefresh(tx, hash);
      if (!state || state.tokenExpired) return invalidRefreshToken();
      if (state.sessionEnded) return sessionEnded();
      if (state.spentSecondsAgo !== null && (state.spentSecondsAgo > REFRESH_GRACE_SECONDS || state.supersededSince)) {
        await this.sessions.revoke(tx, state.sessionId, 'refresh_reuse');
        await this.audit.record(tx, {
          actorId: null, action: 'auth.refresh_reuse', entityType: 'user', entityId: state.userId,
          after: { sessionId: state.sessionId, spentSecondsAgo: Math.round(state.spentSecondsAgo) }, correlationId,
        });
        return new AppException(ErrorCode.REFRESH_TOKEN_REUSED, '该续期令牌已经用过：为安全起见，这次登录已结束，请重新登录（若不是您本人操作，请修改密码）');
      }
      const user = await this.users.findActive(state.userId, tx); // in the transaction: the embedded database has one connection
      if (!user) return sessionEnded();
      await this.sessions.spend(tx, hash); // within the grace: already spent, a sibling successor is issued
      return this.issue(tx, user, state.sessionId);
    });
    // a reused token's session stays revoked: the refusal is answered after the commit
    if (outcome instanceof AppException) throw outcome;
    return outcome;
  }

  /** 退出: the caller's session ends; its access and refresh tokens are refused from now on. */
  async logout(principal: Principal): Promise<void> {
    const sessionId = principal.sessionId;
    if (!sessionId) return;
    await this.transactions.run((tx) => this.sessions.revoke(tx, sessionId, 'logout'));
  }

  /** Ends the user's sessions (all, or all but `keep`), in the caller's transaction. */
  revokeAll(tx: Tx, userId: string, reason: SessionEndReason, keep: string | null = null): Promise<number> {
    return this.sessions.revokeAllOf(tx, userId, reason, keep);
  }

  private async issue(tx: Tx, user: UserEntity, sessionId: string): Promise<LoginResponse> {
    const refresh = this.tokens.newRefreshToken();
    await this.sessions.addToken(tx, sessionId, refresh.hash, this.refreshTtl());
    return {
      accessToken: this.tokens.sign(user.id, user.tokenVersion, sessionId),
      expiresIn: this.config.get('ACCESS_TOKEN_TTL_SECONDS'),
      refreshToken: refresh.token,
      refreshExpiresIn: this.refreshTtl(),
      user: toPrincipal(user).user,
    };
  }

  private refreshTtl(): number {
    return this.config.get('REFRESH_TOKEN_TTL_SECONDS');
  }
}

function invalidRefreshToken(): AppException {
  return new AppException(ErrorCode.REFRESH_TOKEN_INVALID, '续期令牌无效或已过期，请重新登录');
}

export function sessionEnded(): AppException {
  return new AppException(ErrorCode.SESSION_ENDED, '本次登录已结束（已退出、密码已修改或账号已停用），请重新登录');
}
