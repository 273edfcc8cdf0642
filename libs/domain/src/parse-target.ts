/**
 * Target text (指标值) → `TargetSpec`, following DESIGN §3.
 *
 * The parser tries, in order: recurring deadline (每月/每季度), deadline (N月前, N月底, 年底...),
 * relative to the previous year (上年), range (6-9月), numeric (≥95%), and falls back to
 * qualitative. Wherever the reading is uncertain it adds a warning; it never throws.
 */
import type { Op, ParseContext, ParseResult, ParseWarning, TargetSpec } from './target-spec';
import { isKnownUnit, isMagnitudeOnly, leadingUnit, normalizeUnit } from './units';

/** Every warning code `parseTarget` may emit. */
export const PARSE_WARNING_CODES = [
  'EMPTY_TARGET',
  'OP_INFERRED',
  'OP_CONFLICT',
  'APPROXIMATE',
  'TEXT_DROPPED',
  'NUMBER_IN_TEXT',
  'MULTIPLE_NUMBERS',
  'OTHER_YEAR',
  'UNIT_UNKNOWN',
  'UNIT_MAGNITUDE_ONLY',
  'MONTH_OR_DURATION',
  'NAME_SUGGESTS_RELATIVE',
  'RANGE_REVERSED',
  'RANGE_UNITS_DIFFER',
  'LEAP_YEAR_UNKNOWN',
  'INVALID_DATE',
  'DEADLINE_BEFORE_YEAR',
  'DEADLINE_INFERRED',
  'DATE_NOT_READ',
  'RECURRING_END_ASSUMED',
  'RECURRING_DAY_AMBIGUOUS',
  'RELATIVE_NOT_READ',
  'RELATIVE_PERCENT_AMBIGUOUS',
  'PARSE_ERROR',
] as const;

export type ParseWarningCode = (typeof PARSE_WARNING_CODES)[number];

/** Most text (in characters) that may be dropped around a number or date before the target is left qualitative. */
const MAX_DROPPED_CHARS = 8;

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const BEFORE = '(?:之前|以前|前)'; // 前: before
/** Completion verbs that may follow a deadline without changing it (12月底前完成). */
const DONE_VERBS = '(?:完成|办结|到位|拨付|支付|发放|下达|落实|结束|完工|兑付|上报|报送|办理|实施)(?:完毕)?';
/** Words that may open a deadline without changing it (不晚于 12 月底). */
const DEADLINE_OPENERS = /^(?:不晚于|不迟于|最迟于?|最晚于?|截至|截止到?|截止于|须在|需在|应在|每年|于|在)/;
/** Words that make a date a start, not a deadline (12月底后, 10月起). */
const AFTER_WORDS = /^(?:之后|以后|后|起|开始)/;

/** Operator words and symbols (比较符), longest first so 不低于 wins over 低于. */
const OP_WORDS: readonly (readonly [string, Op])[] = [
  ['大于或等于', '>='],
  ['小于或等于', '<='],
  ['大于等于', '>='],
  ['小于等于', '<='],
  ['不得低于', '>='],
  ['不得少于', '>='],
  ['不得超过', '<='],
  ['不得高于', '<='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['控制在', '<='],
  ['至少', '>='],
  ['最少', '>='],
  ['达到', '>='],
  ['最多', '<='],
  ['至多', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['等于', '='],
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

/** Operator words written after the number (95%以上, 24小时内); `左右` marks an approximate value. */
const SUFFIX_OPS: readonly (readonly [string, Op | 'approx'])[] = [
  ['及以上', '>='],
  ['及以下', '<='],
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['内', '<='],
  ['左右', 'approx'],
];

/** Words around a number that change nothing (全年不少于4次, 保持在95%以上). */
const NUMBER_FILLERS = /^(?:全年|年度|年内|累计|共计|合计|总计|共|保持在|维持在|在|均)+$/;

const OP_PATTERN = OP_WORDS.map(([word]) => escapeRegExp(word)).join('|');
const SUFFIX_OP_PATTERN = SUFFIX_OPS.map(([word]) => word).join('|');

/** The previous year (上年, 去年, 上年同期...). */
const PREVIOUS_YEAR = '(?:上一?年度?同期|去年同期|上一?年度?|去年|前一年)';
const RELATIVE_FILLER = '(?:有所|有|进一步|明显|持续|稳步|逐步|略有|不断|实现)?';
const UP_WORDS = '提高|提升|增长|增加|上升|增多';
const DOWN_WORDS = '下降|降低|减少|减低|压缩|缩减';

interface Reading {
  spec: TargetSpec;
  warnings: ParseWarning[];
}

/** Reads a target text into a spec with warnings. Never throws. */
export function parseTarget(raw: string, context: ParseContext = {}): ParseResult {
  const text = typeof raw === 'string' ? raw : '';
  try {
    return readTarget(text, context ?? {});
  } catch {
    return {
      spec: { kind: 'qualitative', text: text.trim() },
      warnings: [warn('PARSE_ERROR', `无法解析指标值“${text.trim()}”，按定性指标处理。`)],
    };
  }
}

function readTarget(raw: string, context: ParseContext): ParseResult {
  const trimmed = raw.trim();
  const text = normalizeTargetText(raw);
  if (text === '') {
    return { spec: qualitative(trimmed), warnings: [warn('EMPTY_TARGET', '指标值为空。')] };
  }
  const yearWarnings = otherYearWarnings(text, context.fiscalYear);
  const reading =
    readRecurring(text) ??
    readDeadline(text, context) ??
    readRelative(text) ??
    readRange(text) ??
    readNumeric(text, context) ??
    { spec: qualitative(trimmed), warnings: [] };
  const spec = reading.spec.kind === 'qualitative' ? qualitative(trimmed) : reading.spec;
  return { spec, warnings: [...yearWarnings, ...reading.warnings, ...nameWarnings(spec, context)] };
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Half-width, no whitespace, `≥`/`≤` for every spelling of those operators, no thousands separators. */
function normalizeTargetText(raw: string): string {
  let text = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/>=|=>|≧|⩾/g, '≥')
    .replace(/<=|=<|≦|⩽/g, '≤')
    .replace(/==/g, '=')
    .replace(/[〜～]/g, '~')
    .replace(/[。；;，,、.]+$/u, '');
  let previous = '';
  while (previous !== text) {
    previous = text;
    text = text.replace(/(\d),(\d{3})(?!\d)/, '$1$2'); // 1,428 → 1428
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Years (年度)

/** Years written in the target (2023年, 2024年度, 2024-12-31). */
function namedYears(text: string): number[] {
  const years = [...text.matchAll(/((?:19|20)\d{2})(?=年|[-/.]\d{1,2}[-/.]\d{1,2})/g)].map((m) => Number(m[1]));
  return [...new Set(years)];
}

function otherYearWarnings(text: string, fiscalYear: number | undefined): ParseWarning[] {
  if (fiscalYear === undefined) return [];
  return namedYears(text)
    .filter((year) => year !== fiscalYear)
    .map((year) => warn('OTHER_YEAR', `指标值写的是${year}年，与预算年度${fiscalYear}年不一致。`));
}

/** Removes year mentions (2024年, 2024年度) so the number that is the target stands alone. */
function withoutYears(text: string): string {
  return text.replace(/(?:19|20)\d{2}年度?/g, '');
}

// ---------------------------------------------------------------------------------------------
// Recurring deadline (定期时限): 每月20号之前, 每季度末

interface Located {
  match: RegExpMatchArray;
  before: string;
  after: string;
}

/** Finds `pattern` in `text` and returns what is left on each side. */
function locate(text: string, pattern: RegExp): Located | undefined {
  const match = pattern.exec(text);
  if (match === null) return undefined;
  const start = match.index;
  return { match, before: text.slice(0, start), after: text.slice(start + match[0].length) };
}

type LeftoverVerdict = { ok: true; dropped: string } | { ok: false; reason: 'digits' | 'after' | 'long' };

/** Judges the text around a date: completion verbs and openers are fine, other words are dropped with a warning. */
function judgeLeftover(before: string, after: string): LeftoverVerdict {
  if (/\d/.test(before + after)) return { ok: false, reason: 'digits' };
  if (AFTER_WORDS.test(after)) return { ok: false, reason: 'after' };
  const opener = before.replace(DEADLINE_OPENERS, '');
  const closer = after.replace(new RegExp(`^(?:内)?(?:${DONE_VERBS})+$`), '');
  const dropped = opener + closer;
  if (dropped.length > MAX_DROPPED_CHARS) return { ok: false, reason: 'long' };
  return { ok: true, dropped };
}

interface RecurringRule {
  pattern: RegExp;
  read: (m: RegExpMatchArray) => Reading;
}

const RECURRING_RULES: readonly RecurringRule[] = [
  {
    // 每月20号之前, 每月10日前
    pattern: new RegExp(`(?:每月|按月)的?(\\d{1,2})(?:日|号)${BEFORE}?`),
    read: (m) => monthlyDay(Number(m[1])),
  },
  { pattern: new RegExp(`(?:每月|按月)(?:底|末)${BEFORE}?`), read: () => recurring('month', null) },
  { pattern: new RegExp(`(?:每|按)季度?(?:末|底)${BEFORE}?`), read: () => recurring('quarter', null) },
  {
    pattern: new RegExp(`(?:每|按)季度?(?:首月)?的?(\\d{1,2})(?:日|号)${BEFORE}?`),
    read: (m) => quarterlyDay(Number(m[1])),
  },
  {
    // 按月发放: the whole text, at most a verb after the period
    pattern: new RegExp(`^(?:每月|按月)(?:${DONE_VERBS})?$`),
    read: () => withWarning(recurring('month', null), 'RECURRING_END_ASSUMED', '未写每月的哪一天，按每月月底理解。'),
  },
  {
    pattern: new RegExp(`^(?:每|按)季度?(?:${DONE_VERBS})?$`),
    read: () =>
      withWarning(recurring('quarter', null), 'RECURRING_END_ASSUMED', '未写每季度的哪一天，按每季度末理解。'),
  },
];

function readRecurring(text: string): Reading | undefined {
  for (const { pattern, read } of RECURRING_RULES) {
    const found = locate(text, pattern);
    if (found === undefined) continue;
    const verdict = judgeLeftover(found.before, found.after);
    if (!verdict.ok) return verdict.reason === 'digits' ? undefined : dateNotRead(text);
    return withDropped(read(found.match), verdict.dropped);
  }
  return undefined;
}

function recurring(every: 'month' | 'quarter', day: number | null): Reading {
  return { spec: { kind: 'recurring', every, day }, warnings: [] };
}

function monthlyDay(day: number): Reading {
  if (day < 1 || day > 31) return invalidDate(`每月${day}日`);
  const reading = recurring('month', day);
  if (day <= 28) return reading;
  return withWarning(reading, 'RECURRING_DAY_AMBIGUOUS', `并非每个月都有${day}日，较短的月份按月底理解。`);
}

function quarterlyDay(day: number): Reading {
  if (day < 1 || day > 31) return invalidDate(`每季度${day}日`);
  return withWarning(
    recurring('quarter', day),
    'RECURRING_DAY_AMBIGUOUS',
    `“每季度${day}日”未写明是季度中哪个月的${day}日，请核实。`,
  );
}

// ---------------------------------------------------------------------------------------------
// Deadline (完成时限): 10月份前, 12月底, 2024年12月31日前, 年底前

const YEAR_PREFIX = '(?:((?:19|20)\\d{2})年度?)?';

interface DeadlineRule {
  pattern: RegExp;
  /** Whether capture group 1 is a year written in the target. */
  yearGroup: boolean;
  read: (m: RegExpMatchArray, year: number | undefined) => Reading;
}

const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    // 2024-12-31, 2024/12/31
    yearGroup: true,
    pattern: new RegExp(`((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})日?${BEFORE}?`),
    read: (m, year) => dayDeadline(Number(m[2]), Number(m[3]), year),
  },
  {
    // 11月15日前, 2024年12月31日
    yearGroup: true,
    pattern: new RegExp(`${YEAR_PREFIX}(\\d{1,2})月份?(\\d{1,2})(?:日|号)${BEFORE}?`),
    read: (m, year) => dayDeadline(Number(m[2]), Number(m[3]), year),
  },
  {
    // 12月底, 12月底前, 6月末
    yearGroup: true,
    pattern: new RegExp(`${YEAR_PREFIX}(\\d{1,2})月份?(?:底|末)${BEFORE}?`),
    read: (m, year) => monthEndDeadline(Number(m[2]), year),
  },
  {
    // 6月中旬前
    yearGroup: true,
    pattern: new RegExp(`${YEAR_PREFIX}(\\d{1,2})月份?(上|中|下)旬${BEFORE}?`),
    read: (m, year) => tenDayDeadline(Number(m[2]), m[3] ?? '下', year),
  },
  {
    // 10月份前, 6月前: before month N starts
    yearGroup: true,
    pattern: new RegExp(`${YEAR_PREFIX}(\\d{1,2})月份?${BEFORE}`),
    read: (m, year) => beforeMonthDeadline(Number(m[2]), year),
  },
  {
    // 本年度内, 当年
    yearGroup: false,
    pattern: /^(?:本年度?|当年)(?:内|底|末)?/,
    read: () => deadline(12, 31),
  },
  {
    // 10月起, 10月以后: a start, not a deadline (judgeLeftover rejects it)
    yearGroup: true,
    pattern: new RegExp(`${YEAR_PREFIX}(\\d{1,2})月份?(?=之后|以后|后|起|开始)`),
    read: (m, year) => monthEndDeadline(Number(m[2]), year),
  },
  {
    // 年底前, 2024年底, 年内
    yearGroup: true,
    pattern: new RegExp(`(?<![\\d个])(?:((?:19|20)\\d{2}))?年度?(?:底|末|终|内)${BEFORE}?`),
    read: () => deadline(12, 31),
  },
  {
    // 2023年全年
    yearGroup: true,
    pattern: new RegExp(`${YEAR_PREFIX}全年`),
    read: () => withWarning(deadline(12, 31), 'DEADLINE_INFERRED', '“全年”按年底（12月31日）前完成理解。'),
  },
  {
    yearGroup: false,
    pattern: new RegExp(`上半年${BEFORE}?`),
    read: () => deadline(6, 30),
  },
  {
    yearGroup: false,
    pattern: new RegExp(`下半年${BEFORE}?`),
    read: () => withWarning(deadline(12, 31), 'DEADLINE_INFERRED', '“下半年”按年底（12月31日）前完成理解。'),
  },
  {
    // 前三季度
    yearGroup: false,
    pattern: /前([一二三1-3])季度?/,
    read: (m) => quarterEndDeadline(quarterNumber(m[1] ?? '')),
  },
  {
    // 第三季度末, 三季度前
    yearGroup: false,
    pattern: new RegExp(`第?([一二三四1-4])季度(末|底)?(${BEFORE})?`),
    read: (m) => {
      const quarter = quarterNumber(m[1] ?? '');
      if (m[2] !== undefined) return quarterEndDeadline(quarter);
      if (m[3] !== undefined) return quarterEndDeadline(quarter - 1);
      return withWarning(quarterEndDeadline(quarter), 'DEADLINE_INFERRED', `“${m[0]}”按该季度末前完成理解。`);
    },
  },
];

function readDeadline(text: string, context: ParseContext): Reading | undefined {
  for (const { pattern, yearGroup, read } of DEADLINE_RULES) {
    const found = locate(text, pattern);
    if (found === undefined) continue;
    // Text with other numbers around a date (年内完成≥4次) is left to the other readings.
    const verdict = judgeLeftover(found.before, found.after);
    if (!verdict.ok) return verdict.reason === 'digits' ? undefined : dateNotRead(text);
    const namedYear = yearGroup && found.match[1] !== undefined ? Number(found.match[1]) : undefined;
    const year = namedYear ?? context.fiscalYear;
    return withDropped(read(found.match, year), verdict.dropped);
  }
  return undefined;
}

function deadline(month: number, day: number): Reading {
  return { spec: { kind: 'deadline', by: `${pad(month)}-${pad(day)}` }, warnings: [] };
}

function dayDeadline(month: number, day: number, year: number | undefined): Reading {
  if (month < 1 || month > 12 || day < 1) return invalidDate(`${month}月${day}日`);
  if (month === 2 && day === 29 && year === undefined) {
    return withWarning(deadline(2, 29), 'LEAP_YEAR_UNKNOWN', '未知预算年度，无法判断当年是否有2月29日。');
  }
  if (day > daysInMonth(month, year).days) return invalidDate(`${month}月${day}日`);
  return deadline(month, day);
}

function monthEndDeadline(month: number, year: number | undefined): Reading {
  if (month < 1 || month > 12) return invalidDate(`${month}月`);
  const { days, warnings } = daysInMonth(month, year);
  return { spec: deadline(month, days).spec, warnings };
}

function tenDayDeadline(month: number, part: string, year: number | undefined): Reading {
  if (month < 1 || month > 12) return invalidDate(`${month}月`);
  const { days, warnings } = daysInMonth(month, year);
  const day = part === '上' ? 10 : part === '中' ? 20 : days;
  return {
    spec: deadline(month, day).spec,
    warnings: [...warnings, warn('DEADLINE_INFERRED', `“${month}月${part}旬”按${month}月${day}日前完成理解。`)],
  };
}

/** `N月前` / `N月份前`: before month N starts, i.e. by the last day of month N−1. */
function beforeMonthDeadline(month: number, year: number | undefined): Reading {
  if (month < 1 || month > 12) return invalidDate(`${month}月`);
  if (month === 1) {
    return {
      spec: qualitative(''),
      warnings: [warn('DEADLINE_BEFORE_YEAR', '“1月前”在预算年度开始之前，无法作为年度内的完成时限。')],
    };
  }
  return monthEndDeadline(month - 1, year);
}

function quarterEndDeadline(quarter: number): Reading {
  if (quarter < 1) {
    return {
      spec: qualitative(''),
      warnings: [warn('DEADLINE_BEFORE_YEAR', '“一季度前”在预算年度开始之前，无法作为年度内的完成时限。')],
    };
  }
  const month = Math.min(quarter, 4) * 3;
  return deadline(month, month === 6 || month === 9 ? 30 : 31);
}

function quarterNumber(written: string): number {
  const index = '一二三四'.indexOf(written);
  return index >= 0 ? index + 1 : Number(written);
}

function daysInMonth(month: number, year: number | undefined): { days: number; warnings: ParseWarning[] } {
  if (month !== 2) return { days: [4, 6, 9, 11].includes(month) ? 30 : 31, warnings: [] };
  if (year === undefined) {
    return {
      days: 28,
      warnings: [warn('LEAP_YEAR_UNKNOWN', '未知预算年度，无法判断是否闰年，2月按28天计算。')],
    };
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return { days: leap ? 29 : 28, warnings: [] };
}

function invalidDate(written: string): Reading {
  return { spec: qualitative(''), warnings: [warn('INVALID_DATE', `日期“${written}”不存在，按定性指标处理。`)] };
}

function dateNotRead(text: string): Reading {
  return {
    spec: qualitative(''),
    warnings: [warn('DATE_NOT_READ', `“${text}”含有日期但无法读作完成时限，按定性指标处理。`)],
  };
}

// ---------------------------------------------------------------------------------------------
// Relative to the previous year (较上年): 不低于上年, 比上年提高≥10%

function readRelative(text: string): Reading | undefined {
  if (!new RegExp(`${PREVIOUS_YEAR}|同比`).test(text)) return undefined;
  return readRelativeComparison(text) ?? readRelativeChange(text) ?? relativeNotRead(text);
}

/** 不低于上年, ≥上年水平, 与上年持平. */
function readRelativeComparison(text: string): Reading | undefined {
  const tail = '(?:的?(?:同期)?(?:水平|数|值|标准))?';
  const compared = new RegExp(`^(${OP_PATTERN})${PREVIOUS_YEAR}${tail}$`).exec(text);
  if (compared !== null) return relative(opOf(compared[1] ?? ''), null, null);
  const level = new RegExp(`^(?:与|和|同)?${PREVIOUS_YEAR}${tail}(?:持平|相当|一致)$`).exec(text);
  if (level !== null) return relative('=', null, null);
  return undefined;
}

/** 比上年提高≥10%, 较上年增长, 同比下降5%. */
function readRelativeChange(text: string): Reading | undefined {
  const pattern = new RegExp(
    `^在?(?:(?:比|较|与|同|对比)?${PREVIOUS_YEAR}(?:的)?(?:相比|比较|基础上)?|同比)` +
      `${RELATIVE_FILLER}(${UP_WORDS}|${DOWN_WORDS})(?:率|幅度|幅)?` +
      `(${OP_PATTERN})?(${NUMBER})?([^\\d]*?)(${SUFFIX_OP_PATTERN})?$`,
  );
  const m = pattern.exec(text);
  if (m === null) return undefined;
  const [, direction = '', opWord, numberText, unitText = '', suffixWord] = m;
  const up = new RegExp(`^(?:${UP_WORDS})$`).test(direction);
  if (numberText === undefined) {
    if (opWord !== undefined || unitText !== '' || suffixWord !== undefined) return undefined;
    return relative(up ? '>' : '<', null, null);
  }
  const warnings: ParseWarning[] = [];
  const unit = normalizeUnit(unitText);
  if (unit !== null && !isKnownUnit(unit)) warnings.push(unitUnknown(unit));
  const written = opWord !== undefined ? opOf(opWord) : suffixWord !== undefined ? suffixOpOf(suffixWord) : undefined;
  let op: Op;
  if (written === undefined || written === 'approx') {
    op = up ? '>=' : '<=';
    warnings.push(warn('OP_INFERRED', `未写比较符，“${direction}${numberText}${unit ?? ''}”按至少${direction}这么多理解（${op}）。`));
  } else {
    op = up ? written : mirror(written);
  }
  const value = Number(numberText);
  if (unit === '%') {
    warnings.push(
      warn('RELATIVE_PERCENT_AMBIGUOUS', `“${value}%”可能指百分点，也可能指相对上年的增减幅度，请核实。`),
    );
  }
  const reading = relative(op, up ? value : -value, unit);
  return { spec: reading.spec, warnings };
}

function relative(op: Op, delta: number | null, unit: string | null): Reading {
  return { spec: { kind: 'relative', op, delta, unit }, warnings: [] };
}

function relativeNotRead(text: string): Reading {
  return {
    spec: qualitative(''),
    warnings: [warn('RELATIVE_NOT_READ', `“${text}”提到上年，但无法读出与上年比较的目标，按定性指标处理。`)],
  };
}

/** A decrease turns the bound around: 下降≥5% means at most last year − 5. */
function mirror(op: Op): Op {
  const mirrored: Record<Op, Op> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>', '=': '=' };
  return mirrored[op];
}

// ---------------------------------------------------------------------------------------------
// Range (区间): 6-9月, 80%-90%, 80%~90%

function readRange(text: string): Reading | undefined {
  const pattern = new RegExp(`^在?(${NUMBER})([^\\d]*?)(?:-{1,2}|~|—{1,2}|–|至|到)(${NUMBER})([^\\d]*?)(?:之间|以内|范围内)?$`);
  const m = pattern.exec(text);
  if (m === null) return undefined;
  const [, lowText = '', lowUnitText = '', highText = '', highUnitText = ''] = m;
  const lowUnit = normalizeUnit(lowUnitText);
  const highUnit = normalizeUnit(highUnitText);
  const warnings: ParseWarning[] = [];
  if (lowUnit !== null && highUnit !== null && lowUnit !== highUnit) {
    warnings.push(warn('RANGE_UNITS_DIFFER', `区间两端单位不同（${lowUnit}、${highUnit}），按“${highUnit}”读取。`));
  }
  const unit = highUnit ?? lowUnit;
  if (unit !== null && !isKnownUnit(unit)) warnings.push(unitUnknown(unit));
  let min = Number(lowText);
  let max = Number(highText);
  if (min > max) {
    warnings.push(warn('RANGE_REVERSED', `区间下限${min}大于上限${max}，已对调。`));
    [min, max] = [max, min];
  }
  return { spec: { kind: 'range', min, max, unit }, warnings };
}

// ---------------------------------------------------------------------------------------------
// Numeric (数值): ≥1428人次, 不低于95%, 24小时内, 100%

function readNumeric(text: string, context: ParseContext): Reading | undefined {
  const body = withoutYears(text);
  const numbers = [...body.matchAll(new RegExp(NUMBER, 'g'))];
  if (numbers.length === 0) return undefined;
  if (numbers.length > 1) {
    const written = numbers.map((n) => n[0]).join('、');
    return {
      spec: qualitative(''),
      warnings: [warn('MULTIPLE_NUMBERS', `指标值含有多个数字（${written}），无法读作单一目标，按定性指标处理。`)],
    };
  }
  const [match] = numbers;
  if (match === undefined || match.index === undefined) return undefined;
  const prefixText = body.slice(0, match.index);
  const suffixText = body.slice(match.index + match[0].length);
  const negative = /(?:^|[≥≤<>=]|于)-$/.test(prefixText);
  const prefix = readPrefix(negative ? prefixText.slice(0, -1) : prefixText);
  const suffix = readSuffix(suffixText);
  const value = (negative ? -1 : 1) * Number(match[0]);
  const dropped = prefix.dropped + suffix.dropped;
  if (dropped.length > MAX_DROPPED_CHARS) {
    return {
      spec: qualitative(''),
      warnings: [warn('NUMBER_IN_TEXT', `指标值含有数字${match[0]}，但文字过多，无法读作数值目标，按定性指标处理。`)],
    };
  }
  return numericReading(value, prefix.op, suffix, dropped, context);
}

interface PrefixReading {
  op: Op | undefined;
  dropped: string;
}

/** The operator written before the number (≥, 不低于...) and any other words there. */
function readPrefix(prefix: string): PrefixReading {
  const found = OP_WORDS.find(([word]) => prefix.endsWith(word));
  const rest = found === undefined ? prefix : prefix.slice(0, -found[0].length);
  return { op: found?.[1], dropped: NUMBER_FILLERS.test(rest) || rest === '' ? '' : rest };
}

interface SuffixReading {
  unit: string | null;
  op: Op | 'approx' | undefined;
  dropped: string;
  unknownUnit: boolean;
}

/** The unit written after the number, an operator word after it (以上, 内, 左右) and any other words. */
function readSuffix(suffix: string): SuffixReading {
  const known = leadingUnit(suffix);
  if (known !== null) {
    const { op, rest } = suffixOp(suffix.slice(known.length));
    return { unit: normalizeUnit(known), op, dropped: rest, unknownUnit: false };
  }
  const opAt = new RegExp(`(${SUFFIX_OP_PATTERN}|[(（,，;；])`).exec(suffix);
  const unitText = opAt === null ? suffix : suffix.slice(0, opAt.index);
  const { op, rest } = suffixOp(opAt === null ? '' : suffix.slice(opAt.index));
  const unit = normalizeUnit(unitText);
  if (unit === null || unit.length <= 4) return { unit, op, dropped: rest, unknownUnit: unit !== null };
  return { unit: null, op, dropped: unitText + rest, unknownUnit: false };
}

function suffixOp(text: string): { op: Op | 'approx' | undefined; rest: string } {
  const found = SUFFIX_OPS.find(([word]) => text.startsWith(word));
  if (found === undefined) return { op: undefined, rest: text };
  return { op: found[1], rest: text.slice(found[0].length) };
}

function numericReading(
  value: number,
  prefixOp: Op | undefined,
  suffix: SuffixReading,
  dropped: string,
  context: ParseContext,
): Reading {
  const warnings: ParseWarning[] = [];
  const suffixBound = suffix.op === 'approx' ? undefined : suffix.op;
  if (suffix.op === 'approx') warnings.push(warn('APPROXIMATE', '“左右”表示约数，目标按写明的数值读取。'));
  if (prefixOp !== undefined && suffixBound !== undefined && direction(prefixOp) !== direction(suffixBound)) {
    warnings.push(warn('OP_CONFLICT', `比较符前后矛盾（${prefixOp} 与 ${suffixBound}），按前面的“${prefixOp}”读取。`));
  }
  let op = prefixOp ?? suffixBound;
  if (op === undefined) {
    op = suffix.op === 'approx' ? '=' : inferredOp(context);
    if (suffix.op !== 'approx') warnings.push(opInferredWarning(op, context));
  }
  if (dropped !== '') warnings.push(warn('TEXT_DROPPED', `指标值中的文字“${dropped}”未被读取，只读取了数值。`));
  if (suffix.unknownUnit && suffix.unit !== null) warnings.push(unitUnknown(suffix.unit));
  if (isMagnitudeOnly(suffix.unit)) {
    warnings.push(warn('UNIT_MAGNITUDE_ONLY', `单位“${suffix.unit}”只写了数量级，未写明是万元、万人还是其他。`));
  }
  if (prefixOp === undefined && suffixBound === undefined && suffix.unit === '月' && Number.isInteger(value) && value >= 1 && value <= 12) {
    warnings.push(warn('MONTH_OR_DURATION', `“${value}月”可能指${value}月份，也可能指${value}个月，请核实。`));
  }
  return { spec: { kind: 'numeric', op, value, unit: suffix.unit }, warnings };
}

/** Without an operator: at most under a cost indicator (成本), at least otherwise. */
function inferredOp(context: ParseContext): Op {
  return isCostIndicator(context) ? '<=' : '>=';
}

function isCostIndicator(context: ParseContext): boolean {
  return [context.level1, context.level2].some((level) => typeof level === 'string' && level.includes('成本'));
}

function opInferredWarning(op: Op, context: ParseContext): ParseWarning {
  const levelsKnown = Boolean(context.level1) || Boolean(context.level2);
  const reason = isCostIndicator(context)
    ? '成本指标，按“不超过”'
    : levelsKnown
      ? '非成本指标，按“不低于”'
      : '未知指标类别，按“不低于”';
  return warn('OP_INFERRED', `指标值未写比较符，作为${reason}（${op}）理解。`);
}

function direction(op: Op): 'up' | 'down' | 'equal' {
  if (op === '>=' || op === '>') return 'up';
  if (op === '<=' || op === '<') return 'down';
  return 'equal';
}

// ---------------------------------------------------------------------------------------------
// Context checks

function nameWarnings(spec: TargetSpec, context: ParseContext): ParseWarning[] {
  const name = context.name ?? '';
  if (spec.kind !== 'numeric' || !/较上年|比上年|较去年|比去年|同比/.test(name)) return [];
  return [
    warn('NAME_SUGGESTS_RELATIVE', `指标名称“${name}”是与上年比较，但指标值按绝对数值读取，请核实。`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function opOf(word: string): Op {
  return OP_WORDS.find(([w]) => w === word)?.[1] ?? '=';
}

function suffixOpOf(word: string): Op | 'approx' | undefined {
  return SUFFIX_OPS.find(([w]) => w === word)?.[1];
}

function qualitative(text: string): TargetSpec {
  return { kind: 'qualitative', text };
}

function warn(code: ParseWarningCode, message: string): ParseWarning {
  return { code, message };
}

function withWarning(reading: Reading, code: ParseWarningCode, message: string): Reading {
  return { spec: reading.spec, warnings: [...reading.warnings, warn(code, message)] };
}

function withDropped(reading: Reading, dropped: string): Reading {
  if (dropped === '') return reading;
  return withWarning(reading, 'TEXT_DROPPED', `指标值中的文字“${dropped}”未被读取。`);
}

function unitUnknown(unit: string): ParseWarning {
  return warn('UNIT_UNKNOWN', `“${unit}”不是常见的计量单位，请核实。`);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
