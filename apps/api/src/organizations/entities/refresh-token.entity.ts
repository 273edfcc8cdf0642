import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LoginSessionEntity } from './login-session.entity';

/** 续期令牌: kept only as the SHA-256 (hex) of the token; spent once a refresh has answered its successor. */
@Entity('refresh_tokens')
@Index('refresh_tokens_session_idx', ['sessionId'])
export class RefreshTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64, primaryKeyConstraintName: 'refresh_tokens_pkey' }) tokenHash: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @ManyToOne(() => LoginSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'refresh_tokens_session_id_fkey' })
  session?: LoginSessionEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'spent_at', type: 'timestamptz', nullable: true }) spentAt: Date | null;
}
