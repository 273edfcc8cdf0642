import { ChangeDetectionStrategy, Component, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { DraftGoal, draftKey } from './editor-draft';

/** 年度绩效目标 being edited: one text per goal, added and removed in place. */
@Component({
  selector: 'jx-goals-editor',
  imports: [FormsModule, NzButtonModule, NzIconModule, NzInputModule, NzTooltipModule],
  template: `
    <section class="jx-section" aria-labelledby="edit-goals-title">
      <h3 id="edit-goals-title" class="jx-section-title">年度绩效目标</h3>
      @if (goals().length === 0) {
        <p class="jx-muted">尚未填写年度绩效目标，可点击「新增目标」逐条填写。</p>
      }
      <ol class="edit-goals">
        @for (goal of goals(); track goal.key; let i = $index) {
          <li class="edit-goal">
            <textarea
              nz-input
              [nzAutosize]="{ minRows: 2, maxRows: 6 }"
              [attr.aria-label]="'绩效目标 ' + (i + 1)"
              [ngModel]="goal.text"
              (ngModelChange)="patch(goal.key, $event)"
              placeholder="如：保障全县参保群众医疗保障待遇按时足额兑付"
            ></textarea>
            <button
              nz-button
              nzType="text"
              nzDanger
              class="remove-goal"
              nz-tooltip
              nzTooltipTitle="删除此条目标"
              [attr.aria-label]="'删除绩效目标 ' + (i + 1)"
              (click)="remove(goal.key)"
            >
              <nz-icon nzType="delete" />
            </button>
          </li>
        }
      </ol>
      <button nz-button nzType="dashed" class="add-goal" (click)="add()"><nz-icon nzType="plus" />新增目标</button>
    </section>
  `,
  styles: `
    .edit-goals { margin: 0 0 8px; padding-left: 24px; }
    .edit-goal { margin-bottom: 6px; }
    .edit-goal textarea { width: calc(100% - 40px); vertical-align: top; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalsEditor {
  readonly goals = model.required<DraftGoal[]>();

  protected patch(key: number, text: string): void {
    this.goals.update((goals) => goals.map((g) => (g.key === key ? { ...g, text } : g)));
  }

  protected add(): void {
    this.goals.update((goals) => [...goals, { key: draftKey(), text: '' }]);
  }

  protected remove(key: number): void {
    this.goals.update((goals) => goals.filter((g) => g.key !== key));
  }
}
