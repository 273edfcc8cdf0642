import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

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
      if (typeof payload.sub !== 'string') return null;
      return { userId: payload.sub, version: typeof payload.ver === 'number' ? payload.ver : 0 };
    } catch {
      return null;
    }
  }
}
