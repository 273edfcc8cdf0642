import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { varcharIn } from '../../core/database/check-expressions';
import { UserEntity } from './user.entity';

/** Why a session ended: 退出, the user's own password change, an administrator's reset, a deactivation, a stolen refresh token. */
export const SESSION_END_REASONS = ['logout', 'password_change', 'password_reset', 'deactivated', 'refresh_reuse'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** 登录会话: one login; its access tokens name it (`sid`), its refresh tokens renew it, revoking it ends both at once. */
@Entity('login_sessions')
@Index('login_sessions_user_idx', ['userId'])
@Check('login_sessions_revoked_reason_check', varcharIn('revoked_reason', SESSION_END_REASONS))
@Check('login_sessions_check', `((revoked_at IS NULL) = (revoked_reason IS NULL))`)
export class LoginSessionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'login_sessions_pkey' }) id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'login_sessions_user_id_fkey' })
  user?: UserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date; // the newest refresh token's end
  @Column({ name: 'last_used_at', type: 'timestamptz', default: () => 'now()' }) lastUsedAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_reason', type: 'varchar', length: 32, nullable: true }) revokedReason: SessionEndReason | null;
  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true }) userAgent: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
}
