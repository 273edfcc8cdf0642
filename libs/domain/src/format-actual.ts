/** A recorded 实际完成值 as the self-assessment table shows it, in the target's unit. */
import { IndicatorActualValue, TIER_LABELS } from './completion';
import type { TargetSpec } from './target-spec';

export function formatActualValue(actual: IndicatorActualValue | null, spec: TargetSpec): string {
  if (actual === null) return '未填报';
  switch (actual.kind) {
    case 'number': {
      const unit = spec.kind === 'numeric' || spec.kind === 'range' || spec.kind === 'relative' ? (spec.unit ?? '') : '';
      const text = `${show(actual.value)}${unit}`;
      return actual.previousYear === undefined || actual.previousYear === null ? text : `${text}（上年 ${show(actual.previousYear)}${unit}）`;
    }
    case 'date':
      return actual.doneOn === null ? '未完成' : `${actual.doneOn} 完成`;
    case 'occurrences':
      return `${spec.kind === 'recurring' && spec.times !== undefined ? '达标' : '按时完成'} ${actual.onTime}/${actual.total} 次`;
    case 'tier':
      return actual.value === undefined || actual.value === null ? TIER_LABELS[actual.tier] : `${TIER_LABELS[actual.tier]}（${show(actual.value)}）`;
  }
}

function show(value: number): string {
  return String(Number(value.toPrecision(12)));
}
