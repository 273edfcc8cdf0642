import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { InboxItemResponse, InboxQuery } from '@jixiao/contracts/api/inbox.contract';
import type { SheetStatus } from '@jixiao/contracts/api/target-sheet.contract';
import { formatBeijingTime } from '@jixiao/domain/beijing-time';
import { SHEET_ACTION_LABELS, SHEET_STATUSES } from '@jixiao/domain/workflow/sheet-workflow';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthStore } from '../core/auth/auth-store';
import { ROLE_LABELS } from '../core/auth/role-labels';
import { WanPipe } from '../core/format/wan.pipe';
import { apiErrorMessage } from '../core/http/api-error';
import { SHEET_STATUS } from '../target-sheets/sheet-labels';
import { InboxApi } from './inbox-api';
import { InboxCounter } from './inbox-counter';

export const INBOX_PAGE_SIZE = 20;

/**
 * 待我处理: the target sheets waiting for my action (提交, 部门审核, 财政批准), returned ones first, then the
 * longest waiting; filtered by status, department and year, searched by project name or code. The
 * choices live in the URL (`?status=&dept=&year=&q=&page=`); a row opens its sheet.
 */
@Component({
  selector: 'jx-inbox-page',
  imports: [FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzEmptyModule, NzIconModule, NzInputModule, NzSelectModule, NzTableModule, NzTagModule, WanPipe],
  templateUrl: './inbox-page.html',
  styleUrl: './inbox-page.css',
  host: { class: 'jx-page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage {
  private readonly api = inject(InboxApi);
  private readonly router = inject(Router);
  private readonly counter = inject(InboxCounter);
  private readonly auth = inject(AuthStore);

  /** Query parameters. */
  readonly status = input<string>();
  readonly dept = input<string>();
  readonly year = input<string>();
  readonly q = input<string>();
  readonly page = input<string>();

  protected readonly statusLabels = SHEET_STATUS;
  protected readonly errorMessage = apiErrorMessage;
  protected readonly pageSize = INBOX_PAGE_SIZE;
  protected readonly applies = this.counter.applies;
  protected readonly roleLabel = computed(() => {
    const role = this.auth.user()?.role;
    return role === undefined ? '' : ROLE_LABELS[role];
  });

  protected readonly query = computed<InboxQuery>(() => {
    const status = SHEET_STATUSES.find((s) => s === this.status());
    const year = Number(this.year());
    const page = Number(this.page());
    const q = this.q()?.trim();
    return {
      status,
      departmentId: this.dept() || undefined,
      fiscalYear: Number.isInteger(year) && year > 0 ? year : undefined,
      q: q || undefined,
      page: Number.isInteger(page) && page > 1 ? page : 1,
      pageSize: INBOX_PAGE_SIZE,
    };
  });
  protected readonly filtered = computed(() => {
    const { status, departmentId, fiscalYear, q } = this.query();
    return status !== undefined || departmentId !== undefined || fiscalYear !== undefined || q !== undefined;
  });

  protected readonly inbox = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.list(params) });
  protected readonly items = computed(() => (this.inbox.hasValue() ? this.inbox.value().items : []));
  protected readonly total = computed(() => (this.inbox.hasValue() ? this.inbox.value().total : 0));
  protected readonly facets = computed(() => (this.inbox.hasValue() ? this.inbox.value().facets : null));
  /** All that waits, whatever the filters (the facets count the whole inbox). */
  protected readonly waiting = computed(() => this.facets()?.statuses.reduce((n, s) => n + s.count, 0) ?? 0);

  /** The search box: what the URL says until the user types. */
  protected readonly searchText = linkedSignal(() => this.q() ?? '');

  constructor() {
    // the badge follows what the page read
    effect(() => {
      if (this.facets() !== null) this.counter.set(this.waiting());
    });
  }

  protected setFilter(patch: { status?: SheetStatus | null; dept?: string | null; year?: number | null; q?: string | null }): void {
    void this.router.navigate([], { queryParams: { ...patch, page: null }, queryParamsHandling: 'merge' });
  }

  protected search(): void {
    const text = this.searchText().trim();
    this.setFilter({ q: text === '' ? null : text });
  }

  protected clearFilters(): void {
    this.searchText.set('');
    void this.router.navigate([], { queryParams: {} });
  }

  protected goToPage(page: number): void {
    void this.router.navigate([], { queryParams: { page: page > 1 ? page : null }, queryParamsHandling: 'merge' });
  }

  /** Opens the sheet on 绩效目标, in its year and department. */
  protected sheetParams(item: InboxItemResponse): Record<string, string | number> {
    return { year: item.fiscalYear, dept: item.department.id, sheet: item.sheetId };
  }

  /** 部门审核通过 / 退回. */
  protected actionsText(item: InboxItemResponse): string {
    return item.actions.map((action) => SHEET_ACTION_LABELS[action]).join(' / ');
  }

  protected since(item: InboxItemResponse): string {
    return formatBeijingTime(item.waitingSince) ?? '—';
  }
}
