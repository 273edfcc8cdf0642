// readDisclosureText: published 绩效目标表 pasted as text (from a PDF or a web page) → datasets in the
// interchange format, one per 主管部门 × year, and a problem for everything not read. Never throws on
// what a user may paste.
import type { DatasetReading, ReadProblem } from '../dataset-reading';
import { unitNamed, type AmountUnit } from './amounts';
import { assembleDatasets, type SheetsRead } from './assemble-datasets';
import { documentDepartment } from './document-department';
import { findTables } from './find-tables';
import { problem } from './indicator-rows';
import { readNarrativeDepartment } from './narrative-department';
import { readDepartmentTable } from './read-department-table';
import { readProjectTable } from './read-project-table';
import { SummaryTableReader } from './read-summary-table';
import { foldWidth } from './text-normalise';
import { tokeniseText, type TextRow } from './text-rows';

export interface ReadDisclosureTextOptions {
  /** 预算年度; read from the text (its most frequent `20xx年`) when absent. */
  fiscalYear?: number;
  /** The region of the datasets; when absent, the area the department's name begins with (`汉阴县`). */
  region?: string | null;
}

/** The year a text is about: the most frequent `20xx 年` / `20xx年度` in it, or null. */
export function fiscalYearOf(text: string): number | null {
  const counts = new Map<number, number>();
  for (const match of foldWidth(text).matchAll(/(20\d{2})\s*年/g)) {
    const year = Number(match[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = year;
  return best;
}

/** The unit named in the few lines above a table (`单位：万元`), or null. */
function unitAbove(rows: TextRow[], start: number): AmountUnit | null {
  for (let i = start - 1; i >= Math.max(0, start - 4); i -= 1) {
    const found = rows[i].cells.map((cell) => (/单位/.test(cell) ? unitNamed(cell) : null)).find((unit) => unit !== null);
    if (found) return found;
  }
  return null;
}

export function readDisclosureText(text: string, options: ReadDisclosureTextOptions = {}): DatasetReading {
  const problems: ReadProblem[] = [];
  if (typeof text !== 'string' || text.trim() === '') {
    problems.push(problem('EMPTY_TEXT', '粘贴的文本为空：请粘贴从预算公开文件中复制的绩效目标表', 'error', null));
    return { datasets: [], problems };
  }
  const rows = tokeniseText(text);
  const tables = findTables(rows);
  if (tables.length === 0) {
    problems.push(problem('NO_TABLE_FOUND', '文本中没有找到绩效目标表（项目名称 / 部门名称 / 一级指标 等表头）', 'error', null));
    return { datasets: [], problems };
  }
  const read: SheetsRead = { departmentSheets: [], projects: [], summaries: [] };
  const summary = new SummaryTableReader(problems);
  let previousEnd = 0;
  let summaryUsed = false;
  for (const table of tables) {
    const slice = rows.slice(table.start, table.end);
    if (table.kind === 'project') {
      const project = readProjectTable(slice, unitAbove(rows, table.start), problems);
      if (project !== null) read.projects.push(project);
    } else if (table.kind === 'department') {
      read.departmentSheets.push(readDepartmentTable(slice, problems));
    } else {
      summary.readPage(rows.slice(previousEnd, table.start), slice);
      summaryUsed = true;
    }
    previousEnd = table.end;
  }
  if (summaryUsed) read.summaries.push(summary.result);
  if (read.departmentSheets.length === 0) {
    const narrative = readNarrativeDepartment(rows);
    if (narrative !== null) read.departmentSheets.push(narrative);
  }
  const fiscalYear = options.fiscalYear ?? fiscalYearOf(text);
  if (fiscalYear === null) {
    problems.push(problem('FISCAL_YEAR_UNKNOWN', '文本中没有预算年度（如“2024年”），请指定年度后再导入', 'error', null));
    return { datasets: [], problems };
  }
  const named = [...read.departmentSheets, ...read.projects, ...read.summaries].some((sheet) => sheet.department);
  const datasets = assembleDatasets(read, fiscalYear, options.region, problems, named ? null : documentDepartment(text));
  return { datasets, problems };
}
