/**
 * 北京时间 — the one clock users read. Every time shown (操作日志, 计算于, 退回意见, the reports'
 * 计算时间 and 报告日期) is an instant written in Asia/Shanghai, whatever the server's or the
 * browser's time zone. China keeps UTC+8 all year (no daylight saving since 1991), so the rule is
 * plain arithmetic and needs no time-zone database.
 */

/** Minutes 北京时间 is ahead of UTC. */
export const BEIJING_UTC_OFFSET_MINUTES = 8 * 60;

/** How much of the time to write: 'date' YYYY-MM-DD, 'minute' YYYY-MM-DD HH:mm, 'second' YYYY-MM-DD HH:mm:ss. */
export type BeijingTimePrecision = 'date' | 'minute' | 'second';

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * An instant (an ISO 8601 text with its offset, such as the API's `2025-01-20T08:00:00.000Z`, epoch
 * milliseconds or a Date) written in 北京时间: `formatBeijingTime('2025-01-20T16:30:00Z')` is
 * '2025-01-21 00:30'. Throws on a text that is not an instant (a time without an offset would be
 * read in the machine's own zone, so it is refused too).
 */
export function formatBeijingTime(instant: string | number | Date, precision: BeijingTimePrecision = 'minute'): string {
  if (typeof instant === 'string' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(instant.trim())) {
    throw new Error(`Not an instant with a time zone: ${instant}`);
  }
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant.trim());
  if (!Number.isFinite(ms)) throw new Error(`Not an instant: ${String(instant)}`);
  const local = new Date(ms + BEIJING_UTC_OFFSET_MINUTES * 60_000);
  const date = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
  if (precision === 'date') return date;
  const minute = `${date} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  return precision === 'minute' ? minute : `${minute}:${two(local.getUTCSeconds())}`;
}

/** Today's date in 北京时间, 'YYYY-MM-DD' (报告日期). */
export function beijingToday(now: Date = new Date()): string {
  return formatBeijingTime(now, 'date');
}
