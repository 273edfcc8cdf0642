import { daysInMonth } from './calendar';
import type { Op, RecurringEvery, RelativeChange, TargetSpec } from './target-spec';

const OPS: readonly Op[] = ['>=', '>', '<=', '<', '='];
const EVERY: readonly RecurringEvery[] = ['month', 'quarter', 'year'];
const CHANGES: readonly RelativeChange[] = ['points', 'percent', 'unit'];
const MM_DD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Most occurrences a recurring target may ask for in one period. */
const MAX_TIMES = 1000;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isUnit = (v: unknown): v is string | null => v === null || (typeof v === 'string' && v.length <= 20);
const keysAre = (o: Record<string, unknown>, keys: string[], optional: string[] = []) =>
  keys.every((k) => k in o) && Object.keys(o).every((k) => keys.includes(k) || optional.includes(k));

/**
 * Checks a spec a user corrected in the structured editor: the exact shape of DESIGN §3, nothing more.
 * Returns a Chinese reason, or null when the spec is well-formed.
 */
export function checkTargetSpec(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '解析结果必须是对象';
  const o = value as Record<string, unknown>;
  switch (o['kind']) {
    case 'numeric':
      if (!keysAre(o, ['kind', 'op', 'value', 'unit'])) return '数值型目标须包含且仅包含 op、value、unit';
      if (!OPS.includes(o['op'] as Op)) return `比较符须为 ${OPS.join(' ')} 之一`;
      if (!isNumber(o['value'])) return '目标值须为数字';
      return isUnit(o['unit']) ? null : '计量单位须为不超过 20 个字的文字或空';
    case 'range':
      if (!keysAre(o, ['kind', 'min', 'max', 'unit'])) return '区间型目标须包含且仅包含 min、max、unit';
      if (!isNumber(o['min']) || !isNumber(o['max'])) return '区间上下限须为数字';
      if ((o['min'] as number) > (o['max'] as number)) return '区间下限不能大于上限';
      return isUnit(o['unit']) ? null : '计量单位须为不超过 20 个字的文字或空';
    case 'deadline': {
      if (!keysAre(o, ['kind', 'by'])) return '时限型目标须包含且仅包含 by';
      const by = o['by'];
      if (typeof by !== 'string' || !MM_DD.test(by)) return '截止日期须为“月-日”格式，如 09-30';
      const [month, day] = by.split('-').map(Number);
      return day <= daysInMonth(month, null) ? null : `${month} 月没有 ${day} 日`;
    }
    case 'recurring':
      return checkRecurring(o);
    case 'relative':
      return checkRelative(o);
    case 'qualitative':
      if (!keysAre(o, ['kind', 'text'])) return '定性目标须包含且仅包含 text';
      return typeof o['text'] === 'string' ? null : '定性目标的描述须为文字';
    default:
      return '解析类型须为 numeric、range、deadline、recurring、relative 或 qualitative';
  }
}

function checkRecurring(o: Record<string, unknown>): string | null {
  if (!keysAre(o, ['kind', 'every', 'day'], ['times'])) return '定期型目标须包含 every、day（可选 times），不能有其他字段';
  if (!EVERY.includes(o['every'] as RecurringEvery)) return '周期须为 month（每月）、quarter（每季度）或 year（每年）';
  const day = o['day'];
  if (day !== null && !(Number.isInteger(day) && (day as number) >= 1 && (day as number) <= 31)) return '日期须为 1 到 31 的整数或空（期末）';
  const times = o['times'];
  if (times !== undefined && !(Number.isInteger(times) && (times as number) >= 1 && (times as number) <= MAX_TIMES)) {
    return `每期次数须为 1 到 ${MAX_TIMES} 的整数`;
  }
  if (o['every'] === 'year' && times === undefined) return '按年的定期目标须写明每年至少几次';
  return null;
}

function checkRelative(o: Record<string, unknown>): string | null {
  if (!keysAre(o, ['kind', 'op', 'delta', 'unit'], ['change'])) return '与上年比较型目标须包含 op、delta、unit（可选 change），不能有其他字段';
  if (!OPS.includes(o['op'] as Op)) return `比较符须为 ${OPS.join(' ')} 之一`;
  if (o['delta'] !== null && !isNumber(o['delta'])) return '增减幅度须为数字或空';
  const change = o['change'];
  if (change !== undefined && !CHANGES.includes(change as RelativeChange)) return '变化的计量方式须为 points（百分点）、percent（增减幅度）或 unit（按单位）';
  if (change !== undefined && o['delta'] === null) return '未写增减幅度时不能指定变化的计量方式';
  return isUnit(o['unit']) ? null : '计量单位须为不超过 20 个字的文字或空';
}

export function isTargetSpec(value: unknown): value is TargetSpec {
  return checkTargetSpec(value) === null;
}
