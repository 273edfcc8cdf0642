/**
 * The target sheet being edited, as drafts (texts as typed, until 保存): goals, indicator rows, the
 * spending plan. Pure functions: loading a sheet into drafts, reading a row's target, what must be
 * fixed before saving, and the request the drafts make. The 年度主要任务 and 部门预算 of a
 * department-wide sheet are in ../department-form.
 */
import type { IndicatorInput, IndicatorResponse, PreviousYearIndicatorResponse, SpendingPlanPointResponse } from '@jixiao/contracts/api/target-sheet.contract';
import { formatTargetSpec } from '@jixiao/domain/format-target-spec';
import { parseTarget } from '@jixiao/domain/parse-target';
import { reviewSpendingPlan, type ReviewPlanCheckpoint } from '@jixiao/domain/review';
import type { ParseWarning, TargetSpec } from '@jixiao/domain/target-spec';
import type { PastedIndicator } from '@jixiao/domain/pasted-rows';
import { readTypedAmount } from '@jixiao/domain/typed-input';
import { groupRows } from '../indicator-groups';

let lastKey = 0;

/** A key that tells draft rows apart on screen (never sent). */
export function draftKey(): number {
  lastKey += 1;
  return lastKey;
}

/** One 年度绩效目标. */
export interface DraftGoal {
  key: number;
  text: string;
}

/** One indicator row. */
export interface DraftIndicator {
  key: number;
  id?: string;
  level1: string;
  level2: string; // '' = no 二级指标
  name: string;
  target: string;
  description: string | null;
  basis: string | null;
  remark: string | null;
  weight: string | null;
  /** A user-corrected spec and the target text it was made for: kept while that text is unchanged. */
  loadedTarget: string;
  correctedSpec: TargetSpec | null;
  /** 结转: last year's indicator this row copies, shown beside it (never sent). */
  previousYear?: PreviousYearIndicatorResponse | null;
}

/** One checkpoint of the 资金支出计划: the cumulative amount (元, as typed) by the end of a month. */
export interface DraftPlanPoint {
  key: number;
  month: number | null;
  amount: string;
}

/** A row's target as it will be assessed: the spec, its Chinese reading, the parser's doubts. */
export interface ReadTarget {
  spec: TargetSpec;
  text: string;
  warnings: ParseWarning[];
  /** True while a user correction holds (the target text is the one it was made for). */
  corrected: boolean;
}

export function goalDrafts(goals: readonly string[]): DraftGoal[] {
  return goals.map((text) => ({ key: draftKey(), text }));
}

/** The sheet's indicators in their order, grouped by 一级/二级指标 as the national table is. */
export function indicatorDrafts(indicators: readonly IndicatorResponse[]): DraftIndicator[] {
  return groupRows(
    [...indicators]
      .sort((a, b) => a.order - b.order)
      .map((i) => ({
        key: draftKey(),
        id: i.id,
        level1: i.level1,
        level2: i.level2 ?? '',
        name: i.name,
        target: i.target,
        description: i.description,
        basis: i.basis,
        remark: i.remark,
        weight: i.weight,
        loadedTarget: i.target,
        correctedSpec: i.specCorrected ? i.spec : null,
        previousYear: i.previousYear ?? null,
      })),
  );
}

/** A new, empty row of a group. */
export function emptyIndicator(level1: string, level2: string): DraftIndicator {
  return {
    key: draftKey(),
    level1,
    level2,
    name: '',
    target: '',
    description: null,
    basis: null,
    remark: null,
    weight: null,
    loadedTarget: '',
    correctedSpec: null,
  };
}

/** True for a row with neither a 三级指标 nor a 指标值 typed: a paste takes its place. */
export function isEmptyIndicator(row: DraftIndicator): boolean {
  return row.name.trim() === '' && row.target.trim() === '';
}

/**
 * The rows after a paste from Excel: the empty rows give way, the pasted ones join their groups (a
 * new group at the end), in the order pasted.
 */
export function withPastedIndicators(rows: readonly DraftIndicator[], pasted: readonly PastedIndicator[]): DraftIndicator[] {
  const added = pasted.map((p) => ({ ...emptyIndicator(p.level1, p.level2), name: p.name, target: p.target, loadedTarget: p.target, weight: p.weight }));
  return groupRows([...rows.filter((row) => !isEmptyIndicator(row)), ...added]);
}

export function planDrafts(plan: readonly SpendingPlanPointResponse[]): DraftPlanPoint[] {
  return [...plan].sort((a, b) => a.month - b.month).map((p) => ({ key: draftKey(), month: p.month, amount: p.cumulativeAmount }));
}

/** The row's correction while its target text is the one it was made for; null otherwise. */
export function keptCorrection(row: DraftIndicator): TargetSpec | null {
  return row.correctedSpec !== null && row.target === row.loadedTarget ? row.correctedSpec : null;
}

/** The row's target parsed as the server will (a kept correction wins). */
export function readTarget(row: DraftIndicator, fiscalYear: number): ReadTarget {
  const corrected = keptCorrection(row);
  if (corrected !== null) return { spec: corrected, text: formatTargetSpec(corrected), warnings: [], corrected: true };
  const { spec, warnings } = parseTarget(row.target, { level1: row.level1, level2: row.level2 || null, name: row.name, fiscalYear });
  return { spec, text: formatTargetSpec(spec), warnings, corrected: false };
}

/** The indicator as the API takes it; a kept correction is sent as `spec`. */
export function toIndicatorInput(row: DraftIndicator): IndicatorInput {
  const input: IndicatorInput = {
    level1: row.level1.trim(),
    level2: row.level2.trim() === '' ? null : row.level2.trim(),
    name: row.name.trim(),
    target: row.target.trim(),
    description: row.description,
    basis: row.basis,
    remark: row.remark,
    weight: row.weight,
  };
  if (row.id !== undefined) input.id = row.id;
  const corrected = keptCorrection(row);
  if (corrected !== null) input.spec = corrected;
  return input;
}

/** The goals that say something, trimmed. */
export function toGoals(goals: readonly DraftGoal[]): string[] {
  return goals.map((g) => g.text.trim()).filter((text) => text !== '');
}

/** What keeps the indicator rows from being saved, in Chinese; null when nothing. */
export function indicatorProblem(rows: readonly DraftIndicator[]): string | null {
  for (const [index, row] of rows.entries()) {
    if (row.level1.trim() === '') return `第 ${index + 1} 行指标未选择一级指标。`;
    if (row.name.trim() === '') return `第 ${index + 1} 行指标未填写三级指标名称。`;
  }
  return null;
}

/** The plan's checkpoints with a month, for the review rules: amounts in the API's form, or as typed when they are not amounts. */
export function planCheckpoints(points: readonly DraftPlanPoint[]): ReviewPlanCheckpoint[] {
  return points.flatMap((p) => (p.month === null ? [] : [{ month: p.month, cumulativeAmount: readTypedAmount(p.amount) ?? p.amount.trim() }]));
}

/**
 * What keeps the plan from being saved, in Chinese; null when nothing: a row without a month, a month
 * twice, an amount that is not one, a cumulative amount that falls (the review rule's own words). A
 * plan that does not reach the budget yet is only a finding of the 目标审核助手: a draft may be partial.
 */
export function planProblem(points: readonly DraftPlanPoint[]): string | null {
  return monthProblem(points) ?? amountProblem(points) ?? fallProblem(points);
}

/** The plan's problems worth saying while it is typed: months, and a cumulative amount that falls. */
export function planLiveProblem(points: readonly DraftPlanPoint[]): string | null {
  return monthProblem(points) ?? fallProblem(points);
}

function monthProblem(points: readonly DraftPlanPoint[]): string | null {
  const months = new Set<number>();
  for (const [index, point] of points.entries()) {
    if (point.month === null) return `资金支出计划第 ${index + 1} 行未选择月份。`;
    if (months.has(point.month)) return `资金支出计划中 ${point.month} 月重复，请合并为一行。`;
    months.add(point.month);
  }
  return null;
}

function amountProblem(points: readonly DraftPlanPoint[]): string | null {
  const bad = points.find((p) => readTypedAmount(p.amount) === null);
  return bad === undefined ? null : `资金支出计划 ${bad.month} 月的累计金额须为元金额，如 1200000、1200000.50 或 120万。`;
}

/** PLAN_DECREASES of the review rules, over the amounts that read. */
function fallProblem(points: readonly DraftPlanPoint[]): string | null {
  const readable = points.filter((p) => readTypedAmount(p.amount) !== null);
  const findings = reviewSpendingPlan({ kind: 'project', budgetTotal: null, spendingPlan: planCheckpoints(readable) });
  return findings.find((f) => f.code === 'PLAN_DECREASES')?.message ?? null;
}

/** The plan as the API takes it, by month. Call after `planProblem`. */
export function toPlanInputs(points: readonly DraftPlanPoint[]): SpendingPlanPointResponse[] {
  return points.map((p) => ({ month: p.month ?? 0, cumulativeAmount: readTypedAmount(p.amount) ?? '' })).sort((a, b) => a.month - b.month);
}
