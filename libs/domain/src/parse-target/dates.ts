/**
 * Deadlines (完成时限) as readers build them: `MM-DD`, the last day allowed, checked against the
 * calendar of the fiscal year when it is known.
 */
import { daysInMonth as calendarDays } from '../calendar';
import type { ParseWarning } from '../target-spec';
import { notRead, pad, Reading, warn } from './reading';

export function deadline(month: number, day: number): Reading {
  return { spec: { kind: 'deadline', by: `${pad(month)}-${pad(day)}` }, warnings: [] };
}

/** Days in a month; February without a known year has 28 days, with a warning. */
export function daysInMonth(month: number, year: number | undefined): { days: number; warnings: ParseWarning[] } {
  if (month !== 2 || year !== undefined) return { days: calendarDays(month, year), warnings: [] };
  return { days: 28, warnings: [warn('LEAP_YEAR_UNKNOWN', '未知预算年度，无法判断是否闰年，2月按28天计算。')] };
}

export function dayDeadline(month: number, day: number, year: number | undefined): Reading {
  if (month < 1 || month > 12 || day < 1) return invalidDate(`${month}月${day}日`);
  if (month === 2 && day === 29 && year === undefined) {
    return { spec: deadline(2, 29).spec, warnings: [warn('LEAP_YEAR_UNKNOWN', '未知预算年度，无法判断当年是否有2月29日。')] };
  }
  if (day > daysInMonth(month, year).days) return invalidDate(`${month}月${day}日`);
  return deadline(month, day);
}

export function monthEndDeadline(month: number, year: number | undefined): Reading {
  if (month < 1 || month > 12) return invalidDate(`${month}月`);
  const { days, warnings } = daysInMonth(month, year);
  return { spec: deadline(month, days).spec, warnings };
}

/** `N月前` / `N月份前`: before month N starts, i.e. by the last day of month N−1. */
export function beforeMonthDeadline(month: number, year: number | undefined): Reading {
  if (month < 1 || month > 12) return invalidDate(`${month}月`);
  if (month === 1) {
    return notRead('DEADLINE_BEFORE_YEAR', '“1月前”在预算年度开始之前，无法作为年度内的完成时限。');
  }
  return monthEndDeadline(month - 1, year);
}

export function quarterEndDeadline(quarter: number): Reading {
  if (quarter < 1) {
    return notRead('DEADLINE_BEFORE_YEAR', '“一季度前”在预算年度开始之前，无法作为年度内的完成时限。');
  }
  const month = Math.min(quarter, 4) * 3;
  return deadline(month, month === 6 || month === 9 ? 30 : 31);
}

export function quarterNumber(written: string): number {
  const index = '一二三四'.indexOf(written);
  return index >= 0 ? index + 1 : Number(written);
}

export function invalidDate(written: string): Reading {
  return notRead('INVALID_DATE', `日期“${written}”不存在，按定性指标处理。`);
}

export function dateNotRead(text: string): Reading {
  return notRead('DATE_NOT_READ', `“${text}”含有日期但无法读作完成时限，按定性指标处理。`);
}

