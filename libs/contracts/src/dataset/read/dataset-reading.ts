// What a reader of a department's own files makes of them (issue 11): published 绩效目标表 pasted as
// text, or xlsx workbooks in the national layouts, read into the interchange format `jixiao.dataset/v1`.
import type { Dataset } from '../dataset.types';

/** Something a reader could not read, or read with doubt, named by where it is. */
export interface ReadProblem {
  /** Stable code, e.g. `TABLE_WITHOUT_INDICATORS`, `ROW_UNREADABLE`, `AMOUNT_UNREADABLE`. */
  code: string;
  /** Chinese first: what was not read and why, as a user would be told. */
  message: string;
  /** 'error': that part was not imported; 'warning': imported, but check it. */
  severity: 'error' | 'warning';
  /** The workbook tab (工作表) name; null for pasted text. */
  tab: string | null;
  /** 1-based row of the tab, or 1-based line of the pasted text; null where the problem has no one place. */
  row: number | null;
  /** Column letter of the tab (A, B, …) or the column's header as read; null for text or whole rows. */
  column: string | null;
}

/** Where a sheet of a dataset was read from (for the preview: "工作表 X 第 n 行起"). */
export interface ReadOrigin {
  /** 'department' = the department-wide sheet; otherwise the project's index in `dataset.projects`. */
  sheet: 'department' | number;
  tab: string | null;
  /** 1-based first row / line of the table. */
  row: number;
  /**
   * 分值 of each indicator of the sheet as written (parallel to its `indicators`), where the table has a
   * 分值 / 权重 column: the dataset format has no field for it. Absent when the table has none.
   */
  indicatorWeights?: (string | null)[];
  /** A project's 实施单位 as written, where it was given without a code (its `unitCode` is then null). */
  unitName?: string | null;
}

/** One department's year as read, with where each sheet came from. */
export interface ReadDataset {
  dataset: Dataset;
  origins: ReadOrigin[];
}

/** Everything one file or one pasted text gave: a dataset per 主管部门 × year found, and the problems. */
export interface DatasetReading {
  datasets: ReadDataset[];
  problems: ReadProblem[];
}
