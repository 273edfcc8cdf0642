/**
 * A workbook as a reader sees it (issue 11): each tab's cells as displayed text, and its merged ranges.
 * The API's adapter (apps/api/src/imports/xlsx) turns an .xlsx file into this; the reader here is pure.
 */
import type { ReadProblem } from '../dataset-reading';

/** A merged range, 1-based and inclusive. */
export interface GridMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One tab (工作表): `rows[r - 1][c - 1]` is the text of cell (r, c) as displayed, null when empty. */
export interface GridTab {
  name: string;
  rows: (string | null)[][];
  merges: GridMerge[];
}

/** A workbook's tabs in order, and what its adapter could not turn into text (e.g. a formula without a cached value). */
export interface GridWorkbook {
  tabs: GridTab[];
  problems?: ReadProblem[];
}

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A tab with its merges resolved: `text(r, c)` is the text of the merged range a cell belongs to (the
 * top-left cell's), `covered(r, c)` says the cell is inside a merge but not its top-left one.
 */
export class TabGrid {
  readonly rowCount: number;
  readonly columnCount: number;
  private readonly owner = new Map<string, GridMerge>();

  constructor(readonly tab: GridTab) {
    this.rowCount = tab.rows.length;
    this.columnCount = tab.rows.reduce((max, row) => Math.max(max, row.length), 0);
    for (const merge of tab.merges) {
      if (!isSaneMerge(merge)) continue;
      // a huge merge (a whole column) would make this map large: only cells inside the used range matter
      const bottom = Math.min(merge.bottom, this.rowCount);
      const right = Math.min(merge.right, this.columnCount);
      for (let r = merge.top; r <= bottom; r++) {
        for (let c = merge.left; c <= right; c++) {
          if (!this.owner.has(`${r}:${c}`)) this.owner.set(`${r}:${c}`, merge);
        }
      }
    }
  }

  /** The cell's own text, ignoring merges (null when empty or blank). */
  own(row: number, column: number): string | null {
    const text = this.tab.rows[row - 1]?.[column - 1];
    return text === undefined || text === null || text.trim() === '' ? null : text;
  }

  /** The merge the cell belongs to, or null. */
  mergeOf(row: number, column: number): GridMerge | null {
    return this.owner.get(`${row}:${column}`) ?? null;
  }

  /** True when the cell lies inside a merge and is not its top-left cell. */
  covered(row: number, column: number): boolean {
    const merge = this.mergeOf(row, column);
    return merge !== null && (merge.top !== row || merge.left !== column);
  }

  /** True when the cell lies inside a merge that starts on an earlier row (a vertical continuation). */
  coveredFromAbove(row: number, column: number): boolean {
    const merge = this.mergeOf(row, column);
    return merge !== null && merge.top < row;
  }

  /** The displayed text of the cell: the merge's top-left text for a merged cell. */
  text(row: number, column: number): string | null {
    const merge = this.mergeOf(row, column);
    return merge === null ? this.own(row, column) : this.own(merge.top, merge.left);
  }

  /** The last column the cell's merge reaches (the cell's own column when not merged). */
  rightOf(row: number, column: number): number {
    return this.mergeOf(row, column)?.right ?? column;
  }

  /** The last row the cell's merge reaches (the cell's own row when not merged). */
  bottomOf(row: number, column: number): number {
    return this.mergeOf(row, column)?.bottom ?? row;
  }

  /** The texts of a row's cells that are not covered by a merge, with their columns. */
  cells(row: number): { column: number; text: string }[] {
    const found: { column: number; text: string }[] = [];
    const cells = this.tab.rows[row - 1] ?? [];
    for (let c = 1; c <= cells.length; c++) {
      const text = this.own(row, c);
      if (text !== null && !this.covered(row, c)) found.push({ column: c, text });
    }
    return found;
  }

  /** True when no cell of the row has text. */
  blank(row: number): boolean {
    return (this.tab.rows[row - 1] ?? []).every((text) => text === null || text.trim() === '');
  }
}

function isSaneMerge(merge: GridMerge): boolean {
  return [merge.top, merge.left, merge.bottom, merge.right].every((n) => Number.isInteger(n) && n >= 1) && merge.bottom >= merge.top && merge.right >= merge.left;
}

/** Trims a cell's text and joins the lines of a one-line field (a name, a target): CJK next to CJK without a space. */
export function oneLine(text: string | null): string | null {
  if (text === null) return null;
  const joined = text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .reduce((sum, line) => (sum === '' ? line : /[\x21-\x7e]$/.test(sum) && /^[\x21-\x7e]/.test(line) ? `${sum} ${line}` : sum + line), '');
  return joined === '' ? null : joined;
}

/** Trims a long text (a purpose, a description): lines kept, each trimmed, blank lines dropped. */
export function multiLine(text: string | null): string | null {
  if (text === null) return null;
  const lines = text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.length === 0 ? null : lines.join('\n');
}
