import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { PastedIndicators } from '@jixiao/domain/pasted-rows';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { emptyIndicator, readTarget } from './editor-draft';

/** What a paste from Excel did to the indicator table, kept on screen until it is undone or put away. */
export interface PasteOutcome {
  pasted: PastedIndicators;
  /** Empty rows the pasted ones took the place of. */
  replaced: number;
}

/**
 * 粘贴结果: what was understood of rows pasted from Excel — each row with its 一级/二级/三级指标, 指标值
 * as read by the parser and 分值 — and what was not taken, by row; 撤销 puts the table back as it was.
 */
@Component({
  selector: 'jx-paste-preview',
  imports: [NzAlertModule, NzButtonModule],
  template: `
    <nz-alert class="paste-preview" [nzType]="summary().type" nzShowIcon [nzMessage]="summary().message" [nzDescription]="details" />
    <ng-template #details>
      @if (rows().length > 0) {
        <table class="jx-form-table paste-rows" aria-label="粘贴识别结果">
          <thead>
            <tr>
              <th scope="col">行</th>
              <th scope="col">一级指标</th>
              <th scope="col">二级指标</th>
              <th scope="col">三级指标</th>
              <th scope="col">指标值</th>
              <th scope="col">解析为</th>
              <th scope="col">分值</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rows(); track r.row) {
              <tr class="paste-row">
                <td>{{ r.row }}</td>
                <td>{{ r.level1 }}</td>
                <td>{{ r.level2 || '—' }}</td>
                <td>{{ r.name }}</td>
                <td>{{ r.target || '—' }}</td>
                <td class="paste-spec">{{ r.spec }}</td>
                <td>{{ r.weight ?? '—' }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
      @if (outcome().pasted.problems.length > 0) {
        <ul class="paste-problems">
          @for (p of outcome().pasted.problems; track $index) {
            <li class="paste-problem" [class.skipped]="p.skipped">{{ p.message }}</li>
          }
        </ul>
      }
      <div class="paste-actions">
        <button nz-button nzSize="small" class="undo-paste" (click)="undo.emit()">撤销粘贴</button>
        <button nz-button nzSize="small" nzType="text" class="close-paste" (click)="closed.emit()">收起</button>
      </div>
    </ng-template>
  `,
  styles: `
    :host { display: block; margin-bottom: 8px; }
    .paste-rows { margin: 8px 0; width: 100%; }
    .paste-problems { margin: 8px 0; padding-left: 20px; }
    .paste-problem.skipped { color: var(--jx-error); }
    .paste-actions { display: flex; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PastePreview {
  readonly outcome = input.required<PasteOutcome>();
  readonly fiscalYear = input.required<number>();
  readonly undo = output<void>();
  readonly closed = output<void>();

  /** Each pasted row with its 指标值 as the parser reads it. */
  protected readonly rows = computed(() =>
    this.outcome().pasted.indicators.map((p) => ({
      ...p,
      spec: p.target === '' ? '—' : readTarget({ ...emptyIndicator(p.level1, p.level2), name: p.name, target: p.target }, this.fiscalYear()).text,
    })),
  );

  protected readonly summary = computed(() => {
    const { pasted, replaced } = this.outcome();
    const skipped = pasted.problems.filter((p) => p.skipped).length;
    const parts = [`已粘贴 ${pasted.indicators.length} 项指标`];
    if (replaced > 0) parts.push(`替换了 ${replaced} 个空行`);
    if (pasted.headerRows.length > 0) parts.push(`表头 ${pasted.headerRows.length} 行已跳过`);
    if (skipped > 0) parts.push(`${skipped} 行未导入`);
    const type: 'success' | 'warning' = pasted.problems.length > 0 ? 'warning' : 'success';
    return { type, message: `${parts.join('，')}。请核对解析结果，如有误可撤销。` };
  });
}
