/**
 * Numeric targets (数值): `≥1428人次`, `不低于95%`, `24小时内`, `≤300元/人·月`, `约95%`, `100%`.
 * Without an operator: `<=` under a cost indicator (成本), `>=` otherwise, `=` for a zero
 * (`0起`), with a warning. A count in Chinese numerals (`不少于两次`, `三个工作日内`) is read when
 * nothing else is around it.
 */
import type { Op, ParseContext } from '../../target-spec';
import { isKnownUnit, isMagnitudeOnly, leadingUnit, normalizeUnit, unitKind } from '../../units';
import { CHINESE_NUMERAL, chineseNumber } from '../chinese-numerals';
import { isCostIndicator, isTimelinessIndicator } from '../indicator-context';
import { MAX_DROPPED_CHARS, NUMBER } from '../leftover';
import { APPROX_PREFIXES, direction, OP_WORDS, SUFFIX_OP_PATTERN, SUFFIX_OPS, SuffixOp } from '../operators';
import { notRead, Reading, unitUnknown, warn } from '../reading';
import { withoutYears } from '../years';

/** A number, not the digit of a unit such as m2 (㎡) or m3. */
const VALUE = `(?<![A-Za-z])${NUMBER}`;
const VALUES = new RegExp(VALUE, 'g');
const FIRST_VALUE = new RegExp(VALUE);
const FIRST_NUMERAL = new RegExp(`(${CHINESE_NUMERAL})`);
const SUFFIX_OP_OR_BREAK = new RegExp(`(${SUFFIX_OP_PATTERN}|[(,;])`);

/** Words around a number that change nothing (全年不少于4次, 保持在95%以上, 确保达到). */
const NUMBER_FILLERS =
  /^(?:全年|年度|年内|累计|共计|合计|总计|共|保持在|维持在|保持|维持|在|均|确保|力争|争取|应当|应|须|需|要|预计|计划|目标值|目标|年均|平均|实现|完成|开展|组织|举办|召开|发放|支付|覆盖|惠及|受益|新增|为|值为)+$/;

interface Parts {
  value: number;
  written: string;
  prefixOp: Op | undefined;
  prefixApprox: boolean;
  suffix: SuffixReading;
  dropped: string;
}

interface SuffixReading {
  unit: string | null;
  op: SuffixOp | undefined;
  dropped: string;
  unknownUnit: boolean;
}

/** The whole year written before a yearly total (1-12月累计≥1000人次, 全年≥…): nothing to read. */
const WHOLE_YEAR = /^(?:1-12月份?|1月-12月份?|1月至12月份?)(?=累计|共计|合计|总计|[≥≤<>=]|不|达|\d)/;

export function readNumeric(text: string, context: ParseContext): Reading | undefined {
  const body = withoutYears(text).replace(WHOLE_YEAR, '');
  if (!/\d/.test(body)) return readChineseCount(body, context);
  const numbers = [...body.matchAll(VALUES)];
  if (numbers.length > 1) {
    const written = numbers.map((n) => n[0]).join('、');
    return notRead('MULTIPLE_NUMBERS', `指标值含有多个数字（${written}），无法读作单一目标，按定性指标处理。`);
  }
  const parts = numberParts(body);
  if (parts === undefined) return undefined;
  if (parts.dropped.length > MAX_DROPPED_CHARS) {
    return notRead('NUMBER_IN_TEXT', `指标值含有数字${parts.written}，但文字过多，无法读作数值目标，按定性指标处理。`);
  }
  return numericReading(parts, context);
}

/** `不少于两次`, `三个工作日内`: read only when the numeral is all there is besides operator and unit. */
function readChineseCount(body: string, context: ParseContext): Reading | undefined {
  const m = FIRST_NUMERAL.exec(body);
  if (m === null || m[1] === undefined) return undefined;
  const value = chineseNumber(m[1]);
  if (value === undefined) return undefined;
  const start = m.index;
  const written = `${body.slice(0, start)}${value}${body.slice(start + m[1].length)}`;
  const parts = numberParts(written);
  if (parts === undefined || parts.dropped !== '' || parts.suffix.unit === null || parts.suffix.unknownUnit) return undefined;
  return numericReading(parts, context);
}

function numberParts(body: string): Parts | undefined {
  const match = FIRST_VALUE.exec(body);
  if (match === null) return undefined;
  const prefixText = body.slice(0, match.index);
  const after = body.slice(match.index + match[0].length);
  // 1000余人, 1000多人, 1000+: more than the number
  const more = /^(?:余|多|\+)(?=[\u4e00-\u9fff%]|$)/.exec(after);
  const suffixText = more === null ? after : after.slice(more[0].length);
  const negative = /(?:^|[≥≤<>=]|于)-$/.test(prefixText);
  const prefix = readPrefix(negative ? prefixText.slice(0, -1) : prefixText);
  const suffix = readSuffix(suffixText);
  return {
    value: (negative ? -1 : 1) * Number(match[0]),
    written: match[0],
    prefixOp: prefix.op ?? (more === null ? undefined : '>='),
    prefixApprox: prefix.approx,
    suffix,
    dropped: prefix.dropped + suffix.dropped,
  };
}

/** The operator written before the number (≥, 不低于, 约...) and any other words there. */
function readPrefix(prefix: string): { op: Op | undefined; approx: boolean; dropped: string } {
  const found = OP_WORDS.find(([word]) => prefix.endsWith(word));
  const approx = found === undefined ? APPROX_PREFIXES.find((word) => prefix.endsWith(word)) : undefined;
  const length = found?.[0].length ?? approx?.length ?? 0;
  const rest = prefix.slice(0, prefix.length - length);
  return { op: found?.[1], approx: approx !== undefined, dropped: NUMBER_FILLERS.test(rest) || rest === '' ? '' : rest };
}

/** The unit written after the number, an operator word after it (以上, 内, 左右) and any other words. */
function readSuffix(suffix: string): SuffixReading {
  const bracketed = /^\(([^()]{1,8})\)/.exec(suffix);
  if (bracketed !== null && bracketed[1] !== undefined && leadingUnit(bracketed[1]) === bracketed[1]) {
    // ≥100（人）: the unit in brackets
    const { op, rest } = suffixOp(suffix.slice(bracketed[0].length));
    return { unit: normalizeUnit(bracketed[1]), op, dropped: rest, unknownUnit: false };
  }
  const known = leadingUnit(suffix);
  if (known !== null) {
    const { op, rest } = suffixOp(suffix.slice(known.length));
    return { unit: normalizeUnit(known), op, dropped: rest, unknownUnit: false };
  }
  const opAt = SUFFIX_OP_OR_BREAK.exec(suffix);
  const unitText = opAt === null ? suffix : suffix.slice(0, opAt.index);
  const { op, rest } = suffixOp(opAt === null ? '' : suffix.slice(opAt.index));
  const unit = normalizeUnit(unitText);
  if (unit === null || unit.length <= 4) return { unit, op, dropped: rest, unknownUnit: unit !== null && !isKnownUnit(unit) };
  return { unit: null, op, dropped: unitText + rest, unknownUnit: false };
}

function suffixOp(text: string): { op: SuffixOp | undefined; rest: string } {
  const found = SUFFIX_OPS.find(([word]) => text.startsWith(word));
  if (found === undefined) return { op: undefined, rest: text };
  return { op: found[1], rest: text.slice(found[0].length) };
}

function numericReading(parts: Parts, context: ParseContext): Reading {
  const { value, prefixOp, suffix, dropped } = parts;
  const warnings = [];
  const approx = parts.prefixApprox || suffix.op === 'approx';
  const suffixBound = suffix.op === 'approx' ? undefined : suffix.op;
  if (approx) warnings.push(warn('APPROXIMATE', '“约”“左右”表示约数，目标按写明的数值读取。'));
  if (prefixOp !== undefined && suffixBound !== undefined && direction(prefixOp) !== direction(suffixBound)) {
    warnings.push(warn('OP_CONFLICT', `比较符前后矛盾（${prefixOp} 与 ${suffixBound}），按前面的“${prefixOp}”读取。`));
  }
  let op = prefixOp ?? suffixBound;
  if (op === undefined && approx) op = '=';
  if (op === undefined) {
    op = inferredOp(value, suffix.unit, context);
    warnings.push(opInferredWarning(op, suffix.unit, context));
  }
  if (dropped !== '') warnings.push(warn('TEXT_DROPPED', `指标值中的文字“${dropped}”未被读取，只读取了数值。`));
  if (suffix.unknownUnit && suffix.unit !== null) warnings.push(unitUnknown(suffix.unit));
  if (isMagnitudeOnly(suffix.unit)) {
    warnings.push(warn('UNIT_MAGNITUDE_ONLY', `单位“${suffix.unit}”只写了数量级，未写明是万元、万人还是其他。`));
  }
  if (prefixOp === undefined && suffix.op === undefined && suffix.unit === '月' && Number.isInteger(value) && value >= 1 && value <= 12) {
    warnings.push(warn('MONTH_OR_DURATION', `“${value}月”可能指${value}月份，也可能指${value}个月，请核实。`));
  }
  return { spec: { kind: 'numeric', op, value, unit: suffix.unit }, warnings };
}

/**
 * Without an operator: `<=` under a cost indicator, and for a duration under a timeliness indicator
 * (24小时 under 时效指标 is a time limit); `=` for a zero (0起); `>=` otherwise (DESIGN §3).
 */
function inferredOp(value: number, unit: string | null, context: ParseContext): Op {
  if (isCostIndicator(context)) return '<=';
  if (value === 0) return '=';
  if (isTimeLimit(unit, context)) return '<=';
  return '>=';
}

/** A duration under a timeliness indicator, unless the name asks for a length of life (使用年限 ≥). */
function isTimeLimit(unit: string | null, context: ParseContext): boolean {
  if (unitKind(unit) !== 'time' || unit === '月' || !isTimelinessIndicator(context)) return false;
  return !/年限|寿命|使用期|有效期|保质期|持续|运行时间|服务时间|开放时间|在线时间/.test(context.name ?? '');
}

function opInferredWarning(op: Op, unit: string | null, context: ParseContext): ReturnType<typeof warn> {
  if (op === '=') return warn('OP_INFERRED', '指标值未写比较符，数值为0，按“等于0”（=）理解。');
  if (op === '<=' && !isCostIndicator(context)) {
    return warn('OP_INFERRED', `指标值未写比较符，时效指标的时长“${unit ?? ''}”作为时限，按“不超过”（<=）理解。`);
  }
  const levelsKnown = Boolean(context.level1) || Boolean(context.level2);
  const reason = isCostIndicator(context)
    ? '成本指标，按“不超过”'
    : levelsKnown
      ? '非成本指标，按“不低于”'
      : '未知指标类别，按“不低于”';
  return warn('OP_INFERRED', `指标值未写比较符，作为${reason}（${op}）理解。`);
}
