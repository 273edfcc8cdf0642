/**
 * Completion of targets about time (DESIGN §3): a deadline (截止日期), by the completion date or
 * the evaluator's tier; a recurring target (定期), by occurrences — each period's deadline kept
 * (每月20日前) or each period's count reached (每季度1次).
 */
import { daysInMonth, readIsoDate } from '../calendar';
import { exactRatio, formatRatio } from '../exact';
import type { RecurringEvery } from '../target-spec';
import { completion, fromTier } from './completion-result';
import type { CompletionOptions, CompletionResult, IndicatorActualValue } from './completion.types';
import { TIER_LABELS } from './completion.types';

const EVERY_WORDS: Readonly<Record<RecurringEvery, string>> = { month: '每月', quarter: '每季度', year: '每年' };

/** The deadline of `by` ('MM-DD') in the fiscal year; 02-29 in a common year becomes 02-28. */
export function deadlineDate(by: string, fiscalYear: number): string {
  const match = /^(\d{2})-(\d{2})$/.exec(by);
  const month = match ? Number(match[1]) : 0;
  const day = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) throw new Error(`Invalid deadline ${JSON.stringify(by)}: expected 'MM-DD'`);
  const clamped = Math.min(day, daysInMonth(month, fiscalYear));
  return `${fiscalYear}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

export function evaluateDeadline(by: string, actual: IndicatorActualValue, options: CompletionOptions): CompletionResult {
  const tiers = options.tierValues;
  if (actual.kind === 'tier') return fromTier(actual.tier, actual.value, `截止日期指标由评价人评定为「${TIER_LABELS[actual.tier]}」`, tiers);
  if (actual.kind !== 'date') throw new Error(`Actual of kind '${actual.kind}' does not fit a deadline target`);
  const year = options.fiscalYear;
  if (year === undefined || !Number.isInteger(year)) throw new Error('A deadline target needs options.fiscalYear to place its deadline');
  const deadline = deadlineDate(by, year);
  if (actual.doneOn === null) return fromTier('not_achieved', actual.value, `截止 ${deadline}，尚未完成`, tiers);
  if (readIsoDate(actual.doneOn) === null) {
    throw new Error(`Invalid completion date ${JSON.stringify(actual.doneOn)}: expected a real date 'YYYY-MM-DD'`);
  }
  if (actual.doneOn <= deadline) return fromTier('achieved', actual.value, `截止 ${deadline}，${actual.doneOn} 完成，按时`, tiers);
  return fromTier('partial', actual.value, `截止 ${deadline}，${actual.doneOn} 完成，逾期`, tiers);
}

export function evaluateRecurring(every: RecurringEvery, times: number | undefined, actual: IndicatorActualValue, options: CompletionOptions = {}): CompletionResult {
  if (actual.kind === 'tier') return fromTier(actual.tier, actual.value, `定期指标由评价人评定为「${TIER_LABELS[actual.tier]}」`, options.tierValues);
  if (actual.kind !== 'occurrences') throw new Error(`Actual of kind '${actual.kind}' does not fit a recurring target`);
  const { onTime, total } = actual;
  if (!Number.isInteger(total) || total <= 0) throw new Error(`Occurrences total must be a positive integer, got ${total}`);
  if (!Number.isInteger(onTime) || onTime < 0 || onTime > total) {
    throw new Error(`Occurrences on time must be an integer between 0 and ${total}, got ${onTime}`);
  }
  const ratio = exactRatio(onTime, total);
  const met = onTime === total;
  const how =
    times === undefined
      ? `${EVERY_WORDS[every]}按期完成：按时 ${onTime} 次 ÷ 应完成 ${total} 次`
      : `${EVERY_WORDS[every]}至少${times}次：达标 ${onTime} 次 ÷ 应完成 ${total} 次`;
  return completion(met, ratio, null, `${how} = ${formatRatio(ratio)}；${met ? '已达成' : '未达成'}`);
}
