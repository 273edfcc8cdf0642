import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganizationKind } from '@jixiao/contracts';
import { DataSource, In, IsNull, Like } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { OrganizationEntity } from '../entities/organization.entity';

/** The organization tree (organizations). */
@Injectable()
export class OrganizationRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findById(id: string, tx?: Tx): Promise<OrganizationEntity | null> {
    return this.em(tx).findOneBy(OrganizationEntity, { id });
  }

  /** The organization, which must exist (a reference held by another row). */
  getById(id: string, tx?: Tx): Promise<OrganizationEntity> {
    return this.em(tx).findOneByOrFail(OrganizationEntity, { id });
  }

  findOfKind(id: string, kind: OrganizationKind, tx?: Tx): Promise<OrganizationEntity | null> {
    return this.em(tx).findOneBy(OrganizationEntity, { id, kind });
  }

  async findByIds(ids: readonly string[], tx?: Tx): Promise<OrganizationEntity[]> {
    return ids.length === 0 ? [] : this.em(tx).find(OrganizationEntity, { where: { id: In([...ids]) } });
  }

  /** The children of one kind of an organization, in their order. */
  childrenOf(parentId: string, kind: OrganizationKind, tx?: Tx): Promise<OrganizationEntity[]> {
    return this.em(tx).find(OrganizationEntity, { where: { parentId, kind }, order: { position: 'ASC' } });
  }

  firstChildOf(parentId: string, kind: OrganizationKind, tx?: Tx): Promise<OrganizationEntity | null> {
    return this.em(tx).findOne(OrganizationEntity, { where: { parentId, kind }, order: { position: 'ASC' } });
  }

  findBureau(region: string, tx?: Tx): Promise<OrganizationEntity | null> {
    return this.em(tx).findOne(OrganizationEntity, { where: { kind: 'finance_bureau', region } });
  }

  async insert(tx: Tx, organization: Omit<OrganizationEntity, 'createdAt'>): Promise<OrganizationEntity> {
    const entity = tx.create(OrganizationEntity, organization);
    await tx.insert(OrganizationEntity, entity);
    return entity;
  }

  /** The organizations of a kind inside a subtree (`path` prefix; null: everywhere), by name. */
  findKindWithin(kind: OrganizationKind, pathPrefix: string | null, tx?: Tx): Promise<OrganizationEntity[]> {
    const where = pathPrefix === null ? { kind } : { kind, path: Like(`${pathPrefix}%`) }; // paths are uuids and slashes
    return this.em(tx).find(OrganizationEntity, { where, order: { position: 'ASC', name: 'ASC' } });
  }

  /** Every organization under a path (null: all), parents before children. */
  listUnder(path: string | null, tx?: Tx): Promise<OrganizationEntity[]> {
    const query = this.em(tx).getRepository(OrganizationEntity).createQueryBuilder('o');
    if (path !== null) query.where(`o.path LIKE :path || '%'`, { path });
    return query.orderBy('length(o.path)', 'ASC').addOrderBy('o.position', 'ASC').addOrderBy('o.name', 'ASC').getMany();
  }

  /** The organization, locked for the rest of the transaction. */
  findForUpdate(tx: Tx, id: string): Promise<OrganizationEntity | null> {
    return tx.getRepository(OrganizationEntity).createQueryBuilder('o').where('o.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** A sibling (same parent, or another root) with this name of this kind, or this code; `exceptId` left out. */
  async findSiblingClash(
    parentId: string | null,
    kind: OrganizationKind,
    name: string,
    code: string | null,
    exceptId: string | null,
    tx?: Tx,
  ): Promise<{ byName: OrganizationEntity | null; byCode: OrganizationEntity | null }> {
    const siblings = await this.em(tx).find(OrganizationEntity, { where: { parentId: parentId ?? IsNull() } });
    const others = siblings.filter((o) => o.id !== exceptId);
    return {
      byName: others.find((o) => o.kind === kind && o.name === name) ?? null,
      byCode: code === null ? null : (others.find((o) => o.code === code) ?? null),
    };
  }

  async nextPosition(tx: Tx, parentId: string | null): Promise<number> {
    const [{ next }] = await tx.query(
      `SELECT coalesce(max(position), -1) + 1 AS next FROM organizations WHERE parent_id IS NOT DISTINCT FROM $1::uuid`,
      [parentId],
    );
    return Number(next);
  }

  async update(tx: Tx, id: string, fields: Partial<Pick<OrganizationEntity, 'name' | 'code' | 'position'>>): Promise<void> {
    await tx.update(OrganizationEntity, { id }, fields);
  }

  /** Moves a node under another parent: its own and every descendant's materialised path, in one statement. */
  async move(tx: Tx, node: OrganizationEntity, parent: OrganizationEntity, position: number): Promise<string> {
    const newPath = `${parent.path}${node.id}/`;
    await tx.query(`UPDATE organizations SET parent_id = $2, position = $3 WHERE id = $1`, [node.id, parent.id, position]);
    await tx.query(`UPDATE organizations SET path = $2 || substr(path, length($1) + 1) WHERE path LIKE $1 || '%'`, [node.path, newPath]);
    return newPath;
  }

  /** Sets `active` on a node and its whole subtree; the ids changed. */
  async setActiveUnder(tx: Tx, path: string, active: boolean): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await tx.query(
      `UPDATE organizations SET active = $2 WHERE path LIKE $1 || '%' AND active <> $2 RETURNING id`, // UPDATE … RETURNING answers [rows, count]
      [path, active],
    );
    return rows.map((r) => r.id);
  }

  async countChildren(id: string, tx?: Tx): Promise<number> {
    return this.em(tx).count(OrganizationEntity, { where: { parentId: id } });
  }

  /** Deletes an organization; false when another row still refers to it (a foreign key). */
  async deleteIfUnreferenced(tx: Tx, id: string): Promise<boolean> {
    await tx.query('SAVEPOINT organization_delete');
    try {
      await tx.query(`DELETE FROM organizations WHERE id = $1`, [id]);
      await tx.query('RELEASE SAVEPOINT organization_delete');
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== '23503') throw error; // foreign_key_violation
      await tx.query('ROLLBACK TO SAVEPOINT organization_delete');
      return false;
    }
  }
}
