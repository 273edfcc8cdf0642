/**
 * Everything the sheet editor holds while editing, as one value: loaded from a sheet, compared with
 * what was loaded (unsaved or not), kept in storage and read back, and described as the changes the
 * domain's diff names (`diffSheets`) — so that a 409 can show my changes beside someone else's.
 */
import type { TargetSheetResponse } from '@jixiao/contracts/api/target-sheet.contract';
import { readTypedAmount } from '@jixiao/domain/typed-input';
import type { SheetSnapshot, SnapshotIndicator } from '@jixiao/domain/workflow/sheet-diff.types';
import { departmentDraft, DraftBudget, DraftTask, toBudgetInput } from '../department-form';
import { DraftGoal, DraftIndicator, DraftPlanPoint, draftKey, goalDrafts, indicatorDrafts, planDrafts } from './editor-draft';

export interface EditorContent {
  goals: DraftGoal[];
  indicators: DraftIndicator[];
  plan: DraftPlanPoint[];
  /** 年度主要任务 and 部门预算: department-wide sheets only (empty otherwise). */
  tasks: DraftTask[];
  budget: DraftBudget;
}

/** The content as typed, without the on-screen row keys: what is kept, and what tells two contents apart. */
export interface PlainContent {
  goals: string[];
  indicators: Omit<DraftIndicator, 'key'>[];
  plan: Omit<DraftPlanPoint, 'key'>[];
  tasks: Omit<DraftTask, 'key'>[];
  budget: DraftBudget;
}

/** The drafts of a sheet as loaded. */
export function contentOf(sheet: TargetSheetResponse): EditorContent {
  const department = sheet.kind === 'department' ? departmentDraft(sheet, draftKey) : { tasks: [], budget: { total: '', basic: '', project: '' } };
  return { goals: goalDrafts(sheet.goals), indicators: indicatorDrafts(sheet.indicators), plan: planDrafts(sheet.spendingPlan), ...department };
}

export function plainContent(content: EditorContent): PlainContent {
  const strip = <T extends { key: number }>({ key: _key, ...rest }: T): Omit<T, 'key'> => rest;
  return {
    goals: content.goals.map((g) => g.text),
    indicators: content.indicators.map(strip),
    plan: content.plan.map(strip),
    tasks: content.tasks.map(strip),
    budget: { ...content.budget },
  };
}

/** The drafts again from a kept plain content, with new on-screen keys. */
export function fromPlain(plain: PlainContent): EditorContent {
  return {
    goals: plain.goals.map((text) => ({ key: draftKey(), text })),
    indicators: plain.indicators.map((row) => ({ ...row, key: draftKey() })),
    plan: plain.plan.map((point) => ({ ...point, key: draftKey() })),
    tasks: plain.tasks.map((task) => ({ ...task, key: draftKey() })),
    budget: { ...plain.budget },
  };
}

/** True when the two contents differ in anything typed (the order of rows included). */
export function contentDiffers(a: EditorContent, b: EditorContent): boolean {
  return JSON.stringify(plainContent(a)) !== JSON.stringify(plainContent(b));
}

/** The content as the diff reads it; amounts in 元 where they read, as typed otherwise. */
export function snapshotOfContent(content: EditorContent, kind: TargetSheetResponse['kind']): SheetSnapshot {
  const amount = (text: string): string | null => (text.trim() === '' ? null : (readTypedAmount(text) ?? text.trim()));
  return {
    goals: content.goals.map((g) => g.text),
    indicators: content.indicators.map(
      (row): SnapshotIndicator => ({
        key: row.id ?? `new-${row.key}`,
        level1: row.level1,
        level2: row.level2.trim() === '' ? null : row.level2,
        name: row.name,
        target: row.target,
        weight: row.weight,
        basis: row.basis,
        remark: row.remark,
        description: row.description,
      }),
    ),
    spendingPlan: content.plan.flatMap((p) => (p.month === null ? [] : [{ month: p.month, cumulativeAmount: amount(p.amount) ?? '' }])),
    tasks: content.tasks.map((t) => ({ name: t.name, content: t.content.trim() === '' ? null : t.content, amount: amount(t.amount) })),
    budget: kind === 'department' ? toBudgetInput(content.budget) : null,
  };
}

/** A sheet as the diff reads it (indicators known by their ids). */
export function snapshotOfSheet(sheet: TargetSheetResponse): SheetSnapshot {
  return {
    goals: sheet.goals,
    indicators: sheet.indicators.map((i) => ({
      key: i.id,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      target: i.target,
      weight: i.weight,
      basis: i.basis,
      remark: i.remark,
      description: i.description,
    })),
    spendingPlan: sheet.spendingPlan,
    tasks: sheet.tasks,
    budget: sheet.budget,
  };
}
