import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 登录会话 (issue 10): a login is a session that 退出, a password change or reset and a deactivation
 * end at once. The access token (short-lived) names its session; the refresh token (续期令牌) buys the
 * next pair once and is kept only as its SHA-256 hash. A spent refresh token used again (after a short
 * grace for two tabs refreshing together) ends the whole session: someone else holds a copy.
 */
export class LoginSessions1796400000000 implements MigrationInterface {
  name = 'LoginSessions1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_sessions (                                -- 登录会话: one login, renewed by its refresh tokens
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,                           -- the newest refresh token's end: unused this long, the session ends
        last_used_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason varchar(32) CHECK (revoked_reason IN ('logout', 'password_change', 'password_reset', 'deactivated', 'refresh_reuse')),
        user_agent varchar(300),
        ip varchar(64),
        CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX login_sessions_user_idx ON login_sessions (user_id)`);
    await q.query(`
      CREATE TABLE refresh_tokens (                                -- 续期令牌: only the SHA-256 of each token, never the token
        token_hash char(64) PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES login_sessions(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        spent_at timestamptz                                       -- when a refresh exchanged it for its successor
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE login_sessions`);
  }
}
