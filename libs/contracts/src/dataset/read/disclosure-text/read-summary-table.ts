// The summary of a department's project targets (项目绩效目标汇总表): one row per project (项目编码, 名称,
// 金额) and a (三级指标, 指标值) pair per 一级指标 column (成本 / 产出 / 效益 / 满意度指标), continued on
// the rows below and over page breaks. Rows a PDF extraction shifted by a column are realigned.
import type { DatasetIndicator, DatasetProject } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import { amountText, otherFunds, toYuan } from './amounts';
import { level1Of } from './indicator-vocabulary';
import { continuesTarget, problem } from './indicator-rows';
import { departmentName, labelledCells } from './label-cells';
import type { SheetRead } from './read-project-table';
import { closeCjkGaps, joinFragment, labelKey } from './text-normalise';
import { filledCells, isEmptyRow, spaceSeparatorWidth, withEmptyCellsOfSpaceRuns, type TextRow } from './text-rows';

interface Pair {
  level1: string;
  column: number;
}

interface Cell {
  index: number;
  text: string;
}

/** What a summary table gave: its department, the codes it names and its projects. */
export interface SummaryRead {
  department: string | null;
  departmentCode: string | null;
  units: { code: string; name: string }[];
  projects: SheetRead<DatasetProject>[];
}

const PROJECT_CODE = /^[0-9A-Z]{10,}$/;
const UNIT_CODE = /^\d{3,9}$/;

/** Reads the summary tables of a text (its pages in order) into projects. */
export class SummaryTableReader {
  readonly result: SummaryRead = { department: null, departmentCode: null, units: [], projects: [] };
  private pairs: Pair[] = [];
  private fundColumns = { total: 2, fiscal: 3 };
  private project: SheetRead<DatasetProject> | null = null;
  private lastPair: Record<string, DatasetIndicator | undefined> = {};
  private lastLevel1: string | null = null;
  private unitCode: string | null = null;
  private shift = 0;
  private afterBreak = false;

  constructor(private readonly problems: ReadProblem[]) {}

  /** Reads one page: `before` are the lines above its header (部门名称), `rows` from its header on. */
  readPage(before: TextRow[], pageRows: TextRow[]): void {
    const width = spaceSeparatorWidth(pageRows);
    const rows = pageRows.map((row) => withEmptyCellsOfSpaceRuns(row, width)); // columns read by position keep their empty cells
    for (const row of before) {
      const named = labelledCells(row, (key) => /^(部门名称|单位名称)/.test(key))[0];
      if (named?.key && named.values[0]) this.result.department = this.result.department ?? departmentName(named.values[0]);
    }
    this.afterBreak = true;
    let index = 0;
    for (; index < rows.length && this.isHeaderRow(rows[index]); index += 1) this.readHeader(rows[index]);
    for (; index < rows.length; index += 1) {
      const row = rows[index];
      if (isEmptyRow(row)) {
        this.afterBreak = true;
        continue;
      }
      this.readRow(row);
      this.afterBreak = false;
    }
  }

  private isHeaderRow(row: TextRow): boolean {
    const keys = row.cells.map(labelKey);
    return keys.some((key) => /^(单位编码|项目单位|资金总额|三级指标|成本指标|产出指标|绩效目标|项目金额)/.test(key));
  }

  private readHeader(row: TextRow): void {
    const keys = row.cells.map(labelKey);
    const pairs = keys.map((key, column) => ({ level1: level1Of(key), column })).filter((pair): pair is Pair => pair.level1 !== null);
    if (pairs.length > 0) this.pairs = pairs;
    const total = keys.findIndex((key) => key.startsWith('资金总额'));
    const fiscal = keys.findIndex((key) => /^(政府预算资金|财政拨款)/.test(key));
    if (total >= 0) this.fundColumns = { total, fiscal: fiscal >= 0 ? fiscal : total + 1 };
  }

  private readRow(row: TextRow): void {
    const cells = filledCells(row);
    const first = cells[0];
    if (first.index === 0 && PROJECT_CODE.test(first.text) && !UNIT_CODE.test(first.text)) return this.startProject(row, cells);
    if (first.index === 0 && UNIT_CODE.test(first.text)) return this.readUnit(cells);
    if (this.project === null) {
      this.problems.push(problem('ROW_UNREADABLE', `第 ${row.line} 行：汇总表中这一行不属于任何项目，未导入`, 'warning', row.line));
      return;
    }
    const firstPair = this.pairs[0]?.column ?? 6;
    const left = cells.filter((cell) => cell.index < firstPair - 1);
    const right = cells.filter((cell) => cell.index >= firstPair - 1);
    if (left.length === 1 && left[0].index === 1 && right.length > 0) this.appendToName(left[0].text);
    else if (left.length === 1 && left[0].index === 1) return this.appendToName(left[0].text);
    else if (left.length > 0 && right.length === 0) return this.readStrayPair(row, left);
    this.readPairs(row, right);
  }

  private readUnit(cells: Cell[]): void {
    const code = cells[0].text;
    const name = cells[1] !== undefined && amountText(cells[1].text) === null ? cells[1].text : null;
    this.project = null;
    if (name === null) {
      this.result.departmentCode = this.result.departmentCode ?? code;
      return;
    }
    this.unitCode = code;
    if (!this.result.units.some((unit) => unit.code === code)) this.result.units.push({ code, name });
  }

  private startProject(row: TextRow, cells: Cell[]): void {
    const name = cells.find((cell) => cell.index === 1)?.text ?? '';
    const money = (column: number): string | null => {
      const cell = cells.find((candidate) => candidate.index === column);
      return cell === undefined ? null : toYuan(cell.text, 'wan');
    };
    const total = money(this.fundColumns.total);
    const fiscal = money(this.fundColumns.fiscal);
    if (total === null) this.problems.push(problem('AMOUNT_UNREADABLE', `第 ${row.line} 行：项目「${name}」的资金总额未能读出，记为 0`, 'warning', row.line));
    const project: DatasetProject = {
      code: cells[0].text,
      name: closeCjkGaps(name),
      unitCode: this.unitCode,
      category: null,
      amount: { total: total ?? '0.00', fiscal, other: total === null ? null : otherFunds(total, fiscal, null) },
      purpose: null,
      goals: [],
      spendingPlan: [],
      indicators: [],
    };
    this.project = { department: null, sheet: project, line: row.line };
    this.result.projects.push(this.project);
    this.lastPair = {};
    this.lastLevel1 = null;
    this.shift = 0;
    const lastFund = Math.max(this.fundColumns.total, this.fundColumns.fiscal);
    const firstPair = this.pairs[0]?.column ?? 6;
    const right = cells.filter((cell) => cell.index > lastFund && !(cell.index < firstPair - 1 && amountText(cell.text) !== null));
    this.shift = this.bestShift(right, [0, -1, 1]);
    this.readPairs(row, right);
  }

  private appendToName(fragment: string): void {
    const project = (this.project as SheetRead<DatasetProject>).sheet;
    project.name = joinFragment(project.name, this.dropRepeat(project.name, fragment));
  }

  /** After a page break a PDF may repeat the last character of a cut cell on the next page. */
  private dropRepeat(before: string, fragment: string): string {
    return this.afterBreak && before !== '' && fragment.startsWith(before[before.length - 1]) ? fragment.slice(1) : fragment;
  }

  /** The shift (−1, 0, +1 columns) that puts the most cells into whole (三级指标, 指标值) pairs. */
  private bestShift(cells: Cell[], candidates: number[]): number {
    let best = candidates[0];
    let bestScore = -Infinity;
    for (const shift of candidates) {
      let score = 0;
      for (const pair of this.pairs) {
        const name = cells.some((cell) => cell.index === pair.column + shift);
        const value = cells.some((cell) => cell.index === pair.column + shift + 1);
        score += name && value ? 2 : name ? -1 : value ? -1.5 : 0; // a lone fragment is more often a wrapped name
      }
      const outside = cells.filter((cell) => !this.pairs.some((pair) => cell.index === pair.column + shift || cell.index === pair.column + shift + 1)).length;
      score -= outside * 3;
      if (score > bestScore || (score === bestScore && shift === this.shift)) {
        best = shift;
        bestScore = score;
      }
    }
    return best;
  }

  private readPairs(row: TextRow, cells: Cell[]): void {
    if (cells.length === 0) return;
    const order = [this.shift, ...[0, -1, 1].filter((shift) => shift !== this.shift)];
    const shift = this.bestShift(cells, order);
    this.shift = shift;
    for (const pair of this.pairs) {
      const name = cells.find((cell) => cell.index === pair.column + shift)?.text ?? '';
      const value = cells.find((cell) => cell.index === pair.column + shift + 1)?.text ?? '';
      if (name === '' && value === '') continue;
      const last = this.lastPair[pair.level1];
      if (name !== '' && value !== '' && !(last !== undefined && continuesTarget(last.target, value))) this.addIndicator(pair.level1, name, value);
      else this.appendFragment(row, pair.level1, name, value);
    }
  }

  private addIndicator(level1: string, name: string, target: string): void {
    const indicator: DatasetIndicator = { level1, level2: null, name: closeCjkGaps(name), description: null, target: closeCjkGaps(target), basis: null, remark: null };
    const project = (this.project as SheetRead<DatasetProject>).sheet;
    const at = this.insertionIndex(project.indicators, level1);
    project.indicators.splice(at, 0, indicator);
    this.lastPair[level1] = indicator;
    this.lastLevel1 = level1;
  }

  /** Indicators are kept column by column (成本, 产出, 效益, 满意度), each in the order of its rows. */
  private insertionIndex(indicators: DatasetIndicator[], level1: string): number {
    const rank = (name: string): number => this.pairs.findIndex((pair) => pair.level1 === name);
    const mine = rank(level1);
    let at = indicators.length;
    while (at > 0 && rank(indicators[at - 1].level1) > mine) at -= 1;
    return at;
  }

  private appendFragment(row: TextRow, level1: string, name: string, value: string): void {
    const last = this.lastPair[level1];
    if (last === undefined) {
      this.problems.push(problem('ROW_UNREADABLE', `第 ${row.line} 行：${level1}「${name || value}」缺少${name ? '指标值' : '指标名称'}，未导入`, 'warning', row.line));
      return;
    }
    if (name !== '') last.name = joinFragment(last.name, this.dropRepeat(last.name, name));
    if (value !== '') last.target = joinFragment(last.target, this.dropRepeat(last.target, value));
  }

  /** A pair written left of the 一级指标 columns (a PDF lost its empty cells): read for the column last written. */
  private readStrayPair(row: TextRow, cells: Cell[]): void {
    const texts = cells.map((cell) => cell.text);
    if (texts.length === 2 && this.lastLevel1 !== null) {
      this.addIndicator(this.lastLevel1, texts[0], texts[1]);
      return;
    }
    this.problems.push(problem('ROW_UNREADABLE', `第 ${row.line} 行：汇总表中这一行的列无法对应，未导入`, 'warning', row.line));
  }
}
