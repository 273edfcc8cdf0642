import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuditEventResponse, CreateOrganizationRequest, MoveOrganizationRequest, OrganizationNodeResponse, UpdateOrganizationRequest } from '@jixiao/contracts';
import { ORGANIZATION_KIND_NAMES, placementProblem } from '@jixiao/domain/accounts/account-rules';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import type { Tx } from '../../core/database/persistence';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { OrganizationEntity } from '../entities/organization.entity';
import { OrganizationRepository } from '../persistence/organization.repository';
import { UserRepository } from '../persistence/user.repository';
import { administeredPath, administersPath, assertMayChange, organizationNotFound } from './admin-scope';
import { OrganizationUsageHooks, describeUsage } from './organization-usage';

/** 组织机构管理: the tree inside the administrator's subtree; every change one transaction, audited. */
@Injectable()
export class OrganizationAdminService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly users: UserRepository,
    private readonly usage: OrganizationUsageHooks,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** The caller's subtree as a tree (deactivated organizations included, marked). */
  async tree(principal: Principal, tx?: Tx): Promise<OrganizationNodeResponse[]> {
    const scope = administeredPath(principal);
    const [nodes, counts] = await Promise.all([this.organizations.listUnder(scope, tx), this.users.activeCounts(scope, tx)]);
    return buildTree(nodes, counts, (node) => (scope === null ? node.parentId === null : node.path === principal.organizationPath));
  }

  async create(principal: Principal, dto: CreateOrganizationRequest, correlationId: string | null): Promise<OrganizationNodeResponse> {
    const name = dto.name.trim();
    const code = blankToNull(dto.code);
    const region = blankToNull(dto.region);
    return this.transactions.run(async (tx) => {
      let parent: OrganizationEntity | null = null;
      if (dto.parentId === null) {
        if (principal.role !== 'admin') throw new AppException(ErrorCode.OUTSIDE_SCOPE, '只有系统管理员可以新建财政局');
      } else {
        parent = await this.organizations.findForUpdate(tx, dto.parentId);
        if (!parent || !administersPath(principal, parent.path)) throw organizationNotFound();
        if (!parent.active) throw inactive(parent, '不能在其下新建组织机构');
      }
      const problem = placementProblem(dto.kind, parent?.kind ?? null);
      if (problem) throw new AppException(ErrorCode.ORGANIZATION_PLACEMENT, problem);
      if (dto.kind === 'finance_bureau') {
        if (region === null) throw new AppException(ErrorCode.VALIDATION_FAILED, '新建财政局须填写行政区划（如「汉阴县」）');
        const existing = await this.organizations.findBureau(region, tx);
        if (existing) throw new AppException(ErrorCode.ORGANIZATION_NAME_TAKEN, `行政区划「${region}」已有财政局「${existing.name}」`);
      } else if (region !== null) {
        throw new AppException(ErrorCode.VALIDATION_FAILED, '只有财政局填写行政区划');
      }
      await this.assertNoSiblingClash(tx, parent, dto.kind, name, code, null);
      const id = randomUUID();
      const position = await this.organizations.nextPosition(tx, parent?.id ?? null);
      const created = await this.organizations.insert(tx, {
        id, parentId: parent?.id ?? null, kind: dto.kind, code, name, region, path: `${parent?.path ?? '/'}${id}/`, position, active: true,
      });
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'organization.create', entityType: 'organization', entityId: id,
        after: { kind: created.kind, code, name, region, parentId: parent?.id ?? null, parentName: parent?.name ?? null }, correlationId,
      });
      return this.subtree(created, tx);
    });
  }

  /** 重命名 / 修改代码. */
  async update(principal: Principal, id: string, dto: UpdateOrganizationRequest, correlationId: string | null): Promise<OrganizationNodeResponse> {
    return this.transactions.run(async (tx) => {
      const node = await this.changeable(tx, principal, id);
      const parent = node.parentId ? await this.organizations.findForUpdate(tx, node.parentId) : null;
      const name = dto.name === undefined ? node.name : dto.name.trim();
      const code = dto.code === undefined ? node.code : blankToNull(dto.code);
      if (name === node.name && code === node.code) return this.subtree(node, tx);
      await this.assertNoSiblingClash(tx, parent, node.kind, name, code, node.id);
      await this.organizations.update(tx, node.id, { name, code });
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'organization.update', entityType: 'organization', entityId: node.id,
        before: { code: node.code, name: node.name }, after: { code, name }, correlationId,
      });
      return this.subtree({ ...node, name, code }, tx);
    });
  }

  /** 移动: under another parent of the right kind, never into its own subtree; every descendant's path follows. */
  async move(principal: Principal, id: string, dto: MoveOrganizationRequest, correlationId: string | null): Promise<OrganizationNodeResponse> {
    return this.transactions.run(async (tx) => {
      const node = await this.changeable(tx, principal, id);
      const target = await this.organizations.findForUpdate(tx, dto.parentId);
      if (!target || !administersPath(principal, target.path)) throw organizationNotFound();
      if (target.path.startsWith(node.path)) {
        const where = target.id === node.id ? '它自己' : `它自己的下级「${target.name}」`;
        throw new AppException(ErrorCode.ORGANIZATION_MOVE_INTO_ITSELF, `不能把「${node.name}」移到${where}之下`);
      }
      const problem = placementProblem(node.kind, target.kind);
      if (problem) throw new AppException(ErrorCode.ORGANIZATION_PLACEMENT, problem);
      if (target.id === node.parentId) return this.subtree(node, tx);
      if (!target.active) throw inactive(target, '不能移入组织机构');
      const tied = await this.usage.tiedOutside(node.path, tx);
      const from = node.parentId ? await this.organizations.findById(node.parentId, tx) : null;
      if (tied.length > 0) {
        const kind = ORGANIZATION_KIND_NAMES[target.kind];
        throw new AppException(
          ErrorCode.ORGANIZATION_HAS_DATA,
          `「${node.name}」已有${describeUsage(tied)}，它们属于「${from?.name ?? '原上级'}」，不能移到其他${kind}；如需调整，请在「${target.name}」下新建${ORGANIZATION_KIND_NAMES[node.kind]}`,
          { usage: tied },
        );
      }
      await this.assertNoSiblingClash(tx, target, node.kind, node.name, node.code, node.id);
      const position = await this.organizations.nextPosition(tx, target.id);
      const path = await this.organizations.move(tx, node, target, position);
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'organization.move', entityType: 'organization', entityId: node.id,
        before: { parentId: node.parentId, parentName: from?.name ?? null }, after: { parentId: target.id, parentName: target.name }, correlationId,
      });
      return this.subtree({ ...node, parentId: target.id, path, position }, tx);
    });
  }

  /** 停用: the organization and everything below it; refused while active users sit there. */
  async deactivate(principal: Principal, id: string, correlationId: string | null): Promise<OrganizationNodeResponse> {
    return this.transactions.run(async (tx) => {
      const node = await this.changeable(tx, principal, id);
      const active = await this.users.usersUnder(node.path, true, tx);
      if (active.length > 0) {
        const names = active.slice(0, 5).map((u) => `${u.displayName}（${u.username}）`).join('、');
        throw new AppException(
          ErrorCode.ORGANIZATION_HAS_ACTIVE_USERS,
          `「${node.name}」及其下级仍有 ${active.length} 个启用的用户：${names}${active.length > 5 ? ' 等' : ''}。请先停用这些用户或把他们调到其他组织`,
          { users: active.map((u) => u.username) },
        );
      }
      const changed = await this.organizations.setActiveUnder(tx, node.path, false);
      if (changed.length > 0) {
        await this.audit.record(tx, {
          actorId: principal.userId, action: 'organization.deactivate', entityType: 'organization', entityId: node.id,
          before: { active: node.active }, after: { active: false, organizationsDeactivated: changed.length }, correlationId,
        });
      }
      return this.subtree({ ...node, active: false }, tx);
    });
  }

  /** 启用: the organization and everything below it, under an active parent. */
  async activate(principal: Principal, id: string, correlationId: string | null): Promise<OrganizationNodeResponse> {
    return this.transactions.run(async (tx) => {
      const node = await this.changeable(tx, principal, id);
      const parent = node.parentId ? await this.organizations.findById(node.parentId, tx) : null;
      if (parent && !parent.active) throw inactive(parent, `请先启用「${parent.name}」`);
      const changed = await this.organizations.setActiveUnder(tx, node.path, true);
      if (changed.length > 0) {
        await this.audit.record(tx, {
          actorId: principal.userId, action: 'organization.activate', entityType: 'organization', entityId: node.id,
          before: { active: node.active }, after: { active: true, organizationsActivated: changed.length }, correlationId,
        });
      }
      return this.subtree({ ...node, active: true }, tx);
    });
  }

  /** 删除: only an organization without children, users or data (one created by mistake); else it is deactivated. */
  async remove(principal: Principal, id: string, correlationId: string | null): Promise<void> {
    await this.transactions.run(async (tx) => {
      const node = await this.changeable(tx, principal, id);
      const children = await this.organizations.countChildren(node.id, tx);
      if (children > 0) throw hasData(node, `下级组织机构 ${children} 个`);
      const users = await this.users.usersUnder(node.path, false, tx);
      if (users.length > 0) throw hasData(node, `用户账号 ${users.length} 个（含已停用的）`);
      const usage = await this.usage.usage(node.path, tx);
      if (usage.length > 0) throw hasData(node, describeUsage(usage));
      if (!(await this.organizations.deleteIfUnreferenced(tx, node.id))) throw hasData(node, '其他业务数据');
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'organization.delete', entityType: 'organization', entityId: node.id,
        before: { kind: node.kind, code: node.code, name: node.name, region: node.region, parentId: node.parentId }, correlationId,
      });
    });
  }

  /** 操作记录 of one organization, newest first. */
  async history(principal: Principal, id: string): Promise<AuditEventResponse[]> {
    const node = await this.organizations.findById(id);
    if (!node || !administersPath(principal, node.path)) throw organizationNotFound();
    return this.audit.listForEntity('organization', id);
  }

  private async changeable(tx: Tx, principal: Principal, id: string): Promise<OrganizationEntity> {
    const node = await this.organizations.findForUpdate(tx, id);
    if (!node) throw organizationNotFound();
    assertMayChange(principal, node);
    return node;
  }

  /** Names and codes are unique among siblings: 409 naming the organization that has it. */
  private async assertNoSiblingClash(
    tx: Tx,
    parent: OrganizationEntity | null,
    kind: OrganizationEntity['kind'],
    name: string,
    code: string | null,
    exceptId: string | null,
  ): Promise<void> {
    const clash = await this.organizations.findSiblingClash(parent?.id ?? null, kind, name, code, exceptId, tx);
    const where = parent ? `「${parent.name}」下` : '顶层';
    if (clash.byCode) {
      const other = clash.byCode;
      throw new AppException(ErrorCode.ORGANIZATION_CODE_TAKEN, `${where}已有代码为「${code}」的${ORGANIZATION_KIND_NAMES[other.kind]}「${other.name}」`, {
        clash: { id: other.id, name: other.name, code: other.code },
      });
    }
    if (clash.byName) {
      throw new AppException(ErrorCode.ORGANIZATION_NAME_TAKEN, `${where}已有名为「${name}」的${ORGANIZATION_KIND_NAMES[kind]}`, {
        clash: { id: clash.byName.id, name: clash.byName.name, code: clash.byName.code },
      });
    }
  }

  private async subtree(node: OrganizationEntity, tx: Tx): Promise<OrganizationNodeResponse> {
    const [nodes, counts] = await Promise.all([this.organizations.listUnder(node.path, tx), this.users.activeCounts(node.path, tx)]);
    const withNode = nodes.map((n) => (n.id === node.id ? { ...n, ...node } : n));
    return buildTree(withNode, counts, (n) => n.id === node.id)[0]!;
  }
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function inactive(organization: OrganizationEntity, what: string): AppException {
  return new AppException(ErrorCode.ORGANIZATION_INACTIVE, `「${organization.name}」已停用，${what}`);
}

function hasData(organization: OrganizationEntity, what: string): AppException {
  return new AppException(ErrorCode.ORGANIZATION_HAS_DATA, `「${organization.name}」已有${what}，不能删除；不再使用时请停用（数据和历史记录会保留）`);
}

/** Nodes (parents listed before children) → the trees whose roots `isRoot` picks. */
export function buildTree(
  nodes: readonly OrganizationEntity[],
  activeUsers: ReadonlyMap<string, number>,
  isRoot: (node: OrganizationEntity) => boolean,
): OrganizationNodeResponse[] {
  const byId = new Map<string, OrganizationNodeResponse>();
  const roots: OrganizationNodeResponse[] = [];
  for (const n of nodes) {
    const response: OrganizationNodeResponse = {
      id: n.id, parentId: n.parentId, kind: n.kind, code: n.code, name: n.name, region: n.region, active: n.active,
      userCount: activeUsers.get(n.id) ?? 0, children: [],
    };
    byId.set(n.id, response);
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (isRoot(n)) roots.push(response);
    else if (parent) parent.children.push(response);
  }
  return roots;
}
