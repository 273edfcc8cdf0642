import type { OrganizationKind } from '@jixiao/contracts/api/auth.contract';

/** 角色名称, as users know them (one list, libs/contracts). */
export { ROLE_LABELS } from '@jixiao/contracts/api/auth.contract';

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  finance_bureau: '财政局',
  department: '部门',
  unit: '单位',
};
