import { Injectable } from '@nestjs/common';
import type { Tx } from '../../core/database/persistence';
import { NewUser, UserRepository } from '../persistence/user.repository';

/** Accounts for the other contexts: who recorded or adjusted something, and the demo users. */
@Injectable()
export class UserDirectoryService {
  constructor(private readonly users: UserRepository) {}

  /** Display names by user id (unknown ids are left out). */
  async displayNames(ids: readonly string[], tx?: Tx): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.users.findByIds(unique, tx);
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  async hasUsers(): Promise<boolean> {
    return (await this.users.count()) > 0;
  }

  /** Creates an account; answers its id. */
  create(tx: Tx, user: NewUser): Promise<string> {
    return this.users.insert(tx, user);
  }
}
