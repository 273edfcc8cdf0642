/**
 * 北京时间: every time the product shows is Asia/Shanghai time, UTC+8 all year (China keeps no
 * daylight saving), whatever the server's or the browser's zone. Plain arithmetic on the instant,
 * so the API's messages and the web show the same digits.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An instant (a Date or an ISO 8601 text) as 北京时间 'YYYY-MM-DD HH:mm' (or with ':ss'); null for
 * a text that is not a time.
 */
export function formatBeijingTime(instant: Date | string, precision: 'minute' | 'second' = 'minute'): string | null {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms + OFFSET_MS).toISOString(); // the UTC digits of the shifted instant are Beijing's
  return `${iso.slice(0, 10)} ${iso.slice(11, precision === 'second' ? 19 : 16)}`;
}
