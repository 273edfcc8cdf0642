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
