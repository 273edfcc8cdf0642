/**
 * The indicator part of a 绩效目标表 (一级 / 二级 / 三级指标 and their values), in any of the column
 * variants departments use: 指标值 alone; 指标性质 + 指标值 + 度量单位 (composed as written: ≥ + 90 + %
 * → `≥90%`, 定性 → the value); a 分值 column; 指标解释 / 指标值确定依据 / 备注 / 评(扣)分标准. 一级 and
 * 二级 cells merged down their group, or left empty under the first row of the group — both read the
 * same. Template rows (`指标2:`, `.....`, a level without an indicator) are skipped.
 */
import type { DatasetIndicator } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import { columnLetter, multiLine, oneLine, type TabGrid } from './grid';
import { matchIndicatorLabel, type IndicatorColumn } from './labels';

/** Where each column of an indicator table is, and the first row of its data. */
export interface IndicatorHeader {
  row: number;
  dataRow: number;
  columns: Partial<Record<IndicatorColumn, number>>;
}

export interface IndicatorTableReading {
  indicators: DatasetIndicator[];
  /** 分值 of each indicator as written, null where the table has none. */
  weights: (string | null)[];
  problems: ReadProblem[];
  /** The row the table ended before (a note, the next table's title), or `end`. */
  stopRow: number;
}

/** The indicator header at `row`, or null when the row is not one (一级指标, a name or 二级 column, a value column). */
export function indicatorHeaderAt(grid: TabGrid, row: number): IndicatorHeader | null {
  const columns = labelledColumns(grid, row);
  if (columns.level1 === undefined || (columns.name === undefined && columns.level2 === undefined)) return null;
  // a second header row under merged parents: 指标值 over 指标性质 | 指标值 | 度量单位
  let dataRow = row + 1;
  const below = labelledColumns(grid, row + 1);
  const belowCells = grid.cells(row + 1);
  if (Object.keys(below).length > 0 && belowCells.every((cell) => matchIndicatorLabel(cell.text) !== null)) {
    Object.assign(columns, below);
    dataRow = row + 2;
  }
  dataRow = Math.max(dataRow, grid.bottomOf(row, columns.level1) + 1);
  if (columns.name === undefined && columns.level2 !== undefined) {
    // 一级 | 二级 | 指标值 only: the 二级 column names the indicator (no third level)
    return null;
  }
  if (columns.target === undefined && columns.operator === undefined) return null;
  return { row, dataRow, columns };
}

/** The indicator columns a row names; a header cell merged down from the row above counts (指标值 over two header rows). */
function labelledColumns(grid: TabGrid, row: number): Partial<Record<IndicatorColumn, number>> {
  const columns: Partial<Record<IndicatorColumn, number>> = {};
  for (let c = 1; c <= grid.columnCount; c++) {
    const merge = grid.mergeOf(row, c);
    if (merge !== null && merge.left !== c) continue;
    const text = grid.text(row, c);
    const column = text === null ? null : matchIndicatorLabel(text);
    if (column !== null && columns[column] === undefined) columns[column] = c;
  }
  return columns;
}

const NOTE_ROW = /^(?:注|备注|说明|填报说明|填表说明)\s*\d?\s*[:：、.]/;
const NUMBERED_NAME = /^(?:指标\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[:：.．、]?|[0-9]{1,2}\s*[.．、](?![0-9]))\s*/;
const PLACEHOLDER = /^[.．。…·\-—_\s]*$/;
const OPERATOR_WORDS: [RegExp, string][] = [
  [/^(?:大于等于|不低于|不少于)$/, '≥'],
  [/^(?:小于等于|不高于|不多于|不超过)$/, '≤'],
  [/^大于$/, '>'],
  [/^小于$/, '<'],
  [/^等于$/, '='],
];

/** `≥` + `90` + `%` → `≥90%`; 定性 (or no sign) → the value with its unit; a value that already has its sign or unit keeps it. */
export function composeTarget(operator: string | null, value: string | null, unit: string | null): string | null {
  if (value === null) return null;
  const sign = (operator ?? '').replace(/\s+/g, '');
  if (/^定性/.test(sign)) return value;
  const symbol = OPERATOR_WORDS.find(([pattern]) => pattern.test(sign))?.[1] ?? (/^(?:定量|无|-|\/)?$/.test(sign) ? '' : sign);
  const hasSign = /^[≥≤><=＞＜＝≧≦]/.test(value) || /^(?:不低于|不高于|不少于|不超过|大于|小于|等于)/.test(value);
  const cleanUnit = (unit ?? '').trim();
  const withUnit = cleanUnit === '' || /^(?:无|-|\/|—)$/.test(cleanUnit) || value.endsWith(cleanUnit) ? value : value + cleanUnit;
  return (hasSign ? '' : symbol) + withUnit;
}

/** Reads the indicator rows below `header` up to `end` (exclusive). */
export function readIndicatorRows(grid: TabGrid, header: IndicatorHeader, end: number, tab: string): IndicatorTableReading {
  const { columns } = header;
  const indicators: DatasetIndicator[] = [];
  const weights: (string | null)[] = [];
  const problems: ReadProblem[] = [];
  const problem = (severity: ReadProblem['severity'], code: string, message: string, row: number, column: number | undefined): void => {
    problems.push({ code, message, severity, tab, row, column: column === undefined ? null : columnLetter(column) });
  };
  const value = (row: number, column: IndicatorColumn, long = false): string | null => {
    const at = columns[column];
    if (at === undefined) return null;
    const text = columnText(grid, row, at);
    return long ? multiLine(text) : oneLine(text);
  };
  let level1: string | null = null;
  let level2: string | null = null;
  let stopRow = end;
  for (let row = header.dataRow; row < end; row++) {
    if (grid.blank(row)) continue;
    const first = grid.cells(row)[0];
    if (first && NOTE_ROW.test(first.text.trim()) && grid.cells(row).length <= 2) {
      stopRow = row;
      break;
    }
    if (isTitleRow(grid, row)) {
      stopRow = row;
      break;
    }
    const repeated = indicatorHeaderAt(grid, row);
    if (repeated !== null) {
      row = repeated.dataRow - 1; // the header repeated (a page break kept in the file)
      continue;
    }
    const l1 = columns.level1 as number;
    const startsGroup = !grid.covered(row, l1) && grid.own(row, l1) !== null;
    if (startsGroup || grid.coveredFromAbove(row, l1)) level1 = oneLine(columnText(grid, row, l1));
    if (columns.level2 !== undefined) {
      const l2 = columns.level2;
      const own = columnText(grid, row, l2);
      if (own !== null && (grid.coveredFromAbove(row, l2) || !grid.covered(row, l2))) level2 = oneLine(own);
      else if (startsGroup || grid.covered(row, l2)) level2 = null;
    }
    const rawName = value(row, 'name');
    const name = rawName === null ? null : rawName.replace(NUMBERED_NAME, '').trim();
    const target = composeTarget(value(row, 'operator'), value(row, 'target'), value(row, 'unit'));
    const nameColumn = columns.name ?? columns.level2;
    if (name === null || PLACEHOLDER.test(name)) {
      if (target !== null && !PLACEHOLDER.test(target)) {
        problem('error', 'ROW_UNREADABLE', `第 ${row} 行有指标值「${target}」但没有三级指标名称，未导入该行`, row, nameColumn);
      }
      continue;
    }
    if (nameColumn !== undefined && grid.coveredFromAbove(row, nameColumn)) {
      const targetColumn = columns.target ?? columns.operator;
      if (targetColumn === undefined || grid.coveredFromAbove(row, targetColumn) || grid.own(row, targetColumn) === null) continue; // the same indicator, merged down
      problem('warning', 'MERGED_CELLS_ODD', `第 ${row} 行的三级指标「${name}」与上一行合并，但指标值不同，已作为一条单独的指标导入，请核对`, row, nameColumn);
    }
    if (target === null || PLACEHOLDER.test(target)) {
      problem('warning', 'INDICATOR_WITHOUT_TARGET', `第 ${row} 行的指标「${name}」没有指标值，未导入`, row, columns.target ?? columns.operator);
      continue;
    }
    if (level1 === null) {
      problem('error', 'LEVEL1_MISSING', `第 ${row} 行的指标「${name}」没有一级指标，未导入该行`, row, columns.level1);
      continue;
    }
    indicators.push({
      level1,
      level2,
      name,
      description: value(row, 'description', true),
      target,
      basis: value(row, 'basis', true),
      remark: joinRemarks(value(row, 'remark', true), value(row, 'scoring', true)),
      });
    weights.push(value(row, 'weight'));
  }
  return { indicators, weights, problems, stopRow };
}

/** A cell's text under a column: a merge's text down its own column, nothing where a merge from the left covers it. */
function columnText(grid: TabGrid, row: number, column: number): string | null {
  const merge = grid.mergeOf(row, column);
  if (merge !== null && merge.left !== column) return null;
  return grid.text(row, column);
}

/** A title, a 年度 or 单位 line, or a line spanning the table: the next table begins. */
function isTitleRow(grid: TabGrid, row: number): boolean {
  const cells = grid.cells(row);
  if (cells.length !== 1) return false;
  const text = cells[0].text.normalize('NFKC').replace(/\s+/g, '');
  return /目标表$|^\(?\d{4}年度?\)?$|^(?:金额)?单位[:：]/.test(text) || grid.rightOf(row, cells[0].column) - cells[0].column >= 3;
}

/** 备注 and 评(扣)分标准 both go to the remark (the format has one field); either alone is the remark. */
function joinRemarks(remark: string | null, scoring: string | null): string | null {
  if (scoring === null) return remark;
  if (remark === null) return scoring;
  return `${remark}；评分标准：${scoring}`;
}
