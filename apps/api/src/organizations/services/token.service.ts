import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

interface TokenPayload {
  sub: string; // user id
}

/** Signs and verifies access tokens (HS256, JWT_TTL_SECONDS: 12 hours by default). */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(userId: string): string {
    return this.jwt.sign({ sub: userId } satisfies TokenPayload);
  }

  /** The user id of a valid token, or null. */
  verify(token: string): string | null {
    try {
      const payload = this.jwt.verify<TokenPayload>(token);
      return typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }
}
