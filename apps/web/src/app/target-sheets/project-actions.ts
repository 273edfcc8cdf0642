import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CopyOutline } from '@ant-design/icons-angular/icons';
import type { TargetSheetResponse, UpdateProjectRequest } from '@jixiao/contracts/api/target-sheet.contract';
import { checkAmountParts } from '@jixiao/domain/money';
import { readTypedAmount } from '@jixiao/domain/typed-input';
import { isEditable, mayEditSheet } from '@jixiao/domain/workflow';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { AuthStore } from '../core/auth/auth-store';
import { apiErrorMessage } from '../core/http/api-error';
import { AmountInput } from '../shared/amount-input';
import { TargetSheetsApi } from './target-sheets-api';

/** The project header as typed (texts, amounts in 元 or 万元 as typed). */
export interface HeaderForm {
  name: string;
  code: string;
  category: string;
  total: string;
  fiscal: string;
  other: string;
  purpose: string;
}

/** What keeps the header from being saved, in Chinese; null when it can be (the domain's reading of amounts and its rule fiscal + other = total). */
export function headerProblem(form: HeaderForm): string | null {
  if (form.name.trim() === '') return '请填写项目名称';
  const total = readTypedAmount(form.total);
  if (total === null) return '资金总额须为元金额，如 120000、120000.50 或 12万';
  const fiscal = form.fiscal.trim() === '' ? null : readTypedAmount(form.fiscal);
  if (form.fiscal.trim() !== '' && fiscal === null) return '财政资金须为元金额，如 100000 或 10万';
  const other = form.other.trim() === '' ? null : readTypedAmount(form.other);
  if (form.other.trim() !== '' && other === null) return '其他资金须为元金额，如 20000 或 2万';
  return checkAmountParts(total, fiscal, other);
}

/** The request a valid header form makes. */
export function headerRequest(form: HeaderForm, rowVersion: number): UpdateProjectRequest {
  const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());
  return {
    rowVersion,
    name: form.name.trim(),
    code: optional(form.code),
    category: optional(form.category),
    amount: {
      total: readTypedAmount(form.total) ?? '',
      fiscal: form.fiscal.trim() === '' ? null : readTypedAmount(form.fiscal),
      other: form.other.trim() === '' ? null : readTypedAmount(form.other),
    },
    purpose: optional(form.purpose),
  };
}

/**
 * What a project's author may do besides editing the sheet: 修改项目信息 (name, code, category,
 * amounts, purpose) while the first version is a draft or returned, 删除草稿 while it was never
 * submitted, and 结转到 … 年 — start a later opened year's sheet from this one (a department-wide
 * sheet too, by its department).
 */
@Component({
  selector: 'jx-project-actions',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzIconModule, NzInputModule, NzModalModule, AmountInput],
  templateUrl: './project-actions.html',
  styleUrl: './project-actions.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNzIconsPatch([CopyOutline])],
})
export class ProjectActions {
  private readonly api = inject(TargetSheetsApi);
  private readonly auth = inject(AuthStore);

  readonly sheet = input.required<TargetSheetResponse>();
  /** The opened years after the sheet's, oldest first (结转 targets). */
  readonly laterYears = input<number[]>([]);
  /** The sheet after 修改项目信息. */
  readonly changed = output<TargetSheetResponse>();
  /** The project was deleted. */
  readonly deleted = output<void>();
  /** The new sheet of the later year (结转). */
  readonly rolledOver = output<TargetSheetResponse>();

  private readonly role = computed(() => this.auth.user()?.role ?? 'viewer');
  private readonly isAuthor = computed(() => mayEditSheet(this.role(), this.sheet().kind));
  protected readonly canEditHeader = computed(() => {
    const s = this.sheet();
    return s.project !== null && s.version === 1 && isEditable(s.status) && this.isAuthor();
  });
  protected readonly canDelete = computed(() => {
    const s = this.sheet();
    return s.project !== null && s.version === 1 && s.status === 'draft' && this.isAuthor();
  });
  protected readonly rollOverYears = computed(() => (this.isAuthor() ? this.laterYears() : []));

  protected readonly busy = signal<'header' | 'delete' | 'roll' | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly headerOpen = signal(false);
  protected readonly headerError = signal<string | null>(null);
  protected readonly deleteOpen = signal(false);
  protected readonly form = signal<HeaderForm>(emptyHeader());
  protected readonly formProblem = computed(() => headerProblem(this.form()));

  protected openHeader(): void {
    const project = this.sheet().project;
    if (project === null) return;
    this.form.set({
      name: project.name, code: project.code ?? '', category: project.category ?? '', purpose: project.purpose ?? '',
      total: project.amount.total, fiscal: project.amount.fiscal ?? '', other: project.amount.other ?? '',
    });
    this.headerError.set(null);
    this.headerOpen.set(true);
  }

  protected patchForm(patch: Partial<HeaderForm>): void {
    this.form.update((form) => ({ ...form, ...patch }));
    this.headerError.set(null);
  }

  protected saveHeader(): void {
    const sheet = this.sheet();
    const problem = this.formProblem();
    if (problem !== null || sheet.project === null) {
      this.headerError.set(problem);
      return;
    }
    this.busy.set('header');
    this.api.updateProject(sheet.project.id, headerRequest(this.form(), sheet.rowVersion)).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.headerOpen.set(false);
        this.changed.emit(updated);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.headerError.set(apiErrorMessage(error, '修改项目信息未成功，请稍后重试。'));
      },
    });
  }

  protected confirmDelete(): void {
    const project = this.sheet().project;
    if (project === null) return;
    this.busy.set('delete');
    this.error.set(null);
    this.api.deleteProject(project.id).subscribe({
      next: () => {
        this.busy.set(null);
        this.deleteOpen.set(false);
        this.deleted.emit();
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.deleteOpen.set(false);
        this.error.set(apiErrorMessage(error, '删除未成功，请稍后重试。'));
      },
    });
  }

  protected rollOver(year: number): void {
    this.busy.set('roll');
    this.error.set(null);
    this.api.rollOver(this.sheet().id, { fiscalYear: year }).subscribe({
      next: (sheet) => {
        this.busy.set(null);
        this.rolledOver.emit(sheet);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.error.set(apiErrorMessage(error, '结转未成功，请稍后重试。'));
      },
    });
  }
}

function emptyHeader(): HeaderForm {
  return { name: '', code: '', category: '', total: '', fiscal: '', other: '', purpose: '' };
}
