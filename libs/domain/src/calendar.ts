/**
 * Calendar facts (日历) every rule shares: the length of a month, whether a year is a leap year and
 * whether a 'YYYY-MM-DD' text is a real date. The one copy; parsing, completion, lights and the
 * web's date pickers call it.
 */

/** Gregorian leap year (闰年). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in `month` (1–12) of `year`. Without a year February has 29 days (the most it can have: a
 * date that may exist is not refused before the year is known). Throws on a month outside 1–12.
 */
export function daysInMonth(month: number, year: number | null | undefined): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`Invalid month: ${month}`);
  if (month === 2) return year === null || year === undefined ? 29 : isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a real date written 'YYYY-MM-DD', or null (2024-02-30 is not one). */
export function readIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year)) return null;
  return { year, month, day };
}
