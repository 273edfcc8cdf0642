/**
 * Completion rate (完成率) of one indicator, exactly per DESIGN §3's table, in exact decimals.
 *
 * `r` is unclamped here (the score clamps it) and kept as an exact quotient (`ratio`); `rate` is its
 * binary float for charts only and `ratePercent` the digits every page shows. Mismatched actual kinds
 * (a date for a numeric target…) and malformed actuals throw a plain Error.
 */
import type { TargetSpec } from '../target-spec';
import { fromTier } from './completion-result';
import type { CompletionOptions, CompletionResult, IndicatorActualValue } from './completion.types';
import { ACTUAL_KIND_LABELS, TARGET_KIND_LABELS, TIER_LABELS } from './completion.types';
import { compareWithTarget, evaluateRange } from './numeric-completion';
import { evaluateRelative } from './relative-completion';
import { evaluateDeadline, evaluateRecurring } from './timing-completion';

export * from './completion.types';
export { formatRate, gradeUnmet, tierValue } from './completion-result';
export { RELATIVE_CHANGE_LABELS, relativeChangeOf } from './relative-completion';
export { deadlineDate } from './timing-completion';

/** Completion of one indicator given its spec and its (final) actual. Throws on a mismatched or malformed actual. */
export function evaluateCompletion(spec: TargetSpec, actual: IndicatorActualValue, options: CompletionOptions = {}): CompletionResult {
  switch (spec.kind) {
    case 'numeric':
      return compareWithTarget(spec.op, expectNumber(spec, actual).value, spec.value, spec.unit, '目标');
    case 'range':
      return evaluateRange(spec.min, spec.max, spec.unit, expectNumber(spec, actual).value);
    case 'deadline':
      if (actual.kind !== 'date' && actual.kind !== 'tier') throw mismatch(spec, actual);
      return evaluateDeadline(spec.by, actual, options);
    case 'recurring':
      if (actual.kind !== 'occurrences' && actual.kind !== 'tier') throw mismatch(spec, actual);
      return evaluateRecurring(spec.every, spec.times, actual, options);
    case 'relative': {
      const { value, previousYear } = expectNumber(spec, actual);
      if (previousYear === undefined || previousYear === null || !Number.isFinite(previousYear)) {
        throw new Error('A target relative to the previous year needs the previous-year value (previousYear) with the actual');
      }
      return evaluateRelative(spec, value, previousYear);
    }
    case 'qualitative':
      if (actual.kind !== 'tier') throw mismatch(spec, actual);
      return fromTier(actual.tier, actual.value, `定性指标评价为「${TIER_LABELS[actual.tier]}」`, options.tierValues);
  }
}

function mismatch(spec: TargetSpec, actual: IndicatorActualValue): Error {
  return new Error(
    `Actual of kind '${actual.kind}' does not fit a ${spec.kind} target（${TARGET_KIND_LABELS[spec.kind]}目标不能录入${ACTUAL_KIND_LABELS[actual.kind]}）`,
  );
}

function expectNumber(spec: TargetSpec, actual: IndicatorActualValue): Extract<IndicatorActualValue, { kind: 'number' }> {
  if (actual.kind !== 'number') throw mismatch(spec, actual);
  if (!Number.isFinite(actual.value)) throw new Error(`Actual value must be a finite number, got ${actual.value}（实际完成值超出可计算的范围，请核对后重新录入）`);
  return actual;
}
