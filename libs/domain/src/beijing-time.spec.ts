import { beijingToday, formatBeijingTime } from './beijing-time';

describe(formatBeijingTime.name, () => {
  it('writes an instant in 北京时间 (UTC+8), to the minute by default', () => {
    expect(formatBeijingTime('2025-01-20T08:00:00.000Z')).toBe('2025-01-20 16:00');
    expect(formatBeijingTime('2025-01-20T08:00:00.000Z', 'second')).toBe('2025-01-20 16:00:00');
    expect(formatBeijingTime('2025-01-20T08:00:00.000Z', 'date')).toBe('2025-01-20');
  });

  it('moves to the next day, month and year after 16:00 UTC', () => {
    expect(formatBeijingTime('2024-12-31T16:00:00Z', 'second')).toBe('2025-01-01 00:00:00');
    expect(formatBeijingTime('2024-12-31T15:59:59.999Z', 'second')).toBe('2024-12-31 23:59:59');
    expect(formatBeijingTime('2024-02-28T16:30:00Z', 'date')).toBe('2024-02-29'); // a leap day
    expect(formatBeijingTime('2025-02-28T16:30:00Z', 'date')).toBe('2025-03-01');
  });

  it('reads any offset the same instant: the text of another zone, epoch milliseconds, a Date', () => {
    const expected = '2024-07-01 09:05:07';
    expect(formatBeijingTime('2024-07-01T01:05:07Z', 'second')).toBe(expected);
    expect(formatBeijingTime('2024-07-01T09:05:07+08:00', 'second')).toBe(expected);
    expect(formatBeijingTime('2024-06-30T21:05:07-0400', 'second')).toBe(expected);
    expect(formatBeijingTime(Date.UTC(2024, 6, 1, 1, 5, 7), 'second')).toBe(expected);
    expect(formatBeijingTime(new Date(Date.UTC(2024, 6, 1, 1, 5, 7)), 'second')).toBe(expected);
  });

  it('keeps no daylight saving: the same 8 hours in January and in July', () => {
    expect(formatBeijingTime('2024-01-15T12:00:00Z')).toBe('2024-01-15 20:00');
    expect(formatBeijingTime('2024-07-15T12:00:00Z')).toBe('2024-07-15 20:00');
  });

  it('refuses what is not an instant, rather than guess a zone', () => {
    expect(() => formatBeijingTime('2025-01-20 08:00')).toThrow('Not an instant');
    expect(() => formatBeijingTime('2025-01-20')).toThrow('Not an instant');
    expect(() => formatBeijingTime('昨天')).toThrow('Not an instant');
    expect(() => formatBeijingTime(Number.NaN)).toThrow('Not an instant');
    expect(() => formatBeijingTime(new Date('x'))).toThrow('Not an instant');
  });
});

describe(beijingToday.name, () => {
  it("is the date in China, which runs ahead of UTC's from 16:00 UTC", () => {
    expect(beijingToday(new Date('2025-01-20T15:59:00Z'))).toBe('2025-01-20');
    expect(beijingToday(new Date('2025-01-20T16:00:00Z'))).toBe('2025-01-21');
  });
});
