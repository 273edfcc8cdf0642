import type { OrganizationKind, Role } from '@jixiao/contracts/api/auth.contract';

/** 角色名称, as users know them. */
export const ROLE_LABELS: Record<Role, string> = {
  unit_editor: '单位填报人',
  department_reviewer: '部门审核人',
  finance_reviewer: '财政审核人',
  viewer: '查看者',
  admin: '系统管理员',
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  finance_bureau: '财政局',
  department: '部门',
  unit: '单位',
};
