import { Injectable } from '@nestjs/common';
import type { ChangePasswordRequest, LoginResponse } from '@jixiao/contracts';
import { checkPassword, PASSWORD_RULES_TEXT } from '@jixiao/domain/accounts/password-policy';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { UserRepository } from '../persistence/user.repository';
import { accountLocked, ACCOUNT_THROTTLE, addressLocked, LoginThrottleService } from './login-throttle.service';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.util';
import { SessionService, type SessionClient } from './session.service';

/** 登录 and 修改密码, with the login throttle. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** 登录: opens a login session (access token + refresh token). */
  async login(username: string, password: string, client: SessionClient & { ip: string }, correlationId?: string): Promise<LoginResponse> {
    const address = client.ip;
    const name = username.trim().toLowerCase();
    await this.throttle.assertMayTry(name, address);
    const user = await this.users.findForLogin(name);
    // an unknown user is checked against a dummy hash, so that both failures take the same time
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok) throw await this.failure(name, address, user?.id ?? null, correlationId);
    if (!user.active) throw new AppException(ErrorCode.ACCOUNT_INACTIVE, '该账号已停用，请联系管理员');
    await this.throttle.forgetAccount(name);
    // a hash of the bcrypt era (or older scrypt parameters) is replaced now that the password is known: scrypt, off the main thread
    const upgraded = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
    return this.transactions.run(async (tx) => {
      await this.users.touchLogin(user.id, tx);
      if (upgraded !== null) await this.users.upgradeHash(tx, user.id, user.passwordHash, upgraded);
      return this.sessions.open(tx, user, client);
    });
  }

  /** 修改密码: the current password, then the policy; every other session ends, this one goes on with fresh tokens. */
  async changePassword(principal: Principal, dto: ChangePasswordRequest, address: string, correlationId?: string): Promise<LoginResponse> {
    await this.throttle.assertMayTry(principal.username, address);
    const user = await this.users.findWithHash(principal.userId);
    if (!user) throw new AppException(ErrorCode.AUTH_REQUIRED, '请先登录');
    if (!(await verifyPassword(dto.currentPassword, user.passwordHash))) {
      throw await this.failure(principal.username, address, user.id, correlationId, new AppException(ErrorCode.PASSWORD_INCORRECT, '当前密码不正确'));
    }
    const check = checkPassword(dto.newPassword, { username: user.username });
    if (dto.newPassword === dto.currentPassword) check.reasons.unshift('新密码不能与当前密码相同');
    if (check.reasons.length > 0) {
      throw new AppException(ErrorCode.PASSWORD_POLICY, `新密码不符合密码规则：${check.reasons.join('；')}。规则：${PASSWORD_RULES_TEXT}`, { reasons: check.reasons });
    }
    const passwordHash = await hashPassword(dto.newPassword);
    const response = await this.transactions.run(async (tx) => {
      const version = await this.users.setPassword(tx, user.id, passwordHash, false);
      const ended = await this.sessions.revokeAll(tx, user.id, 'password_change', principal.sessionId ?? null);
      await this.audit.record(tx, {
        actorId: user.id, action: 'user.password_change', entityType: 'user', entityId: user.id,
        before: { mustChangePassword: user.mustChangePassword }, after: { mustChangePassword: false, otherSessionsEnded: ended }, correlationId,
      });
      const changed = { ...user, mustChangePassword: false, tokenVersion: version };
      return principal.sessionId ? this.sessions.renew(tx, changed, principal.sessionId) : this.sessions.open(tx, changed, { userAgent: null, ip: address });
    });
    await this.throttle.forgetAccount(user.username);
    return response;
  }

  /** Counts a failure; the error to answer: locked now (429), or wrong credentials with the attempts left. */
  private async failure(name: string, address: string, userId: string | null, correlationId?: string, wrong?: AppException): Promise<AppException> {
    const outcome = await this.transactions.run(async (tx) => {
      const counted = await this.throttle.failed(tx, name, address);
      if (counted.accountLockedUntil && userId) {
        await this.audit.record(tx, {
          actorId: null, action: 'auth.lockout', entityType: 'user', entityId: userId,
          after: { username: name, failures: ACCOUNT_THROTTLE.maxFailures, lockedUntil: counted.accountLockedUntil.toISOString() }, correlationId,
        });
      }
      return counted;
    });
    if (outcome.accountLockedUntil) return accountLocked(outcome.accountLockedUntil);
    if (outcome.addressLockedUntil) return addressLocked(outcome.addressLockedUntil);
    const lockMinutes = ACCOUNT_THROTTLE.lockSeconds / 60;
    const hint = `再连续错误 ${outcome.remaining} 次，账号将锁定 ${lockMinutes} 分钟`;
    if (wrong) return new AppException(wrong.code, `${wrong.message}（${hint}）`);
    return new AppException(ErrorCode.AUTH_INVALID_CREDENTIALS, `用户名或密码错误（${hint}）`, { remainingAttempts: outcome.remaining });
  }
}
