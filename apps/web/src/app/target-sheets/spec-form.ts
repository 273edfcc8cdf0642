import { formatTargetSpec } from '@jixiao/domain/format-target-spec';
import type { Op, RecurringEvery, RelativeChange, TargetKind, TargetSpec } from '@jixiao/domain/target-spec';
import { checkTargetSpec } from '@jixiao/domain/target-spec-check';
import { daysInMonth } from '@jixiao/domain/calendar';
import { plainDecimal } from '@jixiao/domain/exact';
import { readTypedNumber } from '@jixiao/domain/typed-input';
import { normalizeUnit } from '@jixiao/domain/units';

/** 解析类型 offered by the 更正 form, in the order of DESIGN §3. */
export const SPEC_KINDS: readonly { kind: TargetKind; label: string }[] = [
  { kind: 'numeric', label: '数值' },
  { kind: 'range', label: '区间' },
  { kind: 'deadline', label: '截止日期' },
  { kind: 'recurring', label: '定期' },
  { kind: 'relative', label: '与上年比较' },
  { kind: 'qualitative', label: '定性' },
];

/** 比较符 of a numeric or relative target. */
export const SPEC_OPS: readonly { op: Op; label: string }[] = [
  { op: '>=', label: '≥ 不低于' },
  { op: '>', label: '> 高于' },
  { op: '<=', label: '≤ 不高于' },
  { op: '<', label: '< 低于' },
  { op: '=', label: '= 等于' },
];

/** 周期 of a recurring target. */
export const RECURRING_EVERY: readonly { every: RecurringEvery; label: string; end: string }[] = [
  { every: 'month', label: '每月', end: '月末' },
  { every: 'quarter', label: '每季度', end: '季末' },
  { every: 'year', label: '每年', end: '年末' },
];

/** How the change of a relative target is measured (DESIGN §3), with an example of each. */
export const RELATIVE_CHANGES: readonly { change: RelativeChange; label: string; example: string }[] = [
  { change: 'points', label: '百分点', example: '如 提高2个百分点' },
  { change: 'percent', label: '增减幅度（%）', example: '如 增长5%' },
  { change: 'unit', label: '按单位', example: '如 增加3家' },
];

/**
 * The 更正 form as typed: one field set for every kind, so switching the kind keeps what was typed.
 * Numbers stay text until `specFromForm` reads them.
 */
export interface SpecForm {
  kind: TargetKind;
  op: Op; // 数值, 与上年比较
  value: string; // 数值
  min: string; // 区间
  max: string;
  unit: string; // 数值, 区间, 与上年比较
  month: number; // 截止日期: 1–12
  day: number | null; // 截止日期: the last day allowed; null = 月底
  every: RecurringEvery; // 定期
  recurringDay: number | null; // 定期: null = 期末; not asked for 每年
  times: string; // 定期: at least this many each period (每季度至少1次); '' = once, by the day
  delta: string; // 与上年比较: '' = no amount (不低于上年)
  change: RelativeChange | null; // 与上年比较: how the change is measured, only with an amount; null = not stated
  text: string; // 定性
}

export type SpecFormResult = { spec: TargetSpec; text: string; error: null } | { spec: null; text: null; error: string };

/** The form filled from a spec (the parsed or corrected one); `targetText` fills 定性 when the spec has no text. */
export function specToForm(spec: TargetSpec | null, targetText: string, fiscalYear?: number): SpecForm {
  const form: SpecForm = {
    kind: spec?.kind ?? 'numeric',
    op: '>=',
    value: '',
    min: '',
    max: '',
    unit: '',
    month: 12,
    day: null,
    every: 'month',
    recurringDay: null,
    times: '',
    delta: '',
    change: null,
    text: targetText.trim(),
  };
  if (spec === null) return form;
  switch (spec.kind) {
    case 'numeric':
      return { ...form, op: spec.op, value: plainDecimal(spec.value), unit: spec.unit ?? '' };
    case 'range':
      return { ...form, min: plainDecimal(spec.min), max: plainDecimal(spec.max), unit: spec.unit ?? '' };
    case 'deadline': {
      const [month, day] = spec.by.split('-').map(Number);
      if (!Number.isInteger(month) || month < 1 || month > 12) return form;
      return { ...form, month, day: day === daysInMonth(month, fiscalYear) ? null : day };
    }
    case 'recurring':
      return { ...form, every: spec.every, recurringDay: spec.day, times: spec.times === undefined ? '' : plainDecimal(spec.times) };
    case 'relative':
      return {
        ...form,
        op: spec.op,
        delta: spec.delta === null ? '' : plainDecimal(spec.delta),
        unit: spec.unit ?? '',
        change: spec.change ?? null,
      };
    case 'qualitative':
      return { ...form, text: spec.text.trim() === '' ? form.text : spec.text };
  }
}

/**
 * Reads the form into a TargetSpec and checks it with the domain's `checkTargetSpec` (the check the
 * server applies): the spec with its Chinese reading, or the reason it cannot be used.
 */
export function specFromForm(form: SpecForm, fiscalYear?: number): SpecFormResult {
  const built = build(form, fiscalYear);
  if (typeof built === 'string') return { spec: null, text: null, error: built };
  const problem = checkTargetSpec(built);
  if (problem !== null) return { spec: null, text: null, error: problem };
  return { spec: built, text: formatTargetSpec(built), error: null };
}

function build(form: SpecForm, fiscalYear: number | undefined): TargetSpec | string {
  switch (form.kind) {
    case 'numeric': {
      const value = readTypedNumber(form.value);
      if (value === null) return '请填写目标值（只填数字，如 95 或 1428；单位填在“单位”中）';
      return { kind: 'numeric', op: form.op, value, unit: normalizeUnit(form.unit) };
    }
    case 'range': {
      const min = readTypedNumber(form.min);
      const max = readTypedNumber(form.max);
      if (min === null || max === null) return '请填写区间的下限和上限（只填数字，如 80 和 90）';
      return { kind: 'range', min, max, unit: normalizeUnit(form.unit) };
    }
    case 'deadline': {
      const day = form.day ?? daysInMonth(form.month, fiscalYear);
      return { kind: 'deadline', by: `${pad(form.month)}-${pad(day)}` };
    }
    case 'recurring': {
      // 每年: the year's end is the only deadline there is (a day of the month means nothing there).
      const recurring: TargetSpec = { kind: 'recurring', every: form.every, day: form.every === 'year' ? null : form.recurringDay };
      if (form.times.trim() === '') return recurring;
      const times = readTypedNumber(form.times);
      if (times === null) return '每期次数只填数字（如 1 或 2），或留空表示每期完成一次';
      return { ...recurring, times };
    }
    case 'relative': {
      // Without an amount there is no change to measure: the 计量方式 is not sent.
      if (form.delta.trim() === '') return { kind: 'relative', op: form.op, delta: null, unit: null };
      const delta = readTypedNumber(form.delta);
      if (delta === null) return '变化量只填数字（降低填负数，如 -5），或留空表示直接与上年值比较';
      const relative: TargetSpec = { kind: 'relative', op: form.op, delta, unit: normalizeUnit(form.unit) };
      return form.change === null ? relative : { ...relative, change: form.change };
    }
    case 'qualitative':
      return { kind: 'qualitative', text: form.text.trim() };
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
