import { ChangeDetectionStrategy, Component, computed, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { AmountInput } from '../../shared/amount-input';
import { DraftTask, taskTotalWan } from '../department-form';
import { draftKey } from './editor-draft';

/** 年度主要任务 of a department-wide sheet being edited: name, content and amount (元) of each task. */
@Component({
  selector: 'jx-tasks-editor',
  imports: [FormsModule, NzButtonModule, NzIconModule, NzInputModule, AmountInput],
  templateUrl: './tasks-editor.html',
  styles: `
    .edit-tasks { width: 100%; }
    .task-name-col { width: 22%; }
    .task-amount-col { width: 210px; }
    .task-amount { width: 200px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksEditor {
  readonly tasks = model.required<DraftTask[]>();

  /** 任务金额合计 in 万元; null while no task states an amount or one is not an amount. */
  protected readonly total = computed(() => taskTotalWan(this.tasks()));

  protected patch(key: number, patch: Partial<DraftTask>): void {
    this.tasks.update((tasks) => tasks.map((t) => (t.key === key ? { ...t, ...patch } : t)));
  }

  protected add(): void {
    this.tasks.update((tasks) => [...tasks, { key: draftKey(), name: '', content: '', amount: '' }]);
  }

  protected remove(key: number): void {
    this.tasks.update((tasks) => tasks.filter((t) => t.key !== key));
  }
}
