import type { OrganizationKind, Role } from '@jixiao/contracts/api/auth.contract';
import type { OrganizationNodeResponse } from '@jixiao/contracts/api/admin.contract';
import { childKindOf, ORGANIZATION_KIND_NAMES, ROLE_ORGANIZATION_KINDS } from '@jixiao/domain/accounts';

/** One organization as a row of the tree table: its depth and the names above it. */
export interface OrganizationRow {
  node: OrganizationNodeResponse;
  depth: number;
  path: string[]; // names from the root to this node
  label: string; // 汉阴县财政局 / 汉阴县医疗保障局
  kindLabel: string;
  childKind: OrganizationKind | null; // what 新建下级 creates
}

/** The tree, depth first, as rows (children in their order). */
export function organizationRows(roots: readonly OrganizationNodeResponse[]): OrganizationRow[] {
  const rows: OrganizationRow[] = [];
  const walk = (node: OrganizationNodeResponse, depth: number, above: string[]) => {
    const path = [...above, node.name];
    rows.push({ node, depth, path, label: path.join(' / '), kindLabel: ORGANIZATION_KIND_NAMES[node.kind], childKind: childKindOf(node.kind) });
    for (const child of node.children) walk(child, depth + 1, path);
  };
  for (const root of roots) walk(root, 0, []);
  return rows;
}

/** Where an organization may move: active organizations of its parent's kind, outside its own subtree. */
export function moveTargets(rows: readonly OrganizationRow[], moving: OrganizationNodeResponse): OrganizationRow[] {
  const below = new Set<string>();
  const mark = (n: OrganizationNodeResponse) => {
    below.add(n.id);
    n.children.forEach(mark);
  };
  mark(moving);
  return rows.filter((r) => r.node.active && !below.has(r.node.id) && r.childKind === moving.kind);
}

/** The active organizations a role may sit on. */
export function organizationsForRole(rows: readonly OrganizationRow[], role: Role): OrganizationRow[] {
  const kinds = ROLE_ORGANIZATION_KINDS[role];
  return rows.filter((r) => r.node.active && kinds.includes(r.node.kind));
}
