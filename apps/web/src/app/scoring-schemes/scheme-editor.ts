import { ChangeDetectionStrategy, Component, computed, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { Tier } from '@jixiao/domain/completion';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { DraftGroup, newDraftGroup, SchemeDraft, schemeProblems, TIER_FIELDS, totalPoints } from './scheme-form';

/**
 * 编辑评分方案: the name, 预算执行率 points, each first-level group (name, the words of the first-level
 * names it takes, points) and the tier values, with the domain's check (checkScoringScheme) following
 * the typing — every reason it cannot be saved, the points' total among them.
 */
@Component({
  selector: 'jx-scheme-editor',
  imports: [FormsModule, NzButtonModule, NzIconModule, NzInputModule],
  templateUrl: './scheme-editor.html',
  styleUrl: './scheme-editor.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SchemeEditor {
  readonly draft = model.required<SchemeDraft>();

  protected readonly tierFields = TIER_FIELDS;
  protected readonly problems = computed(() => schemeProblems(this.draft()));
  protected readonly total = computed(() => totalPoints(this.draft()));

  protected setName(name: string): void {
    this.draft.update((d) => ({ ...d, name }));
  }

  protected setBudgetExecution(budgetExecution: string): void {
    this.draft.update((d) => ({ ...d, budgetExecution }));
  }

  protected setTier(tier: Tier, value: string): void {
    this.draft.update((d) => ({ ...d, tierValues: { ...d.tierValues, [tier]: value } }));
  }

  protected patchGroup(key: number, patch: Partial<DraftGroup>): void {
    this.draft.update((d) => ({ ...d, groups: d.groups.map((g) => (g.key === key ? { ...g, ...patch } : g)) }));
  }

  protected addGroup(): void {
    this.draft.update((d) => ({ ...d, groups: [...d.groups, newDraftGroup(d.groups)] }));
  }

  protected removeGroup(key: number): void {
    this.draft.update((d) => ({ ...d, groups: d.groups.filter((g) => g.key !== key) }));
  }
}
