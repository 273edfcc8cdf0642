/**
 * Indicator rows pasted (粘贴) from a spreadsheet into the editor's indicator table: the clipboard's
 * text as Excel, WPS and LibreOffice write it (cells split by tabs, rows by CRLF or LF, a cell with a
 * tab, a line break or a quote written in double quotes with its quotes doubled), read as rows of
 * 一级指标, 二级指标, 三级指标, 指标值 and an optional 分值 — or, when a header row is pasted along, in
 * the columns that header names (the national layout's 指标性质 + 指标值 + 度量单位 among them).
 * Cells that Excel leaves empty under a merged 一级/二级 cell take the value above. What cannot be
 * read is named by row, never silently dropped.
 */

/** One indicator understood from the pasted text. */
export interface PastedIndicator {
  /** The row of the pasted table it came from (1-based, blank rows counted). */
  row: number;
  level1: string; // 一级指标
  level2: string; // 二级指标, '' when none
  name: string; // 三级指标
  target: string; // 指标值 as written (the target parser reads it)
  weight: string | null; // 分值, a decimal string as the API takes it
}

export type PasteProblemCode =
  | 'TOO_FEW_CELLS' // fewer columns than 一级, 二级, 三级, 指标值
  | 'NO_LEVEL1' // no 一级指标, and none above to carry down
  | 'NO_NAME' // no 三级指标
  | 'BAD_WEIGHT' // a 分值 that is not a number (the row is kept without it)
  | 'EXTRA_CELLS' // text right of the columns read (ignored)
  | 'UNCLOSED_QUOTE'; // a cell opened with a quote that never closes (read as written)

/** Something in the pasted text that was not taken as it stands, in Chinese, by row. */
export interface PasteProblem {
  code: PasteProblemCode;
  row: number;
  /** True when the row was left out; false when it was taken with this remark. */
  skipped: boolean;
  message: string;
}

export interface PastedIndicators {
  indicators: PastedIndicator[];
  problems: PasteProblem[];
  /** The header rows recognised (and not taken as indicators), by row. */
  headerRows: number[];
}

/** Where each field is in a row: positions of the pasted columns. */
interface Columns {
  level1: number;
  level2: number;
  name: number;
  target: number;
  weight: number | null;
  /** 指标性质 (≥, ≤, =, 定性) and 度量单位 of the national layout, written around the 指标值. */
  nature: number | null;
  unit: number | null;
  /** How many columns a row needs (up to the 指标值). */
  needed: number;
  /** Columns that are read or that a pasted header names; text in any other is reported. */
  read: ReadonlySet<number>;
}

const POSITIONAL: Columns = columns({ level1: 0, level2: 1, name: 2, target: 3, weight: 4, nature: null, unit: null });

/** The header words of each field (after NFKC, without spaces or brackets' content). */
const HEADER_WORDS: ReadonlyArray<[keyof Omit<Columns, 'needed' | 'read'>, RegExp]> = [
  ['level1', /^一级(指标)?$/],
  ['level2', /^二级(指标)?$/],
  ['name', /^(三级(指标)?|指标名称|三级指标名称|绩效指标)$/],
  ['target', /^(年度)?(指标值|目标值|绩效指标值|指标目标值|预期目标值?)$/],
  ['weight', /^(分值|权重|指标分值|指标权重|分值权重)$/],
  ['nature', /^指标性质$/],
  ['unit', /^(度量|计量)单位$/],
];
/** Other columns of published tables that a header may name (recognised, not read). */
const OTHER_HEADERS = /^(序号|指标解释|指标说明|评\(扣\)分标准|评分标准|扣分标准|指标值确定依据|备注|上年(指标值|实际完成值))$/;

/** A 指标性质 that is a comparison (written before the 指标值); 定性/定量/正向 are not. */
const COMPARISON_NATURE = /^(≥|≤|>|<|=|>=|<=|≧|≦|大于等于|小于等于|大于|小于|等于|不低于|不高于|不少于|不多于|不超过|不小于|不大于)$/;
/** A 指标值 that already says its comparison. */
const COMPARISON_START = /^(≥|≤|>|<|=|≧|≦|≠|大于|小于|等于|不低于|不高于|不少于|不多于|不超过|不小于|不大于|至少|最多)/;

/**
 * Splits a spreadsheet's clipboard text into rows of cells (Excel's quoting, CRLF, LF or CR). A final
 * line break ends the last row, it does not start an empty one. `unclosed` lists the rows where a
 * quote opened a cell and never closed: that cell is read as written, quote included.
 */
export function splitClipboardTable(text: string): { rows: string[][]; unclosed: number[] } {
  const rows: string[][] = [];
  const unclosed: number[] = [];
  let cells: string[] = [];
  let i = 0;
  const endRow = () => {
    rows.push(cells);
    cells = [];
  };
  while (i <= text.length) {
    if (i === text.length) {
      if (cells.length > 0) endRow();
      break;
    }
    let cell = '';
    if (text[i] === '"') {
      const quoted = readQuoted(text, i);
      if (quoted === null) unclosed.push(rows.length + 1);
      else {
        cell = quoted.cell;
        i = quoted.end;
      }
    }
    while (i < text.length && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
    cells.push(cell);
    if (i >= text.length) {
      endRow();
      break;
    }
    const separator = text[i];
    i += separator === '\r' && text[i + 1] === '\n' ? 2 : 1;
    if (separator !== '\t') endRow();
    else if (i === text.length) cells.push('');
  }
  return { rows, unclosed };
}

/** A quoted cell starting at `start`: its text (quotes undoubled) and where reading goes on; null when it never closes. */
function readQuoted(text: string, start: number): { cell: string; end: number } | null {
  let cell = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      return { cell, end: i + 1 };
    }
    cell += text[i++];
  }
  return null;
}

/**
 * True when pasted text is a table (some row has two cells or more), which the editor takes as rows;
 * false for the text of one cell, which pastes into the field as usual.
 */
export function isPastedTable(text: string): boolean {
  return splitClipboardTable(text).rows.some((cells) => cells.filter((cell) => clean(cell) !== '').length >= 2);
}

/** Reads pasted rows as indicators, with what could not be taken named by row. */
export function readPastedIndicators(text: string): PastedIndicators {
  const { rows, unclosed } = splitClipboardTable(text);
  const indicators: PastedIndicator[] = [];
  const problems: PasteProblem[] = [];
  const headerRows: number[] = [];
  let layout = POSITIONAL;
  let above: { level1: string; level2: string } | null = null;
  rows.forEach((raw, index) => {
    const row = index + 1;
    const cells = raw.map(clean);
    if (unclosed.includes(row)) {
      problems.push({ code: 'UNCLOSED_QUOTE', row, skipped: false, message: `第 ${row} 行有一个以引号开头却没有结束引号的单元格，已按原文读取，请核对。` });
    }
    if (cells.every((cell) => cell === '')) return;
    const header = headerColumns(cells);
    if (header !== null) {
      layout = header;
      headerRows.push(row);
      above = null;
      return;
    }
    const width = lastFilled(cells) + 1;
    if (width < layout.needed && cells.length < layout.needed) {
      problems.push({ code: 'TOO_FEW_CELLS', row, skipped: true, message: `第 ${row} 行只有 ${width} 列，未导入：每行须依次为一级指标、二级指标、三级指标、指标值（分值可选）。` });
      return;
    }
    const level1 = cells[layout.level1] ?? '';
    const ownLevel2 = cells[layout.level2] ?? '';
    if (level1 === '' && above === null) {
      problems.push({ code: 'NO_LEVEL1', row, skipped: true, message: `第 ${row} 行未填写一级指标，上方也没有可沿用的一级指标，未导入。` });
      return;
    }
    // a merged 一级 cell: Excel writes its text in the first row only; a new 一级 group starts a new 二级 cell
    const group = level1 === '' && above !== null ? { level1: above.level1, level2: ownLevel2 === '' ? above.level2 : ownLevel2 } : { level1, level2: ownLevel2 };
    above = group;
    const name = cells[layout.name] ?? '';
    if (name === '') {
      problems.push({ code: 'NO_NAME', row, skipped: true, message: `第 ${row} 行未填写三级指标名称，未导入。` });
      return;
    }
    const extra = cells.findIndex((cell, column) => cell !== '' && !layout.read.has(column));
    if (extra >= 0) {
      problems.push({ code: 'EXTRA_CELLS', row, skipped: false, message: `第 ${row} 行第 ${extra + 1} 列起的内容「${cells[extra]}」不属于可导入的列，已忽略。` });
    }
    indicators.push({ row, ...group, name, target: targetText(cells, layout), weight: readWeight(cells, layout, row, problems) });
  });
  return { indicators, problems, headerRows };
}

/** The 指标值, with the national layout's 指标性质 before it and 度量单位 after it. */
function targetText(cells: readonly string[], layout: Columns): string {
  const value = cells[layout.target] ?? '';
  const nature = layout.nature === null ? '' : (cells[layout.nature] ?? '');
  const unit = layout.unit === null ? '' : (cells[layout.unit] ?? '');
  if (value === '') return '';
  const sign = COMPARISON_NATURE.test(nature.normalize('NFKC').replace(/\s/g, '')) ? nature : '';
  const withUnit = unit !== '' && !value.endsWith(unit) ? `${value}${unit}` : value;
  return COMPARISON_START.test(value.normalize('NFKC')) ? withUnit : `${sign}${withUnit}`;
}

/** The 分值 as the API takes it (`10`, `2.5`); null when blank; a BAD_WEIGHT remark when not a number. */
function readWeight(cells: readonly string[], layout: Columns, row: number, problems: PasteProblem[]): string | null {
  if (layout.weight === null) return null;
  const text = cells[layout.weight] ?? '';
  if (text === '') return null;
  const weight = text.normalize('NFKC').replace(/\s/g, '').replace(/分$/, '');
  if (/^\d{1,3}(\.\d{1,2})?$/.test(weight)) return weight;
  problems.push({ code: 'BAD_WEIGHT', row, skipped: false, message: `第 ${row} 行的分值「${text}」不是不超过两位小数的非负数，已导入该指标但未填分值。` });
  return null;
}

/** The columns a header row names; null when the row is not a header (fewer than two known header words). */
function headerColumns(cells: readonly string[]): Columns | null {
  const found: Partial<Record<keyof Omit<Columns, 'needed' | 'read'>, number>> = {};
  let known = 0;
  cells.forEach((cell, column) => {
    const word = cell.normalize('NFKC').replace(/\s/g, '').replace(/\(.*\)$/, '');
    const field = HEADER_WORDS.find(([, pattern]) => pattern.test(word))?.[0];
    if (field !== undefined && found[field] === undefined) {
      found[field] = column;
      known++;
    } else if (OTHER_HEADERS.test(cell.normalize('NFKC').replace(/\s/g, ''))) known++;
  });
  if (known < 2 || found.level1 === undefined || found.name === undefined || found.target === undefined) return null;
  const at = { level1: found.level1, level2: found.level2 ?? null, name: found.name, target: found.target, weight: found.weight ?? null, nature: found.nature ?? null, unit: found.unit ?? null };
  // the columns the header names but that are not read (序号, 指标解释, 备注…) are expected to hold text
  const named = cells.flatMap((cell, column) => (cell === '' ? [] : [column]));
  return columns(at, named);
}

function columns(
  at: { level1: number; level2: number | null; name: number; target: number; weight: number | null; nature: number | null; unit: number | null },
  named: readonly number[] = [],
): Columns {
  // a table without a 二级 column reads its 二级 from a column that is never there
  const level2 = at.level2 ?? -1;
  const positions = [at.level1, level2, at.name, at.target, at.weight, at.nature, at.unit].filter((p): p is number => p !== null && p >= 0);
  return { ...at, level2, needed: Math.max(at.level1, level2, at.name, at.target) + 1, read: new Set([...positions, ...named]) };
}

/**
 * A cell as its text reads: a line break inside a cell (Alt+Enter, or a wrap copied from a PDF) is
 * joined — with nothing between two Chinese characters, with a space otherwise — and the ends trimmed
 * of every kind of space (full-width, no-break, zero-width).
 */
function clean(cell: string): string {
  return cell
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[ \t\u00a0\u3000]*(\r\n|\r|\n)[ \t\u00a0\u3000]*/g, (_, __, offset: number, whole: string) => {
      const before = whole.slice(0, offset).trimEnd().slice(-1);
      const after = whole.slice(offset).trimStart().slice(0, 1);
      return isHan(before) || isHan(after) ? '' : ' ';
    })
    .trim();
}

function isHan(char: string): boolean {
  return /[\p{Script=Han}，。、；：（）《》“”％]/u.test(char);
}

function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i;
  return -1;
}
