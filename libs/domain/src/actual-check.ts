/**
 * Checks a recorded 实际完成值 against its target before it is stored: the kind of value must fit the
 * kind of target, and the value itself must be well formed. Answers a Chinese sentence, or null.
 */
import { ACTUAL_KIND_LABELS, evaluateCompletion, IndicatorActualValue, TARGET_KIND_LABELS, TIER_LABELS, TIER_RANGES, TIERS } from './completion';
import { readIsoDate } from './calendar';
import { occurrenceLabels } from './recurring';
import type { TargetSpec } from './target-spec';

/** Which kinds of actual each kind of target takes. */
export const ACTUAL_KINDS_FOR_TARGET: Readonly<Record<TargetSpec['kind'], readonly IndicatorActualValue['kind'][]>> = {
  numeric: ['number'],
  range: ['number'],
  relative: ['number'],
  deadline: ['date', 'tier'],
  recurring: ['occurrences', 'tier'],
  qualitative: ['tier'],
};

/**
 * null when `actual` may be stored for `spec`. `final` (the year-end value, period Y) also requires
 * what the score needs: the previous-year value of a relative target.
 */
export function checkActualValue(spec: TargetSpec, actual: IndicatorActualValue | null, options: { final: boolean; fiscalYear: number }): string | null {
  if (actual === null) return null;
  const allowed = ACTUAL_KINDS_FOR_TARGET[spec.kind];
  if (!allowed.includes(actual.kind)) {
    return `${TARGET_KIND_LABELS[spec.kind]}类指标应录入${allowed.map((k) => ACTUAL_KIND_LABELS[k]).join('或')}，不能录入${ACTUAL_KIND_LABELS[actual.kind] ?? '该类值'}`;
  }
  switch (actual.kind) {
    case 'number':
      if (typeof actual.value !== 'number' || !Number.isFinite(actual.value)) return '实际完成值须为数字';
      if (actual.previousYear !== undefined && actual.previousYear !== null && !Number.isFinite(actual.previousYear)) return '上年实际值须为数字';
      if (spec.kind === 'relative' && options.final && (actual.previousYear === undefined || actual.previousYear === null)) {
        return '与上年比较的指标须同时填写上年实际值';
      }
      break;
    case 'date': {
      if (actual.doneOn !== null) {
        const date = typeof actual.doneOn === 'string' ? readIsoDate(actual.doneOn) : null;
        if (date === null) return `完成日期“${String(actual.doneOn)}”不是有效日期（应为 YYYY-MM-DD）`;
        const { year } = date;
        if (year < options.fiscalYear - 1 || year > options.fiscalYear + 1) return `完成日期 ${actual.doneOn} 不在 ${options.fiscalYear} 年度前后`;
      }
      break;
    }
    case 'occurrences': {
      const labels = occurrenceLabels(spec);
      if (!Number.isInteger(actual.total) || actual.total < 1) return `${labels.required}须为正整数`;
      if (!Number.isInteger(actual.onTime) || actual.onTime < 0 || actual.onTime > actual.total) return `${labels.done}须为 0 到 ${actual.total} 之间的整数`;
      break;
    }
    case 'tier': {
      if (!TIERS.includes(actual.tier)) return '评价等级须为达成、部分达成或未达成';
      if (actual.value !== undefined && actual.value !== null) {
        const range = TIER_RANGES[actual.tier];
        const inside = actual.value >= range.min && (range.maxInclusive ? actual.value <= range.max : actual.value < range.max);
        if (!Number.isFinite(actual.value) || !inside) {
          return `「${TIER_LABELS[actual.tier]}」的完成程度须在 ${range.min} 到 ${range.max}${range.maxInclusive ? "" : "（不含）"}之间`;
        }
      }
      break;
    }
  }
  if (options.final) {
    try {
      evaluateCompletion(spec, actual, { fiscalYear: options.fiscalYear });
    } catch (error) {
      return `实际完成值无法计算完成率：${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return null;
}
