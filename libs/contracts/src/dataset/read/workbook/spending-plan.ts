/**
 * 资金支出计划: checkpoint months (3月底, 6月, 第二季度 …) with the cumulative amount under each, written
 * as amounts (in the table's unit, or the label's), as fractions of the total (0.25 … 1.00) or as
 * percentages (25% … 100%, or a label in %), all turned into 元 of the project's total.
 */
import type { DatasetSpendingPoint } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import { fractionOf, plainDecimal, readAmount, shiftDecimal, type MoneyUnit } from './amounts';
import { columnLetter, type TabGrid } from './grid';
import { unitOfLabel, type LabelHit } from './header-block';

const QUARTERS: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };

/** The checkpoint month a header cell names, or null. */
export function checkpointMonth(text: string): number | null {
  const key = text.normalize('NFKC').replace(/\s+/g, '');
  const month = /^(?:截至|截止|至)?(\d{1,2})月(?:份)?(?:底|末|末前|前|止)?(?:累计)?$/.exec(key);
  if (month) {
    const value = Number(month[1]);
    return value >= 1 && value <= 12 ? value : null;
  }
  const quarter = /^(?:第)?([一二三四1-4])季度(?:末|底)?$/.exec(key);
  return quarter ? QUARTERS[quarter[1]] : null;
}

/** Reads the plan next to its label; `total` is the project's 资金总额 in 元 (null when unknown). */
export function readSpendingPlan(
  grid: TabGrid,
  hit: LabelHit,
  total: string | null,
  unit: MoneyUnit,
  tab: string,
  problems: ReadProblem[],
): DatasetSpendingPoint[] {
  const cells: { month: number; text: string; row: number; column: number }[] = [];
  const bottom = Math.max(grid.bottomOf(hit.row, hit.column), hit.row + 1);
  for (let row = hit.row; row <= bottom; row++) {
    for (let column = grid.rightOf(hit.row, hit.column) + 1; column <= grid.columnCount; column++) {
      const text = grid.covered(row, column) ? null : grid.own(row, column);
      const month = text === null ? null : checkpointMonth(text);
      const value = month === null ? null : grid.own(row + 1, column);
      if (month !== null && value !== null) cells.push({ month, text: value.trim(), row: row + 1, column });
    }
  }
  if (cells.length === 0) return [];
  const label = grid.text(hit.row, hit.column) ?? '';
  const percentLabel = /[%％]|百分比/.test(label);
  const percentValues = cells.some((cell) => /[%％]$/.test(cell.text));
  const decimals = cells.map((cell) => plainDecimal(cell.text.replace(/[%％]$/, '')));
  const plan: DatasetSpendingPoint[] = [];
  const unreadable = (cell: (typeof cells)[number], why: string): void => {
    problems.push({ code: 'SPENDING_PLAN_UNREADABLE', message: `资金支出计划 ${cell.month} 月的「${cell.text}」${why}，未导入该点`, severity: 'error', tab, row: cell.row, column: columnLetter(cell.column) });
  };
  const numbers = decimals.filter((d): d is string => d !== null).map(Number);
  const max = Math.max(...numbers);
  const last = decimals[decimals.length - 1];
  const totalInUnit = total === null ? null : unit === '万元' ? shiftDecimal(total, -4) : shiftDecimal(total, 0);
  // a plan labelled in % whose last point equals the total is written in amounts (望都 2024 does this)
  const lastIsTotal = last !== null && totalInUnit !== null && Number(last) === Number(totalInUnit);
  const mode = percentValues ? 'percent' : (max <= 1 && Number(last) === 1) || (percentLabel && max <= 1) ? 'fraction' : percentLabel && !lastIsTotal && max <= 100 ? 'percent' : 'amount';
  cells.forEach((cell, i) => {
    const decimal = decimals[i];
    if (decimal === null) return unreadable(cell, '不是数字');
    if (mode === 'amount') {
      const reading = readAmount(cell.text, unitOfLabel(grid, hit, unit));
      if (reading.kind !== 'amount') return unreadable(cell, '不是金额');
      plan.push({ month: cell.month, cumulativeAmount: reading.yuan });
      return;
    }
    if (total === null) return unreadable(cell, '是比例，但项目没有资金总额');
    const fraction = mode === 'percent' ? shiftDecimal(decimal.replace(/^-/, ''), -2) : decimal;
    plan.push({ month: cell.month, cumulativeAmount: fractionOf(total, fraction) });
  });
  return plan.sort((a, b) => a.month - b.month);
}
