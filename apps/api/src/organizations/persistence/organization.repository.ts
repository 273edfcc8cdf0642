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

  /** A child by kind and name (parentId null: a root). */
  findChild(parentId: string | null, kind: OrganizationKind, name: string, tx?: Tx): Promise<OrganizationEntity | null> {
    return this.em(tx).findOne(OrganizationEntity, { where: { kind, name, parentId: parentId ?? IsNull() } });
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

  async save(tx: Tx, organization: OrganizationEntity): Promise<void> {
    await tx.save(organization);
  }
}
