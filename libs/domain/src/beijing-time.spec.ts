import { formatBeijingTime } from './beijing-time';

describe(formatBeijingTime.name, () => {
  it('shows an instant in 北京时间 (UTC+8), also across midnight and the year end', () => {
    expect(formatBeijingTime('2025-03-01T02:20:45Z')).toBe('2025-03-01 10:20');
    expect(formatBeijingTime('2024-12-31T16:00:00.000Z')).toBe('2025-01-01 00:00');
    expect(formatBeijingTime(new Date(Date.UTC(2024, 1, 28, 17, 5, 9)), 'second')).toBe('2024-02-29 01:05:09');
  });

  it('reads an offset written in the text', () => {
    expect(formatBeijingTime('2025-06-30T23:59:00+08:00')).toBe('2025-06-30 23:59');
  });

  it('says null for what is not a time', () => {
    expect(formatBeijingTime('not a time')).toBeNull();
    expect(formatBeijingTime(new Date(Number.NaN))).toBeNull();
  });
});
