import type { PreviousYearIndicatorResponse } from '@jixiao/contracts/api/target-sheet.contract';
import { PERIOD_LABELS } from '@jixiao/domain/lights';

/** 上年实际完成值 as shown beside a rolled-over indicator: the final value, or the latest round's with its round named. */
export function previousActualText(previous: PreviousYearIndicatorResponse | null | undefined): string {
  if (previous === null || previous === undefined) return '—';
  if (previous.actual === null || previous.actualPeriod === null) return '未填报';
  return previous.actualPeriod === 'Y' ? previous.actual : `${previous.actual}（截至${PERIOD_LABELS[previous.actualPeriod]}）`;
}

/** 上年指标值 as shown beside a rolled-over indicator. */
export function previousTargetText(previous: PreviousYearIndicatorResponse | null | undefined): string {
  return previous === null || previous === undefined ? '—' : previous.target;
}
