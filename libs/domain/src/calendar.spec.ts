import { daysInMonth, isLeapYear, readIsoDate } from './calendar';

describe(daysInMonth.name, () => {
  it('gives each month its length, February by the year', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(m, 2023))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2, 2024)).toBe(29);
    expect(daysInMonth(2, 1900)).toBe(28);
    expect(daysInMonth(2, 2000)).toBe(29);
  });

  it('allows 29 days in February when the year is not known', () => {
    expect(daysInMonth(2, undefined)).toBe(29);
    expect(daysInMonth(2, null)).toBe(29);
  });

  it.each([0, 13, 1.5, Number.NaN])('refuses month %p', (month) => {
    expect(() => daysInMonth(month, 2024)).toThrow('Invalid month');
  });
});

describe(isLeapYear.name, () => {
  it.each([
    [2024, true],
    [2023, false],
    [1900, false],
    [2000, true],
  ])('%p → %p', (year, leap) => expect(isLeapYear(year)).toBe(leap));
});

describe(readIsoDate.name, () => {
  it('reads a real date', () => expect(readIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 }));
  it.each(['2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-5', '20240105', ''])('refuses %p', (text) => {
    expect(readIsoDate(text)).toBeNull();
  });
});
