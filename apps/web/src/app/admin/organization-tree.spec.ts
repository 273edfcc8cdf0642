import type { OrganizationNodeResponse } from '@jixiao/contracts/api/admin.contract';
import { moveTargets, organizationRows, organizationsForRole } from './organization-tree';

const node = (id: string, kind: OrganizationNodeResponse['kind'], name: string, children: OrganizationNodeResponse[] = [], active = true): OrganizationNodeResponse => ({
  id, parentId: null, kind, code: null, name, region: kind === 'finance_bureau' ? name.replace('财政局', '') : null, active, userCount: 0, children,
});

const TREE = [
  node('b1', 'finance_bureau', '汉阴县财政局', [
    node('d1', 'department', '汉阴县医疗保障局', [node('u1', 'unit', '汉阴县医疗保障局本级')]),
    node('d2', 'department', '汉阴县卫生健康局', [node('u2', 'unit', '卫健局本级')]),
    node('d3', 'department', '已撤销部门', [], false),
  ]),
  node('b2', 'finance_bureau', '神木市财政局', [node('d4', 'department', '神木市医疗保障局')]),
];

describe(organizationRows.name, () => {
  it('lists the tree depth first, with each row\'s depth and the names above it', () => {
    expect(organizationRows(TREE).map((r) => [r.depth, r.label, r.kindLabel, r.childKind])).toEqual([
      [0, '汉阴县财政局', '财政局', 'department'],
      [1, '汉阴县财政局 / 汉阴县医疗保障局', '部门', 'unit'],
      [2, '汉阴县财政局 / 汉阴县医疗保障局 / 汉阴县医疗保障局本级', '单位', null],
      [1, '汉阴县财政局 / 汉阴县卫生健康局', '部门', 'unit'],
      [2, '汉阴县财政局 / 汉阴县卫生健康局 / 卫健局本级', '单位', null],
      [1, '汉阴县财政局 / 已撤销部门', '部门', 'unit'],
      [0, '神木市财政局', '财政局', 'department'],
      [1, '神木市财政局 / 神木市医疗保障局', '部门', 'unit'],
    ]);
  });
});

describe(moveTargets.name, () => {
  it('offers a unit the active departments, a department the bureaus, never its own subtree', () => {
    const rows = organizationRows(TREE);
    const unit = rows.find((r) => r.node.id === 'u1')!.node;
    expect(moveTargets(rows, unit).map((r) => r.node.id)).toEqual(['d1', 'd2', 'd4']);
    const department = rows.find((r) => r.node.id === 'd1')!.node;
    expect(moveTargets(rows, department).map((r) => r.node.id)).toEqual(['b1', 'b2']);
  });
});

describe(organizationsForRole.name, () => {
  it('offers each role the active organizations it may sit on', () => {
    const rows = organizationRows(TREE);
    expect(organizationsForRole(rows, 'unit_editor').map((r) => r.node.id)).toEqual(['u1', 'u2']);
    expect(organizationsForRole(rows, 'department_reviewer').map((r) => r.node.id)).toEqual(['d1', 'd2', 'd4']);
    expect(organizationsForRole(rows, 'bureau_admin').map((r) => r.node.id)).toEqual(['b1', 'b2']);
    expect(organizationsForRole(rows, 'viewer')).toHaveLength(7);
    expect(organizationsForRole(rows, 'admin')).toEqual([]);
  });
});
