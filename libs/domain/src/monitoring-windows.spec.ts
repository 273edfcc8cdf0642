import { beijingToday } from './beijing-time';
import {
  acceptsRecords,
  checkMonitoringWindows,
  defaultMonitoringWindows,
  monthRecordingProblem,
  MonitoringWindow,
  periodRecordingProblem,
  periodsReportingMonth,
  WindowForOrganization,
  windowSentence,
  windowState,
} from './monitoring-windows';

const closed = (w: MonitoringWindow): WindowForOrganization => ({ ...w, reopenedUntil: null });

describe('monitoring windows (填报时间)', () => {
  const defaults = defaultMonitoringWindows(2025);

  it('offers the national rhythm: each round opens after its period ends, for three weeks; 全年 one quarter', () => {
    expect(defaults).toEqual([
      { period: 'Q1', opensOn: '2025-04-01', closesOn: '2025-04-21' },
      { period: 'Q2', opensOn: '2025-07-01', closesOn: '2025-07-21' },
      { period: 'M7', opensOn: '2025-08-01', closesOn: '2025-08-21' },
      { period: 'Q3', opensOn: '2025-10-01', closesOn: '2025-10-21' },
      { period: 'M9', opensOn: '2025-10-01', closesOn: '2025-10-21' },
      { period: 'Q4', opensOn: '2026-01-01', closesOn: '2026-01-21' },
      { period: 'Y', opensOn: '2026-01-01', closesOn: '2026-03-31' },
    ]);
    expect(checkMonitoringWindows(2025, defaults)).toBeNull();
  });

  it('counts both days of a window as open', () => {
    const m7 = defaults[2]!;
    expect(['2025-07-31', '2025-08-01', '2025-08-21', '2025-08-22'].map((d) => windowState(m7, d))).toEqual(['upcoming', 'open', 'open', 'closed']);
  });

  it.each([
    [[...defaults.slice(1)], '缺少一季度的填报时间'],
    [[...defaults, defaults[0]!], '一季度的填报时间重复填写了'],
    [defaults.map((w) => (w.period === 'M7' ? { ...w, opensOn: '2025-08-22' } : w)), '1–7月的开始日期 2025-08-22 晚于截止日期 2025-08-21'],
    [defaults.map((w) => (w.period === 'Q2' ? { ...w, closesOn: '2025-02-30' } : w)), '二季度的截止日期“2025-02-30”不是有效日期，应写作 YYYY-MM-DD，如 2025-08-01'],
    [defaults.map((w) => (w.period === 'Q1' ? { ...w, opensOn: '2024-12-31' } : w)), '一季度的开始日期 2024-12-31 早于 2025 年度开始（2025-01-01）'],
    [defaults.map((w) => (w.period === 'Y' ? { ...w, closesOn: '2205-01-01' } : w)), '全年的截止日期 2205-01-01 太晚，最晚为 2035-12-31'],
  ])('refuses windows that cannot be a year’s, saying why (%#)', (windows, reason) => {
    expect(checkMonitoringWindows(2025, windows)).toBe(reason);
  });

  it('names the window in the refusal: closed, or not open yet', () => {
    const m7 = closed(defaults[2]!);
    expect(periodRecordingProblem(m7, '2025-09-01')).toBe('1–7月监控填报时间为 2025-08-01 至 2025-08-21，现已关闭。如需补报，请联系财政局重新开放填报');
    expect(periodRecordingProblem(m7, '2025-07-15')).toBe('1–7月监控填报时间为 2025-08-01 至 2025-08-21，尚未开始。如需补报，请联系财政局重新开放填报');
    expect(periodRecordingProblem(m7, '2025-08-10')).toBeNull();
    expect(periodRecordingProblem(undefined, '2025-09-01')).toBeNull();
    expect(windowSentence(m7, '2025-08-10')).toBe('1–7月监控填报时间为 2025-08-01 至 2025-08-21，正在填报');
  });

  it('lets a reopening run until its last day, and says when it ended', () => {
    const reopened = { ...defaults[2]!, reopenedUntil: '2025-09-05' };
    expect(acceptsRecords(reopened, '2025-09-05')).toBe(true);
    expect(acceptsRecords(reopened, '2025-09-06')).toBe(false);
    expect(periodRecordingProblem(reopened, '2025-09-06')).toBe(
      '1–7月监控填报时间为 2025-08-01 至 2025-08-21，现已关闭（为本单位重新开放的填报已于 2025-09-05 截止）。如需补报，请联系财政局重新开放填报',
    );
  });

  it('lets a month’s spending change while any round reporting it is open', () => {
    expect(periodsReportingMonth(3)).toEqual(['Q1', 'Q2', 'M7', 'Q3', 'M9', 'Q4', 'Y']);
    expect(periodsReportingMonth(8)).toEqual(['Q3', 'M9', 'Q4', 'Y']);
    const windows = defaults.map(closed);
    expect(monthRecordingProblem(3, windows, '2025-04-10')).toBeNull(); // 一季度
    expect(monthRecordingProblem(3, windows, '2025-10-05')).toBeNull(); // 1–9月 still reports March
    expect(monthRecordingProblem(10, windows, '2025-10-05')).toBe(
      '10月的支出随四季度监控填报，四季度监控填报时间为 2026-01-01 至 2026-01-21，尚未开始；可在四季度监控填报时间（2026-01-01 至 2026-01-21）内修改。如需补报，请联系财政局重新开放填报',
    );
    expect(monthRecordingProblem(3, windows, '2025-05-10')).toBe(
      '3月的支出随一季度监控填报，一季度监控填报时间为 2025-04-01 至 2025-04-21，现已关闭；可在二季度监控填报时间（2025-07-01 至 2025-07-21）内修改。如需补报，请联系财政局重新开放填报',
    );
    expect(monthRecordingProblem(12, windows, '2026-04-01')).toBe(
      '12月的支出随四季度监控填报，四季度监控填报时间为 2026-01-01 至 2026-01-21，现已关闭。如需补报，请联系财政局重新开放填报',
    );
    const reopened = windows.map((w) => (w.period === 'Q4' ? { ...w, reopenedUntil: '2026-04-30' } : w));
    expect(monthRecordingProblem(12, reopened, '2026-04-01')).toBeNull();
    expect(monthRecordingProblem(5, [], '2026-04-01')).toBeNull();
  });

  it('reads the day in 北京时间', () => {
    expect(beijingToday(new Date('2025-08-21T15:59:59Z'))).toBe('2025-08-21');
    expect(beijingToday(new Date('2025-08-21T16:00:00Z'))).toBe('2025-08-22');
  });
});
