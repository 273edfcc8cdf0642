// The rules of `jixiao.dataset/v1` that clients may rely on: error codes, limits and each object's fields.
import type { Dataset } from './dataset.types';

/** Stable error codes. Clients may switch on them; the message is for people. */
export type DatasetErrorCode =
  /** a field is missing */
  | 'REQUIRED'
  /** a value has the wrong JSON type, or is null where null is not allowed, or is not an integer */
  | 'TYPE'
  /** `format` is not `jixiao.dataset/v1` */
  | 'FORMAT'
  /** an amount is not a decimal string in 元 with exactly two decimals */
  | 'MONEY'
  /** a number is outside its range (fiscalYear 2000..2100, month 1..12, an amount beyond MAX_MONEY) */
  | 'RANGE'
  /** spending-plan months are not strictly increasing */
  | 'ORDER'
  /** a string that must say something is empty or blank */
  | 'EMPTY'
  /** a field the format does not define (often a typo) */
  | 'UNKNOWN_FIELD'
  /** a unit code or unit name occurs twice, or a project code twice for one unit */
  | 'DUPLICATE'
  /** a project's unitCode names no unit in `units` */
  | 'REFERENCE'
  /** a text is longer than its column (or the editor) allows: {@link DATASET_TEXT_LIMITS} */
  | 'TOO_LONG'
  /** an amount is negative (import: the editor's money rules, checkDatasetMoneyRules) */
  | 'NEGATIVE'
  /** a project's fiscal + other is not its total, or a department's basic + project is not its budget total (import) */
  | 'PARTS'
  /** more errors exist than are reported; only ever the last entry */
  | 'TOO_MANY_ERRORS';

export interface DatasetError {
  /** Position in the file, e.g. `projects[3].indicators[2].target`; `""` is the whole file. */
  path: string;
  code: DatasetErrorCode;
  /** Chinese first, then English: `<path>：<中文>（got <value>）/ <English>`. */
  message: string;
}

export type DatasetValidationResult = { ok: true; dataset: Dataset } | { ok: false; errors: DatasetError[] };

export interface ValidateDatasetOptions {
  /** At most this many errors are reported (default {@link MAX_DATASET_ERRORS}); if there are more, one `TOO_MANY_ERRORS` entry follows them and checking stops. */
  maxErrors?: number;
}

export const MAX_DATASET_ERRORS = 100;

/** A decimal string in 元 with exactly two decimals, e.g. `"410000.00"`, `"-12.50"`. */
export { SIGNED_WIRE_MONEY_PATTERN as DATASET_MONEY_PATTERN } from '@jixiao/domain/money';

/**
 * The longest text each field may hold, in characters (code points, as PostgreSQL counts them): the
 * column's length where it is a varchar (organizations, projects, indicators' levels), else the
 * editor's limit for the same field (update-target-sheet / update-project DTOs), so an import holds
 * nothing the editor would refuse.
 */
export const DATASET_TEXT_LIMITS = {
  source: 2000,
  region: 100, // organizations.region
  departmentCode: 64, // organizations.code
  departmentName: 200, // organizations.name
  unitCode: 64,
  unitName: 200,
  projectCode: 64, // projects.code
  projectName: 300, // projects.name
  projectCategory: 100, // projects.category
  projectPurpose: 4000,
  goal: 2000, // each 绩效目标
  taskName: 300,
  taskContent: 2000,
  level1: 100, // indicators.level1
  level2: 100, // indicators.level2
  indicatorName: 500,
  target: 500,
  description: 2000,
  basis: 2000,
  remark: 2000,
} as const;

export const DATASET_FISCAL_YEAR_MIN = 2000;
export const DATASET_FISCAL_YEAR_MAX = 2100;

// Field lists, in the format's order (serializeDataset uses the same order).
export const DATASET_KEYS = ['format', 'fiscalYear', 'source', 'region', 'department', 'units', 'departmentSheet', 'projects'] as const;
export const DATASET_DEPARTMENT_KEYS = ['code', 'name'] as const;
export const DATASET_UNIT_KEYS = ['code', 'name'] as const;
export const DATASET_SHEET_KEYS = ['goals', 'tasks', 'budget', 'indicators'] as const;
export const DATASET_TASK_KEYS = ['name', 'content', 'amount'] as const;
export const DATASET_BUDGET_KEYS = ['total', 'basic', 'project'] as const;
export const DATASET_PROJECT_KEYS = ['code', 'name', 'unitCode', 'category', 'amount', 'purpose', 'goals', 'spendingPlan', 'indicators'] as const;
export const DATASET_PROJECT_AMOUNT_KEYS = ['total', 'fiscal', 'other'] as const;
export const DATASET_SPENDING_POINT_KEYS = ['month', 'cumulativeAmount'] as const;
export const DATASET_INDICATOR_KEYS = ['level1', 'level2', 'name', 'description', 'target', 'basis', 'remark'] as const;
