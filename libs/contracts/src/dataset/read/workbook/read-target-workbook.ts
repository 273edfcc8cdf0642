/**
 * readTargetWorkbook: the 绩效目标表 of a workbook (issue 11) — 项目支出绩效目标表 and 部门整体支出绩效
 * 目标表 in the national layouts and their local variants, one table per tab or several in one tab —
 * read into datasets (`jixiao.dataset/v1`), one per 主管部门 × year, with every problem named by tab,
 * row and column. Pure: the workbook comes as displayed text (GridWorkbook, see grid.ts).
 */
import { DATASET_FORMAT, type Dataset } from '../../dataset.types';
import type { DatasetReading, ReadDataset, ReadProblem } from '../dataset-reading';
import { TabGrid, type GridWorkbook } from './grid';
import { indicatorHeaderAt } from './indicator-table';
import { labelKey, matchHeaderLabel } from './labels';
import { readDepartmentTable, readProjectTable } from './table-reader';
import type { ReadTable, TableBlock } from './table-types';

export interface ReadTargetWorkbookOptions {
  /** The year to use where a table states none. */
  fiscalYear?: number;
  /** The datasets' region (the format's `region`). */
  region?: string | null;
}

const DEPARTMENT_ANCHOR = /^(?:部门(?:\(单位\))?名称|部门单位名称|单位\(部门\)名称|单位名称)$/;

/** The tables of a tab, in order. */
export function findTables(grid: TabGrid): TableBlock[] {
  const blocks: TableBlock[] = [];
  const state: { current: TableBlock | null } = { current: null };
  const start = (kind: TableBlock['kind'], row: number): TableBlock => {
    const block: TableBlock = { kind, anchorRow: row, headerRow: null, end: grid.rowCount + 1, preambleFrom: 1 };
    if (state.current !== null) state.current.end = row;
    blocks.push(block);
    state.current = block;
    return block;
  };
  for (let row = 1; row <= grid.rowCount; row++) {
    const open = state.current;
    const inHeader = open !== null && open.headerRow === null;
    const labels = grid.cells(row).map((cell) => matchHeaderLabel(cell.text)).filter((m) => m !== null);
    if (labels.some((label) => label.field === 'projectName')) {
      if (!(inHeader && open.kind === 'project' && !hasLabelBefore(grid, open, row, 'projectName'))) start('project', row);
    } else if (labels.some((label) => label.field === 'department' && DEPARTMENT_ANCHOR.test(label.key))) {
      if (!(inHeader && open.kind === 'project')) start('department', row);
    } else if (labels.some((label) => label.field === 'tasks' || /^年度履职目标/.test(label.key)) && !inHeader) {
      start('department', row);
    }
    if (indicatorHeaderAt(grid, row) !== null) {
      const block = state.current ?? start('project', row);
      if (block.headerRow === null) block.headerRow = row;
    }
  }
  return blocks;
}

function hasLabelBefore(grid: TabGrid, block: TableBlock, row: number, field: 'projectName'): boolean {
  for (let r = block.anchorRow; r < row; r++) {
    if (grid.cells(r).some((cell) => matchHeaderLabel(cell.text)?.field === field)) return true;
  }
  return false;
}

/** Reads every 绩效目标表 of the workbook. */
export function readTargetWorkbook(workbook: GridWorkbook, options: ReadTargetWorkbookOptions = {}): DatasetReading {
  const problems: ReadProblem[] = [...(workbook.problems ?? [])];
  const tables: ReadTable[] = [];
  for (const tab of workbook.tabs) {
    const grid = new TabGrid(tab);
    const where = { tab: tab.name, row: null, column: null };
    if (grid.rowCount === 0 || Array.from({ length: grid.rowCount }, (_, i) => grid.blank(i + 1)).every(Boolean)) {
      problems.push({ code: 'TAB_EMPTY', message: `工作表「${tab.name}」为空，已跳过`, severity: 'warning', ...where });
      continue;
    }
    const blocks = findTables(grid);
    if (blocks.length === 0) {
      problems.push({ code: 'TAB_SKIPPED', message: `工作表「${tab.name}」中没有绩效目标表（项目名称、部门名称或一级指标表头），已跳过`, severity: 'warning', ...where });
      continue;
    }
    let preambleFrom = 1;
    for (const block of blocks) {
      block.preambleFrom = preambleFrom;
      const table = block.kind === 'project' ? readProjectTable(grid, block, tab.name, problems) : readDepartmentTable(grid, block, tab.name, problems);
      tables.push(table);
      preambleFrom = table.stopRow;
    }
  }
  if (tables.length === 0) {
    problems.push({ code: 'NO_TARGET_TABLES', message: '工作簿中没有找到绩效目标表（项目支出或部门整体支出绩效目标表）', severity: 'error', tab: null, row: null, column: null });
  }
  return { datasets: group(tables, options, problems), problems };
}

function group(tables: ReadTable[], options: ReadTargetWorkbookOptions, problems: ReadProblem[]): ReadDataset[] {
  const departments = distinctDepartments(tables);
  const years = new Set(tables.map((table) => table.year).filter((year) => year !== null));
  const fallbackYear = options.fiscalYear ?? (years.size === 1 ? [...years][0] : null);
  const datasets = new Map<string, ReadDataset>();
  for (const table of tables) {
    if (table.project === null && table.departmentSheet === null) continue;
    const where = { tab: table.tab, row: table.row, column: null };
    const department = table.department ?? (departments.length === 1 ? departments[0] : null);
    const fiscalYear = table.year ?? fallbackYear;
    if (department === null || department.name === '') {
      problems.push({ code: 'DEPARTMENT_MISSING', message: '表格没有主管部门（部门名称），无法确定归属，未导入', severity: 'error', ...where });
      continue;
    }
    if (fiscalYear === null) {
      problems.push({ code: 'YEAR_MISSING', message: '表格没有注明预算年度，请在导入时选择年度', severity: 'error', ...where });
      continue;
    }
    const key = `${labelKey(department.name)}|${fiscalYear}`;
    let read = datasets.get(key);
    if (read === undefined) {
      const code = departments.find((d) => labelKey(d.name) === labelKey(department.name))?.code ?? department.code;
      const dataset: Dataset = {
        format: DATASET_FORMAT,
        fiscalYear,
        source: null,
        region: options.region ?? null,
        department: { code, name: department.name },
        units: [],
        departmentSheet: null,
        projects: [],
      };
      read = { dataset, origins: [] };
      datasets.set(key, read);
    }
    const { dataset, origins } = read;
    const extra = table.weights === null ? {} : { indicatorWeights: table.weights };
    if (table.departmentSheet !== null) {
      if (dataset.departmentSheet !== null) {
        problems.push({ code: 'DEPARTMENT_SHEET_DUPLICATE', message: `「${department.name}」${fiscalYear} 年的部门整体绩效目标表出现了两次，只导入第一张`, severity: 'error', ...where });
        continue;
      }
      dataset.departmentSheet = table.departmentSheet;
      origins.push({ sheet: 'department', tab: table.tab, row: table.row, ...extra });
    } else if (table.project !== null) {
      const unit = table.unit;
      if (unit !== null && unit.code !== null && unit.name !== '' && !dataset.units.some((u) => u.code === unit.code)) {
        dataset.units.push({ code: unit.code, name: unit.name });
      }
      dataset.projects.push(table.project);
      origins.push({ sheet: dataset.projects.length - 1, tab: table.tab, row: table.row, unitName: unit?.name ?? null, ...extra });
    }
  }
  return [...datasets.values()];
}

/** The departments the tables name, codes merged where one table gives the code and another only the name. */
function distinctDepartments(tables: ReadTable[]): { code: string | null; name: string }[] {
  const found: { code: string | null; name: string }[] = [];
  for (const table of tables) {
    const department = table.department;
    if (department === null || department.name === '') continue;
    const known = found.find((d) => labelKey(d.name) === labelKey(department.name));
    if (known === undefined) found.push({ ...department });
    else if (known.code === null) known.code = department.code;
  }
  return found;
}
