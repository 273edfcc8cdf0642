/**
 * 系统管理 (administration) rules: which role sits on which kind of organization, who administers
 * whom, and where an organization may hang in the tree. The API enforces them; the web offers only
 * what they allow.
 */
import type { EditorRole } from '../workflow/sheet-editors';

/** 组织类型: 财政局 → 部门 → 单位. */
export type OrganizationKindName = 'finance_bureau' | 'department' | 'unit';

/** The roles that administer organizations and users: 系统管理员 everywhere, 管理员 in one finance bureau. */
export const ADMINISTRATOR_ROLES: readonly EditorRole[] = ['admin', 'bureau_admin'];

export function isAdministrator(role: EditorRole): boolean {
  return ADMINISTRATOR_ROLES.includes(role);
}

/** Where each role sits: null = no organization (系统管理员 only). */
export const ROLE_ORGANIZATION_KINDS: Readonly<Record<EditorRole, readonly (OrganizationKindName | null)[]>> = {
  unit_editor: ['unit'],
  department_reviewer: ['department'],
  finance_reviewer: ['finance_bureau'],
  viewer: ['finance_bureau', 'department', 'unit'],
  bureau_admin: ['finance_bureau'],
  admin: [null],
};

export const ORGANIZATION_KIND_NAMES: Readonly<Record<OrganizationKindName, string>> = {
  finance_bureau: '财政局',
  department: '部门',
  unit: '单位',
};

/** Why `role` cannot sit on an organization of `kind` (null: none), or null when it fits. */
export function roleOrganizationProblem(role: EditorRole, kind: OrganizationKindName | null, roleLabel: string): string | null {
  const allowed = ROLE_ORGANIZATION_KINDS[role];
  if (allowed.includes(kind)) return null;
  if (kind === null) return `${roleLabel}必须属于一个${allowed.map((k) => (k === null ? '' : ORGANIZATION_KIND_NAMES[k])).join('或')}`;
  if (allowed.includes(null)) return `${roleLabel}不属于任何组织机构，请不要选择组织`;
  const where = allowed.map((k) => (k === null ? '' : ORGANIZATION_KIND_NAMES[k])).join('或');
  return `${roleLabel}只能设在${where}，不能设在${ORGANIZATION_KIND_NAMES[kind]}`;
}

/** The roles an administrator may give: 系统管理员 every role, 管理员 every role but 系统管理员. */
export function assignableRoles(administrator: EditorRole, all: readonly EditorRole[]): EditorRole[] {
  if (administrator === 'admin') return [...all];
  if (administrator === 'bureau_admin') return all.filter((r) => r !== 'admin');
  return [];
}

/** The kind a child of `parentKind` has (null parent: a finance bureau is a root); null when it cannot have children. */
export function childKindOf(parentKind: OrganizationKindName | null): OrganizationKindName | null {
  if (parentKind === null) return 'finance_bureau';
  if (parentKind === 'finance_bureau') return 'department';
  if (parentKind === 'department') return 'unit';
  return null;
}

/** Why an organization of `kind` cannot hang under a parent of `parentKind`, or null when it can. */
export function placementProblem(kind: OrganizationKindName, parentKind: OrganizationKindName | null): string | null {
  if (childKindOf(parentKind) === kind) return null;
  const name = ORGANIZATION_KIND_NAMES[kind];
  if (kind === 'finance_bureau') return '财政局是组织机构树的顶层，不能设在其他组织之下';
  if (kind === 'department') return `${name}只能设在财政局之下`;
  return `${name}只能设在部门之下`;
}

/** True when `candidatePath` is the organization at `path` or lies below it (materialised paths '/a/b/'). */
export function isSameOrBelow(candidatePath: string, path: string): boolean {
  return candidatePath.startsWith(path);
}
