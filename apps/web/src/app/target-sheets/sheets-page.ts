import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
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
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule, NzTableSortFn } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthStore } from '../core/auth/auth-store';
import { apiErrorMessage } from '../core/http/api-error';
import { formatWan } from '../core/format/wan';
import { readTypedAmount } from '@jixiao/domain/typed-input';
import { WanPipe } from '../core/format/wan.pipe';
import { AmountInput } from '../shared/amount-input';
import { SheetDetail } from './sheet-detail';
import { SHEET_KIND_LABELS, SHEET_STATUS } from './sheet-labels';
import type { CreateProjectRequest } from '@jixiao/contracts/api/target-sheet.contract';
import { TargetSheetsApi } from './target-sheets-api';
import { chosenYear, laterYears } from '../fiscal-years/year-choice';
import { TargetSheetDownloads } from './target-sheet-downloads';

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
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzSkeletonModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    AmountInput,
    SheetDetail,
    TargetSheetDownloads,
    WanPipe,
  ],
  templateUrl: './sheets-page.html',
  styleUrl: './sheets-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SheetsPage {
  private readonly api = inject(TargetSheetsApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);

  /** Query parameters. */
  readonly year = input<string>();
  readonly dept = input<string>();
  readonly sheet = input<string>();

  protected readonly status = SHEET_STATUS;
  protected readonly errorMessage = apiErrorMessage;

  protected readonly years = rxResource({ stream: () => this.api.fiscalYears() });

  protected readonly selectedYear = computed<number | undefined>(() => chosenYear(this.years.hasValue() ? this.years.value() : [], Number(this.year())));

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

  /** The opened years after the open sheet's: where it can be rolled over to (结转). */
  protected readonly laterYears = computed(() => {
    const sheet = this.openSheet.hasValue() ? this.openSheet.value() : undefined;
    return sheet === undefined || !this.years.hasValue() ? [] : laterYears(this.years.value(), sheet.fiscalYear);
  });

  protected readonly drawerTitle = computed(() => {
    const sheet = this.openSheet.hasValue() ? this.openSheet.value() : undefined;
    if (sheet === undefined) return '绩效目标表';
    return sheet.project !== null ? sheet.project.name : `${SHEET_KIND_LABELS.department} · ${sheet.department.name}`;
  });

  // ── 新建项目 ──
  protected readonly categories = ['特定目标类', '其他运转类', '专用项目'];
  protected readonly canCreate = computed(() => {
    const role = this.auth.user()?.role;
    return role === 'unit_editor' || role === 'admin';
  });
  /** 实施单位 choices: a unit editor's own unit; for an admin the distinct units of the department's projects. */
  protected readonly unitChoices = computed<{ id: string; name: string }[]>(() => {
    const user = this.auth.user();
    if (user?.role === 'unit_editor') return user.organization !== null ? [{ id: user.organization.id, name: user.organization.name }] : [];
    const seen = new Map<string, string>();
    for (const project of this.projects.hasValue() ? this.projects.value() : []) {
      if (project.unit !== null) seen.set(project.unit.id, project.unit.name);
    }
    return [...seen].map(([id, name]) => ({ id, name }));
  });
  protected readonly createOpen = signal(false);
  protected readonly createBusy = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly form = signal<ProjectForm>(emptyForm());
  protected readonly formProblem = computed(() => projectProblem(this.form()));

  protected openCreate(): void {
    const units = this.unitChoices();
    this.form.set({ ...emptyForm(), unitId: units.length === 1 ? units[0].id : '' });
    this.createError.set(null);
    this.createOpen.set(true);
  }

  protected patchForm(patch: Partial<ProjectForm>): void {
    this.form.update((form) => ({ ...form, ...patch }));
    this.createError.set(null);
  }

  protected submitCreate(): void {
    const form = this.form();
    const fiscalYear = this.selectedYear();
    const problem = projectProblem(form);
    if (problem !== null || fiscalYear === undefined) {
      this.createError.set(problem ?? '请先选择预算年度');
      return;
    }
    const total = readTypedAmount(form.total) ?? '';
    const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());
    const body: CreateProjectRequest = {
      fiscalYear,
      unitId: form.unitId,
      name: form.name.trim(),
      code: optional(form.code),
      category: optional(form.category),
      amount: {
        total,
        fiscal: form.fiscal.trim() === '' ? null : readTypedAmount(form.fiscal),
        other: form.other.trim() === '' ? null : readTypedAmount(form.other),
      },
      purpose: optional(form.purpose),
    };
    this.createBusy.set(true);
    this.createError.set(null);
    this.api.createProject(body).subscribe({
      next: (sheet) => {
        this.createBusy.set(false);
        this.createOpen.set(false);
        this.projects.reload();
        this.departments.reload();
        this.showSheet(sheet.id);
      },
      error: (error: unknown) => {
        this.createBusy.set(false);
        this.createError.set(apiErrorMessage(error, '新建项目未成功，请稍后重试。'));
      },
    });
  }

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

  /** 删除草稿: the project is gone; close its panel. */
  protected onProjectDeleted(): void {
    this.closeSheet();
    this.projects.reload();
    this.departments.reload();
  }

  /** 结转: show the new sheet in its year. */
  protected onRolledOver(sheet: TargetSheetResponse): void {
    void this.router.navigate([], { queryParams: { year: sheet.fiscalYear, dept: sheet.department.id, sheet: sheet.id }, queryParamsHandling: 'merge' });
    this.years.reload();
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

interface ProjectForm {
  name: string;
  code: string;
  category: string;
  total: string;
  fiscal: string;
  other: string;
  purpose: string;
  unitId: string;
}

function emptyForm(): ProjectForm {
  return { name: '', code: '', category: '', total: '', fiscal: '', other: '', purpose: '', unitId: '' };
}

/** What keeps the form from being sent, in Chinese; null when it can be sent. */
function projectProblem(form: ProjectForm): string | null {
  if (form.name.trim() === '') return '请填写项目名称';
  if (form.unitId === '') return '请选择实施单位';
  if (readTypedAmount(form.total) === null) return '资金总额须为元金额，如 120000、120000.50 或 12万';
  if (form.fiscal.trim() !== '' && readTypedAmount(form.fiscal) === null) return '财政资金须为元金额，如 100000 或 10万';
  if (form.other.trim() !== '' && readTypedAmount(form.other) === null) return '其他资金须为元金额，如 20000 或 2万';
  return null;
}

function compareDecimal(a: string, b: string): number {
  try {
    return new Big(a).cmp(new Big(b));
  } catch {
    return a.localeCompare(b);
  }
}
