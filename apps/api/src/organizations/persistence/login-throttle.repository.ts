import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { LoginThrottleEntity, ThrottleScope } from '../entities/login-throttle.entity';

/** How many failures lock a subject, for how long, and (per client address) in which window they count. */
export interface ThrottlePolicy {
  maxFailures: number;
  lockSeconds: number;
  windowSeconds: number | null; // null: failures count until a success or a lock (an account: in a row)
}

/** 登录限制 (login_throttles): updated atomically, so every API replica counts the same failures. */
@Injectable()
export class LoginThrottleRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** When the subject's lock ends, if it is locked now. */
  async lockedUntil(scope: ThrottleScope, subject: string): Promise<Date | null> {
    const rows: { locked_until: Date }[] = await this.em().query(
      `SELECT locked_until FROM login_throttles WHERE scope = $1 AND subject = $2 AND locked_until > now()`,
      [scope, subject],
    );
    return rows[0] ? new Date(rows[0].locked_until) : null;
  }

  /** The accounts among these usernames that are locked now, with the end of their lock. */
  async lockedAccounts(usernames: readonly string[], tx?: Tx): Promise<Map<string, Date>> {
    if (usernames.length === 0) return new Map();
    const rows = await this.em(tx).find(LoginThrottleEntity, { where: { scope: 'account', subject: In([...usernames]) } });
    const now = Date.now();
    return new Map(rows.filter((r) => r.lockedUntil !== null && r.lockedUntil.getTime() > now).map((r) => [r.subject, r.lockedUntil!]));
  }

  /**
   * Counts one failure: a lock that has run out, or a window that has passed, starts the count
   * again; reaching `maxFailures` locks the subject for `lockSeconds`. One statement: concurrent
   * failures on several replicas are all counted.
   */
  async recordFailure(tx: Tx, scope: ThrottleScope, subject: string, policy: ThrottlePolicy): Promise<{ failures: number; lockedUntil: Date | null }> {
    const restart = `((t.locked_until IS NOT NULL AND t.locked_until <= now())
                      OR ($5::integer IS NOT NULL AND t.window_started_at <= now() - make_interval(secs => $5::integer)))`;
    const rows: { failures: number; locked_until: Date | null }[] = await tx.query(
      `INSERT INTO login_throttles AS t (scope, subject, failures, window_started_at, locked_until)
       VALUES ($1, $2, 1, now(), CASE WHEN 1 >= $3 THEN now() + make_interval(secs => $4::integer) END)
       ON CONFLICT (scope, subject) DO UPDATE SET
         failures = CASE WHEN ${restart} THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN ${restart} THEN now() ELSE t.window_started_at END,
         locked_until = CASE
           WHEN (CASE WHEN ${restart} THEN 1 ELSE t.failures + 1 END) >= $3 THEN now() + make_interval(secs => $4::integer)
           WHEN ${restart} THEN NULL
           ELSE t.locked_until END
       RETURNING failures, locked_until`,
      [scope, subject, policy.maxFailures, policy.lockSeconds, policy.windowSeconds],
    );
    const row = rows[0]!;
    return { failures: Number(row.failures), lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
  }

  /** Forgets the subject's failures (a successful login, an administrator's reset). */
  async clear(scope: ThrottleScope, subject: string, tx?: Tx): Promise<void> {
    await this.em(tx).delete(LoginThrottleEntity, { scope, subject });
  }
}
