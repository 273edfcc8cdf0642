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
  mustChangePassword?: boolean;
}

export interface UserFilter {
  scopePath: string | null; // the administrator's subtree; null: everywhere (系统管理员 accounts included)
  underPath: string | null; // an organization's subtree
  text: string | null; // part of the username or display name
  includeInactive: boolean;
}

/** Accounts (users). */
@Injectable()
export class UserRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** A user by login name (active or not), with the password hash and the organization. */
  findForLogin(username: string): Promise<UserEntity | null> {
    return this.em()
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.organization', 'o')
      .where('u.username = :username', { username })
      .getOne();
  }

  /** A user with its password hash (to check the current password). */
  findWithHash(userId: string, tx?: Tx): Promise<UserEntity | null> {
    return this.em(tx)
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.organization', 'o')
      .where('u.id = :userId', { userId })
      .getOne();
  }

  /** An active user with its organization. */
  findActive(userId: string, tx?: Tx): Promise<UserEntity | null> {
    return this.em(tx).findOne(UserEntity, { where: { id: userId, active: true }, relations: { organization: true } });
  }

  /** A user with its organization, locked for the rest of the transaction (one administrator changes it at a time). */
  findForUpdate(tx: Tx, userId: string): Promise<UserEntity | null> {
    return tx
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.organization', 'o')
      .where('u.id = :userId', { userId })
      .setLock('pessimistic_write', undefined, ['u'])
      .getOne();
  }

  findById(userId: string, tx?: Tx): Promise<UserEntity | null> {
    return this.em(tx).findOne(UserEntity, { where: { id: userId }, relations: { organization: true } });
  }

  findByUsername(username: string, tx?: Tx): Promise<UserEntity | null> {
    return this.em(tx).findOne(UserEntity, { where: { username }, relations: { organization: true } });
  }

  async findByIds(ids: readonly string[], tx?: Tx): Promise<UserEntity[]> {
    return ids.length === 0 ? [] : this.em(tx).find(UserEntity, { where: { id: In([...ids]) } });
  }

  /** The accounts matching a filter, by organization name then username (系统管理员 accounts first). */
  list(filter: UserFilter, tx?: Tx): Promise<UserEntity[]> {
    const query = this.em(tx).getRepository(UserEntity).createQueryBuilder('u').leftJoinAndSelect('u.organization', 'o');
    if (filter.scopePath !== null) query.andWhere(`o.path LIKE :scope || '%'`, { scope: filter.scopePath });
    if (filter.underPath !== null) query.andWhere(`o.path LIKE :under || '%'`, { under: filter.underPath });
    if (!filter.includeInactive) query.andWhere('u.active');
    if (filter.text !== null) {
      const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(u.username ILIKE :like OR u.display_name ILIKE :like)', { like });
    }
    // organization names start with their region (汉阴县…): sorting by them keeps a region's accounts together
    return query.orderBy('o.name', 'ASC', 'NULLS FIRST').addOrderBy('u.username', 'ASC').getMany();
  }

  /** The active 系统管理员 accounts, locked so that two administrators cannot deactivate the last two at once. */
  async activeAdminIds(tx: Tx): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`);
    return rows.map((r) => r.id);
  }

  /** Users in an organization's subtree (active only, or all). */
  async usersUnder(path: string, activeOnly: boolean, tx?: Tx): Promise<{ username: string; displayName: string }[]> {
    const rows: { username: string; display_name: string }[] = await this.em(tx).query(
      `SELECT u.username, u.display_name FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE o.path LIKE $1 || '%' AND ($2::boolean IS FALSE OR u.active) ORDER BY u.username`,
      [path, activeOnly],
    );
    return rows.map((r) => ({ username: r.username, displayName: r.display_name }));
  }

  /** Active users per organization, for the organizations under a path (null: all). */
  async activeCounts(scopePath: string | null, tx?: Tx): Promise<Map<string, number>> {
    const rows: { organization_id: string; n: number }[] = await this.em(tx).query(
      `SELECT u.organization_id, count(*)::int AS n FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.active AND ($1::text IS NULL OR o.path LIKE $1 || '%') GROUP BY u.organization_id`,
      [scopePath],
    );
    return new Map(rows.map((r) => [r.organization_id, Number(r.n)]));
  }

  count(tx?: Tx): Promise<number> {
    return this.em(tx).getRepository(UserEntity).count();
  }

  async insert(tx: Tx, user: NewUser): Promise<string> {
    const result = await tx.insert(UserEntity, { mustChangePassword: false, ...user });
    return String(result.identifiers[0]!['id']);
  }

  async update(tx: Tx, userId: string, fields: Partial<Pick<UserEntity, 'displayName' | 'role' | 'organizationId' | 'active'>>): Promise<void> {
    await tx.update(UserEntity, { id: userId }, fields);
  }

  /** A new password: earlier tokens stop working (the token version moves on). */
  async setPassword(tx: Tx, userId: string, passwordHash: string, mustChangePassword: boolean): Promise<number> {
    const [rows]: [{ token_version: number }[], number] = await tx.query(
      `UPDATE users SET password_hash = $2, must_change_password = $3, token_version = token_version + 1,
              password_changed_at = now(), updated_at = now()
        WHERE id = $1 RETURNING token_version`,
      [userId, passwordHash, mustChangePassword],
    );
    return Number(rows[0]!.token_version); // UPDATE … RETURNING answers [rows, count]
  }

  /** Ends every session of the user (deactivation). */
  async revokeTokens(tx: Tx, userId: string): Promise<void> {
    await tx.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [userId]);
  }

  async touchLogin(userId: string, tx?: Tx): Promise<void> {
    await this.em(tx).query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [userId]);
  }

  /**
   * Replaces a password's hash by a stronger one of the same password (a login upgrading a bcrypt
   * hash): only while the stored hash is still `previousHash`, so a password changed meanwhile is
   * never overwritten; sessions and the password's age stay as they are. True when it was replaced.
   */
  async upgradeHash(tx: Tx, userId: string, previousHash: string, passwordHash: string): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await tx.query(
      `UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2 RETURNING id`,
      [userId, previousHash, passwordHash],
    );
    return rows.length === 1;
  }
}
