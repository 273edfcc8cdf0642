import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';

/** A user or session id as the tables key them: a UUID. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenPayload {
  sub: string; // user id
  ver?: number; // the user's token version when signed; a changed or reset password bumps it
  sid?: string; // 登录会话: revoking it refuses the token at once
}

export interface VerifiedToken {
  userId: string;
  version: number;
  sessionId: string;
}

/** What an access token is: valid, run out (the web refreshes it), or no login at all. */
export type TokenCheck = { status: 'valid'; token: VerifiedToken } | { status: 'expired' } | { status: 'invalid' };

/**
 * Signs and verifies access tokens (HS256, ACCESS_TOKEN_TTL_SECONDS: 15 minutes by default), and
 * makes refresh tokens: 32 random bytes (base64url), stored only as their SHA-256.
 */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(userId: string, version: number, sessionId: string): string {
    return this.jwt.sign({ sub: userId, ver: version, sid: sessionId } satisfies TokenPayload);
  }

  check(token: string): TokenCheck {
    try {
      const payload = this.jwt.verify<TokenPayload>(token);
      // a signed token names a user id; anything else (a sub that is no UUID reached the query: 500) is no login
      if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) return { status: 'invalid' };
      if (payload.ver !== undefined && !Number.isSafeInteger(payload.ver)) return { status: 'invalid' };
      // a token of the 12-hour era names no session: nothing could revoke it, so it is no login any more
      if (typeof payload.sid !== 'string' || !UUID.test(payload.sid)) return { status: 'invalid' };
      return { status: 'valid', token: { userId: payload.sub, version: payload.ver ?? 0, sessionId: payload.sid } };
    } catch (error) {
      return error instanceof TokenExpiredError ? { status: 'expired' } : { status: 'invalid' };
    }
  }

  /** A new refresh token and the hash to store. */
  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashRefreshToken(token) };
  }
}

/** SHA-256 (hex) of a refresh token: what refresh_tokens keeps. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
