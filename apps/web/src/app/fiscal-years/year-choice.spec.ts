import { chosenYear, laterYears, startingYear } from './year-choice';

describe('the year a page starts on', () => {
  const years = [
    { year: 2025, hasSheets: true, hasSheetsInEffect: false }, // next year's drafts
    { year: 2024, hasSheets: true, hasSheetsInEffect: true },
    { year: 2023, hasSheets: true, hasSheetsInEffect: true },
  ];

  it('is the newest year with sheets in effect, else with sheets, else the newest opened year', () => {
    expect(startingYear(years)).toBe(2024);
    expect(startingYear([{ year: 2025, hasSheets: false, hasSheetsInEffect: false }, { year: 2024, hasSheets: true, hasSheetsInEffect: false }])).toBe(2024);
    expect(startingYear([{ year: 2025, hasSheets: false, hasSheetsInEffect: false }])).toBe(2025);
    expect(startingYear([])).toBeUndefined();
  });

  it('is the year asked for when it is open', () => {
    expect(chosenYear(years, 2025)).toBe(2025);
    expect(chosenYear(years, 2030)).toBe(2024);
    expect(chosenYear(years, null)).toBe(2024);
  });

  it('offers the later opened years for a roll-over', () => {
    expect(laterYears(years, 2024)).toEqual([2025]);
    expect(laterYears(years, 2025)).toEqual([]);
    expect(laterYears(years, 2023)).toEqual([2024, 2025]);
  });
});
