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

/** A completion rate as a percentage with two decimals, rounded down so 99.999% never shows as 100%. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(Math.floor(rate * 10000 + 1e-7) / 100).toFixed(2)}%`;
}
