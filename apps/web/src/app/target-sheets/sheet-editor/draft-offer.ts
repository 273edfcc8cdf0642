import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { TargetSheetResponse } from '@jixiao/contracts/api/target-sheet.contract';
import { formatBeijingTime } from '@jixiao/domain/beijing-time';
import { diffSheets } from '@jixiao/domain/workflow/sheet-diff';
import { editLockMessage } from '@jixiao/domain/workflow/sheet-workflow';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { AuthStore } from '../../core/auth/auth-store';
import { fromPlain, snapshotOfContent } from './editor-content';
import { EditorDrafts } from './editor-drafts';

/**
 * 未保存的修改: work kept in this browser for the sheet on show (after a reload, a closed tab, an expired
 * login) is offered back — 恢复并继续编辑 opens the editor with it — or given up.
 */
@Component({
  selector: 'jx-draft-offer',
  imports: [NzAlertModule, NzButtonModule],
  template: `
    @if (kept(); as k) {
      <nz-alert class="draft-offer" nzType="warning" nzShowIcon [nzMessage]="'您有未保存的修改（暂存于 ' + k.at + '，北京时间）'" [nzDescription]="body" />
      <ng-template #body>
        <p class="draft-summary">{{ k.summary }}</p>
        @if (!canEdit()) {
          <p class="draft-locked">{{ k.locked ?? '您无权编辑这张目标表' }}，暂存的修改已无法保存。</p>
        }
        <div class="draft-actions">
          @if (canEdit()) {
            <button nz-button nzType="primary" nzSize="small" class="resume-draft" (click)="resumed.emit()">恢复并继续编辑</button>
          }
          <button nz-button nzSize="small" class="discard-draft" (click)="discard()">放弃这些修改</button>
        </div>
      </ng-template>
    }
  `,
  styles: `
    .draft-offer { display: block; margin-bottom: 12px; }
    .draft-summary, .draft-locked { margin: 0 0 6px; }
    .draft-actions { display: flex; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DraftOffer {
  private readonly drafts = inject(EditorDrafts);
  private readonly auth = inject(AuthStore);

  readonly sheet = input.required<TargetSheetResponse>();
  /** Whether the caller may edit the sheet now (its author, while a draft or returned). */
  readonly canEdit = input.required<boolean>();
  /** 恢复并继续编辑: open the editor, which takes the kept work up. */
  readonly resumed = output<void>();

  private readonly discarded = signal(false);

  protected readonly kept = computed(() => {
    const user = this.auth.user();
    const sheet = this.sheet();
    const draft = user === null || this.discarded() ? null : this.drafts.read(user.id, sheet.id);
    if (draft === null) return null;
    const mine = snapshotOfContent(fromPlain(draft.content), sheet.kind);
    const { changes, summary } = diffSheets(draft.base, mine);
    return {
      at: formatBeijingTime(draft.keptAt) ?? draft.keptAt,
      summary: changes.length === 0 ? '修改了格式或解析结果的更正。' : `${summary}。`,
      locked: editLockMessage(sheet.status),
    };
  });

  protected discard(): void {
    const user = this.auth.user();
    if (user !== null) this.drafts.remove(user.id, this.sheet().id);
    this.discarded.set(true);
  }
}
