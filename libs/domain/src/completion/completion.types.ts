/** The kinds of values completion works with: tiers, recorded actuals, results and unmet grades. */
import type { ExactRatio } from '../exact';
import type { TargetSpec } from '../target-spec';

/** 评价等级: the three grades of the national self-assessment rules. */
export type Tier = 'achieved' | 'partial' | 'not_achieved';

export const TIERS: readonly Tier[] = ['achieved', 'partial', 'not_achieved'];

/** 达成 / 部分达成 / 未达成. */
export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  achieved: '达成',
  partial: '部分达成',
  not_achieved: '未达成',
};

/** Default completion value of each tier. */
export const TIER_DEFAULT_VALUES: Readonly<Record<Tier, number>> = {
  achieved: 1.0,
  partial: 0.7,
  not_achieved: 0.3,
};

/** Values an evaluator may set per tier: [min, max], max exclusive where `maxInclusive` is false. */
export const TIER_RANGES: Readonly<Record<Tier, { min: number; max: number; maxInclusive: boolean }>> = {
  achieved: { min: 0.8, max: 1.0, maxInclusive: true },
  partial: { min: 0.6, max: 0.8, maxInclusive: false },
  not_achieved: { min: 0, max: 0.6, maxInclusive: false },
};

/** 实际完成值: what was recorded for one indicator. */
export type IndicatorActualValue =
  | { kind: 'number'; value: number; previousYear?: number | null } // previousYear: 上年实际值, for relative targets
  | { kind: 'date'; doneOn: string | null; value?: number } // 'YYYY-MM-DD', null when not done
  | { kind: 'occurrences'; onTime: number; total: number } // 按时（达标）完成次数 / 应完成次数
  | { kind: 'tier'; tier: Tier; value?: number }; // 评价等级, optional value inside the tier's range

export interface CompletionOptions {
  fiscalYear?: number; // 预算年度, required for deadline targets with a date actual
  tierValues?: Readonly<Record<Tier, number>>; // the scheme's value of each tier; the national defaults otherwise
}

export interface CompletionResult {
  met: boolean; // 是否达成
  ratio: ExactRatio; // 完成率 r, exact, unclamped, ≥ 0: what scores, flags and shown rates use
  rate: number; // r as a binary float, for charts and sorting only
  ratePercent: string; // r × 100 rounded half-up to 0.01: '66.67' (the same digits everywhere)
  tier: Tier | null; // for tier-based targets (deadline, qualitative)
  explanation: string; // Chinese, shows how r was computed
}

/** 未完成程度: how far an unmet indicator fell short. */
export type UnmetGrade = 'minor' | 'moderate' | 'severe';

export const UNMET_GRADE_LABELS: Readonly<Record<UnmetGrade, string>> = {
  minor: '轻微',
  moderate: '较大',
  severe: '严重',
};

/** 数值 / 区间 / 截止日期 …: the kinds of target in Chinese. */
export const TARGET_KIND_LABELS: Readonly<Record<TargetSpec['kind'], string>> = {
  numeric: '数值',
  range: '区间',
  deadline: '截止日期',
  recurring: '定期完成',
  relative: '与上年比较',
  qualitative: '定性',
};

/** 数值 / 完成日期 / 按时完成次数 / 评价等级: the kinds of actual in Chinese. */
export const ACTUAL_KIND_LABELS: Readonly<Record<IndicatorActualValue['kind'], string>> = {
  number: '数值',
  date: '完成日期',
  occurrences: '按时完成次数',
  tier: '评价等级',
};
