/** The shapes a table reader passes around (kept apart so that the readers do not import each other). */
import type { DatasetDepartmentSheet, DatasetProject } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import type { MoneyUnit } from './amounts';
import type { TabGrid } from './grid';
import type { LabelHit } from './header-block';

/** Where a table lies in its tab. */
export interface TableBlock {
  kind: 'project' | 'department';
  /** The row of its first label (项目名称, 部门名称 …) or of its indicator header. */
  anchorRow: number;
  /** The indicator header row, null when the table has none. */
  headerRow: number | null;
  /** The first row after the table (the next table's anchor, or past the tab's last row). */
  end: number;
  /** The first row of its title lines (after the previous table). */
  preambleFrom: number;
}

/** What a table gave, before sheets are grouped by department and year. */
export interface ReadTable {
  kind: 'project' | 'department';
  tab: string;
  row: number;
  year: number | null;
  department: { code: string | null; name: string } | null;
  unit: { code: string | null; name: string } | null;
  /** Null when the table cannot be imported (the reason is among the problems). */
  project: DatasetProject | null;
  departmentSheet: DatasetDepartmentSheet | null;
  weights: (string | null)[] | null;
  /** The row the table's indicators ended before. */
  stopRow: number;
}

/** A table being read: its tab, its money unit, the labels of its header block. */
export interface TableContext {
  grid: TabGrid;
  block: TableBlock;
  tab: string;
  problems: ReadProblem[];
  unit: MoneyUnit;
  /** True when no line or label states the unit (万元 is then assumed). */
  assumedUnit: boolean;
  hits: LabelHit[];
}

