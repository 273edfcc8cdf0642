/**
 * Monitoring lights (红黄绿灯) per DESIGN §4.
 *
 * Pace = achieved so far ÷ what should have been achieved by now. Boundaries: red < 0.6 ≤ yellow
 * < 0.8 ≤ green < 1.2 ≤ blue. Paces are computed in decimal (big.js) and rounded to 10 places
 * before they are classified, so binary noise (0.7999999999999999) never changes a light.
 *
 * Likelihood (完成可能性) only darkens: certain leaves the light; possible caps it at yellow
 * (green and blue become yellow, red stays red); impossible forces red. Blue is "ahead", not
 * darker than green, so possible turns it yellow too. With no pace-based light (a target that is
 * not a cumulative quantity), possible gives yellow, impossible red and certain no light.
 */
import Big from 'big.js';
import { daysInMonth } from './calendar';
import { formatMoney, isNonNegativeMoney, Money } from './money';
import type { TargetSpec } from './target-spec';
import { unitKind } from './units';

/** 监控灯; grey: no final actual at year end (未填报). */
export type Light = 'red' | 'yellow' | 'green' | 'blue' | 'grey';

export const LIGHTS: readonly Light[] = ['red', 'yellow', 'green', 'blue', 'grey'];

/** Text label, short label and icon (ng-zorro / Ant Design icon name) of each light: never colour alone. */
export const LIGHT_LABELS: Readonly<Record<Light, { label: string; short: string; icon: string }>> = {
  red: { label: '红灯·严重滞后', short: '严重滞后', icon: 'close-circle' },
  yellow: { label: '黄灯·进度偏慢', short: '进度偏慢', icon: 'exclamation-circle' },
  green: { label: '绿灯·正常', short: '正常', icon: 'check-circle' },
  blue: { label: '蓝灯·超前', short: '超前', icon: 'rise' },
  grey: { label: '灰灯·未填报', short: '未填报', icon: 'question-circle' },
};

/** 完成可能性: 确定能 / 有可能 / 完全不可能. */
export type Likelihood = 'certain' | 'possible' | 'impossible';

export const LIKELIHOOD_LABELS: Readonly<Record<Likelihood, string>> = {
  certain: '确定能',
  possible: '有可能',
  impossible: '完全不可能',
};

/** 监控期: Q1–Q4 (cumulative to the quarter's end), M7 (1–7月), M9 (1–9月), Y (全年, year end). */
export type Period = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'M7' | 'M9' | 'Y';

export const PERIODS: readonly Period[] = ['Q1', 'Q2', 'Q3', 'Q4', 'M7', 'M9', 'Y'];

/** The periods as the year runs: 一季度, 二季度, 1–7月, 三季度, 1–9月, 四季度, 全年. */
export const PERIODS_IN_YEAR_ORDER: readonly Period[] = ['Q1', 'Q2', 'M7', 'Q3', 'M9', 'Q4', 'Y'];

export const PERIOD_LABELS: Readonly<Record<Period, string>> = {
  Q1: '一季度',
  Q2: '二季度',
  Q3: '三季度',
  Q4: '四季度',
  M7: '1–7月',
  M9: '1–9月',
  Y: '全年',
};

const PERIOD_END_MONTH: Readonly<Record<Period, number>> = { Q1: 3, Q2: 6, Q3: 9, Q4: 12, M7: 7, M9: 9, Y: 12 };

/** 偏差原因类别: the national categories. */
export type DeviationCategory = 'funding' | 'institutional' | 'staffing' | 'facilities' | 'other';

export const DEVIATION_CATEGORIES: readonly { key: DeviationCategory; label: string }[] = [
  { key: 'funding', label: '经费保障' },
  { key: 'institutional', label: '制度保障' },
  { key: 'staffing', label: '人员保障' },
  { key: 'facilities', label: '硬件条件保障' },
  { key: 'other', label: '其他' },
];

export const DEVIATION_CATEGORY_LABELS: Readonly<Record<DeviationCategory, string>> = {
  funding: '经费保障',
  institutional: '制度保障',
  staffing: '人员保障',
  facilities: '硬件条件保障',
  other: '其他',
};

/** The last month a period covers: Q1 → 3, M7 → 7, Y → 12. */
export function periodEnd(period: Period): number {
  return PERIOD_END_MONTH[period];
}

/** Share of the year elapsed at the end of the period: M7 → 7/12. */
export function yearShareElapsed(period: Period): number {
  return periodEnd(period) / 12;
}

/** red < 0.6 ≤ yellow < 0.8 ≤ green < 1.2 ≤ blue (pace rounded to 10 places first). */
export function lightForPace(pace: number): Light {
  if (!Number.isFinite(pace)) throw new Error(`Invalid pace: ${pace}`);
  const rounded = new Big(pace).round(10, Big.roundHalfUp);
  if (rounded.lt(0.6)) return 'red';
  if (rounded.lt(0.8)) return 'yellow';
  if (rounded.lt(1.2)) return 'green';
  return 'blue';
}

/** Darkens a light by the stated likelihood (see the module comment); `null` is no pace-based light. */
export function applyLikelihood(light: Light | null, likelihood: Likelihood | null | undefined): Light | null {
  if (likelihood === 'impossible') return 'red';
  if (likelihood === 'possible') return light === 'red' ? 'red' : 'yellow';
  return light;
}

export interface PaceResult {
  pace: number | null; // achieved ÷ expected; null when nothing was expected yet or not applicable
  light: Light | null; // after the likelihood; null when not applicable
  explanation: string; // Chinese
}

export interface SpendingPlanPoint {
  month: number; // checkpoint month 1–12: the cumulative amount planned by the end of this month
  cumulativeAmount: Money;
}

/** A date in the fiscal year: the end of `month`, or `day` of it (inclusive). `year` only sets February's length (default: a common year). */
export interface AsOfDate {
  month: number;
  day?: number;
  year?: number;
}

export interface SpendingPaceInput {
  plan: readonly SpendingPlanPoint[]; // 资金支出计划; empty for a linear plan
  budget: Money; // 预算数
  spentToDate: Money; // 累计支出
  asOf: AsOfDate | Period;
}

export interface SpendingPaceResult extends PaceResult {
  planned: Money; // planned cumulative spend at the date, to the cent
}

/** Spending pace: cumulative spend ÷ planned cumulative spend at the date (plan interpolated linearly). */
export function spendingPace(input: SpendingPaceInput): SpendingPaceResult {
  const budget = money(input.budget, 'budget');
  const spent = money(input.spentToDate, 'spentToDate');
  const at = position(input.asOf);

  const points = checkPlan(input.plan);
  const usedPlan = points.length > 0;
  if (points.length === 0 || (points[points.length - 1]?.month ?? 0) < 12) points.push({ month: 12, amount: budget });
  const knots = [{ month: 0, amount: new Big(0) }, ...points];
  let index = knots.findIndex((knot) => at.months.lte(knot.month));
  if (index <= 0) index = 1;
  const from = knots[index - 1] ?? { month: 0, amount: new Big(0) };
  const to = knots[index] ?? from;
  const plannedBig =
    to.month === from.month
      ? to.amount
      : from.amount.plus(to.amount.minus(from.amount).times(at.months.minus(from.month)).div(to.month - from.month));
  const planned = formatMoney(plannedBig);

  const source = !usedPlan
    ? `无支出计划，按全年预算 ${formatMoney(budget)} 线性计划`
    : at.months.eq(to.month)
      ? `支出计划 ${to.month} 月底累计 ${formatMoney(to.amount)}`
      : `支出计划在 ${from.month === 0 ? '年初 0.00' : `${from.month} 月底 ${formatMoney(from.amount)}`} 与 ${to.month} 月底 ${formatMoney(to.amount)} 之间线性插值`;
  const head = `截至${at.label}计划累计支出 ${planned}（${source}）`;

  if (new Big(planned).eq(0)) {
    const light: Light = spent.gt(0) ? 'blue' : 'green';
    return {
      pace: null,
      light,
      planned,
      explanation: `${head}；计划为 0，进度无法按比值计算，实际支出 ${formatMoney(spent)}，${spent.gt(0) ? '超前' : '正常'} → ${LIGHT_LABELS[light].label}`,
    };
  }
  const pace = round10(spent.div(planned));
  const light = lightForPace(pace);
  return {
    pace,
    light,
    planned,
    explanation: `${head}；实际 ${formatMoney(spent)} ÷ 计划 ${planned} = ${percent(pace)} → ${LIGHT_LABELS[light].label}`,
  };
}

export interface IndicatorPaceInput {
  spec: TargetSpec;
  actualToDate: number | null; // 累计完成值
  forecast?: number | null; // 全年预计完成值
  yearShareElapsed: number; // e.g. yearShareElapsed('M7') = 7/12
  cumulative?: boolean; // default: true unless the unit is a percentage or a ratio
  likelihood?: Likelihood | null; // 完成可能性
}

/**
 * Indicator pace: forecast ÷ target when a forecast is given; else, for a cumulative quantity,
 * actual ÷ (target × share elapsed); for a non-cumulative one (a rate in %), actual ÷ target.
 * Only numeric targets with `>=` or `>` have a pace; others get no pace-based light.
 */
export function indicatorPace(input: IndicatorPaceInput): PaceResult {
  const { spec, likelihood } = input;
  const share = input.yearShareElapsed;
  if (!Number.isFinite(share) || share <= 0 || share > 1) throw new Error(`Invalid share of the year elapsed: ${share}`);

  const finish = (pace: number | null, base: Light | null, how: string): PaceResult => {
    const light = applyLikelihood(base, likelihood);
    let text = how;
    if (base !== null) text += ` → ${LIGHT_LABELS[base].label}`;
    if (likelihood !== undefined && likelihood !== null) {
      text += `；完成可能性「${LIKELIHOOD_LABELS[likelihood]}」`;
      text += light === base ? '，灯不变' : light === null ? '' : `，调整为 ${LIGHT_LABELS[light].label}`;
    }
    return { pace, light, explanation: text };
  };

  if (spec.kind !== 'numeric' || (spec.op !== '>=' && spec.op !== '>')) {
    return finish(null, null, '该指标不是“不低于”类数量指标，不按进度亮灯');
  }
  const unit = spec.unit ?? '';
  const target = new Big(spec.value);
  if (target.lte(0)) return finish(null, null, `目标为 ${spec.value}${unit}，进度无法按比值计算`);

  const forecast = input.forecast;
  if (forecast !== undefined && forecast !== null) {
    finite(forecast, 'forecast');
    const pace = round10(new Big(forecast).div(target));
    return finish(pace, lightForPace(pace), `全年预计 ${show(forecast)}${unit} ÷ 目标 ${show(spec.value)}${unit} = ${percent(pace)}`);
  }
  if (input.actualToDate === null) return finish(null, null, '未录入累计完成值，也没有全年预计值');
  const actual = finite(input.actualToDate, 'actualToDate');

  const kind = unitKind(spec.unit);
  const cumulative = input.cumulative ?? !(kind === 'percent' || kind === 'ratio');
  if (!cumulative) {
    const pace = round10(new Big(actual).div(target));
    return finish(pace, lightForPace(pace), `非累计指标：实际 ${show(actual)}${unit} ÷ 目标 ${show(spec.value)}${unit} = ${percent(pace)}`);
  }
  const expected = target.times(share);
  const expectedShown = show(round10(expected));
  const pace = round10(new Big(actual).div(expected));
  return finish(
    pace,
    lightForPace(pace),
    `实际 ${show(actual)}${unit} ÷ (目标 ${show(spec.value)}${unit} × 时间进度 ${percent(share)} = ${expectedShown}${unit}) = ${percent(pace)}`,
  );
}

function round10(value: Big): number {
  return value.round(10, Big.roundHalfUp).toNumber();
}

/** A pace as a percentage, rounded down to two places so the text never crosses a boundary its light did not (0.59999 → 59.99%). */
function percent(value: number): string {
  return `${new Big(value).times(100).round(2, Big.roundDown).toFixed(2)}%`;
}

function show(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new Error(`Invalid ${what}: ${value}`);
  return value;
}

function money(value: Money, what: string): Big {
  if (!isNonNegativeMoney(value)) throw new Error(`Invalid ${what} ${JSON.stringify(value)}: expected a non-negative amount in 元 with two places`);
  return new Big(value);
}

/** Months elapsed (as a decimal) at the date, and its label. */
function position(asOf: AsOfDate | Period): { months: Big; label: string } {
  if (typeof asOf === 'string') {
    if (!(asOf in PERIOD_END_MONTH)) throw new Error(`Invalid period ${JSON.stringify(asOf)}`);
    const month = periodEnd(asOf);
    return { months: new Big(month), label: ` ${month} 月底（${PERIOD_LABELS[asOf]}）` };
  }
  const { month, day, year } = asOf;
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`Invalid month: ${month}`);
  if (day === undefined) return { months: new Big(month), label: ` ${month} 月底` };
  const days = daysInMonth(month, year ?? 2001);
  if (!Number.isInteger(day) || day < 1 || day > days) throw new Error(`Invalid day ${day} of month ${month}`);
  const months = new Big(month - 1).plus(new Big(day).div(days));
  return { months, label: ` ${month} 月 ${day} 日` };
}

function checkPlan(plan: readonly SpendingPlanPoint[]): { month: number; amount: Big }[] {
  const points = plan.map((point) => {
    if (!Number.isInteger(point.month) || point.month < 1 || point.month > 12) throw new Error(`Invalid plan month: ${point.month}`);
    return { month: point.month, amount: money(point.cumulativeAmount, `planned amount for month ${point.month}`) };
  });
  points.sort((a, b) => a.month - b.month);
  points.forEach((point, i) => {
    if (i > 0 && points[i - 1]?.month === point.month) throw new Error(`Duplicate plan month: ${point.month}`);
  });
  return points;
}
