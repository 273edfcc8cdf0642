import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@jixiao/contracts';
import { DataSource, In } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { UserEntity } from '../entities/user.entity';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  organizationId: string | null;
  active: boolean;
}

/** Accounts (users). */
@Injectable()
export class UserRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** An active user by login name, with the password hash and the organization. */
  findForLogin(username: string): Promise<UserEntity | null> {
    return this.em()
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.organization', 'o')
      .where('u.username = :username AND u.active', { username })
      .getOne();
  }

  /** An active user with its organization. */
  findActive(userId: string): Promise<UserEntity | null> {
    return this.em().findOne(UserEntity, { where: { id: userId, active: true }, relations: { organization: true } });
  }

  async findByIds(ids: readonly string[], tx?: Tx): Promise<UserEntity[]> {
    return ids.length === 0 ? [] : this.em(tx).find(UserEntity, { where: { id: In([...ids]) } });
  }

  count(tx?: Tx): Promise<number> {
    return this.em(tx).getRepository(UserEntity).count();
  }

  async insert(tx: Tx, user: NewUser): Promise<void> {
    await tx.insert(UserEntity, user);
  }
}
