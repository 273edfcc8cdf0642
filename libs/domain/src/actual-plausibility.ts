/**
 * Is a recorded 实际完成值 plausible next to its target? A value more than 100 times the target, or
 * less than a hundredth of it, is most likely a slip (a unit, a decimal point, digits typed twice):
 * 2000000 against `≥2人`. Such a value is not refused outright — it may be true — but the user must
 * confirm it before it is stored. Pure; compared exactly (big.js), never in binary floats.
 *
 * - Only numbers are looked at, against numeric, range and relative targets (dates, occurrences and
 *   tiers have their own bounds in checkActualValue).
 * - A zero actual is never a slip of magnitude (nothing was done, or nothing happened) and a zero
 *   target gives no scale: neither is checked.
 * - A cap (`≤`, `<`) is met by anything below it: only a value far above it is doubted.
 * - A range is doubted above 100 × its larger bound, below a hundredth of its smaller one.
 * - A relative target compares the actual with last year's value given beside it (either may be the slip).
 * - Below a hundredth is doubted at year end (`final`) only: early in the year a small value is progress.
 */
import Big from 'big.js';
import { show } from './completion/completion-result';
import type { IndicatorActualValue } from './completion';
import { formatTargetSpec } from './format-target-spec';
import type { TargetSpec } from './target-spec';

/** How many times the target (or a hundredth of it) a value may lie from it before it must be confirmed. */
export const IMPLAUSIBLE_FACTOR = 100;

export interface ImplausibleActual {
  direction: 'above' | 'below';
  /** What the value was compared with: 指标值, 区间上限, 区间下限, 上年实际值. */
  referenceLabel: string;
  /** That value, as an exact decimal with the target's unit: '2人'. */
  reference: string;
  /** The actual as recorded, with the unit: '2000000人'. */
  actual: string;
  /** The target as printed: '≥ 2 人'. */
  target: string;
  /** The Chinese sentence shown to the user. */
  message: string;
}

interface Scale {
  high: { label: string; value: number } | null; // doubted above FACTOR × this
  low: { label: string; value: number } | null; // doubted below this ÷ FACTOR
}

function scaleOf(spec: TargetSpec, actual: Extract<IndicatorActualValue, { kind: 'number' }>): Scale | null {
  switch (spec.kind) {
    case 'numeric': {
      if (!Number.isFinite(spec.value) || spec.value === 0) return null;
      const target = { label: '指标值', value: Math.abs(spec.value) };
      const cap = spec.op === '<=' || spec.op === '<';
      return { high: target, low: cap ? null : target };
    }
    case 'range': {
      const bounds = [
        { label: '区间下限', value: Math.abs(spec.min) },
        { label: '区间上限', value: Math.abs(spec.max) },
      ].filter((b) => Number.isFinite(b.value) && b.value !== 0);
      if (bounds.length === 0) return null;
      const sorted = [...bounds].sort((a, b) => a.value - b.value);
      return { high: sorted[sorted.length - 1]!, low: sorted[0]! };
    }
    case 'relative': {
      const previous = actual.previousYear;
      if (previous === undefined || previous === null || !Number.isFinite(previous) || previous === 0) return null;
      const last = { label: '上年实际值', value: Math.abs(previous) };
      return { high: last, low: last };
    }
    default:
      return null;
  }
}

/**
 * null when `actual` is plausible for `spec`; otherwise what is doubted and a sentence naming the
 * value, the target and what to do. `final`: the year-end value (period Y).
 */
export function checkActualPlausibility(spec: TargetSpec, actual: IndicatorActualValue | null, options: { final: boolean }): ImplausibleActual | null {
  if (actual === null || actual.kind !== 'number') return null;
  if (typeof actual.value !== 'number' || !Number.isFinite(actual.value) || actual.value === 0) return null;
  const scale = scaleOf(spec, actual);
  if (scale === null) return null;
  const magnitude = new Big(Math.abs(actual.value));
  const unit = spec.kind === 'qualitative' || spec.kind === 'deadline' || spec.kind === 'recurring' ? null : spec.unit;
  const doubt = (direction: ImplausibleActual['direction'], reference: { label: string; value: number }): ImplausibleActual => {
    const referenceText = show(reference.value, unit);
    const actualText = show(actual.value, unit);
    const how = direction === 'above' ? `超过${reference.label} ${referenceText} 的 ${IMPLAUSIBLE_FACTOR} 倍` : `不到${reference.label} ${referenceText} 的 1/${IMPLAUSIBLE_FACTOR}`;
    return {
      direction,
      referenceLabel: reference.label,
      reference: referenceText,
      actual: actualText,
      target: formatTargetSpec(spec),
      message: `实际完成值 ${actualText} ${how}（指标值 ${formatTargetSpec(spec)}），可能录入有误（单位、小数点或多输了数字）；请核对，确认无误后选择“数值无误，仍然保存”`,
    };
  };
  if (scale.high !== null && magnitude.gt(new Big(scale.high.value).times(IMPLAUSIBLE_FACTOR))) return doubt('above', scale.high);
  if (options.final && scale.low !== null && magnitude.times(IMPLAUSIBLE_FACTOR).lt(new Big(scale.low.value))) return doubt('below', scale.low);
  return null;
}
