import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { OrganizationKind } from '@jixiao/contracts/api/auth.contract';
import { ORGANIZATION_KIND_NAMES } from '@jixiao/domain/accounts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';

/** What the dialog edits: a new organization under `parentLabel`, or an existing one. */
export interface OrganizationDraft {
  mode: 'create' | 'edit';
  kind: OrganizationKind;
  parentLabel: string | null; // 汉阴县财政局 / 汉阴县医疗保障局; null: a finance bureau at the top
  name: string;
  code: string;
  region: string;
}

export interface OrganizationFields {
  name: string;
  code: string | null;
  region: string | null;
}

/** 新建 / 修改 an organization: name, code and (a finance bureau) its 行政区划. The server decides; its refusal is shown here. */
@Component({
  selector: 'jx-organization-dialog',
  imports: [FormsModule, NzAlertModule, NzInputModule, NzModalModule],
  template: `
    <nz-modal
      [nzVisible]="draft() !== null"
      [nzTitle]="title()"
      nzOkText="保存"
      nzCancelText="取消"
      nzClassName="organization-dialog"
      [nzOkDisabled]="!complete()"
      [nzOkLoading]="busy()"
      (nzOnOk)="save()"
      (nzOnCancel)="cancelled.emit()"
    >
      <ng-container *nzModalContent>
        @if (draft(); as d) {
          @if (d.parentLabel) {
            <p class="parent">上级：{{ d.parentLabel }}</p>
          }
          @if (error(); as message) {
            <nz-alert class="dialog-error" nzType="error" nzShowIcon [nzMessage]="message" />
          }
          <div class="field">
            <label for="org-name">{{ kindName() }}名称（必填）</label>
            <input nz-input id="org-name" class="org-name" maxlength="200" [ngModel]="name()" (ngModelChange)="name.set($event)" />
          </div>
          <div class="field">
            <label for="org-code">代码（同一上级下不能重复，可不填）</label>
            <input nz-input id="org-code" class="org-code" maxlength="64" [ngModel]="code()" (ngModelChange)="code.set($event)" placeholder="如 962001" />
          </div>
          @if (d.kind === 'finance_bureau' && d.mode === 'create') {
            <div class="field">
              <label for="org-region">行政区划（必填）</label>
              <input nz-input id="org-region" class="org-region" maxlength="100" [ngModel]="region()" (ngModelChange)="region.set($event)" placeholder="如 汉阴县" />
            </div>
          }
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .parent { margin: 0 0 12px; color: var(--jx-text-secondary); }
    .dialog-error { margin-bottom: 12px; }
    .field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 12px; }
    .field label { color: var(--jx-text-label); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganizationDialog {
  readonly draft = input.required<OrganizationDraft | null>();
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly saved = output<OrganizationFields>();
  readonly cancelled = output<void>();

  protected readonly name = signal('');
  protected readonly code = signal('');
  protected readonly region = signal('');

  protected readonly kindName = computed(() => {
    const d = this.draft();
    return d === null ? '' : ORGANIZATION_KIND_NAMES[d.kind];
  });
  protected readonly title = computed(() => {
    const d = this.draft();
    if (d === null) return '';
    return d.mode === 'create' ? `新建${ORGANIZATION_KIND_NAMES[d.kind]}` : `修改「${d.name}」`;
  });
  protected readonly complete = computed(() => {
    const d = this.draft();
    if (d === null || this.name().trim() === '') return false;
    return d.kind !== 'finance_bureau' || d.mode === 'edit' || this.region().trim() !== '';
  });

  constructor() {
    // A new draft: start from its values.
    effect(() => {
      const d = this.draft();
      this.name.set(d?.name ?? '');
      this.code.set(d?.code ?? '');
      this.region.set(d?.region ?? '');
    });
  }

  protected save(): void {
    if (!this.complete()) return;
    const code = this.code().trim();
    const region = this.region().trim();
    this.saved.emit({ name: this.name().trim(), code: code === '' ? null : code, region: region === '' ? null : region });
  }
}
