// The indicator rows below a header row, read by the header's columns (tab / two-space / markdown
// separated) or, where the header's words are separated by single spaces, by the cells' vocabulary.
import type { DatasetIndicator } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import { headerRoles, IndicatorRowReader, isIndicatorHeader } from './indicator-rows';
import { SpacedIndicatorReader, spacedHeaderWords } from './spaced-indicator-rows';
import type { TextRow } from './text-rows';

/** True for the header row of an indicator table, however its columns are separated. */
export function isAnyIndicatorHeader(row: TextRow): boolean {
  return isIndicatorHeader(row) || spacedHeaderWords(row) !== null;
}

/** Reads the indicators of `rows`, the first of which is the header row. */
export function readIndicatorRows(rows: TextRow[], problems: ReadProblem[]): DatasetIndicator[] {
  const spaced = spacedHeaderWords(rows[0]);
  if (spaced !== null) {
    const reader = new SpacedIndicatorReader(spaced, problems);
    rows.slice(1).forEach((row) => reader.read(row));
    reader.finish();
    return reader.indicators;
  }
  const reader = new IndicatorRowReader(headerRoles(rows[0]), problems);
  rows.slice(1).forEach((row) => {
    if (!isIndicatorHeader(row)) reader.read(row);
  });
  return reader.indicators;
}
