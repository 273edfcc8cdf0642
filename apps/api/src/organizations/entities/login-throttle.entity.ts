import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { varcharIn } from '../../core/database/check-expressions';

export type ThrottleScope = 'account' | 'ip';

/** 登录限制: failed logins of one account (in a row) or one client address (per window), shared by every API replica. */
@Entity('login_throttles')
@Check('login_throttles_scope_check', varcharIn('scope', ['account', 'ip']))
@Check('login_throttles_failures_check', `((failures >= 0))`)
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'login_throttles_pkey' }) scope: ThrottleScope;
  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'login_throttles_pkey' }) subject: string;
  @Column({ type: 'integer', default: 0 }) failures: number;
  @Column({ name: 'window_started_at', type: 'timestamptz', default: () => 'now()' }) windowStartedAt: Date;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
}
