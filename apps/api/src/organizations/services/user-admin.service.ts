import { Injectable } from '@nestjs/common';
import { ROLE_LABELS, ROLES, type AuditEventResponse, type CreateUserRequest, type ListUsersQuery, type OneTimePasswordResponse, type Role, type UpdateUserRequest, type UserResponse } from '@jixiao/contracts';
import { assignableRoles, roleOrganizationProblem } from '@jixiao/domain/accounts/account-rules';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import type { Tx } from '../../core/database/persistence';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { OrganizationEntity } from '../entities/organization.entity';
import type { UserEntity } from '../entities/user.entity';
import { organizationRef } from '../organization-ref';
import { OrganizationRepository } from '../persistence/organization.repository';
import { UserRepository } from '../persistence/user.repository';
import { administeredPath, administersPath, organizationNotFound } from './admin-scope';
import { LoginThrottleService } from './login-throttle.service';
import { generateOneTimePassword } from './one-time-password';
import { hashPassword } from './password.util';
import { SessionService } from './session.service';

/** 用户管理: accounts inside the administrator's subtree; every change one transaction, audited (never a password). */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, query: ListUsersQuery): Promise<UserResponse[]> {
    let underPath: string | null = null;
    if (query.organizationId) {
      const organization = await this.organizations.findById(query.organizationId);
      if (!organization || !administersPath(principal, organization.path)) throw organizationNotFound();
      underPath = organization.path;
    }
    const text = query.q?.trim() || null;
    const users = await this.users.list({ scopePath: administeredPath(principal), underPath, text, includeInactive: query.includeInactive ?? false });
    return this.responses(users);
  }

  /** 新建用户: with a one-time password, shown once, to be changed at the first login. */
  async create(principal: Principal, dto: CreateUserRequest, correlationId: string | null): Promise<OneTimePasswordResponse> {
    const username = dto.username.trim().toLowerCase();
    const displayName = dto.displayName.trim();
    const oneTimePassword = generateOneTimePassword(username);
    const passwordHash = await hashPassword(oneTimePassword);
    const id = await this.transactions.run(async (tx) => {
      const organization = await this.placement(tx, principal, dto.role, dto.organizationId);
      await this.assertUsernameFree(tx, principal, username);
      const created = await this.users.insert(tx, { username, displayName, passwordHash, role: dto.role, organizationId: organization?.id ?? null, active: true, mustChangePassword: true });
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'user.create', entityType: 'user', entityId: created,
        after: { username, displayName, role: dto.role, organizationId: organization?.id ?? null, organizationName: organization?.name ?? null, mustChangePassword: true },
        correlationId,
      });
      return created;
    });
    return { user: await this.one(id), oneTimePassword };
  }

  /** 修改: display name, role, organization (a role must fit its organization's kind). */
  async update(principal: Principal, id: string, dto: UpdateUserRequest, correlationId: string | null): Promise<UserResponse> {
    await this.transactions.run(async (tx) => {
      const user = await this.administered(tx, principal, id);
      const role = dto.role ?? user.role;
      const organizationId = dto.organizationId === undefined ? user.organizationId : dto.organizationId;
      const displayName = dto.displayName?.trim() ?? user.displayName;
      const placementChanges = role !== user.role || organizationId !== user.organizationId;
      if (role !== user.role && user.role === 'admin' && user.active) await this.assertNotLastAdmin(tx, user, '改为其他角色');
      if (placementChanges && user.id === principal.userId) {
        throw new AppException(ErrorCode.SELF_ADMINISTRATION, '不能修改自己的角色或所属组织，请由其他管理员操作');
      }
      const organization = placementChanges ? await this.placement(tx, principal, role, organizationId) : user.organization;
      if (!placementChanges && displayName === user.displayName) return;
      await this.users.update(tx, user.id, { displayName, role, organizationId: organization?.id ?? null });
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'user.update', entityType: 'user', entityId: user.id,
        before: { displayName: user.displayName, role: user.role, organizationId: user.organizationId, organizationName: user.organization?.name ?? null },
        after: { displayName, role, organizationId: organization?.id ?? null, organizationName: organization?.name ?? null },
        correlationId,
      });
    });
    return this.one(id);
  }

  /** 停用: cannot log in any more, and its sessions end. */
  async deactivate(principal: Principal, id: string, correlationId: string | null): Promise<UserResponse> {
    await this.transactions.run(async (tx) => {
      const user = await this.administered(tx, principal, id);
      if (!user.active) return;
      if (user.role === 'admin') await this.assertNotLastAdmin(tx, user, '停用');
      if (user.id === principal.userId) throw new AppException(ErrorCode.SELF_ADMINISTRATION, '不能停用自己的账号，请由其他管理员操作');
      await this.users.update(tx, user.id, { active: false });
      await this.users.revokeTokens(tx, user.id);
      await this.sessions.revokeAll(tx, user.id, 'deactivated');
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'user.deactivate', entityType: 'user', entityId: user.id,
        before: { active: true }, after: { active: false }, correlationId,
      });
    });
    return this.one(id);
  }

  /** 启用 again (in an active organization). */
  async activate(principal: Principal, id: string, correlationId: string | null): Promise<UserResponse> {
    await this.transactions.run(async (tx) => {
      const user = await this.administered(tx, principal, id);
      if (user.active) return;
      if (user.organization && !user.organization.active) {
        throw new AppException(ErrorCode.ORGANIZATION_INACTIVE, `「${user.organization.name}」已停用，请先启用该组织或把用户调到其他组织`);
      }
      await this.users.update(tx, user.id, { active: true });
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'user.activate', entityType: 'user', entityId: user.id,
        before: { active: false }, after: { active: true }, correlationId,
      });
    });
    return this.one(id);
  }

  /** 重置密码: a one-time password (shown once), to be changed at the next login; the user's sessions end and a login lock is lifted. */
  async resetPassword(principal: Principal, id: string, correlationId: string | null): Promise<OneTimePasswordResponse> {
    const user = await this.transactions.run(async (tx) => {
      const found = await this.administered(tx, principal, id);
      if (found.id === principal.userId) throw new AppException(ErrorCode.SELF_ADMINISTRATION, '请在「修改密码」中修改自己的密码');
      return found;
    });
    const oneTimePassword = generateOneTimePassword(user.username);
    const passwordHash = await hashPassword(oneTimePassword);
    await this.transactions.run(async (tx) => {
      const current = await this.administered(tx, principal, id);
      await this.users.setPassword(tx, current.id, passwordHash, true);
      await this.sessions.revokeAll(tx, current.id, 'password_reset');
      await this.throttle.forgetAccount(current.username, tx);
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'user.password_reset', entityType: 'user', entityId: current.id,
        before: { mustChangePassword: current.mustChangePassword }, after: { mustChangePassword: true }, correlationId,
      });
    });
    return { user: await this.one(id), oneTimePassword };
  }

  /** 操作记录 of one account: what administrators (and the user) changed, newest first. */
  async history(principal: Principal, id: string): Promise<AuditEventResponse[]> {
    const user = await this.users.findById(id);
    if (!user || !administersPath(principal, user.organization?.path ?? null)) {
      throw new AppException(ErrorCode.USER_NOT_FOUND, '找不到该用户，或不在您的管理范围内');
    }
    return this.audit.listForEntity('user', id);
  }

  /** A user of the administrator's subtree (系统管理员 accounts: only for 系统管理员), locked for the transaction. */
  private async administered(tx: Tx, principal: Principal, id: string): Promise<UserEntity> {
    const user = await this.users.findForUpdate(tx, id);
    if (!user || !administersPath(principal, user.organization?.path ?? null)) {
      throw new AppException(ErrorCode.USER_NOT_FOUND, '找不到该用户，或不在您的管理范围内');
    }
    return user;
  }

  /** The organization a role is given at: in the administrator's subtree, active, of a kind the role fits. */
  private async placement(tx: Tx, principal: Principal, role: Role, organizationId: string | null): Promise<OrganizationEntity | null> {
    if (!assignableRoles(principal.role, ROLES).includes(role)) {
      throw new AppException(ErrorCode.ROLE_FORBIDDEN, `${ROLE_LABELS[principal.role]}不能设置「${ROLE_LABELS[role]}」角色`);
    }
    const organization = organizationId === null ? null : await this.organizations.findById(organizationId, tx);
    if (organizationId !== null && (!organization || !administersPath(principal, organization.path))) throw organizationNotFound();
    const problem = roleOrganizationProblem(role, organization?.kind ?? null, ROLE_LABELS[role]);
    if (problem) throw new AppException(ErrorCode.ROLE_ORGANIZATION_MISMATCH, problem);
    if (organization && !organization.active) throw new AppException(ErrorCode.ORGANIZATION_INACTIVE, `「${organization.name}」已停用，不能把用户设在这里`);
    return organization;
  }

  private async assertUsernameFree(tx: Tx, principal: Principal, username: string): Promise<void> {
    const existing = await this.users.findByUsername(username, tx);
    if (!existing) return;
    const visible = administersPath(principal, existing.organization?.path ?? null);
    const who = visible ? `「${existing.displayName}」${existing.organization ? `（${existing.organization.name}）` : ''}${existing.active ? '' : '（已停用）'}` : '其他用户';
    throw new AppException(ErrorCode.USERNAME_TAKEN, `用户名「${username}」已被${who}使用，请换一个`);
  }

  private async assertNotLastAdmin(tx: Tx, user: UserEntity, what: string): Promise<void> {
    const admins = await this.users.activeAdminIds(tx);
    if (admins.length <= 1 && admins.includes(user.id)) {
      throw new AppException(ErrorCode.LAST_ADMIN, `「${user.displayName}」是最后一个启用的系统管理员，不能${what}；请先新建或启用另一个系统管理员`);
    }
  }

  private async one(id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw new AppException(ErrorCode.USER_NOT_FOUND, '找不到该用户');
    return (await this.responses([user]))[0]!;
  }

  private async responses(users: readonly UserEntity[]): Promise<UserResponse[]> {
    const locked = await this.throttle.lockedAccounts(users.map((u) => u.username));
    return users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      organization: u.organization ? organizationRef(u.organization) : null,
      active: u.active,
      mustChangePassword: u.mustChangePassword,
      lockedUntil: locked.get(u.username)?.toISOString() ?? null,
      lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    }));
  }
}
