import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { OrganizationKind } from '@jixiao/contracts';
import { EntityManager, IsNull } from 'typeorm';
import { OrganizationEntity } from '../entities/organization.entity';

/** Finds or creates nodes of the organization tree, keeping each node's materialised path. */
@Injectable()
export class OrganizationTreeService {
  /** The finance bureau (财政局) of a region, created on first use. */
  async bureauOf(em: EntityManager, region: string): Promise<OrganizationEntity> {
    const found = await em.findOne(OrganizationEntity, { where: { kind: 'finance_bureau', region } });
    return found ?? this.create(em, null, 'finance_bureau', { code: null, name: `${region}财政局`, region, position: 0 });
  }

  /** A child of `parent` (or a root) by kind and name, created on first use; its code is kept up to date. */
  async childOf(
    em: EntityManager,
    parent: OrganizationEntity | null,
    kind: Exclude<OrganizationKind, 'finance_bureau'>,
    node: { code: string | null; name: string; position: number },
  ): Promise<OrganizationEntity> {
    const found = await em.findOne(OrganizationEntity, {
      where: { kind, name: node.name, parentId: parent ? parent.id : IsNull() },
    });
    if (!found) return this.create(em, parent, kind, { ...node, region: null });
    if (found.code !== node.code || found.position !== node.position) {
      found.code = node.code;
      found.position = node.position;
      await em.save(found);
    }
    return found;
  }

  private async create(
    em: EntityManager,
    parent: OrganizationEntity | null,
    kind: OrganizationKind,
    node: { code: string | null; name: string; region: string | null; position: number },
  ): Promise<OrganizationEntity> {
    const id = randomUUID();
    const entity = em.create(OrganizationEntity, { ...node, id, kind, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` });
    await em.insert(OrganizationEntity, entity);
    return entity;
  }
}
