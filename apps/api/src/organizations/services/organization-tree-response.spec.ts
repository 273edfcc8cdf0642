import type { OrganizationEntity } from '../entities/organization.entity';
import { buildTree } from './organization-admin.service';

const org = (id: string, parentId: string | null, kind: OrganizationEntity['kind'], name: string): OrganizationEntity =>
  ({ id, parentId, kind, name, code: null, region: kind === 'finance_bureau' ? name : null, path: '', position: 0, active: true, createdAt: new Date() }) as OrganizationEntity;

describe(buildTree.name, () => {
  it('nests children under their parents in the order listed, with each one\'s active users', () => {
    const nodes = [org('b', null, 'finance_bureau', '汉阴县财政局'), org('d', 'b', 'department', '汉阴县医疗保障局'), org('u1', 'd', 'unit', '本级'), org('u2', 'd', 'unit', '中心')];
    const [root] = buildTree(nodes, new Map([['d', 2], ['u1', 1]]), (n) => n.parentId === null);
    expect(root).toMatchObject({ id: 'b', userCount: 0, children: [{ id: 'd', userCount: 2, children: [{ id: 'u1', userCount: 1 }, { id: 'u2', userCount: 0 }] }] });
  });

  it('starts at the roots it is asked for (a 管理员 sees its bureau only)', () => {
    const nodes = [org('d', 'b', 'department', '部门'), org('u', 'd', 'unit', '单位')];
    expect(buildTree(nodes, new Map(), (n) => n.id === 'd').map((n) => n.children.length)).toEqual([1]);
  });
});
