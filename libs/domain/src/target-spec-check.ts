import type { Op, TargetSpec } from './target-spec';

const OPS: readonly Op[] = ['>=', '>', '<=', '<', '='];
const MM_DD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isUnit = (v: unknown): v is string | null => v === null || (typeof v === 'string' && v.length <= 20);
const keysAre = (o: Record<string, unknown>, keys: string[]) =>
  Object.keys(o).length === keys.length && keys.every((k) => k in o);

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
      return day <= DAYS_IN_MONTH[month - 1] ? null : `${month} 月没有 ${day} 日`;
    }
    case 'recurring':
      if (!keysAre(o, ['kind', 'every', 'day'])) return '定期型目标须包含且仅包含 every、day';
      if (o['every'] !== 'month' && o['every'] !== 'quarter') return '周期须为 month（每月）或 quarter（每季度）';
      if (o['day'] === null) return null;
      return Number.isInteger(o['day']) && (o['day'] as number) >= 1 && (o['day'] as number) <= 31 ? null : '日期须为 1 到 31 的整数或空（期末）';
    case 'relative':
      if (!keysAre(o, ['kind', 'op', 'delta', 'unit'])) return '与上年比较型目标须包含且仅包含 op、delta、unit';
      if (!OPS.includes(o['op'] as Op)) return `比较符须为 ${OPS.join(' ')} 之一`;
      if (o['delta'] !== null && !isNumber(o['delta'])) return '增减幅度须为数字或空';
      return isUnit(o['unit']) ? null : '计量单位须为不超过 20 个字的文字或空';
    case 'qualitative':
      if (!keysAre(o, ['kind', 'text'])) return '定性目标须包含且仅包含 text';
      return typeof o['text'] === 'string' ? null : '定性目标的描述须为文字';
    default:
      return '解析类型须为 numeric、range、deadline、recurring、relative 或 qualitative';
  }
}

export function isTargetSpec(value: unknown): value is TargetSpec {
  return checkTargetSpec(value) === null;
}
