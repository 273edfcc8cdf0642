// Tokenising pasted text into rows of cells: tab-separated, runs of 2+ spaces, markdown `|` tables.
import { foldWidth } from './text-normalise';

/** One line of the pasted text split into cells (trimmed; empty cells kept where the separators show them). */
export interface TextRow {
  /** 1-based line number in the pasted text. */
  line: number;
  /** The raw line, without the line break. */
  raw: string;
  cells: string[];
}

/** A markdown table rule such as `|---|:--:|` or `--\t-----`: carries nothing. */
function isRuleLine(line: string): boolean {
  return /^[\s|:+\-—–]+$/.test(line) && /-{2,}|—/.test(line);
}

/** Splits one line into cells. Tabs win; else `|` pipes of a markdown table; else runs of 2+ spaces. */
export function splitCells(line: string): string[] {
  const text = line.replace(/\u00A0/g, ' ');
  if (text.includes('\t')) return text.split('\t').map((cell) => cell.trim());
  const trimmed = text.trim();
  if (trimmed.startsWith('|') && trimmed.length > 1) {
    const inner = trimmed.replace(/^\|/, '').replace(/\|$/, '');
    return inner.split('|').map((cell) => cell.trim());
  }
  const leading = /^( {2,}|\u3000+)/.test(text) ? [''] : [];
  return [...leading, ...trimmed.split(/ {2,}|\u3000{1,}/).map((cell) => cell.trim())];
}

/** The rows of a pasted text: CRLF / CR tolerated, markdown emphasis and rule lines dropped. */
export function tokeniseText(text: string): TextRow[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const rows: TextRow[] = [];
  lines.forEach((raw, index) => {
    const stripped = raw.replace(/^\s*#{1,6}\s+/, '').replace(/\*\*/g, '');
    if (isRuleLine(foldWidth(stripped))) {
      rows.push({ line: index + 1, raw, cells: [] });
      return;
    }
    const cells = stripped.trim() === '' ? [] : splitCells(stripped);
    rows.push({ line: index + 1, raw, cells });
  });
  return rows;
}

/** True when the row has no text at all. */
export function isEmptyRow(row: TextRow): boolean {
  return row.cells.every((cell) => cell === '');
}

/** The row's non-empty cells with their column index. */
export function filledCells(row: TextRow): { index: number; text: string }[] {
  return row.cells.map((text, index) => ({ index, text })).filter((cell) => cell.text !== '');
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function spaceRuns(row: TextRow): { text: string; runs: RegExpMatchArray[] } | null {
  const text = row.raw.replace(/\u00A0/g, ' ').replace(/\s+$/, '');
  if (/[\t|]/.test(text) || !/ {2,}/.test(text)) return null;
  return { text, runs: [...text.matchAll(/ {2,}/g)] };
}

/**
 * The width of the column separator of rows whose tabs were turned into a fixed number of spaces: the
 * greatest common divisor of a row's runs of spaces, the most frequent among the rows with two runs or
 * more; null when it is under 2 (runs of any width, every run one separator).
 */
export function spaceSeparatorWidth(rows: TextRow[]): number | null {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const found = spaceRuns(row);
    if (found === null || found.runs.length < 2) continue;
    const width = found.runs.map((run) => run[0].length).reduce(gcd);
    counts.set(width, (counts.get(width) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [width, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = width;
  return best !== null && best >= 2 ? best : null;
}

/**
 * A row of a table read by column position, re-split where its tabs became `width` spaces: a run of k × width
 * spaces is k separators, so the empty cells between them are kept (`a␣␣␣␣b` with a width of two is
 * `a | | b`). Rows with tabs or `|` pipes, or a run that is no multiple of the width, are left as they are.
 */
export function withEmptyCellsOfSpaceRuns(row: TextRow, width: number | null): TextRow {
  const found = spaceRuns(row);
  if (found === null || width === null || found.runs.some((run) => run[0].length % width !== 0)) return row;
  const { text, runs } = found;
  const cells: string[] = [];
  let at = 0;
  for (const run of runs) {
    const index = run.index ?? 0;
    if (index > 0) cells.push(text.slice(at, index).trim());
    const separators = run[0].length / width;
    for (let i = index > 0 ? 1 : 0; i < separators; i += 1) cells.push('');
    at = index + run[0].length;
  }
  cells.push(text.slice(at).trim());
  return { ...row, cells };
}
