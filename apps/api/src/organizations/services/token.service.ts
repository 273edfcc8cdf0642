import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

/** A user id as the users table keys it: a UUID. */
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenPayload {
  sub: string; // user id
  ver?: number; // the user's token version when signed; a changed or reset password bumps it
}

export interface VerifiedToken {
  userId: string;
  version: number;
}

/** Signs and verifies access tokens (HS256, JWT_TTL_SECONDS: 12 hours by default). */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(userId: string, version: number): string {
    return this.jwt.sign({ sub: userId, ver: version } satisfies TokenPayload);
  }

  /** The user and token version of a valid token, or null. */
  verify(token: string): VerifiedToken | null {
    try {
      const payload = this.jwt.verify<TokenPayload>(token);
      // a signed token names a user id; anything else (a sub that is no UUID reached the query: 500) is no login
      if (typeof payload.sub !== 'string' || !USER_ID.test(payload.sub)) return null;
      if (payload.ver !== undefined && !Number.isSafeInteger(payload.ver)) return null;
      return { userId: payload.sub, version: payload.ver ?? 0 };
    } catch {
      return null;
    }
  }
}
