/**
 * Deadlines (完成时限): `10月份前`, `12月底`, `2024年12月31日前`, `年底前`, `第三季度末`, and a
 * period written as dates (`2024年1月-12月`, period.ts), read as done by its end.
 */
import type { ParseContext } from '../../target-spec';
import {
  beforeMonthDeadline,
  dateNotRead,
  dayDeadline,
  daysInMonth,
  deadline,
  invalidDate,
  monthEndDeadline,
  quarterEndDeadline,
  quarterNumber,
} from '../dates';
import { isTimelinessIndicator } from '../indicator-context';
import { BEFORE, judgeLeftover, locate } from '../leftover';
import { notRead, Reading, warn, withDropped, withWarning } from '../reading';
import { readPeriod } from './period';

const YEAR_PREFIX = '(?:((?:19|20)\\d{2})年度?)?';
const YEAR_REQUIRED = '((?:19|20)\\d{2})年度?';

interface DeadlineRule {
  pattern: RegExp;
  /** Whether capture group 1 is a year written in the target. */
  yearGroup: boolean;
  /** Only under a timeliness indicator (时效指标), where a bare month is a date, not a duration. */
  timelinessOnly?: boolean;
  read: (m: RegExpMatchArray, year: number | undefined) => Reading;
}

const inferred = (read: Reading, written: string, meaning: string): Reading =>
  withWarning(read, 'DEADLINE_INFERRED', `“${written}”按${meaning}前完成理解。`);

const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    // 2024-12-31, 2024/12/31, 2024.12.31
    yearGroup: true,
    pattern: new RegExp(`((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:日|号)?${BEFORE}?`),
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
    // 6月中旬前, 6月初
    yearGroup: true,
    pattern: new RegExp(`${YEAR_PREFIX}(\\d{1,2})月份?(?:(上|中|下)旬|(初|中))${BEFORE}?`),
    read: (m, year) => tenDayDeadline(Number(m[2]), m[3] ?? (m[4] === '初' ? '上' : '中'), year),
  },
  {
    // 10月份前, 6月前: before month N starts
    yearGroup: true,
    pattern: new RegExp(`${YEAR_PREFIX}(\\d{1,2})月份?${BEFORE}`),
    read: (m, year) => beforeMonthDeadline(Number(m[2]), year),
  },
  {
    // 6.30前: month.day before
    yearGroup: false,
    pattern: new RegExp(`^(\\d{1,2})[./](\\d{1,2})(?:日|号)?${BEFORE}`),
    read: (m, year) => dayDeadline(Number(m[1]), Number(m[2]), year),
  },
  {
    // 本年度内, 当年
    yearGroup: false,
    pattern: /^(?:本年度?|当年度?)(?:内|底|末)?/,
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
  { yearGroup: false, pattern: new RegExp(`上半年${BEFORE}?`), read: () => deadline(6, 30) },
  {
    yearGroup: false,
    pattern: new RegExp(`下半年${BEFORE}?`),
    read: () => withWarning(deadline(12, 31), 'DEADLINE_INFERRED', '“下半年”按年底（12月31日）前完成理解。'),
  },
  {
    // 前三季度
    yearGroup: false,
    pattern: /前([一二三1-3])个?季度?/,
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
  {
    // 2024年12月: a month named with its year is a calendar month
    yearGroup: true,
    pattern: new RegExp(`^${YEAR_REQUIRED}(\\d{1,2})月份?(?!\\d)`),
    read: (m, year) => monthDeadline(Number(m[2]), year, m[0]),
  },
  {
    // 2024.12, 2024/12
    yearGroup: true,
    pattern: /^((?:19|20)\d{2})[./](\d{1,2})(?![\d.])/,
    read: (m, year) => monthDeadline(Number(m[2]), year, m[0]),
  },
  {
    // 12月份: 份 makes it a calendar month
    yearGroup: false,
    pattern: /^(\d{1,2})月份/,
    read: (m, year) => monthDeadline(Number(m[1]), year, m[0]),
  },
  {
    // 2024年, 2024年度: by the end of that year
    yearGroup: true,
    pattern: new RegExp(`^${YEAR_REQUIRED}$`),
    read: (m) => inferred(deadline(12, 31), m[0], '该年年底（12月31日）'),
  },
  {
    // 每年12月: a calendar month every year
    yearGroup: false,
    pattern: /每年(\d{1,2})月(?![\d份])/,
    read: (m, year) => monthDeadline(Number(m[1]), year, m[0]),
  },
  {
    // 10月 under a timeliness indicator: in October
    yearGroup: false,
    timelinessOnly: true,
    pattern: /(?<![\d.])(\d{1,2})月(?!\d)/,
    read: (m, year) => monthDeadline(Number(m[1]), year, m[0]),
  },
  {
    // 12.31 under a timeliness indicator: December 31st
    yearGroup: false,
    timelinessOnly: true,
    pattern: /^(\d{1,2})\.(\d{2})$/,
    read: (m, year) => inferred(dayDeadline(Number(m[1]), Number(m[2]), year), m[0], `${Number(m[1])}月${Number(m[2])}日`),
  },
];

/** A date in the year after the fiscal year (次年3月底前, 下年度一季度): no deadline inside the year. */
const NEXT_YEAR = /(?:次年|下一?个?年度?|翌年|明年)度?(?=\d|[一二三四五六七八九十]|底|末|初|上半年|下半年|第)/;

export function readDeadline(text: string, context: ParseContext): Reading | undefined {
  if (NEXT_YEAR.test(text)) {
    return notRead('DATE_NOT_READ', `“${text}”的时限在预算年度之后，无法作为年度内的完成时限，按定性指标处理。`);
  }
  const period = readPeriod(text, context);
  if (period !== undefined) return period;
  for (const { pattern, yearGroup, timelinessOnly, read } of DEADLINE_RULES) {
    const found = locate(text, pattern);
    if (found === undefined) continue;
    if (timelinessOnly === true && !isTimelinessIndicator(context)) continue;
    // 2024年第四季度, 2024年年底前: the year written before the date
    const yearBefore = /((?:19|20)\d{2})年度?$/.exec(found.before);
    const before = yearBefore === null ? found.before : found.before.slice(0, yearBefore.index);
    // Text with other numbers around a date (年内完成≥4次) is left to the other readings.
    const verdict = judgeLeftover(before, found.after);
    if (!verdict.ok) return verdict.reason === 'digits' ? undefined : dateNotRead(text);
    const written = yearGroup && found.match[1] !== undefined ? found.match[1] : yearBefore?.[1];
    const namedYear = written === undefined ? undefined : Number(written);
    const year = namedYear ?? context.fiscalYear;
    return withDropped(read(found.match, year), verdict.dropped);
  }
  return undefined;
}

/** A calendar month as the target (2024年12月): done by the end of that month. */
function monthDeadline(month: number, year: number | undefined, written: string): Reading {
  const read = monthEndDeadline(month, year);
  if (read.spec.kind !== 'deadline') return read;
  const day = read.spec.by.slice(3);
  return inferred(read, written, `${month}月底（${month}月${Number(day)}日）`);
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
