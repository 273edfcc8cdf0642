import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { OrganizationKind } from '@jixiao/contracts';
import type { Tx } from '../../core/database/persistence';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { OrganizationEntity } from '../entities/organization.entity';
import { OrganizationRepository } from '../persistence/organization.repository';

/** The organization tree for every context: reads nodes, finds or creates them keeping each node's materialised path. */
@Injectable()
export class OrganizationTreeService {
  constructor(private readonly organizations: OrganizationRepository) {}

  findById(id: string, tx?: Tx): Promise<OrganizationEntity | null> {
    return this.organizations.findById(id, tx);
  }

  /** A node another row refers to (it must exist). */
  getById(id: string, tx?: Tx): Promise<OrganizationEntity> {
    return this.organizations.getById(id, tx);
  }

  /** The organization if it is of that kind, else null. */
  findOfKind(id: string, kind: OrganizationKind, tx?: Tx): Promise<OrganizationEntity | null> {
    return this.organizations.findOfKind(id, kind, tx);
  }

  findByIds(ids: readonly string[], tx?: Tx): Promise<OrganizationEntity[]> {
    return this.organizations.findByIds(ids, tx);
  }

  /** A department's units, in their order. */
  unitsOf(departmentId: string, tx?: Tx): Promise<OrganizationEntity[]> {
    return this.organizations.childrenOf(departmentId, 'unit', tx);
  }

  /** A department's first unit, if it has one. */
  firstUnitOf(departmentId: string, tx?: Tx): Promise<OrganizationEntity | null> {
    return this.organizations.firstChildOf(departmentId, 'unit', tx);
  }

  /** The finance bureaus (财政局) inside a subtree (a path prefix; null: all). */
  bureausWithin(pathPrefix: string | null, tx?: Tx): Promise<OrganizationEntity[]> {
    return this.organizations.findKindWithin('finance_bureau', pathPrefix, tx);
  }

  /** The finance bureau an organization belongs to: the nearest 财政局 on its path (itself included); null when none. */
  async bureauAbove(organization: Pick<OrganizationEntity, 'path'>, tx?: Tx): Promise<OrganizationEntity | null> {
    return (await this.bureausAbove([organization], tx)).get(organization.path) ?? null;
  }

  /** The same for many organizations at once, by path. */
  async bureausAbove(organizations: readonly Pick<OrganizationEntity, 'path'>[], tx?: Tx): Promise<Map<string, OrganizationEntity>> {
    const ids = [...new Set(organizations.flatMap((o) => o.path.split('/').filter((id) => id !== '')))];
    const bureaus = new Map((await this.organizations.findByIds(ids, tx)).filter((o) => o.kind === 'finance_bureau').map((o) => [o.id, o]));
    const result = new Map<string, OrganizationEntity>();
    for (const { path } of organizations) {
      const nearest = path.split('/').filter((id) => bureaus.has(id)).pop();
      if (nearest !== undefined) result.set(path, bureaus.get(nearest)!);
    }
    return result;
  }

  /** The finance bureau (财政局) of a region, if it exists (a read: nothing is created). */
  findBureau(region: string, tx?: Tx): Promise<OrganizationEntity | null> {
    return this.organizations.findBureau(region, tx);
  }

  /** The child `childOf` would find (by kind and name), without creating anything: what an import's preview shows. */
  async findChild(parent: OrganizationEntity | null, kind: Exclude<OrganizationKind, 'finance_bureau'>, name: string, tx?: Tx): Promise<OrganizationEntity | null> {
    return (await this.organizations.findSiblingClash(parent ? parent.id : null, kind, name, null, null, tx)).byName;
  }

  /** The finance bureau (财政局) of a region, created on first use. */
  async bureauOf(tx: Tx, region: string): Promise<OrganizationEntity> {
    const found = await this.organizations.findBureau(region, tx);
    return found ?? this.create(tx, null, 'finance_bureau', { code: null, name: `${region}财政局`, region, position: 0 });
  }

  /**
   * A child of `parent` (or a root) by kind and name, created on first use (a dataset import). An
   * existing organization is never changed — its code, name and place are the administrators'
   * (系统管理): a file giving it another code is a 409 ORGANIZATION_CODE_TAKEN naming both codes, and a
   * new organization whose code a sibling already has is a 409 naming that sibling. A file without a
   * code matches by name and keeps the existing code.
   */
  async childOf(
    tx: Tx,
    parent: OrganizationEntity | null,
    kind: Exclude<OrganizationKind, 'finance_bureau'>,
    node: { code: string | null; name: string; position: number },
  ): Promise<OrganizationEntity> {
    const clash = await this.organizations.findSiblingClash(parent ? parent.id : null, kind, node.name, node.code, null, tx);
    const where = parent ? `「${parent.name}」下` : '顶层';
    const keep = '导入不改动已有机构的代码和名称，请核对文件，或先在系统管理中修改该机构';
    const found = clash.byName;
    if (found) {
      if (node.code !== null && found.code !== null && found.code !== node.code) {
        throw new AppException(
          ErrorCode.ORGANIZATION_CODE_TAKEN,
          `${where}的「${found.name}」代码为「${found.code}」，导入文件中为「${node.code}」；${keep} / the file gives an existing organization another code`,
          { organization: { id: found.id, name: found.name, code: found.code }, fileCode: node.code },
        );
      }
      return found;
    }
    if (clash.byCode) {
      const other = clash.byCode;
      throw new AppException(
        ErrorCode.ORGANIZATION_CODE_TAKEN,
        `${where}代码「${node.code}」已属于「${other.name}」，导入文件中为「${node.name}」；${keep} / the code belongs to another organization`,
        { organization: { id: other.id, name: other.name, code: other.code }, fileName: node.name },
      );
    }
    return this.create(tx, parent, kind, { ...node, region: null });
  }

  private create(
    tx: Tx,
    parent: OrganizationEntity | null,
    kind: OrganizationKind,
    node: { code: string | null; name: string; region: string | null; position: number },
  ): Promise<OrganizationEntity> {
    const id = randomUUID();
    return this.organizations.insert(tx, { ...node, id, kind, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, active: true });
  }
}
