import type { EditorRole } from '../workflow/sheet-editors';
import { ROLE_LABELS } from '../workflow/sheet-workflow';
import { assignableRoles, childKindOf, isAdministrator, isSameOrBelow, placementProblem, roleOrganizationProblem } from './account-rules';

const ROLES: EditorRole[] = ['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'bureau_admin', 'admin'];

describe(roleOrganizationProblem.name, () => {
  it.each([
    ['unit_editor', 'unit'],
    ['department_reviewer', 'department'],
    ['finance_reviewer', 'finance_bureau'],
    ['bureau_admin', 'finance_bureau'],
    ['viewer', 'department'],
    ['viewer', 'unit'],
    ['admin', null],
  ] as const)('lets %s sit on %s', (role, kind) => {
    expect(roleOrganizationProblem(role, kind, ROLE_LABELS[role])).toBeNull();
  });

  it('says where a role belongs when it is put elsewhere', () => {
    expect(roleOrganizationProblem('unit_editor', 'department', '单位填报人')).toBe('单位填报人只能设在单位，不能设在部门');
    expect(roleOrganizationProblem('bureau_admin', 'unit', '管理员')).toBe('管理员只能设在财政局，不能设在单位');
    expect(roleOrganizationProblem('department_reviewer', null, '部门审核人')).toBe('部门审核人必须属于一个部门');
    expect(roleOrganizationProblem('admin', 'finance_bureau', '系统管理员')).toBe('系统管理员不属于任何组织机构，请不要选择组织');
  });
});

describe(assignableRoles.name, () => {
  it('lets 系统管理员 give every role, 管理员 every role but 系统管理员, nobody else any', () => {
    expect(assignableRoles('admin', ROLES)).toEqual(ROLES);
    expect(assignableRoles('bureau_admin', ROLES)).toEqual(['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'bureau_admin']);
    expect(assignableRoles('finance_reviewer', ROLES)).toEqual([]);
  });

  it('knows the administrators', () => {
    expect(ROLES.filter(isAdministrator)).toEqual(['bureau_admin', 'admin']);
  });
});

describe(placementProblem.name, () => {
  it('hangs a bureau at the top, a department under a bureau, a unit under a department', () => {
    expect(childKindOf(null)).toBe('finance_bureau');
    expect(childKindOf('finance_bureau')).toBe('department');
    expect(childKindOf('department')).toBe('unit');
    expect(childKindOf('unit')).toBeNull();
    expect(placementProblem('unit', 'department')).toBeNull();
  });

  it('says where an organization may hang', () => {
    expect(placementProblem('unit', 'finance_bureau')).toBe('单位只能设在部门之下');
    expect(placementProblem('department', 'department')).toBe('部门只能设在财政局之下');
    expect(placementProblem('finance_bureau', 'department')).toBe('财政局是组织机构树的顶层，不能设在其他组织之下');
  });

  it('finds a node inside a subtree by its materialised path', () => {
    expect(isSameOrBelow('/a/b/c/', '/a/b/')).toBe(true);
    expect(isSameOrBelow('/a/b/', '/a/b/')).toBe(true);
    expect(isSameOrBelow('/a/bc/', '/a/b/')).toBe(false);
  });
});
