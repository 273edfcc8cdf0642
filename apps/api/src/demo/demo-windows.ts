import { defaultMonitoringWindows, MonitoringWindow } from '@jixiao/domain';

/**
 * 填报时间 of a demo year. The demo is tried (and the e2e and browser tests record 2024 actuals) long
 * after 2024's rounds closed, so each round opens on its usual date (or on the load day, if that is
 * earlier) and closes a year after the day the demo is loaded: every round accepts records for a year.
 * A plain dataset import keeps the national defaults.
 */
export function demoWindows(year: number, today: string): MonitoringWindow[] {
  const inAYear = new Date(`${today}T00:00:00Z`);
  inAYear.setUTCFullYear(inAYear.getUTCFullYear() + 1);
  const closes = inAYear.toISOString().slice(0, 10);
  return defaultMonitoringWindows(year).map((w) => ({
    period: w.period,
    opensOn: w.opensOn < today ? w.opensOn : today,
    closesOn: w.closesOn > closes ? w.closesOn : closes,
  }));
}
