import { Injectable } from '@nestjs/common';
import type { InboxCountResponse, InboxFacetsResponse, InboxItemResponse, InboxQuery, InboxResponse, OrganizationKind } from '@jixiao/contracts';
import { inboxStatuses, pendingActions } from '@jixiao/domain';
import { Principal, scopePathOf } from '../../core/auth/principal';
import { InboxFacetRow, InboxFilter, InboxQueries, InboxRow, InboxScope } from '../persistence/inbox-queries';

export const INBOX_PAGE_SIZE = 20;

/**
 * 待我处理: the sheets in the caller's subtree that wait for the caller's action, as the workflow
 * (`pendingActions` of libs/domain) says — nothing for a role that acts on no sheet.
 */
@Injectable()
export class InboxService {
  constructor(private readonly queries: InboxQueries) {}

  async list(principal: Principal, query: InboxQuery): Promise<InboxResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? INBOX_PAGE_SIZE;
    const scope = this.scope(principal);
    const facets = this.facets(await this.queries.facets(scope));
    if (facets.statuses.length === 0) return { items: [], total: 0, page, pageSize, facets }; // nothing waits: no more queries
    const filter = toFilter(query);
    const total = await this.queries.count(scope, filter);
    const rows = total > (page - 1) * pageSize ? await this.queries.page(scope, filter, pageSize, (page - 1) * pageSize) : [];
    return { items: rows.map((row) => this.item(principal, row)), total, page, pageSize, facets };
  }

  async count(principal: Principal): Promise<InboxCountResponse> {
    const scope = this.scope(principal);
    const none = scope.statuses.project.length === 0 && scope.statuses.department.length === 0;
    return { total: none ? 0 : await this.queries.count(scope, toFilter({})) };
  }

  private scope(principal: Principal): InboxScope {
    return { statuses: inboxStatuses(principal.role), prefix: scopePathOf(principal) };
  }

  private item(principal: Principal, r: InboxRow): InboxItemResponse {
    const ref = (id: string, code: string | null, name: string, kind: OrganizationKind) => ({ id, code, name, kind });
    return {
      sheetId: r.id,
      kind: r.kind,
      fiscalYear: r.fiscal_year,
      status: r.status,
      version: r.version,
      name: r.project_name ?? `${r.dept_name} 部门整体绩效目标`,
      project: r.project_id !== null ? { id: r.project_id, code: r.project_code, name: r.project_name! } : null,
      department: ref(r.dept_id, r.dept_code, r.dept_name, 'department'),
      unit: r.unit_id !== null ? ref(r.unit_id, r.unit_code, r.unit_name!, 'unit') : null,
      region: r.region,
      amount: r.amount,
      indicatorCount: r.indicator_count,
      actions: pendingActions(r.status, principal.role, r.kind),
      waitingSince: new Date(r.updated_at).toISOString(),
    };
  }

  private facets(rows: InboxFacetRow[]): InboxFacetsResponse {
    const facets: InboxFacetsResponse = { statuses: [], departments: [], fiscalYears: [] };
    for (const r of rows) {
      if (r.status !== null) facets.statuses.push({ status: r.status, count: r.n });
      else if (r.dept_id !== null) facets.departments.push({ department: { id: r.dept_id, code: r.dept_code, name: r.dept_name!, kind: 'department' }, count: r.n });
      else if (r.fiscal_year !== null) facets.fiscalYears.push({ fiscalYear: r.fiscal_year, count: r.n });
    }
    const order = ['returned', 'draft', 'submitted', 'department_approved', 'approved'];
    facets.statuses.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
    return facets;
  }
}

function toFilter(query: InboxQuery): InboxFilter {
  const search = query.q?.trim() ?? '';
  return { status: query.status ?? null, departmentId: query.departmentId ?? null, fiscalYear: query.fiscalYear ?? null, search: search === '' ? null : search };
}
