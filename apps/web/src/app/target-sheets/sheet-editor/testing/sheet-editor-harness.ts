import { ComponentHarness } from '@angular/cdk/testing';
import { BudgetEditorHarness } from './budget-editor-harness';
import { ConflictPanelHarness } from './conflict-panel-harness';
import { GoalsEditorHarness } from './goals-editor-harness';
import { IndicatorsEditorHarness } from './indicators-editor-harness';
import { PlanEditorHarness } from './plan-editor-harness';
import { TasksEditorHarness } from './tasks-editor-harness';

/** `jx-sheet-editor`: a target sheet being edited, its parts, the live review and 保存. */
export class SheetEditorHarness extends ComponentHarness {
  static hostSelector = 'jx-sheet-editor';

  readonly goals = this.locatorFor(GoalsEditorHarness);
  readonly indicators = this.locatorFor(IndicatorsEditorHarness);
  /** 资金支出计划: project sheets. */
  readonly plan = this.locatorForOptional(PlanEditorHarness);
  /** 年度主要任务 and 部门预算: department-wide sheets. */
  readonly tasks = this.locatorForOptional(TasksEditorHarness);
  readonly budget = this.locatorForOptional(BudgetEditorHarness);

  /** 保存未成功 after a 409: my changes beside theirs. */
  readonly conflict = this.locatorForOptional(ConflictPanelHarness);

  private readonly findingItems = this.locatorForAll('li.finding');
  private readonly saveButton = this.locatorFor('button.save-sheet');
  private readonly cancelButton = this.locatorFor('button.cancel-edit');
  private readonly saveError = this.locatorForOptional('.save-error');
  private readonly restoredAlert = this.locatorForOptional('.restored');
  private readonly reapplyItems = this.locatorForAll('.reapply-list li');
  private readonly unsavedNote = this.locatorForOptional('.unsaved-note');

  /** 目标审核助手 as it follows the typing: one text per finding. */
  async getFindings(): Promise<string[]> {
    return Promise.all((await this.findingItems()).map(async (f) => (await f.text()).trim()));
  }

  async save(): Promise<void> {
    await (await this.saveButton()).click();
  }

  async cancel(): Promise<void> {
    await (await this.cancelButton()).click();
  }

  /** Why the sheet was not saved (未能保存 …), or null. */
  async getSaveError(): Promise<string | null> {
    const alert = await this.saveError();
    return alert === null ? null : (await alert.text()).trim();
  }

  /** 已恢复您于 … 暂存的未保存修改 (work kept from an earlier visit), or null. */
  async getRestored(): Promise<string | null> {
    const alert = await this.restoredAlert();
    return alert === null ? null : (await alert.text()).trim();
  }

  /** 放弃这些修改，从已保存的内容开始. */
  async dropRestored(): Promise<void> {
    await (await this.locatorFor('button.drop-restored')()).click();
  }

  /** My changes to redo on the fresh version, after 在最新版本上重新填写. */
  async getReapplyList(): Promise<string[]> {
    return Promise.all((await this.reapplyItems()).map(async (f) => (await f.text()).trim()));
  }

  /** True while the editor says there is unsaved work. */
  async showsUnsaved(): Promise<boolean> {
    return (await this.unsavedNote()) !== null;
  }
}
