import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { LoginSessionEntity, type SessionEndReason } from '../entities/login-session.entity';

/** A refresh token as a refresh finds it, read after its session is locked. */
export interface RefreshTokenState {
  sessionId: string;
  userId: string;
  tokenExpired: boolean;
  /** Seconds since a refresh spent it; null: unspent. */
  spentSecondsAgo: number | null;
  /** True when a token of the session was spent after this one (the session has moved on). */
  supersededSince: boolean;
  sessionEnded: boolean; // revoked, or expired
}

/** How long after it was spent a refresh token still buys a pair (two tabs refreshing at once), while the session has not moved on. */
export const REFRESH_GRACE_SECONDS = 30;

/** 登录会话 and their 续期令牌 (login_sessions, refresh_tokens): times are the database's. */
@Injectable()
export class LoginSessionRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The session of an access token with its user and the user's organization (one query per request). */
  findForAccess(sessionId: string, userId: string): Promise<LoginSessionEntity | null> {
    return this.em()
      .getRepository(LoginSessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .leftJoinAndSelect('u.organization', 'o')
      .where('s.id = :sessionId AND s.user_id = :userId', { sessionId, userId })
      .getOne();
  }

  async open(tx: Tx, userId: string, ttlSeconds: number, client: { userAgent: string | null; ip: string | null }): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO login_sessions (user_id, expires_at, user_agent, ip) VALUES ($1, now() + make_interval(secs => $2::integer), $3, $4) RETURNING id`,
      [userId, ttlSeconds, client.userAgent, client.ip],
    );
    return rows[0]!.id;
  }

  /** A new refresh token of the session (its hash); the session lasts as long as its newest token. */
  async addToken(tx: Tx, sessionId: string, tokenHash: string, ttlSeconds: number): Promise<void> {
    await tx.query(
      `INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3::integer))`,
      [tokenHash, sessionId, ttlSeconds],
    );
    await tx.query(
      `UPDATE login_sessions SET last_used_at = now(), expires_at = now() + make_interval(secs => $2::integer) WHERE id = $1`,
      [sessionId, ttlSeconds],
    );
  }

  /**
   * The token and its session, the session row locked for the rest of the transaction: concurrent
   * refreshes of one session take turns, and each reads the token as the previous one left it.
   */
  async lockForRefresh(tx: Tx, tokenHash: string): Promise<RefreshTokenState | null> {
    const owner: { session_id: string }[] = await tx.query(`SELECT session_id FROM refresh_tokens WHERE token_hash = $1`, [tokenHash]);
    if (!owner[0]) return null;
    const sessions: { user_id: string; ended: boolean }[] = await tx.query(
      `SELECT user_id, (revoked_at IS NOT NULL OR expires_at <= now()) AS ended FROM login_sessions WHERE id = $1 FOR UPDATE`,
      [owner[0].session_id],
    );
    // a statement after the lock: it sees what a refresh that held the lock before committed
    const tokens: { expired: boolean; spent_ago: number | null; superseded: boolean }[] = await tx.query(
      `SELECT t.expires_at <= now() AS expired,
              extract(epoch FROM now() - t.spent_at)::float8 AS spent_ago,
              EXISTS (SELECT 1 FROM refresh_tokens o WHERE o.session_id = t.session_id AND o.spent_at > t.spent_at) AS superseded
         FROM refresh_tokens t WHERE t.token_hash = $1`,
      [tokenHash],
    );
    const session = sessions[0];
    const token = tokens[0];
    if (!session || !token) return null; // the session was deleted meanwhile
    return {
      sessionId: owner[0].session_id,
      userId: session.user_id,
      tokenExpired: token.expired,
      spentSecondsAgo: token.spent_ago === null ? null : Number(token.spent_ago),
      supersededSince: token.superseded,
      sessionEnded: session.ended,
    };
  }

  async spend(tx: Tx, tokenHash: string): Promise<void> {
    await tx.query(`UPDATE refresh_tokens SET spent_at = now() WHERE token_hash = $1 AND spent_at IS NULL`, [tokenHash]);
  }

  /** Forgets every refresh token of a session (a password change hands the session new ones): none buys a pair again, not even in the grace. */
  async dropTokens(tx: Tx, sessionId: string): Promise<void> {
    await tx.query(`DELETE FROM refresh_tokens WHERE session_id = $1`, [sessionId]);
  }

  /** Ends one session; true when it was still open. */
  async revoke(tx: Tx, sessionId: string, reason: SessionEndReason): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await tx.query(
      `UPDATE login_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [sessionId, reason],
    );
    return rows.length === 1;
  }

  /** Ends every open session of a user but `keep` (the one changing its own password); how many ended. */
  async revokeAllOf(tx: Tx, userId: string, reason: SessionEndReason, keep: string | null = null): Promise<number> {
    const [rows]: [{ id: string }[], number] = await tx.query(
      `UPDATE login_sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING id`,
      [userId, reason, keep],
    );
    return rows.length;
  }

  /** Forgets a user's sessions that ended over 30 days ago (their spent tokens with them): done at each login. */
  async purgeEnded(tx: Tx, userId: string): Promise<void> {
    await tx.query(
      `DELETE FROM login_sessions WHERE user_id = $1 AND coalesce(revoked_at, expires_at) < now() - interval '30 days'`,
      [userId],
    );
  }
}
