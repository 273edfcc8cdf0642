import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import type { OrganizationRow } from './organization-tree';

/** 移动: pick the new parent among the organizations that may take it (never its own subtree). */
@Component({
  selector: 'jx-move-dialog',
  imports: [FormsModule, NzAlertModule, NzModalModule, NzSelectModule],
  template: `
    <nz-modal
      [nzVisible]="moving() !== null"
      [nzTitle]="'移动「' + (moving()?.node?.name ?? '') + '」'"
      nzOkText="移动"
      nzCancelText="取消"
      nzClassName="move-dialog"
      [nzOkDisabled]="target() === null || target() === moving()?.node?.parentId"
      [nzOkLoading]="busy()"
      (nzOnOk)="confirm()"
      (nzOnCancel)="cancelled.emit()"
    >
      <ng-container *nzModalContent>
        @if (error(); as message) {
          <nz-alert class="dialog-error" nzType="error" nzShowIcon [nzMessage]="message" />
        }
        <p class="hint">移到新的上级之下；其下级组织一同移动。已有预算项目的单位不能移到其他部门。</p>
        <label class="label" for="move-target">新的上级</label>
        <nz-select
          class="move-target"
          nzId="move-target"
          nzShowSearch
          nzPlaceHolder="选择新的上级"
          [ngModel]="target()"
          (ngModelChange)="target.set($event)"
          nzAriaLabel="新的上级"
        >
          @for (option of targets(); track option.node.id) {
            <nz-option [nzValue]="option.node.id" [nzLabel]="option.label" />
          }
        </nz-select>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .dialog-error { margin-bottom: 12px; }
    .hint { color: var(--jx-text-secondary); }
    .label { display: block; margin-bottom: 4px; color: var(--jx-text-label); }
    .move-target { width: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MoveDialog {
  readonly moving = input.required<OrganizationRow | null>();
  readonly targets = input.required<OrganizationRow[]>();
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly moved = output<string>();
  readonly cancelled = output<void>();

  protected readonly target = signal<string | null>(null);

  constructor() {
    effect(() => this.target.set(this.moving()?.node.parentId ?? null));
  }

  protected confirm(): void {
    const target = this.target();
    if (target !== null) this.moved.emit(target);
  }
}
