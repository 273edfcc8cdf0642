import type { FiscalYearResponse } from '@jixiao/contracts/api/fiscal-year.contract';

type YearFacts = Pick<FiscalYearResponse, 'year' | 'hasSheets' | 'hasSheetsInEffect'>;

/**
 * The year a page starts on: the newest year with sheets in effect (next year's drafts, rolled over
 * or new, do not hide this year's monitoring), else the newest year with sheets, else the newest
 * opened year.
 */
export function startingYear(years: readonly YearFacts[]): number | undefined {
  return (years.find((y) => y.hasSheetsInEffect) ?? years.find((y) => y.hasSheets) ?? years[0])?.year;
}

/** The year asked for (e.g. `?year=2025`) when it is open, else the starting year. */
export function chosenYear(years: readonly YearFacts[], wanted: number | null | undefined): number | undefined {
  return years.some((y) => y.year === wanted) ? (wanted as number) : startingYear(years);
}

/** The opened years after `year` a sheet can be rolled over to (结转), oldest first. */
export function laterYears(years: readonly Pick<FiscalYearResponse, 'year'>[], year: number): number[] {
  return years.map((y) => y.year).filter((y) => y > year).sort((a, b) => a - b);
}
