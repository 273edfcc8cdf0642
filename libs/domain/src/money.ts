/**
 * Decimal money (金额) on big.js — never a binary float in arithmetic (DESIGN §2, CONVENTIONS §13).
 *
 * A `Money` is a decimal string in 元 with exactly two places, e.g. `"19966200.00"`, as stored in
 * `numeric(18,2)` and sent in JSON. Every rounding is half-up (ties away from zero) to the cent.
 */
import Big from 'big.js';
import { exactRatio, ExactRatio, formatRatio } from './exact';

/** An amount in 元 (人民币元), a decimal string with two places: `"19966200.00"`. */
export type Money = string;

/** What `parseMoney` accepts: up to 16 integer digits and up to 2 decimals (numeric(18,2)). */
const MONEY_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/;

/** A plain decimal literal of any precision (used for factors and 万元 amounts). */
const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** Half-up: rounds to the nearest neighbour, ties away from zero (四舍五入). */
const HALF_UP = Big.roundHalfUp;

/**
 * The wire form of an amount (what the API takes and gives, and a dataset file holds): a decimal
 * string in 元 with exactly two places that fits numeric(18,2), e.g. "19966200.00". Signed only where
 * a negative amount is allowed (a dataset file states its own sums).
 */
export const WIRE_MONEY_PATTERN = /^\d{1,16}\.\d{2}$/;
export const SIGNED_WIRE_MONEY_PATTERN = /^-?\d{1,16}\.\d{2}$/;

/**
 * The largest amount accepted anywhere (a budget, a spend, a plan point, a task, an imported amount):
 * under 1 万亿元, so that any sum the system computes — a project's twelve months, a department's
 * projects, a region's totals, up to 10,000 amounts at this maximum — still fits numeric(18,2).
 */
export const MAX_MONEY: Money = '999999999999.99';
/** The limit as users read it. */
export const MAX_MONEY_TEXT = '999999999999.99 元（不足 1 万亿元）';

/** False only for a well-formed amount whose size exceeds {@link MAX_MONEY} (a malformed one is the pattern's to refuse). */
export function isWithinMoneyLimit(value: unknown): boolean {
  if (typeof value !== 'string' || !isMoney(value)) return true;
  return new Big(value).abs().lte(MAX_MONEY);
}

/** True when `value` is a string `parseMoney` accepts. */
export function isMoney(value: unknown): value is Money {
  return typeof value === 'string' && MONEY_PATTERN.test(value);
}

/** True when `value` is an amount `parseMoney` accepts that is not negative (a budget, a spend, a plan). */
export function isNonNegativeMoney(value: unknown): value is Money {
  return isMoney(value) && !value.startsWith('-');
}

/** Validates a money string and returns it normalised to two places (`"12.5"` → `"12.50"`); throws otherwise. */
export function parseMoney(value: string): Money {
  if (!isMoney(value)) {
    throw new Error(
      `Invalid money amount ${JSON.stringify(value)}: expected a decimal string in 元 with at most 16 integer digits and 2 decimals, e.g. "19966200.00"`,
    );
  }
  return formatMoney(new Big(value));
}

/** The amount as a Big, after validating it. */
export function moneyToBig(value: Money): Big {
  return new Big(parseMoney(value));
}

/** Rounds a Big (or a decimal string) half-up to cents and writes it with two places; `-0.00` is written `0.00`. */
export function formatMoney(value: Big | string): Money {
  const big = typeof value === 'string' ? parseDecimal(value, 'amount') : value;
  const text = big.round(2, HALF_UP).toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** a + b. */
export function addMoney(a: Money, b: Money): Money {
  return formatMoney(moneyToBig(a).plus(moneyToBig(b)));
}

/** a − b. */
export function subtractMoney(a: Money, b: Money): Money {
  return formatMoney(moneyToBig(a).minus(moneyToBig(b)));
}

/** The sum of a list; `"0.00"` for an empty list. */
export function sumMoney(values: readonly Money[]): Money {
  return formatMoney(values.reduce((sum, value) => sum.plus(moneyToBig(value)), new Big(0)));
}

/** −1 when a < b, 0 when equal, 1 when a > b. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  return moneyToBig(a).cmp(moneyToBig(b));
}

/** a ÷ b as a binary float, for charts only (执行率); `null` when b is zero. Shown rates use `moneyRate`. */
export function moneyRatio(a: Money, b: Money): number | null {
  const divisor = moneyToBig(b);
  if (divisor.eq(0)) return null;
  return moneyToBig(a).div(divisor).toNumber();
}

/** a ÷ b kept exact (执行率: spent ÷ budget), for scores and shown rates; `null` when b is not positive. */
export function moneyRate(a: Money, b: Money): ExactRatio | null {
  const divisor = moneyToBig(b);
  if (divisor.lte(0)) return null;
  return exactRatio(moneyToBig(a), divisor);
}

/** a ÷ b as every page shows a rate ('95.12%', half-up to 0.01%); '—' when b is zero. */
export function formatMoneyRate(a: Money, b: Money): string {
  const rate = moneyRate(a, b);
  return rate === null ? '—' : formatRatio(rate);
}

/** 万元 → 元: `wanToYuan('1996.62')` = `'19966200.00'`; more than 6 decimals are rounded half-up to the cent. */
export function wanToYuan(wan: string): Money {
  return formatMoney(parseDecimal(wan, '万元 amount').times(10000));
}

/** 元 → 万元 with `places` decimals (half-up): `yuanToWan('19966200.00')` = `'1996.62'`. */
export function yuanToWan(yuan: Money, places = 2): string {
  if (!Number.isInteger(places) || places < 0) throw new Error(`Invalid number of decimal places: ${places}`);
  const text = moneyToBig(yuan).div(10000).round(places, HALF_UP).toFixed(places);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** amount × factor (a decimal string such as `'0.3'`), rounded half-up to the cent. */
export function multiplyMoney(amount: Money, factor: string): Money {
  return formatMoney(moneyToBig(amount).times(parseDecimal(factor, 'factor')));
}

/**
 * An even split of `total` over `parts` periods, written cumulatively as a spending plan is (截至各期末的
 * 累计金额): the k-th amount is total × k ÷ parts rounded half-up to the cent, so the last is the total
 * exactly, the amounts never fall, and each period's share is within one cent of every other's
 * (100.00 over 3 → 33.33, 66.67, 100.00: shares 33.33, 33.34, 33.33).
 */
export function splitEvenlyCumulative(total: Money, parts: number): Money[] {
  if (!Number.isInteger(parts) || parts < 1) throw new Error(`Invalid number of parts: ${parts}`);
  const whole = moneyToBig(total);
  if (whole.lt(0)) throw new Error(`Cannot split a negative amount ${total}`);
  return Array.from({ length: parts }, (_, i) => formatMoney(whole.times(i + 1).div(parts)));
}

function parseDecimal(value: string, what: string): Big {
  if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) {
    throw new Error(`Invalid ${what} ${JSON.stringify(value)}: expected a plain decimal string such as "1996.62"`);
  }
  return new Big(value);
}

/**
 * 资金构成: the fiscal (财政资金) and other (其他资金) parts of a project's amount must add up to its total
 * when both are given. Returns a Chinese reason, or null when they do.
 */
export function checkAmountParts(total: Money, fiscal: Money | null, other: Money | null): string | null {
  return checkParts(total, fiscal, other, '财政资金', '其他资金', '资金总额');
}

/**
 * 部门预算构成: the basic (基本支出) and project (项目支出) spending of a department's budget must add up
 * to its total (预算总额) when all three are given. Returns a Chinese reason, or null when they do.
 */
export function checkBudgetParts(total: Money | null, basic: Money | null, project: Money | null): string | null {
  return checkParts(total, basic, project, '基本支出', '项目支出', '部门预算总额');
}

/**
 * What the editor and the import refuse of a department's budget: parts that do not add up
 * (checkBudgetParts), except the rounding of a table kept in 万元 with two decimals — all three figures
 * whole hundreds of 元 and at most 100 元 (0.01 万元) apart, as published (许昌 2024: 872.31 + 183611.33
 * ≠ 184483.63 万元). Such a budget is kept as given; the evaluation computes on the 预算总额 and says so
 * (department-budget.ts). Returns the Chinese reason for a refusal, or null.
 */
export function budgetPartsRefusal(total: Money | null, basic: Money | null, project: Money | null): string | null {
  const mismatch = checkBudgetParts(total, basic, project);
  if (mismatch === null || total === null || basic === null || project === null) return mismatch;
  const wholeHundreds = [total, basic, project].every((v) => /00\.00$/.test(formatMoney(v)));
  const difference = subtractMoney(addMoney(basic, project), total).replace(/^-/, '');
  return wholeHundreds && compareMoney(difference, '100.00') <= 0 ? null : mismatch;
}

function checkParts(total: Money | null, a: Money | null, b: Money | null, aLabel: string, bLabel: string, totalLabel: string): string | null {
  if (total === null || a === null || b === null) return null;
  return compareMoney(addMoney(a, b), total) === 0 ? null : `${aLabel} ${a} 与${bLabel} ${b} 之和不等于${totalLabel} ${total}`;
}
