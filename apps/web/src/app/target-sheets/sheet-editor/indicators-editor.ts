import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { SwapOutline } from '@ant-design/icons-angular/icons';
import { isPastedTable, readPastedIndicators } from '@jixiao/domain/pasted-rows';
import type { TargetSpec } from '@jixiao/domain/target-spec';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCascaderModule, NzCascaderOption } from 'ng-zorro-antd/cascader';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopoverModule } from 'ng-zorro-antd/popover';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { groupSpans, insertInGroup, level1Choices, level2Choices, moveToGroup } from '../indicator-groups';
import { previousActualText, previousTargetText } from '../previous-year';
import { DraftIndicator, emptyIndicator, isEmptyIndicator, readTarget, withPastedIndicators } from './editor-draft';
import { PasteOutcome, PastePreview } from './paste-preview';
import { SpecCorrection } from './spec-correction';

/** The cascaders' value for 'no 二级指标' (an empty string would read as no choice). */
const NO_LEVEL2 = '__none__';
import { TargetSheetDownloads } from '../target-sheet-downloads';

/**
 * 绩效指标 being edited, grouped by 一级/二级指标 as the national table is: the merged cells rename
 * their whole group, 移至 moves one row to another group, 在此组新增 adds a row at the end of a
 * group; each 指标值 is parsed as it is typed (the server's parser), and 更正 corrects the reading in
 * a structured form. Rows copied from Excel paste into any input of the table (or the paste box
 * under it) and are shown as understood, with 撤销; Enter in a row's 指标值 adds a row below it.
 */
@Component({
  selector: 'jx-indicators-editor',
  imports: [
    FormsModule,
    NzButtonModule,
    NzCascaderModule,
    NzIconModule,
    NzInputModule,
    NzPopoverModule,
    NzSelectModule,
    NzTableModule,
    NzTooltipModule,
    PastePreview,
    SpecCorrection,
    TargetSheetDownloads,
  ],
  templateUrl: './indicators-editor.html',
  styleUrl: './indicators-editor.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNzIconsPatch([SwapOutline])],
})
export class IndicatorsEditor {
  readonly indicators = model.required<DraftIndicator[]>();
  readonly fiscalYear = input.required<number>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** The last paste from Excel and the rows as they were before it (for 撤销). */
  protected readonly paste = signal<(PasteOutcome & { before: DraftIndicator[] }) | null>(null);

  /** The row whose 更正 popover is open. */
  protected readonly correctingKey = signal<number | null>(null);

  /** Each row's target as it will be assessed (a kept correction wins). */
  protected readonly read = computed(() => this.indicators().map((row) => readTarget(row, this.fiscalYear())));
  /** 结转: a rolled-over sheet shows last year's target and actual beside each row, read-only. */
  protected readonly hasPreviousYear = computed(() => this.indicators().some((row) => row.previousYear));
  protected readonly previousTarget = previousTargetText;
  protected readonly previousActual = previousActualText;
  /** Spans of the merged 一级/二级 cells over the (always grouped) rows. */
  protected readonly spans = computed(() => groupSpans(this.indicators()));

  protected readonly level1Options = computed(() => level1Choices(this.indicators()), { equal: sameList });

  /**
   * 移至 / 新增指标: every 一级指标 with its 二级指标. Unchanged while only names and targets are typed,
   * so the cascaders of the rows are not rebuilt on every keystroke.
   */
  protected readonly groupOptions = computed<NzCascaderOption[]>(
    () =>
      this.level1Options().map((level1) => ({
        value: level1,
        label: level1,
        children: [
          ...this.level2Options(level1).map((level2) => ({ value: level2, label: level2, isLeaf: true })),
          { value: NO_LEVEL2, label: '（无二级指标）', isLeaf: true },
        ],
      })),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  protected level2Options(level1: string): string[] {
    return level2Choices(this.indicators(), level1);
  }

  protected patch(key: number, patch: Partial<DraftIndicator>): void {
    this.indicators.update((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  /** The merged 一级指标 cell: the whole group takes the new 一级指标 (joining that group if it exists). */
  protected renameLevel1(from: string, to: string | null): void {
    if (to === null || to === from) return;
    this.indicators.update((rows) => moveToGroup(rows, (row) => row.level1 === from, { level1: to }));
  }

  /** The merged 二级指标 cell: the rows of that 一级/二级 group take the new 二级指标. */
  protected renameLevel2(level1: string, from: string, to: string | null): void {
    this.indicators.update((rows) => moveToGroup(rows, (row) => row.level1 === level1 && row.level2 === from, { level2: to ?? '' }));
  }

  /** 移至: one row moves to the end of the group picked in its cascader. */
  protected move(key: number, picked: NzCascaderOption[]): void {
    const group = groupOf(picked);
    if (group !== null) this.indicators.update((rows) => moveToGroup(rows, (row) => row.key === key, group));
  }

  /** 在此组新增: an empty row at the end of the given group. */
  protected addIn(level1: string, level2: string): void {
    this.indicators.update((rows) => insertInGroup(rows, emptyIndicator(level1, level2)));
  }

  /** 新增指标 below the table: the group is picked in the cascader first. */
  protected addPicked(picked: NzCascaderOption[]): void {
    const group = groupOf(picked);
    if (group !== null) this.addIn(group.level1, group.level2);
  }

  /**
   * Rows copied from Excel: taken as indicator rows (the empty rows give way) and shown as understood.
   * The text of one cell pastes into the field as usual.
   */
  protected onPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!isPastedTable(text)) return;
    event.preventDefault();
    const pasted = readPastedIndicators(text);
    const before = this.indicators();
    this.indicators.set(withPastedIndicators(before, pasted.indicators));
    this.paste.set({ pasted, replaced: pasted.indicators.length > 0 ? before.filter(isEmptyIndicator).length : 0, before });
    // the preview is above the table, out of sight when the rows were pasted into the box below it
    afterNextRender(() => this.host.nativeElement.querySelector('jx-paste-preview')?.scrollIntoView?.({ block: 'nearest' }), { injector: this.injector });
  }

  /** 撤销粘贴: the rows as they were before the paste. */
  protected undoPaste(): void {
    const paste = this.paste();
    if (paste === null) return;
    this.indicators.set(paste.before);
    this.paste.set(null);
  }

  /** Enter in a row's last input: a new row of the same group right below it, focused. */
  protected addBelow(row: DraftIndicator, event: Event): void {
    if (event instanceof KeyboardEvent && (event.isComposing || event.keyCode === 229)) return; // an IME still composing (拼音)
    event.preventDefault();
    const added = emptyIndicator(row.level1, row.level2);
    this.indicators.update((rows) => {
      const at = rows.findIndex((r) => r.key === row.key);
      return [...rows.slice(0, at + 1), added, ...rows.slice(at + 1)];
    });
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLInputElement>(`input.name-input[data-key="${added.key}"]`)?.focus(), { injector: this.injector });
  }

  protected remove(key: number): void {
    this.indicators.update((rows) => rows.filter((row) => row.key !== key));
  }

  protected toggleCorrection(key: number, visible: boolean): void {
    if (visible) this.correctingKey.set(key);
    else if (this.correctingKey() === key) this.correctingKey.set(null);
  }

  /** Keeps the corrected spec for the row's current target text (sent as `spec`). */
  protected applyCorrection(row: DraftIndicator, spec: TargetSpec): void {
    this.patch(row.key, { correctedSpec: spec, loadedTarget: row.target });
    this.correctingKey.set(null);
  }

  /** 恢复自动解析: drop the correction. */
  protected restoreParse(key: number): void {
    this.patch(key, { correctedSpec: null });
    this.correctingKey.set(null);
  }
}

/** The 一级/二级指标 picked in a group cascader (一级, then 二级 or 'none'); null when cleared. */
function groupOf(picked: NzCascaderOption[]): { level1: string; level2: string } | null {
  const [level1, level2] = picked.map((option) => String(option.value));
  if (level1 === undefined || level2 === undefined) return null;
  return { level1, level2: level2 === NO_LEVEL2 ? '' : level2 };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.join('\n') === b.join('\n');
}
