import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { UnsavedChanges } from './unsaved-changes';

/** 有未保存的修改: asked before leaving unsaved work (one per page, in the shell). */
@Component({
  selector: 'jx-leave-dialog',
  imports: [NzModalModule],
  template: `
    <nz-modal
      [nzVisible]="question() !== null"
      nzTitle="有未保存的修改"
      [nzOkText]="question()?.leaveText ?? '放弃修改并离开'"
      [nzOkDanger]="true"
      nzCancelText="继续编辑"
      [nzMaskClosable]="false"
      [nzCloseOnNavigation]="false"
      nzClassName="leave-dialog"
      (nzOnOk)="answer(true)"
      (nzOnCancel)="answer(false)"
    >
      <ng-container *nzModalContent>
        <p class="leave-text">{{ (question()?.labels ?? []).join('、') }}尚未保存。离开后这些修改将被放弃；如需保留，请点击「继续编辑」后保存。</p>
      </ng-container>
    </nz-modal>
  `,
  styles: `.leave-text { margin: 0; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeaveDialog {
  private readonly unsaved = inject(UnsavedChanges);
  protected readonly question = this.unsaved.question;

  constructor() {
    inject(DestroyRef).onDestroy(this.unsaved.attachHost());
  }

  protected answer(leave: boolean): void {
    this.question()?.answer(leave);
  }
}
