import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { DepartmentListItemResponse, ProjectListItemResponse, TargetSheetResponse } from '@jixiao/contracts/api/target-sheet.contract';
import { sumMoney } from '@jixiao/domain/money';
import Big from 'big.js';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule, NzTableSortFn } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { apiErrorMessage } from '../core/http/api-error';
import { formatWan } from '../core/format/wan';
import { WanPipe } from '../core/format/wan.pipe';
import { SheetDetail } from './sheet-detail';
import { SHEET_KIND_LABELS, SHEET_STATUS } from './sheet-labels';
import { TargetSheetsApi } from './target-sheets-api';

/**
 * 绩效目标: pick a budget year and a department, see its 部门整体绩效目标 and its projects; a
 * project opens its target sheet in a side panel. The choices live in the URL
 * (`?year=2024&dept=…&sheet=…`), so a page can be reloaded, bookmarked and shared.
 */
@Component({
  selector: 'jx-sheets-page',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzDrawerModule,
    NzEmptyModule,
    NzIconModule,
    NzSelectModule,
    NzSkeletonModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    SheetDetail,
    WanPipe,
  ],
  templateUrl: './sheets-page.html',
  styleUrl: './sheets-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SheetsPage {
  private readonly api = inject(TargetSheetsApi);
  private readonly router = inject(Router);

  /** Query parameters. */
  readonly year = input<string>();
  readonly dept = input<string>();
  readonly sheet = input<string>();

  protected readonly status = SHEET_STATUS;
  protected readonly errorMessage = apiErrorMessage;

  protected readonly years = rxResource({ stream: () => this.api.fiscalYears() });

  protected readonly selectedYear = computed<number | undefined>(() => {
    const years = this.years.hasValue() ? this.years.value() : [];
    const wanted = Number(this.year());
    return years.includes(wanted) ? wanted : years[0];
  });

  protected readonly departments = rxResource({
    params: () => this.selectedYear(),
    stream: ({ params: fiscalYear }) => this.api.departments(fiscalYear),
  });

  protected readonly selectedDepartment = computed<DepartmentListItemResponse | undefined>(() => {
    const list = this.departments.hasValue() ? this.departments.value() : [];
    return list.find((item) => item.department.id === this.dept()) ?? list[0];
  });

  protected readonly selectedDepartmentId = computed(() => this.selectedDepartment()?.department.id);

  protected readonly projects = rxResource({
    params: () => {
      const fiscalYear = this.selectedYear();
      const departmentId = this.selectedDepartmentId();
      return fiscalYear === undefined || departmentId === undefined ? undefined : { fiscalYear, departmentId };
    },
    stream: ({ params }) => this.api.projects(params.fiscalYear, params.departmentId),
  });

  protected readonly projectTotal = computed(() => {
    const list = this.projects.hasValue() ? this.projects.value() : [];
    try {
      return sumMoney(list.map((project) => project.amount.total));
    } catch {
      return null;
    }
  });

  protected readonly openSheet = rxResource({
    params: () => this.sheet(),
    stream: ({ params: id }) => this.api.sheet(id),
  });

  protected readonly drawerTitle = computed(() => {
    const sheet = this.openSheet.hasValue() ? this.openSheet.value() : undefined;
    if (sheet === undefined) return '绩效目标表';
    return sheet.project !== null ? sheet.project.name : `${SHEET_KIND_LABELS.department} · ${sheet.department.name}`;
  });

  protected readonly byCode: NzTableSortFn<ProjectListItemResponse> = (a, b) =>
    (a.code ?? '').localeCompare(b.code ?? '', 'zh-CN', { numeric: true });
  protected readonly byAmount: NzTableSortFn<ProjectListItemResponse> = (a, b) => compareDecimal(a.amount.total, b.amount.total);
  protected readonly byIndicatorCount: NzTableSortFn<ProjectListItemResponse> = (a, b) =>
    a.sheet.indicatorCount - b.sheet.indicatorCount;

  protected selectYear(fiscalYear: number): void {
    void this.router.navigate([], { queryParams: { year: fiscalYear, sheet: null }, queryParamsHandling: 'merge' });
  }

  protected showSheet(id: string): void {
    void this.router.navigate([], { queryParams: { sheet: id }, queryParamsHandling: 'merge' });
  }

  protected closeSheet(): void {
    void this.router.navigate([], { queryParams: { sheet: null }, queryParamsHandling: 'merge' });
  }

  /** After a save or a workflow action: show the answer (发起调整 answers with the new version, another id). */
  protected onSheetChanged(sheet: TargetSheetResponse): void {
    if (sheet.id === this.sheet()) this.openSheet.set(sheet);
    else this.showSheet(sheet.id);
    this.projects.reload();
    this.departments.reload();
  }

  /** 刷新: read the sheet again (after someone else changed it). */
  protected reloadSheet(): void {
    this.openSheet.reload();
    this.projects.reload();
  }

  protected amountLabel(project: ProjectListItemResponse): string {
    return `${formatWan(project.amount.total)} 万元`;
  }
}

function compareDecimal(a: string, b: string): number {
  try {
    return new Big(a).cmp(new Big(b));
  } catch {
    return a.localeCompare(b);
  }
}
