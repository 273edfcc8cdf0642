/**
 * The header block above an indicator table: labels (项目名称, 主管部门, 资金总额 …) and their values,
 * written to the right of the label, below it (a row of labels over a row of values), in the same
 * cell after a colon, or on the rows a merged label spans.
 */
import type { ReadProblem } from '../dataset-reading';
import { readAmount, type MoneyUnit } from './amounts';
import { columnLetter, type TabGrid } from './grid';
import { matchHeaderLabel, matchIndicatorLabel, statedMoneyUnit, type HeaderField } from './labels';

/** A label found in the header block. */
export interface LabelHit {
  field: HeaderField;
  key: string;
  row: number;
  column: number;
  inline: string | null;
}

/** A value cell. */
export interface ValueCell {
  text: string;
  row: number;
  column: number;
}

/** The labels of rows `from`..`to` (inclusive), rows in `skip` left out. */
export function findLabels(grid: TabGrid, from: number, to: number, skip: ReadonlySet<number> = new Set()): LabelHit[] {
  const hits: LabelHit[] = [];
  for (let row = from; row <= to; row++) {
    if (skip.has(row)) continue;
    for (const cell of grid.cells(row)) {
      const match = matchHeaderLabel(cell.text);
      if (match) hits.push({ field: match.field, key: match.key, row, column: cell.column, inline: match.inline });
    }
  }
  return hits;
}

function isLabel(text: string): boolean {
  return matchHeaderLabel(text) !== null;
}

/**
 * A label's value: after its colon; else the first cell to its right that is not a label, on its row
 * or the rows its merge spans; else (`below`) the cell under it.
 */
export function valueOf(grid: TabGrid, hit: LabelHit, below = false): ValueCell | null {
  if (hit.inline !== null && hit.inline !== '') return { text: hit.inline, row: hit.row, column: hit.column };
  const right = grid.rightOf(hit.row, hit.column);
  const bottom = grid.bottomOf(hit.row, hit.column);
  for (let row = hit.row; row <= bottom; row++) {
    for (let column = right + 1; column <= grid.columnCount; column++) {
      if (grid.covered(row, column)) continue;
      const text = grid.own(row, column);
      if (text === null) continue;
      if (isLabel(text)) break;
      return { text, row, column };
    }
  }
  if (!below) return null;
  const under = bottom + 1;
  // a row of labels over a row of values: the row below holds values only
  if (grid.cells(under).some((cell) => isLabel(cell.text) || matchIndicatorLabel(cell.text) !== null)) return null;
  const text = grid.covered(under, hit.column) ? null : grid.own(under, hit.column);
  return text === null || isLabel(text) ? null : { text, row: under, column: hit.column };
}

/** Every value to the right of a label on the rows it spans (goals written one row each), joined by line breaks; null when none. */
export function allValuesOf(grid: TabGrid, hit: LabelHit | null): string | null {
  if (hit === null) return null;
  if (hit.inline !== null && hit.inline !== '') return hit.inline;
  const texts: string[] = [];
  for (let row = hit.row; row <= grid.bottomOf(hit.row, hit.column); row++) {
    for (let column = grid.rightOf(hit.row, hit.column) + 1; column <= grid.columnCount; column++) {
      const text = grid.covered(row, column) ? null : grid.own(row, column);
      if (text === null) continue;
      if (isLabel(text)) break;
      texts.push(text);
    }
  }
  return texts.length === 0 ? null : texts.join('\n');
}

/** The first hit of a field, or, for amounts, the one a preference picks. */
export function firstHit(hits: readonly LabelHit[], field: HeaderField): LabelHit | null {
  return hits.find((hit) => hit.field === field) ?? null;
}

/** 年度资金总额 before 资金总额 before 实施期资金总额 (a multi-year project states both). */
export function totalHit(hits: readonly LabelHit[]): LabelHit | null {
  const totals = hits.filter((hit) => hit.field === 'total');
  return totals.find((hit) => hit.key.startsWith('年度')) ?? totals.find((hit) => !hit.key.startsWith('实施期')) ?? totals[0] ?? null;
}

/** Of several 财政拨款 / 其他资金 labels, the one nearest the chosen total's column. */
export function nearestHit(hits: readonly LabelHit[], field: HeaderField, anchor: LabelHit | null): LabelHit | null {
  const candidates = hits.filter((hit) => hit.field === field);
  if (anchor === null || candidates.length <= 1) return candidates[0] ?? null;
  return candidates.reduce((best, hit) => (Math.abs(hit.column - anchor.column) < Math.abs(best.column - anchor.column) ? hit : best));
}

/** The money unit stated by the label or a group label to its left on its row (资金金额（万元）), else `fallback`. */
export function unitOfLabel(grid: TabGrid, hit: LabelHit, fallback: MoneyUnit): MoneyUnit {
  for (let column = hit.column; column >= 1; column--) {
    const text = grid.text(hit.row, column);
    const unit = text === null ? null : statedMoneyUnit(text);
    if (unit !== null) return unit;
  }
  return fallback;
}

/** Reads a labelled amount in 元: null when absent or empty; a problem when the cell is no amount. */
export function amountOf(
  grid: TabGrid,
  hit: LabelHit | null,
  unit: MoneyUnit,
  tab: string,
  problems: ReadProblem[],
): string | null {
  if (hit === null) return null;
  const cell = valueOf(grid, hit, true);
  if (cell === null) return null;
  const reading = readAmount(cell.text, unitOfLabel(grid, hit, unit));
  if (reading.kind === 'amount') return reading.yuan;
  if (reading.kind === 'unreadable') {
    problems.push({
      code: 'AMOUNT_UNREADABLE',
      message: `「${hit.key}」的金额「${cell.text.trim()}」无法识别为数字，未导入该金额`,
      severity: 'error',
      tab,
      row: cell.row,
      column: columnLetter(cell.column),
    });
  }
  return null;
}

/** The table's money unit from a `单位：万元` line or a label in `rows`; null when none says. */
export function tableMoneyUnit(grid: TabGrid, from: number, to: number): MoneyUnit | null {
  for (let row = from; row <= to; row++) {
    for (const cell of grid.cells(row)) {
      if (/单位/.test(cell.text)) {
        const unit = statedMoneyUnit(cell.text);
        if (unit !== null) return unit;
      }
    }
  }
  return null;
}

/** The fiscal year a title or a `（2024年度）` line states in rows `from`..`to`, or null. */
export function statedYear(grid: TabGrid, from: number, to: number): number | null {
  for (let row = from; row <= to; row++) {
    for (const cell of grid.cells(row)) {
      const text = cell.text.normalize('NFKC').replace(/\s+/g, '');
      const match =
        /(?:^|[^\d])((?:19|20)\d{2})年度?(?:部门|项目|整体|预算|专项|绩效|\))/.exec(text) ??
        /^\(?((?:19|20)\d{2})年度?\)?$/.exec(text) ??
        /^(?:预算)?年度[:：]?((?:19|20)\d{2})年?$/.exec(text);
      if (match) return Number(match[1]);
    }
  }
  return null;
}
