import type { Role } from '@jixiao/contracts';

export const DEMO_PASSWORD = 'jixiao-demo';

/** The demo datasets, by file stem; the stem prefixes the demo users' names (hanyin.editor …). */
export const DEMO_DATASETS = ['hanyin', 'shenmu', 'shenqiu', 'wangdu', 'xuchang'] as const;

/** Where in each region's tree a demo user sits, and its role. */
export const DEMO_ROLES: { suffix: string; role: Exclude<Role, 'admin'>; at: 'finance_bureau' | 'department' | 'unit'; title: string }[] = [
  { suffix: 'finance', role: 'finance_reviewer', at: 'finance_bureau', title: '财政审核人' },
  { suffix: 'reviewer', role: 'department_reviewer', at: 'department', title: '部门审核人' },
  { suffix: 'viewer', role: 'viewer', at: 'department', title: '查看者' },
  { suffix: 'editor', role: 'unit_editor', at: 'unit', title: '单位填报人' },
];
