import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUserResponse } from '@jixiao/contracts';
import { Repository } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import { UserEntity } from '../entities/user.entity';
import { organizationRef } from '../entities/organization.entity';

/** Loads the active user behind a token, with its organization. */
@Injectable()
export class PrincipalService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async load(userId: string): Promise<{ principal: Principal; user: CurrentUserResponse } | null> {
    const user = await this.users.findOne({ where: { id: userId, active: true }, relations: { organization: true } });
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
    },
  };
}
