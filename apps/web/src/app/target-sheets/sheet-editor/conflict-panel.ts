import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { place, SaveConflict } from './save-conflict';

/**
 * 保存未成功 — someone saved first: who and when, my unsaved changes beside theirs (both against the
 * version I started from; the places both changed marked), and the ways on: redo mine on the fresh
 * version with the list at hand, save mine over theirs, or give mine up. My text stays in the editor.
 */
@Component({
  selector: 'jx-conflict-panel',
  imports: [NzButtonModule, NzIconModule, NzTagModule],
  template: `
    @let c = conflict();
    <section class="conflict" role="alert" aria-labelledby="conflict-title">
      <h3 id="conflict-title" class="conflict-title"><nz-icon nzType="exclamation-circle" aria-hidden="true" />保存未成功：{{ c.headline }}</h3>
      <p class="conflict-hint">您的修改仍保留在下方的编辑区，尚未保存。请对照双方的修改后选择如何继续。</p>
      <div class="columns">
        <div class="column mine">
          <h4 class="column-title">我未保存的修改（{{ c.mine.length }} 处）</h4>
          @if (c.mine.length === 0) {
            <p class="empty">只调整了格式或解析结果的更正。</p>
          }
          <ul class="changes">
            @for (change of c.mine; track $index) {
              <li class="change" [class.overlap]="c.overlap.has(key(change))">
                {{ change.message }}
                @if (c.overlap.has(key(change))) {
                  <nz-tag nzColor="orange" class="both">双方都改了此处</nz-tag>
                }
              </li>
            }
          </ul>
        </div>
        <div class="column theirs">
          <h4 class="column-title">对方保存的修改{{ loading() ? '' : '（' + c.theirs.length + ' 处）' }}</h4>
          @if (loading()) {
            <p class="empty">正在读取最新版本…</p>
          } @else if (loadError(); as error) {
            <p class="jx-problem">{{ error }}</p>
          } @else if (c.theirs.length === 0) {
            <p class="empty">对方保存的内容与您开始编辑时相同（可能只是重新保存或审核流转）。</p>
          }
          <ul class="changes">
            @for (change of c.theirs; track $index) {
              <li class="change" [class.overlap]="c.overlap.has(key(change))">{{ change.message }}</li>
            }
          </ul>
        </div>
      </div>
      <div class="conflict-actions">
        <button nz-button nzType="primary" class="rebase" [disabled]="loading() || loadError() !== null" (click)="rebase.emit()">在最新版本上重新填写</button>
        <button nz-button nzDanger class="overwrite" [disabled]="loading() || loadError() !== null" (click)="overwrite.emit()">用我的内容覆盖保存</button>
        <button nz-button nzType="link" class="give-up" (click)="giveUp.emit()">放弃我的修改</button>
      </div>
      <p class="conflict-hint">「在最新版本上重新填写」载入对方保存的内容，并在上方保留我的修改清单供逐项补填；「用我的内容覆盖保存」以编辑区的内容为准，对方的修改将被替换。</p>
    </section>
  `,
  styles: `
    .conflict { margin-bottom: 16px; padding: 12px 16px; background: var(--jx-warning-bg); border: 1px solid var(--jx-warning-border); border-radius: 6px; }
    .conflict-title { margin: 0 0 6px; font-size: 15px; font-weight: 600; }
    .conflict-title nz-icon { margin-right: 6px; color: var(--jx-warning-text); }
    .conflict-hint { margin: 0 0 8px; color: var(--jx-text-label); }
    .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-bottom: 12px; }
    .column { padding: 8px 12px; background: var(--jx-surface); border: 1px solid var(--jx-border-strong); border-radius: 4px; }
    .column-title { margin: 0 0 6px; font-size: 14px; font-weight: 600; }
    .changes { margin: 0; padding-left: 20px; }
    .change { margin-bottom: 4px; }
    .change.overlap { font-weight: 600; }
    .both { margin-left: 6px; }
    .empty { margin: 0; color: var(--jx-text-secondary); }
    .conflict-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConflictPanel {
  readonly conflict = input.required<SaveConflict>();
  /** True while the fresh version is being read. */
  readonly loading = input(false);
  readonly loadError = input<string | null>(null);
  readonly rebase = output<void>();
  readonly overwrite = output<void>();
  readonly giveUp = output<void>();

  protected readonly key = place;
}
