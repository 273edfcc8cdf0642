// The indicator rows of a 绩效目标表 whose columns a PDF extraction separated by single spaces, with cells
// wrapped over several lines and the fragments of several columns on one line:
//
//   数量指标                                     ← 二级指标 (starts a row)
//   召开医保工作县级政策吹风                       ← 三级指标, first line
//   会议次数                                     ← 三级指标, rest
//   召开医保工作县级政策吹风会议次数 ≥2 次          ← 绩效指标描述 and 指标值
//   医疗保障管 / 理事务                            ← 指标值确定依据, over two lines
//
// A row starts at a line led by a 一级/二级指标 word (or, where 二级 cells are merged, at a second 指标值).
// Its cells are the pieces of its lines in column order; a 指标值 that can only be one (`≥90 百分比`) splits
// the row into the columns before and after it, and where there are more pieces than columns the pieces
// are joined across the line breaks that look most like a wrap (a long line followed by a shorter one).
import type { DatasetIndicator } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import { isPlaceholder, level1Of, level2Of, stripIndicatorNumbering } from './indicator-vocabulary';
import { headerRoleOf, problem, type Role } from './indicator-rows';
import { isStrongTarget, spacedCells } from './spaced-cells';
import { closeCjkGaps, joinFragment, labelKey } from './text-normalise';
import type { TextRow } from './text-rows';

type TextRole = Exclude<Role, 'level1' | 'level2'>;

/** Header labels a PDF may wrap over several lines (`指标值确定` / `依据`). */
const HEADER_LABELS = ['三级指标', '指标内容', '指标名称', '绩效指标描述', '指标解释', '指标描述', '指标值确定依据', '指标值说明', '指标值', '目标值', '备注', '评分标准', '评(扣)分标准', '分值', '指标性质', '度量单位', '计量单位'];

/** The words of a single-space separated indicator header (`一级指标 二级指标 三级指标 绩效指标描述 指标值`), or null. */
export function spacedHeaderWords(row: TextRow): string[] | null {
  if (row.cells.filter((cell) => cell !== '').length !== 1) return null;
  const words = row.raw.trim().split(/\s+/).map(labelKey);
  const ok = words.some((word) => word.startsWith('一级指标')) && words.some((word) => /^(二级指标|三级指标)/.test(word)) && words.some((word) => /^(指标值|目标值)/.test(word));
  return ok ? words : null;
}

interface RowInProgress {
  line: number;
  level1: string | null;
  level2: string | null;
  lines: string[][];
}

/** Reads the rows below a single-space separated indicator header. */
export class SpacedIndicatorReader {
  readonly indicators: DatasetIndicator[] = [];
  private readonly columns: TextRole[] = [];
  private level1: string | null = null;
  private level2: string | null = null;
  private current: RowInProgress | null = null;
  /** A header label being completed by the lines below the header (`指标值确定` + `依据`). */
  private pendingLabel: string | null = '';
  private headerComplete = false;

  constructor(
    header: string[],
    private readonly problems: ReadProblem[],
  ) {
    // words before 一级指标 name the block (`年度绩效指标`), not a column of its own
    const first = header.findIndex((word) => word.startsWith('一级指标'));
    for (const word of header.slice(Math.max(0, first))) this.addColumn(word);
  }

  private addColumn(word: string): void {
    const role = headerRoleOf(word) ?? 'remark';
    if (role !== 'level1' && role !== 'level2' && (role === 'remark' || !this.columns.includes(role))) this.columns.push(role);
  }

  /** Reads one line of the table body. */
  read(row: TextRow): void {
    const key = labelKey(row.raw);
    if (key === '' || /^(年度)?绩效指标$/.test(key)) return;
    const header = spacedHeaderWords(row);
    if (header !== null) {
      this.pendingLabel = ''; // a header repeated after a page break: its wrapped labels follow again
      return;
    }
    if (this.pendingLabel !== null) {
      const label = this.pendingLabel + key;
      if (HEADER_LABELS.some((known) => known.startsWith(label))) {
        this.pendingLabel = HEADER_LABELS.includes(label) ? '' : label;
        if (HEADER_LABELS.includes(label) && !this.headerComplete) this.addColumn(label);
        return;
      }
      this.pendingLabel = null;
      this.headerComplete = true;
    }
    this.readBodyLine(row);
  }

  /** Ends the table: the last row is added. */
  finish(): void {
    this.flush();
  }

  private readBodyLine(row: TextRow): void {
    const cells = spacedCells(row.raw).filter((cell) => !isPlaceholder(cell)); // template rows: `指标 1:`, `.....`
    let peeled = 0;
    let level1: string | null = null;
    let level2: string | null = null;
    for (const cell of cells) {
      const asLevel1 = level1Of(cell);
      const asLevel2 = level2Of(cell);
      const costUnderOutput = asLevel2 === '成本指标' && (level1 ?? this.level1) === '产出指标';
      if (asLevel1 !== null && level1 === null && level2 === null && !costUnderOutput) level1 = asLevel1;
      else if (asLevel2 !== null && level2 === null) level2 = asLevel2;
      else break;
      peeled += 1;
    }
    const rest = cells.slice(peeled);
    if (level1 !== null || level2 !== null) {
      this.flush();
      if (level1 !== null) {
        this.level1 = level1;
        this.level2 = null;
      }
      if (level2 !== null) this.level2 = level2;
      if (level2 !== null || rest.length > 0) this.current = { line: row.line, level1: this.level1, level2: this.level2, lines: [] };
    } else if (this.current !== null && this.startsAnotherRow(rest)) {
      this.flush();
      this.current = { line: row.line, level1: this.level1, level2: this.level2, lines: [] };
    }
    if (rest.length === 0) return;
    if (this.current === null) this.current = { line: row.line, level1: this.level1, level2: this.level2, lines: [] };
    this.current.lines.push(rest);
  }

  /**
   * Under a merged 二级指标 cell, a line that starts a row of its own: one led by a numbering (`指标2：`), one
   * with a 指标值 after a name where the row already has its 指标值, or one of several cells below a line of
   * several cells that left columns empty (a row read whole, not wrapped: wrapped rows continue several
   * cells at once only below a line filling every column).
   */
  private startsAnotherRow(cells: string[]): boolean {
    const row = this.current as RowInProgress;
    if (row.lines.length === 0) return false;
    if (/^指标\s*\d+\s*[:：]/.test(cells[0] ?? '')) return true;
    const at = cells.findIndex(isStrongTarget);
    if (at > 0 && row.lines.some((line) => line.some(isStrongTarget))) return true;
    const widest = Math.max(...row.lines.map((line) => line.length));
    return cells.length >= 2 && widest >= 2 && widest < this.columns.length;
  }

  private flush(): void {
    const row = this.current;
    this.current = null;
    if (row === null || row.lines.length === 0) return;
    const values = assignColumns(row.lines, this.columns);
    const name = stripIndicatorNumbering(closeCjkGaps(values.get('name') ?? ''));
    const target = closeCjkGaps(values.get('target') ?? '');
    if (name === '' || target === '') {
      const what = name === '' ? `指标值「${target}」没有指标名称` : `指标「${name}」没有指标值`;
      this.problems.push(problem('INDICATOR_INCOMPLETE', `第 ${row.line} 行：${what}，未导入`, 'warning', row.line));
      return;
    }
    if (row.level1 === null) {
      this.problems.push(problem('INDICATOR_WITHOUT_LEVEL1', `第 ${row.line} 行：指标「${name}」前没有一级指标，未导入`, 'error', row.line));
      return;
    }
    const optional = (role: TextRole): string | null => {
      const value = values.get(role);
      return value === undefined || value.trim() === '' ? null : closeCjkGaps(value);
    };
    this.indicators.push({ level1: row.level1, level2: row.level2, name, description: optional('description'), target, basis: optional('basis'), remark: optional('remark') });
  }
}

/**
 * The cells of one table row from its lines of pieces. The line with the most pieces (the first with a
 * 指标值 among equals) is the row's main line; a taller cell wrapped above it (lines before) and below it
 * (lines after). Its 指标值, when it has one that can only be one, puts it in its columns; else it starts at
 * the first column, or the second when a wrapped cell stands above it. A line of several pieces below a
 * main line that fills every column continues several cells at once: its first pieces the leftmost cells,
 * its last the rightmost.
 */
export function assignColumns(lines: string[][], columns: TextRole[]): Map<TextRole, string> {
  const count = columns.length;
  const targetColumn = columns.indexOf('target');
  const most = Math.max(...lines.map((cells) => cells.length));
  const candidates = lines.map((cells, i) => ({ cells, i })).filter(({ cells }) => cells.length === most);
  const mainIndex = (candidates.find(({ cells }) => cells.some(isStrongTarget)) ?? candidates[0]).i;
  const main = [...lines[mainIndex]];
  const strong = main.findIndex(isStrongTarget);
  const before = lines.slice(0, mainIndex).flat();
  let start = strong >= 0 && targetColumn >= 0 ? targetColumn - strong : before.length > 0 ? 1 : 0;
  start = Math.max(0, Math.min(start, count - main.length));
  const after: string[] = [];
  for (const cells of lines.slice(mainIndex + 1)) {
    if (cells.length >= 2 && start + main.length >= count) {
      cells.slice(0, -1).forEach((cell, i) => (main[i] = joinFragment(main[i], cell)));
      after.push(cells[cells.length - 1]);
    } else after.push(...cells);
  }
  if (start === 0 && before.length > 0) main[0] = joinFragment(before.reduce(joinFragment), main[0]); // the top of the first cell
  const cells = [...group(start === 0 ? [] : before, start), ...main];
  const rest = count - cells.length;
  if (rest > 0) cells.push(...group(after, rest));
  else if (after.length > 0) cells[cells.length - 1] = after.reduce(joinFragment, cells[cells.length - 1]);
  while (cells.length > count && cells.length > 1) cells.splice(cells.length - 2, 2, `${cells[cells.length - 2]} ${cells[cells.length - 1]}`);
  const values = new Map<TextRole, string>();
  cells.forEach((text, i) => {
    if (text !== '') values.set(columns[i], text);
  });
  return values;
}

/** How much a line break between two pieces looks like a wrap inside one cell: an unclosed bracket, or a long line then a shorter one. */
function wrapScore(before: string, after: string): number {
  const unclosed = (open: RegExp, close: RegExp): boolean => (before.match(open)?.length ?? 0) > (before.match(close)?.length ?? 0);
  if (unclosed(/[《（(【“]/g, /[》）)】”]/g)) return 1000;
  return labelKey(before).length - labelKey(after).length;
}

/** Joins the pieces of consecutive lines until `count` cells remain, the most wrap-like breaks first; padded with empty cells. */
function group(pieces: string[], count: number): string[] {
  if (count <= 0) return pieces.length === 0 ? [] : [pieces.reduce(joinFragment)];
  const breaks = pieces
    .map((piece, i) => ({ i, score: i === 0 || isStrongTarget(pieces[i - 1]) ? null : wrapScore(pieces[i - 1], piece) }))
    .filter((candidate): candidate is { i: number; score: number } => candidate.score !== null)
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const joined = new Set(breaks.slice(0, Math.max(0, pieces.length - count)).map((candidate) => candidate.i));
  const cells: string[] = [];
  pieces.forEach((text, i) => {
    if (joined.has(i)) cells[cells.length - 1] = joinFragment(cells[cells.length - 1], text);
    else cells.push(text);
  });
  while (cells.length > count) cells.splice(cells.length - 2, 2, joinFragment(cells[cells.length - 2], cells[cells.length - 1]));
  while (cells.length < count) cells.push('');
  return cells;
}
