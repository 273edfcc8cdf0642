import type { UnmetSeverity } from '@jixiao/contracts/api/evaluation.contract';
import type { Grade } from '@jixiao/domain/scoring';

/** 未完成标记: text and colour (never colour alone). */
export const UNMET_TAGS: Readonly<Record<UnmetSeverity, { label: string; color: string }>> = {
  minor: { label: '未完成·轻微', color: 'gold' },
  moderate: { label: '未完成·较大', color: 'orange' },
  severe: { label: '未完成·严重', color: 'red' },
  missing: { label: '未填报', color: 'magenta' },
};

export const UNMET_ORDER: readonly UnmetSeverity[] = ['severe', 'moderate', 'minor', 'missing'];

export const GRADE_TAGS: Readonly<Record<Grade, { label: string; color: string }>> = {
  excellent: { label: '优', color: 'green' },
  good: { label: '良', color: 'blue' },
  fair: { label: '中', color: 'orange' },
  poor: { label: '差', color: 'red' },
};

/** A rate the domain already rounded (ratePercent, '66.67') as shown: '66.67%'; '—' when there is none. No rounding here. */
export function percentText(percent: string | null | undefined): string {
  return percent === null || percent === undefined || percent === '' ? '—' : `${percent}%`;
}
