import type { Role } from '@jixiao/contracts';

export const DEMO_PASSWORD = 'jixiao-demo';

/** The demo datasets, by file stem; the stem prefixes the demo users' names (hanyin.editor …). */
export const DEMO_DATASETS = ['hanyin', 'shenmu', 'shenqiu', 'wangdu', 'xuchang'] as const;
export type DemoRegion = (typeof DEMO_DATASETS)[number];

/** A demo account's place in its region: the finance bureau, the department, or a unit of it. */
export type DemoPost = 'finance' | 'admin' | 'reviewer' | 'viewer' | 'editor';

/** Where in each region's tree a demo user sits, and its role. */
export const DEMO_ROLES: { suffix: DemoPost; role: Exclude<Role, 'admin'>; at: 'finance_bureau' | 'department' | 'unit'; title: string }[] = [
  { suffix: 'finance', role: 'finance_reviewer', at: 'finance_bureau', title: '财政审核人' },
  { suffix: 'admin', role: 'bureau_admin', at: 'finance_bureau', title: '管理员' },
  { suffix: 'reviewer', role: 'department_reviewer', at: 'department', title: '部门审核人' },
  { suffix: 'viewer', role: 'viewer', at: 'department', title: '查看者' },
  { suffix: 'editor', role: 'unit_editor', at: 'unit', title: '单位填报人' },
];

/**
 * The people behind the demo accounts (invented names): the 操作日志 and reviews name a person with
 * the role beside it, as they will for a real bureau. `editors` are the 填报人 of the department's
 * units in their order: the first is `<region>.editor`, the others `<region>.editor2` ….
 */
export const DEMO_PEOPLE: Readonly<Record<DemoRegion, { finance: string; admin: string; reviewer: string; viewer: string; editors: readonly string[] }>> = {
  hanyin: { finance: '陈志远', admin: '周建国', reviewer: '刘芳', viewer: '王磊', editors: ['张静'] },
  shenmu: { finance: '高伟', admin: '杨帆', reviewer: '李娜', viewer: '郭强', editors: ['马丽', '白雪松', '贺晓燕'] },
  shenqiu: { finance: '孙浩', admin: '黄涛', reviewer: '赵敏', viewer: '吴军', editors: ['郑雪'] },
  wangdu: { finance: '何平', admin: '韩冰', reviewer: '罗琳', viewer: '谢勇', editors: ['宋佳'] },
  xuchang: { finance: '冯刚', admin: '蒋毅', reviewer: '曹颖', viewer: '邓超', editors: ['彭欣', '田志华'] },
};

/** The username of the demo editor of a department's n-th unit (0-based). */
export function demoEditorUsername(region: DemoRegion, unitIndex: number): string {
  return unitIndex === 0 ? `${region}.editor` : `${region}.editor${unitIndex + 1}`;
}
