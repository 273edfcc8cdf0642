/**
 * A period written as dates (起止时间) — `2024年1月-12月`, `2023.07-2024.01`, `2024.01.01-2024.12.31`,
 * `1-12月`, `2024年1月至12月` — is never a decimal range: a careful reader takes it as a deadline at
 * the end of the period and says so (PERIOD_AS_DEADLINE). `6-9 月` without a year stays a range of
 * months unless the indicator is about time (时效) or the period starts in January.
 */
import type { ParseContext } from '../../target-spec';
import { dayDeadline, monthEndDeadline, deadline } from '../dates';
import { isMonthCountIndicator, isTimelinessIndicator } from '../indicator-context';
import { judgeLeftover } from '../leftover';
import { Reading, withDropped, withWarning } from '../reading';

/** One end of a period as written. */
interface Point {
  year?: number;
  month?: number;
  day?: number;
  bare?: number; // a number alone (the 1 of 1-12月)
  monthWritten: boolean; // 月 is written (1月-12月), or a date form (2024.1)
  dotted: boolean; // 12.31 without a year
}

const Y = '((?:19|20)\\d{2})';
const POINT_FORMS: readonly (readonly [RegExp, (m: RegExpExecArray) => Point])[] = [
  [new RegExp(`^${Y}[-./](\\d{1,2})[-./](\\d{1,2})[日号]?$`), (m) => point(m[1], m[2], m[3])],
  [new RegExp(`^${Y}年度?(\\d{1,2})月份?(?:(\\d{1,2})[日号])?$`), (m) => point(m[1], m[2], m[3])],
  [new RegExp(`^${Y}[./](\\d{1,2})$`), (m) => point(m[1], m[2], undefined)],
  [new RegExp(`^${Y}年度?$`), (m) => point(m[1], undefined, undefined)],
  [new RegExp(`^${Y}年(\\d{1,2})$`), (m) => point(m[1], m[2], undefined)],
  [/^(\d{1,2})月份?(?:(\d{1,2})[日号])?$/, (m) => point(undefined, m[1], m[2])],
  [/^(\d{1,2})[./](\d{1,2})[日号]?$/, (m) => ({ ...point(undefined, m[1], m[2]), dotted: true })],
  [/^(\d{1,2})$/, (m) => ({ bare: Number(m[1]), monthWritten: false, dotted: false })],
  [new RegExp(`^${Y}$`), (m) => ({ bare: Number(m[1]), monthWritten: false, dotted: false })],
];

function point(year: string | undefined, month: string | undefined, day: string | undefined): Point {
  return {
    year: year === undefined ? undefined : Number(year),
    month: month === undefined ? undefined : Number(month),
    day: day === undefined ? undefined : Number(day),
    monthWritten: month !== undefined,
    dotted: false,
  };
}

function parsePoint(text: string): Point | undefined {
  for (const [pattern, build] of POINT_FORMS) {
    const m = pattern.exec(text);
    if (m !== null) return build(m);
  }
  return undefined;
}

/** Words that end a period without changing it (1-12月底, 至12月31日止, 期间). */
const PERIOD_CLOSERS = /^(?:底|末)?(?:期间|期内|内|前|之前|以前|为止|止)?/;
const SEPARATORS = /至|到|-/g;

interface Split {
  start: Point;
  end: Point;
  dropped: string;
}

/** Every way of reading the text as start–end, the first that reads. */
function splitPeriod(text: string): Split | undefined {
  for (const sep of text.matchAll(SEPARATORS)) {
    const at = sep.index ?? 0;
    const left = text.slice(0, at).replace(/(?:起|开始)$/, '');
    const right = text.slice(at + sep[0].length);
    for (let k = 0; k < left.length; k += 1) {
      const start = parsePoint(left.slice(k));
      if (start === undefined) continue;
      for (let length = right.length; length > 0; length -= 1) {
        const end = parsePoint(right.slice(0, length));
        if (end === undefined) continue;
        const closer = right.slice(length).replace(PERIOD_CLOSERS, '');
        const verdict = judgeLeftover(left.slice(0, k).replace(/^(?:从|自)/, ''), closer);
        if (verdict.ok) return { start, end, dropped: verdict.dropped };
      }
    }
  }
  return undefined;
}

/** Whether start–end is a period of dates rather than a range of numbers. */
function isPeriod({ start, end }: Split, context: ParseContext): boolean {
  if (end.bare !== undefined && end.bare > 12) return false; // 2023-2024: numbers
  if (start.year !== undefined || end.year !== undefined) return end.year !== undefined || start.month !== undefined;
  if (isMonthCountIndicator(context)) return false;
  const timeliness = isTimelinessIndicator(context);
  if (start.dotted || end.dotted) return timeliness && start.dotted && end.dotted;
  if (!end.monthWritten) return false;
  if (start.monthWritten) return true; // 1月-12月
  return timeliness || start.bare === 1; // 1-12月; 6-9月 stays a range of months
}

/** The last day of the period: month and day, with the year they fall in. */
function endOf({ start, end }: Split): { year: number | undefined; month: number | undefined; day: number | undefined } {
  const year = end.year ?? start.year;
  if (end.bare !== undefined) {
    // 2024.01-12 (a month), 1月1日-31日 (a day)
    return start.day !== undefined ? { year, month: start.month, day: end.bare } : { year, month: end.bare, day: undefined };
  }
  if (end.month === undefined) return { year, month: 12, day: 31 };
  return { year, month: end.month, day: end.day };
}

/** Longest text read as a period: real ones are short, and splitting is quadratic. */
const MAX_PERIOD_LENGTH = 40;

export function readPeriod(text: string, context: ParseContext): Reading | undefined {
  if (text.length > MAX_PERIOD_LENGTH) return undefined;
  const split = splitPeriod(text);
  if (split === undefined || !isPeriod(split, context)) return undefined;
  const end = endOf(split);
  if (end.month === undefined) return undefined;
  const fiscalYear = context.fiscalYear;
  if (fiscalYear !== undefined && end.year !== undefined && end.year > fiscalYear) {
    return withWarning(
      withDropped(deadline(12, 31), split.dropped),
      'PERIOD_AS_DEADLINE',
      `“${text}”是一段时间，期末在${end.year}年，超出预算年度${fiscalYear}年，按预算年度年底（12月31日）前完成理解。`,
    );
  }
  const year = end.year ?? fiscalYear;
  const read = end.day === undefined ? monthEndDeadline(end.month, year) : dayDeadline(end.month, end.day, year);
  if (read.spec.kind !== 'deadline') return read;
  const [month, day] = read.spec.by.split('-').map(Number);
  return withWarning(
    withDropped(read, split.dropped),
    'PERIOD_AS_DEADLINE',
    `“${text}”是一段时间，按期末（${month}月${day}日）前完成理解。`,
  );
}
