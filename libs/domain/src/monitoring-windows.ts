/**
 * 填报时间 (monitoring windows): the dates between which each monitoring round of a fiscal year
 * accepts records (DESIGN §2 `FiscalYear`). Pure rules, called by the API (which refuses a record
 * outside its window) and the web (which says when a round is open):
 *
 * - a round accepts actuals from `opensOn` to `closesOn`, both inclusive, by the date in 北京时间;
 * - monthly spending follows the rounds that report it: month m may be changed while the window of
 *   any round whose period ends in or after m is open (a round reports the spending to date, so
 *   during 1–9月 the unit may still correct March; between rounds nothing is recorded);
 * - finance may reopen a round for one organization (a unit, a department or its whole region) until
 *   a date: a reopened round counts as open for it.
 */
import { readIsoDate } from './calendar';
import { Period, PERIOD_LABELS, periodEnd, PERIODS_IN_YEAR_ORDER } from './lights';

/** 填报时间 of one monitoring round: 'YYYY-MM-DD', both days included. */
export interface MonitoringWindow {
  period: Period;
  opensOn: string;
  closesOn: string;
}

/** 未开始 / 填报中 / 已关闭. */
export type WindowState = 'upcoming' | 'open' | 'closed';

export const WINDOW_STATE_LABELS: Readonly<Record<WindowState, string>> = { upcoming: '未开始', open: '填报中', closed: '已关闭' };

/**
 * The national rhythm, offered when a year is opened: each round opens the day after its period ends
 * and stays open three weeks; the 1–9月 round runs with the third quarter's; 全年 (自评) one quarter.
 */
export function defaultMonitoringWindows(year: number): MonitoringWindow[] {
  const next = year + 1;
  const rows: Record<Period, [string, string]> = {
    Q1: [`${year}-04-01`, `${year}-04-21`],
    Q2: [`${year}-07-01`, `${year}-07-21`],
    M7: [`${year}-08-01`, `${year}-08-21`], // 1–7月, the national monitoring round
    Q3: [`${year}-10-01`, `${year}-10-21`],
    M9: [`${year}-10-01`, `${year}-10-21`], // 1–9月, the second round
    Q4: [`${next}-01-01`, `${next}-01-21`],
    Y: [`${next}-01-01`, `${next}-03-31`], // 自评
  };
  return PERIODS_IN_YEAR_ORDER.map((period) => ({ period, opensOn: rows[period][0], closesOn: rows[period][1] }));
}

/** Where `today` ('YYYY-MM-DD') stands against the window. */
export function windowState(window: Pick<MonitoringWindow, 'opensOn' | 'closesOn'>, today: string): WindowState {
  if (today < window.opensOn) return 'upcoming';
  return today > window.closesOn ? 'closed' : 'open';
}

/**
 * Why these windows cannot be a year's, in Chinese; null when they can. Every round once, real dates,
 * opening no later than closing, from the year's first day on and not beyond ten years (a typing slip).
 */
export function checkMonitoringWindows(year: number, windows: readonly MonitoringWindow[]): string | null {
  const seen = new Set<Period>();
  for (const window of windows) {
    const label = PERIOD_LABELS[window.period] as string | undefined;
    if (label === undefined) return `监控期“${String(window.period)}”不存在，应为 Q1、Q2、Q3、Q4、M7、M9 或 Y`;
    if (seen.has(window.period)) return `${label}的填报时间重复填写了`;
    seen.add(window.period);
    for (const [name, date] of [['开始日期', window.opensOn], ['截止日期', window.closesOn]] as const) {
      if (typeof date !== 'string' || readIsoDate(date) === null) return `${label}的${name}“${String(date)}”不是有效日期，应写作 YYYY-MM-DD，如 ${year}-08-01`;
    }
    if (window.opensOn > window.closesOn) return `${label}的开始日期 ${window.opensOn} 晚于截止日期 ${window.closesOn}`;
    if (window.opensOn < `${year}-01-01`) return `${label}的开始日期 ${window.opensOn} 早于 ${year} 年度开始（${year}-01-01）`;
    if (window.closesOn > `${year + 10}-12-31`) return `${label}的截止日期 ${window.closesOn} 太晚，最晚为 ${year + 10}-12-31`;
  }
  const missing = PERIODS_IN_YEAR_ORDER.filter((period) => !seen.has(period));
  if (missing.length > 0) return `缺少${missing.map((p) => PERIOD_LABELS[p]).join('、')}的填报时间`;
  return null;
}

/** "1–7月监控填报时间为 2025-08-01 至 2025-08-21，现已关闭" (or 尚未开始, 正在填报). */
export function windowSentence(window: MonitoringWindow, today: string): string {
  const state = windowState(window, today);
  const tail = state === 'closed' ? '现已关闭' : state === 'upcoming' ? '尚未开始' : '正在填报';
  return `${PERIOD_LABELS[window.period]}监控填报时间为 ${window.opensOn} 至 ${window.closesOn}，${tail}`;
}

/** The rounds that report a month's spending (their period ends in or after it), as the year runs. */
export function periodsReportingMonth(month: number): Period[] {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`Invalid month: ${month}`);
  return PERIODS_IN_YEAR_ORDER.filter((period) => periodEnd(period) >= month);
}

/** A round's window as it applies to one organization: open, or reopened for it until a date. */
export interface WindowForOrganization extends MonitoringWindow {
  /** The last day of a reopening that covers the organization (the latest, when several do); null when none. */
  reopenedUntil: string | null;
}

/** True when the round accepts records today: its window is open, or a reopening still runs. */
export function acceptsRecords(window: WindowForOrganization, today: string): boolean {
  return windowState(window, today) === 'open' || (window.reopenedUntil !== null && today <= window.reopenedUntil);
}

/**
 * Why actuals of a round cannot be recorded today, in Chinese; null when they can. A round without a
 * window (a year opened before windows existed) accepts records.
 */
export function periodRecordingProblem(window: WindowForOrganization | undefined, today: string): string | null {
  if (window === undefined || acceptsRecords(window, today)) return null;
  const expired = window.reopenedUntil !== null ? `（为本单位重新开放的填报已于 ${window.reopenedUntil} 截止）` : '';
  return `${windowSentence(window, today)}${expired}。如需补报，请联系财政局重新开放填报`;
}

/**
 * Why a month's spending cannot be changed today, in Chinese; null when it can: some round that
 * reports the month accepts records. The message names the first round reporting the month, and the
 * next window still to come.
 */
export function monthRecordingProblem(month: number, windows: readonly WindowForOrganization[], today: string): string | null {
  const reporting = periodsReportingMonth(month)
    .map((period) => windows.find((w) => w.period === period))
    .filter((w): w is WindowForOrganization => w !== undefined);
  if (reporting.length === 0 || reporting.some((w) => acceptsRecords(w, today))) return null;
  const first = reporting[0]!;
  const next = [...reporting].filter((w) => windowState(w, today) === 'upcoming').sort((a, b) => (a.opensOn < b.opensOn ? -1 : 1))[0];
  const later = next === undefined ? '' : `；可在${PERIOD_LABELS[next.period]}监控填报时间（${next.opensOn} 至 ${next.closesOn}）内修改`;
  return `${month}月的支出随${PERIOD_LABELS[first.period]}监控填报，${windowSentence(first, today)}${later}。如需补报，请联系财政局重新开放填报`;
}

