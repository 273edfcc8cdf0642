import { Injectable } from '@nestjs/common';
import type { Tx } from '../../core/database/persistence';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { LoginThrottleRepository, ThrottlePolicy } from '../persistence/login-throttle.repository';

/** An account: 5 failures in a row lock it for 15 minutes; a success or a password reset forgets them. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { maxFailures: 5, lockSeconds: 15 * 60, windowSeconds: null };
/** A client address: at most 30 failures in 15 minutes (whatever the usernames), then it waits 15 minutes. */
export const ADDRESS_THROTTLE: ThrottlePolicy = { maxFailures: 30, lockSeconds: 15 * 60, windowSeconds: 15 * 60 };

export interface FailureOutcome {
  /** The account is locked now (this failure was its 5th in a row). */
  accountLockedUntil: Date | null;
  addressLockedUntil: Date | null;
  /** Failures left before the account locks. */
  remaining: number;
}

/** 登录限制: refuses logins while an account or a client address waits, and counts failures (in PostgreSQL). */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly throttles: LoginThrottleRepository) {}

  /** Throws LOGIN_THROTTLED (429) while the account or the address must wait — before any password is checked. */
  async assertMayTry(username: string, address: string): Promise<void> {
    const account = await this.throttles.lockedUntil('account', username);
    if (account) throw accountLocked(account);
    const byAddress = await this.throttles.lockedUntil('ip', address);
    if (byAddress) throw addressLocked(byAddress);
  }

  async failed(tx: Tx, username: string, address: string): Promise<FailureOutcome> {
    const account = await this.throttles.recordFailure(tx, 'account', username, ACCOUNT_THROTTLE);
    const byAddress = await this.throttles.recordFailure(tx, 'ip', address, ADDRESS_THROTTLE);
    return {
      accountLockedUntil: account.failures >= ACCOUNT_THROTTLE.maxFailures ? account.lockedUntil : null,
      addressLockedUntil: byAddress.failures >= ADDRESS_THROTTLE.maxFailures ? byAddress.lockedUntil : null,
      remaining: Math.max(0, ACCOUNT_THROTTLE.maxFailures - account.failures),
    };
  }

  /** A successful login or a password reset: the account starts counting again (the address does not). */
  async forgetAccount(username: string, tx?: Tx): Promise<void> {
    await this.throttles.clear('account', username, tx);
  }

  lockedAccounts(usernames: readonly string[], tx?: Tx): Promise<Map<string, Date>> {
    return this.throttles.lockedAccounts(usernames, tx);
  }
}

/** Whole minutes left, at least 1 ("请 14 分钟后再试"). */
export function minutesLeft(until: Date, now = Date.now()): number {
  return Math.max(1, Math.ceil((until.getTime() - now) / 60_000));
}

export function accountLocked(until: Date): AppException {
  const minutes = minutesLeft(until);
  return new AppException(
    ErrorCode.LOGIN_THROTTLED,
    `该账号已连续 ${ACCOUNT_THROTTLE.maxFailures} 次登录失败，暂时锁定，请 ${minutes} 分钟后再试（也可请管理员重置密码）`,
    { scope: 'account', retryAfterSeconds: Math.ceil((until.getTime() - Date.now()) / 1000), lockedUntil: until.toISOString() },
  );
}

export function addressLocked(until: Date): AppException {
  const minutes = minutesLeft(until);
  return new AppException(ErrorCode.LOGIN_THROTTLED, `此网络地址登录失败次数过多，请 ${minutes} 分钟后再试`, {
    scope: 'ip',
    retryAfterSeconds: Math.ceil((until.getTime() - Date.now()) / 1000),
    lockedUntil: until.toISOString(),
  });
}
