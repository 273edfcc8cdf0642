/**
 * One indicator's light in one monitoring period (DESIGN §4): every target kind lights.
 *
 * - At year end (`Y`) the light is the unmet flag of the self-assessment, so 执行监控 never shows
 *   green where 自评 says 未完成: met → green (blue at r ≥ 1.2), minor → yellow, moderate or
 *   severe → red, no final actual → grey. The stated likelihood no longer matters then.
 * - In the year: a `≥`/`>`/`=` quantity by its pace (lights.ts); a cost cap (`≤`/`<`) by the
 *   forecast, else the amount to date, against the cap (over it → red); a range by the forecast, or
 *   the value to date where the unit is not cumulative (a rate); a deadline by its date (done on
 *   time → green; due and not done, or done late → red; not yet due → by the likelihood); a
 *   recurring, relative, tiered or qualitative target by what was recorded, graded like the year
 *   end. Then the stated likelihood (完成可能性) can only darken the light.
 */
import { daysInMonth } from './calendar';
import { CompletionResult, evaluateCompletion, gradeUnmet, IndicatorActualValue } from './completion';
import { compareRatio } from './exact';
import { applyLikelihood, indicatorPace, Light, LIGHT_LABELS, Likelihood, LIKELIHOOD_LABELS, PaceResult, Period, periodEnd, yearShareElapsed } from './lights';
import type { TargetSpec } from './target-spec';
import { unitKind } from './units';

/** What was recorded for one indicator in one period. */
export interface PeriodRecord {
  actual: IndicatorActualValue | null;
  forecast?: number | null;
  likelihood?: Likelihood | null;
}

export interface IndicatorLightOptions {
  fiscalYear: number; // 预算年度: places deadlines and the end of each period
}

/** The light of a completion as the year end grades it: met → green (blue at r ≥ 1.2), minor → yellow, else red. */
export function lightOfCompletion(completion: CompletionResult): Light {
  if (completion.met) return compareRatio(completion.ratio, '1.2') >= 0 ? 'blue' : 'green';
  return gradeUnmet(completion.ratio) === 'minor' ? 'yellow' : 'red';
}

/** One indicator's light in a period, from what was recorded for it (null record: nothing recorded). */
export function indicatorLight(spec: TargetSpec, period: Period, record: PeriodRecord | null, options: IndicatorLightOptions): PaceResult {
  if (period === 'Y') return yearEndLight(spec, record?.actual ?? null, options.fiscalYear);
  const reading = inYearLight(spec, period, record, options.fiscalYear);
  if (reading.pace !== undefined) return reading.pace; // the pace rules already applied the likelihood
  return darkened(reading.light, reading.how, record?.likelihood ?? null);
}

function yearEndLight(spec: TargetSpec, actual: IndicatorActualValue | null, fiscalYear: number): PaceResult {
  if (actual === null) return { pace: null, light: 'grey', explanation: `未录入年终实际完成值 → ${LIGHT_LABELS.grey.label}` };
  const completion = tryCompletion(spec, actual, fiscalYear);
  if (typeof completion === 'string') return { pace: null, light: null, explanation: completion };
  const light = lightOfCompletion(completion);
  const flag = completion.met ? '已完成' : `未完成·${{ minor: '轻微', moderate: '较大', severe: '严重' }[gradeUnmet(completion.ratio)]}`;
  return { pace: completion.rate, light, explanation: `${completion.explanation}（${flag}）→ ${LIGHT_LABELS[light].label}` };
}

function tryCompletion(spec: TargetSpec, actual: IndicatorActualValue, fiscalYear: number): CompletionResult | string {
  try {
    return evaluateCompletion(spec, actual, { fiscalYear });
  } catch (error) {
    return `实际完成值无法计算完成率：${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A light before the likelihood, and how it was reached; or a finished pace result. */
type InYear = { light: Light | null; how: string; pace?: undefined } | { pace: PaceResult };

function inYearLight(spec: TargetSpec, period: Period, record: PeriodRecord | null, fiscalYear: number): InYear {
  const actual = record?.actual ?? null;
  const forecast = record?.forecast ?? null;
  const number = actual?.kind === 'number' ? actual.value : null;
  if (actual?.kind === 'tier') return graded(spec, actual, fiscalYear, '评价等级');
  switch (spec.kind) {
    case 'numeric':
      if (spec.op === '<=' || spec.op === '<') return costCap(spec.value, spec.op, spec.unit, number, forecast);
      return {
        pace: indicatorPace({ spec: { ...spec, op: '>=' }, actualToDate: number, forecast, yearShareElapsed: yearShareElapsed(period), likelihood: record?.likelihood ?? null }),
      };
    case 'range': {
      const cumulative = !['percent', 'ratio'].includes(unitKind(spec.unit) ?? '');
      const value = forecast ?? (cumulative ? null : number);
      if (value === null) return { light: null, how: cumulative ? '区间目标未录入全年预计值' : '未录入完成值' };
      return graded(spec, { kind: 'number', value }, fiscalYear, forecast !== null ? '全年预计' : '当前值');
    }
    case 'deadline':
      return deadlineLight(spec.by, period, actual, fiscalYear);
    case 'recurring':
      if (actual?.kind !== 'occurrences') return { light: null, how: '未录入按时完成次数' };
      return graded(spec, actual, fiscalYear, '截至本期');
    case 'relative': {
      if (actual?.kind !== 'number' || actual.previousYear === undefined || actual.previousYear === null) return { light: null, how: '未录入完成值与上年实际值' };
      const value = forecast ?? actual.value;
      return graded(spec, { kind: 'number', value, previousYear: actual.previousYear }, fiscalYear, forecast !== null ? '全年预计' : '当前值');
    }
    case 'qualitative':
      return { light: null, how: '定性指标未录入评价等级' };
  }
}

/** A value graded by the year end's rule, as a light before the likelihood. */
function graded(spec: TargetSpec, actual: IndicatorActualValue, fiscalYear: number, what: string): InYear {
  const completion = tryCompletion(spec, actual, fiscalYear);
  if (typeof completion === 'string') return { light: null, how: completion };
  const light = lightOfCompletion(completion);
  return { light, how: `${what}：${completion.explanation} → ${LIGHT_LABELS[light].label}` };
}

/** A cap (`≤ 41万元`): the forecast, else the amount to date, against the cap; over it → red. */
function costCap(cap: number, op: '<=' | '<', unit: string | null, toDate: number | null, forecast: number | null): InYear {
  const value = forecast ?? toDate;
  if (value === null) return { light: null, how: '未录入累计完成值，也没有全年预计值' };
  const within = op === '<=' ? value <= cap : value < cap;
  const light: Light = within ? 'green' : 'red';
  const what = forecast !== null ? '全年预计' : '截至本期累计';
  return { light, how: `${what} ${value}${unit ?? ''} ${within ? '未超过' : '超过'}上限 ${cap}${unit ?? ''} → ${LIGHT_LABELS[light].label}` };
}

/** A deadline by its date: done on time → green, late → red; not done → red once due, else by the likelihood. */
function deadlineLight(by: string, period: Period, actual: IndicatorActualValue | null, fiscalYear: number): InYear {
  const month = Number(by.slice(0, 2));
  const day = Math.min(Number(by.slice(3, 5)), daysInMonth(month, fiscalYear));
  const deadline = `${fiscalYear}-${by.slice(0, 2)}-${String(day).padStart(2, '0')}`;
  const endMonth = periodEnd(period);
  const periodEndDate = `${fiscalYear}-${String(endMonth).padStart(2, '0')}-${String(daysInMonth(endMonth, fiscalYear)).padStart(2, '0')}`;
  const doneOn = actual?.kind === 'date' ? actual.doneOn : null;
  if (doneOn !== null) {
    const light: Light = doneOn <= deadline ? 'green' : 'red';
    return { light, how: `截止 ${deadline}，${doneOn} 完成，${light === 'green' ? '按时' : '逾期'} → ${LIGHT_LABELS[light].label}` };
  }
  if (periodEndDate >= deadline) return { light: 'red', how: `截止 ${deadline} 已到期，尚未完成 → ${LIGHT_LABELS.red.label}` };
  return { light: null, how: `截止 ${deadline}，尚未到期` };
}

/** Applies the stated likelihood: it only darkens; with no light of its own, certain → green, possible → yellow, impossible → red. */
function darkened(light: Light | null, how: string, likelihood: Likelihood | null): PaceResult {
  if (likelihood === null) return { pace: null, light, explanation: how };
  const base = light ?? (likelihood === 'certain' ? 'green' : null);
  const result = applyLikelihood(base, likelihood);
  const note = `完成可能性「${LIKELIHOOD_LABELS[likelihood]}」`;
  const change = light === null ? `，${result === null ? '不亮灯' : `按此亮 ${LIGHT_LABELS[result].label}`}` : result === light ? '，灯不变' : `，调整为 ${LIGHT_LABELS[result as Light].label}`;
  return { pace: null, light: result, explanation: `${how}；${note}${change}` };
}
