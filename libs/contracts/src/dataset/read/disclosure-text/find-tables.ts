// Finding the 绩效目标表 among the other tables of a published budget: a project table starts at its
// 项目名称 row, a department-wide table at its 部门（单位）名称 row followed by 年度主要任务 / 年度履职目标,
// a summary table (项目绩效目标汇总表) at its 单位编码（项目编码） header. Titles and 注 lines end a table.
import { labelKey } from './text-normalise';
import { filledCells, type TextRow } from './text-rows';

export type TableKind = 'project' | 'department' | 'summary';

/** A table found: its kind and the rows it spans (start inclusive, end exclusive, indexes into the rows). */
export interface FoundTable {
  kind: TableKind;
  start: number;
  end: number;
}

/** The first filled cell's label key, or ''. */
export function firstKey(row: TextRow): string {
  const first = filledCells(row)[0];
  return first === undefined ? '' : labelKey(first.text);
}

const DEPARTMENT_LABEL = /^(部门(\(单位\))?名称|单位名称)/;
const DEPARTMENT_PARTS = /^(年度主要任务|年度履职目标|年度总体目标|任务名称|部门整体绩效目标)/;

/** `项目名称 …`, or `项目编码 … 项目名称 …` where the code comes first in the same row. */
function isProjectStart(row: TextRow): boolean {
  const key = firstKey(row);
  if (key.startsWith('项目名称')) return true;
  return key.startsWith('项目编码') && labelKey(row.cells.join('')).includes('项目名称');
}

function isDepartmentStart(rows: TextRow[], index: number): boolean {
  if (!DEPARTMENT_LABEL.test(firstKey(rows[index]))) return false;
  for (let i = index + 1; i < Math.min(rows.length, index + 7); i += 1) {
    if (DEPARTMENT_PARTS.test(firstKey(rows[i]))) return true;
  }
  return false;
}

/** The header row of a summary table: 单位编码（项目编码） | 项目单位（项目名称） | 项目金额 … */
export function isSummaryHeader(row: TextRow): boolean {
  return row.cells.some((cell) => /^(单位编码\(项目编码\)|项目单位\(项目名称\))/.test(labelKey(cell)));
}

/** A line that ends whatever table came before: a table title, a 注 line, a heading of the document. */
function isTerminator(row: TextRow): boolean {
  const filled = filledCells(row);
  if (filled.length === 0) return false;
  const key = labelKey(filled.map((cell) => cell.text).join(''));
  if (/^注[:：]?\d*[、.]?/.test(key) && key.length > 2) return true;
  if (filled.length === 1 && /(表|绩效目标表|汇总表)$/.test(key) && key.length <= 80) return true;
  if (filled.length === 1 && /^表\d+$/.test(key)) return true;
  if (filled.length === 1 && /^[一二三四五六七八九十]{1,3}、[^,，。；;]{2,30}$/.test(key)) return true; // a heading of the document (`八、政府采购预算情况`)
  return /^(预算\d+表|部门预算\d+表)$/.test(key);
}

/** The 绩效目标表 of a text, in order. Summary tables continued over several pages come as several tables. */
export function findTables(rows: TextRow[]): FoundTable[] {
  const tables: FoundTable[] = [];
  let current: FoundTable | null = null;
  const close = (end: number): void => {
    if (current !== null) {
      current.end = end;
      tables.push(current);
      current = null;
    }
  };
  rows.forEach((row, index) => {
    let kind: TableKind | null = null;
    if (isSummaryHeader(row)) kind = 'summary';
    else if (isProjectStart(row)) kind = 'project';
    else if (isDepartmentStart(rows, index)) kind = 'department';
    if (kind !== null) {
      close(index);
      current = { kind, start: index, end: rows.length };
    } else if (isTerminator(row)) {
      close(index);
    }
  });
  close(rows.length);
  return tables;
}
