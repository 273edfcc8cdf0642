import { readTypedNumber } from '@jixiao/domain/typed-input';
import type { IndicatorActualResponse, UpdateActualsRequest } from '@jixiao/contracts/api/execution.contract';
import { checkActualValue } from '@jixiao/domain/actual-check';
import type { IndicatorActualValue, Tier } from '@jixiao/domain/completion';
import type { DeviationCategory, Likelihood } from '@jixiao/domain/lights';
import { occurrenceLabels, requiredOccurrences } from '@jixiao/domain/recurring';
import type { TargetSpec } from '@jixiao/domain/target-spec';

/** How an indicator's 实际完成值 is typed, by the kind of its target. */
export type ActualInputKind = 'number' | 'date' | 'occurrences' | 'tier';

/** One indicator's row of the 监控/自评 form, as typed (strings until saved). */
export interface ActualDraft {
  indicatorId: string;
  kind: ActualInputKind;
  value: string; // number
  previousYear: string; // 上年实际值 (relative targets)
  doneOn: string; // YYYY-MM-DD (deadline targets); '' with notDone
  notDone: boolean; // 未完成
  onTime: string; // 按时完成次数 / 达标次数 (recurring)
  total: string; // 应完成次数; blank: `requiredDefault`
  /** 应完成次数 when left blank: the target's count in each period ended by the period's end (null when none). */
  requiredDefault: number | null;
  /** What the two counts are called for this target: 按时完成次数 or 达标次数, and 应完成次数. */
  occurrenceLabels: { done: string; required: string };
  tier: Tier | null; // 评价等级
  forecast: string; // 全年预计完成值
  likelihood: Likelihood | null;
  deviationCategory: DeviationCategory | null;
  deviationReason: string;
  measures: string;
  /** The indicator had a record for the period when loaded: an emptied row is sent to clear it. */
  hadRecord: boolean;
}

export type ActualEntry = UpdateActualsRequest['actuals'][number];

/** The natural input of a target kind: a number for quantities, a date for deadlines, occurrences for recurring ones, a tier otherwise. */
export function actualKindFor(spec: TargetSpec): ActualInputKind {
  switch (spec.kind) {
    case 'numeric':
    case 'range':
    case 'relative':
      return 'number';
    case 'deadline':
      return 'date';
    case 'recurring':
      return 'occurrences';
    case 'qualitative':
      return 'tier';
  }
}

/**
 * The form row for an indicator, filled from its record of the period if any. `throughMonth` is the
 * last month of the period (12 for 全年): a recurring target's 应完成次数 defaults to what is due by then.
 */
export function draftFrom(indicatorId: string, spec: TargetSpec, record: IndicatorActualResponse | undefined, throughMonth = 12): ActualDraft {
  const actual = record?.actual ?? null;
  const required = spec.kind === 'recurring' ? requiredOccurrences(spec, throughMonth) : 0;
  const draft: ActualDraft = {
    indicatorId,
    kind: actual?.kind ?? actualKindFor(spec),
    value: '',
    previousYear: '',
    doneOn: '',
    notDone: false,
    onTime: '',
    total: '',
    requiredDefault: required > 0 ? required : null,
    occurrenceLabels: occurrenceLabels(spec),
    tier: null,
    forecast: record?.forecast === null || record?.forecast === undefined ? '' : String(record.forecast),
    likelihood: record?.likelihood ?? null,
    deviationCategory: record?.deviationCategory ?? null,
    deviationReason: record?.deviationReason ?? '',
    measures: record?.measures ?? '',
    hadRecord: record !== undefined,
  };
  if (actual === null) return draft;
  switch (actual.kind) {
    case 'number':
      draft.value = String(actual.value);
      draft.previousYear = actual.previousYear === undefined || actual.previousYear === null ? '' : String(actual.previousYear);
      break;
    case 'date':
      draft.doneOn = actual.doneOn ?? '';
      draft.notDone = actual.doneOn === null;
      break;
    case 'occurrences':
      draft.onTime = String(actual.onTime);
      draft.total = String(actual.total);
      break;
    case 'tier':
      draft.tier = actual.tier;
      break;
  }
  return draft;
}

/** The actual the row describes; undefined when nothing was typed for it; a Chinese message when it cannot be read. */
export function readActual(draft: ActualDraft): IndicatorActualValue | null | string {
  switch (draft.kind) {
    case 'number': {
      if (draft.value.trim() === '') return null;
      const value = readTypedNumber(draft.value);
      if (value === null) return `“${draft.value}”不是数字`;
      if (draft.previousYear.trim() === '') return { kind: 'number', value };
      const previousYear = readTypedNumber(draft.previousYear);
      if (previousYear === null) return `上年实际值“${draft.previousYear}”不是数字`;
      return { kind: 'number', value, previousYear };
    }
    case 'date':
      if (draft.notDone) return { kind: 'date', doneOn: null };
      if (draft.doneOn.trim() === '') return null;
      return { kind: 'date', doneOn: draft.doneOn.trim() };
    case 'occurrences': {
      if (draft.onTime.trim() === '' && draft.total.trim() === '') return null;
      const { done, required } = draft.occurrenceLabels;
      const onTime = readTypedNumber(draft.onTime);
      const total = draft.total.trim() === '' ? draft.requiredDefault : readTypedNumber(draft.total);
      if (onTime === null || total === null) return `请填写${done}和${required}`;
      return { kind: 'occurrences', onTime, total };
    }
    case 'tier':
      return draft.tier === null ? null : { kind: 'tier', tier: draft.tier };
  }
}

/** True when the row holds nothing at all. */
export function isBlank(draft: ActualDraft): boolean {
  return (
    readActual(draft) === null &&
    draft.forecast.trim() === '' &&
    draft.likelihood === null &&
    draft.deviationCategory === null &&
    draft.deviationReason.trim() === '' &&
    draft.measures.trim() === ''
  );
}

/**
 * The request entry for a row, checked against its target with the server's rule (checkActualValue):
 * `null` when the row is blank and had no record (nothing to send), else the entry or a Chinese message.
 */
export function toEntry(draft: ActualDraft, spec: TargetSpec, options: { final: boolean; fiscalYear: number }): ActualEntry | null | { error: string } {
  if (isBlank(draft) && !draft.hadRecord) return null;
  const actual = readActual(draft);
  if (typeof actual === 'string') return { error: actual };
  const problem = checkActualValue(spec, actual, options);
  if (problem !== null) return { error: problem };
  let forecast: number | null = null;
  if (draft.forecast.trim() !== '') {
    forecast = readTypedNumber(draft.forecast);
    if (forecast === null) return { error: `全年预计值“${draft.forecast}”不是数字` };
  }
  return {
    indicatorId: draft.indicatorId,
    actual,
    forecast,
    likelihood: draft.likelihood,
    deviationCategory: draft.deviationCategory,
    deviationReason: draft.deviationReason.trim() === '' ? null : draft.deviationReason.trim(),
    measures: draft.measures.trim() === '' ? null : draft.measures.trim(),
  };
}
