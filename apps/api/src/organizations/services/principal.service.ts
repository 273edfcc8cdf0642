import { Injectable } from '@nestjs/common';
import type { CurrentUserResponse } from '@jixiao/contracts';
import type { Principal } from '../../core/auth/principal';
import type { UserEntity } from '../entities/user.entity';
import { organizationRef } from '../organization-ref';
import { UserRepository } from '../persistence/user.repository';
import type { VerifiedToken } from './token.service';

/** Loads the active user behind a token, with its organization. */
@Injectable()
export class PrincipalService {
  constructor(private readonly users: UserRepository) {}

  /** The caller of a request: null when the user is gone or deactivated, or the token predates a password change or reset. */
  async authenticate(token: VerifiedToken): Promise<{ principal: Principal; user: CurrentUserResponse } | null> {
    const user = await this.users.findActive(token.userId);
    return user && user.tokenVersion === token.version ? toPrincipal(user) : null;
  }

  /** The user a job runs for (jobs keep the id of the user who started them). */
  async load(userId: string): Promise<{ principal: Principal; user: CurrentUserResponse } | null> {
    const user = await this.users.findActive(userId);
    return user ? toPrincipal(user) : null;
  }
}

export function toPrincipal(user: UserEntity): { principal: Principal; user: CurrentUserResponse } {
  const org = user.organization;
  return {
    principal: {
      userId: user.id,
      username: user.username,
      role: user.role,
      organizationId: org?.id ?? null,
      organizationPath: org?.path ?? null,
    },
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organization: org ? organizationRef(org) : null,
      mustChangePassword: user.mustChangePassword,
    },
  };
}
