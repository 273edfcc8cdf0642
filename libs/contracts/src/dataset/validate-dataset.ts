/**
 * Strict validator for the interchange format `jixiao.dataset/v1` (shared/dataset-format.md).
 *
 * Pure and dependency-free: it runs in Node and in the browser. It never changes its input — when
 * the input is valid it is returned as is, typed as {@link Dataset}, so that exporting it again with
 * `serializeDataset` reproduces the file.
 */
import { DATASET_FORMAT, Dataset } from './dataset.types';

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
  /** a number is outside its range (fiscalYear 2000..2100, month 1..12) */
  | 'RANGE'
  /** spending-plan months are not strictly increasing */
  | 'ORDER'
  /** a string that must say something is empty or blank */
  | 'EMPTY'
  /** a field the format does not define (often a typo) */
  | 'UNKNOWN_FIELD'
  /** a unit code occurs twice */
  | 'DUPLICATE'
  /** a project's unitCode names no unit in `units` */
  | 'REFERENCE'
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
export const DATASET_MONEY_PATTERN = /^-?\d{1,16}\.\d{2}$/;

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

type Obj = Record<string, unknown>;

class TooManyErrors extends Error {}

class Collector {
  readonly errors: DatasetError[] = [];
  constructor(private readonly max: number) {}

  add(path: string, code: DatasetErrorCode, zh: string, en: string, got?: { value: unknown }): void {
    if (this.errors.length >= this.max) {
      this.errors.push({
        path: '',
        code: 'TOO_MANY_ERRORS',
        message: `文件：错误过多，仅列出前 ${this.max} 处 / too many errors, only the first ${this.max} are listed`,
      });
      throw new TooManyErrors();
    }
    const where = path === '' ? '文件' : path;
    // as in `…如 "410000.00"（got 41.5）/ amount must be …`: a full-width bracket needs no space before the slash
    const zhPart = got ? `${zh}（got ${describe(got.value)}）` : `${zh} `;
    this.errors.push({ path, code, message: `${where}：${zhPart}/ ${en}` });
  }
}

/** A short, readable rendering of an offending value. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  const text = typeof value === 'number' ? String(value) : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const TYPE_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: 'null',
};

function key(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(o: Obj, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, name);
}

function typeError(c: Collector, path: string, expected: 'string' | 'integer' | 'object' | 'array', nullable: boolean, value: unknown): void {
  const zhExpected = TYPE_ZH[expected] + (nullable ? '或 null' : '');
  const enExpected = (expected === 'array' || expected === 'object' || expected === 'integer' ? `an ${expected}` : `a ${expected}`) + (nullable ? ' or null' : '');
  if (value === null) {
    c.add(path, 'TYPE', `不能为 null，须为${zhExpected}`, `must not be null, expected ${enExpected}`);
  } else {
    c.add(path, 'TYPE', `须为${zhExpected}`, `expected ${enExpected}, got ${jsonType(value)}`, { value });
  }
}

/** Levenshtein distance, for "did you mean" hints on unknown fields. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

function suggestion(name: string, allowed: readonly string[], present: Obj): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    if (hasOwn(present, candidate) && present[candidate] !== undefined) continue; // already there: not what was meant
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

/** Reports missing and unknown fields; returns nothing — callers check each field they need. */
function checkKeys(c: Collector, o: Obj, path: string, allowed: readonly string[]): void {
  for (const name of allowed) {
    if (!hasOwn(o, name) || o[name] === undefined) {
      c.add(key(path, name), 'REQUIRED', `缺少字段 "${name}"`, `missing field "${name}"`);
    }
  }
  for (const name of Object.keys(o)) {
    if (allowed.includes(name)) continue;
    const hint = suggestion(name, allowed, o);
    c.add(
      key(path, name),
      'UNKNOWN_FIELD',
      `格式未定义字段 "${name}"${hint ? `（是否应为 "${hint}"？）` : ''}`,
      `unknown field "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
    );
  }
}

/** The field's value, or `undefined` when it is missing (already reported by checkKeys). */
function field(o: Obj, name: string): unknown {
  return hasOwn(o, name) ? o[name] : undefined;
}

function checkString(c: Collector, o: Obj, name: string, path: string, opts: { nullable?: boolean; nonEmpty?: boolean } = {}): string | null | undefined {
  const value = field(o, name);
  const p = key(path, name);
  if (value === undefined) return undefined;
  if (value === null && opts.nullable) return null;
  if (typeof value !== 'string') {
    typeError(c, p, 'string', opts.nullable ?? false, value);
    return undefined;
  }
  if (opts.nonEmpty && value.trim() === '') {
    c.add(p, 'EMPTY', '不能为空字符串', 'must not be empty', { value });
  }
  return value;
}

function checkMoney(c: Collector, o: Obj, name: string, path: string, nullable: boolean): void {
  const value = field(o, name);
  const p = key(path, name);
  if (value === undefined) return;
  if (value === null) {
    if (!nullable) c.add(p, 'TYPE', '金额不能为 null', 'amount must not be null');
    return;
  }
  if (typeof value !== 'string' || !DATASET_MONEY_PATTERN.test(value)) {
    c.add(
      p,
      'MONEY',
      `金额须为两位小数的元金额字符串，如 "410000.00"${nullable ? '，或 null' : ''}`,
      `amount must be a decimal string in yuan with exactly two decimal places${nullable ? ', or null' : ''}`,
      { value },
    );
  }
}

function checkObject(c: Collector, o: Obj, name: string, path: string, nullable: boolean): Obj | null {
  const value = field(o, name);
  if (value === undefined) return null;
  if (value === null && nullable) return null;
  if (!isObject(value)) {
    typeError(c, key(path, name), 'object', nullable, value);
    return null;
  }
  return value;
}

function checkArray(c: Collector, o: Obj, name: string, path: string): unknown[] | null {
  const value = field(o, name);
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    typeError(c, key(path, name), 'array', false, value);
    return null;
  }
  return value;
}

/** Each element an object with exactly `keys`; calls `each` on the good ones. */
function checkObjectArray(c: Collector, o: Obj, name: string, path: string, keys: readonly string[], each: (item: Obj, itemPath: string, i: number) => void): void {
  const items = checkArray(c, o, name, path);
  if (!items) return;
  const p = key(path, name);
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    const itemPath = index(p, i);
    if (!isObject(item)) {
      typeError(c, itemPath, 'object', false, item);
      continue;
    }
    checkKeys(c, item, itemPath, keys);
    each(item, itemPath, i);
  }
}

function checkStringArray(c: Collector, o: Obj, name: string, path: string): void {
  const items = checkArray(c, o, name, path);
  if (!items) return;
  const p = key(path, name);
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (typeof item !== 'string') typeError(c, index(p, i), 'string', false, item);
  }
}

function checkIndicators(c: Collector, o: Obj, path: string): void {
  checkObjectArray(c, o, 'indicators', path, DATASET_INDICATOR_KEYS, (ind, p) => {
    checkString(c, ind, 'level1', p, { nonEmpty: true });
    checkString(c, ind, 'level2', p, { nullable: true });
    checkString(c, ind, 'name', p, { nonEmpty: true });
    checkString(c, ind, 'description', p, { nullable: true });
    checkString(c, ind, 'target', p); // may be "": a missing target is a review finding, not a format error
    checkString(c, ind, 'basis', p, { nullable: true });
    checkString(c, ind, 'remark', p, { nullable: true });
  });
}

function checkSpendingPlan(c: Collector, project: Obj, path: string): void {
  let previous: { month: number; path: string } | null = null;
  checkObjectArray(c, project, 'spendingPlan', path, DATASET_SPENDING_POINT_KEYS, (point, p) => {
    const month = field(point, 'month');
    const monthPath = key(p, 'month');
    if (month !== undefined) {
      if (typeof month !== 'number' || !Number.isInteger(month)) {
        typeError(c, monthPath, 'integer', false, month);
      } else if (month < 1 || month > 12) {
        c.add(monthPath, 'RANGE', '月份须为 1 至 12 的整数', 'month must be an integer from 1 to 12', { value: month });
      } else {
        if (previous && month <= previous.month) {
          c.add(
            monthPath,
            'ORDER',
            `月份须严格递增（前一项 ${previous.path} 为 ${previous.month} 月）`,
            `months must be strictly increasing (previous point ${previous.path} is month ${previous.month})`,
            { value: month },
          );
        }
        previous = { month, path: p };
      }
    }
    checkMoney(c, point, 'cumulativeAmount', p, false);
  });
}

function checkDepartmentSheet(c: Collector, sheet: Obj, path: string): void {
  checkKeys(c, sheet, path, DATASET_SHEET_KEYS);
  checkStringArray(c, sheet, 'goals', path);
  checkObjectArray(c, sheet, 'tasks', path, DATASET_TASK_KEYS, (task, p) => {
    checkString(c, task, 'name', p);
    checkString(c, task, 'content', p, { nullable: true });
    checkMoney(c, task, 'amount', p, true);
  });
  const budget = checkObject(c, sheet, 'budget', path, false);
  if (budget) {
    const p = key(path, 'budget');
    checkKeys(c, budget, p, DATASET_BUDGET_KEYS);
    for (const name of DATASET_BUDGET_KEYS) checkMoney(c, budget, name, p, true);
  }
  checkIndicators(c, sheet, path);
}

function checkProject(c: Collector, project: Obj, path: string, unitCodes: Set<string> | null): void {
  checkString(c, project, 'code', path, { nullable: true });
  checkString(c, project, 'name', path, { nonEmpty: true });
  const unitCode = checkString(c, project, 'unitCode', path, { nullable: true });
  if (typeof unitCode === 'string' && unitCodes && !unitCodes.has(unitCode)) {
    const known = [...unitCodes].map((u) => `"${u}"`).join(', ') || '无 / none';
    c.add(
      key(path, 'unitCode'),
      'REFERENCE',
      `units 中没有编码为 "${unitCode}" 的预算单位（已有：${known}）`,
      `unitCode must name one of units[].code`,
      { value: unitCode },
    );
  }
  checkString(c, project, 'category', path, { nullable: true });
  const amount = checkObject(c, project, 'amount', path, false);
  if (amount) {
    const p = key(path, 'amount');
    checkKeys(c, amount, p, DATASET_PROJECT_AMOUNT_KEYS);
    checkMoney(c, amount, 'total', p, false);
    checkMoney(c, amount, 'fiscal', p, true);
    checkMoney(c, amount, 'other', p, true);
  }
  checkString(c, project, 'purpose', path, { nullable: true });
  checkStringArray(c, project, 'goals', path);
  checkSpendingPlan(c, project, path);
  checkIndicators(c, project, path);
}

function checkDataset(c: Collector, input: unknown): void {
  if (!isObject(input)) {
    typeError(c, '', 'object', false, input);
    return;
  }
  const root = input;
  checkKeys(c, root, '', DATASET_KEYS);

  const format = field(root, 'format');
  if (format !== undefined && format !== DATASET_FORMAT) {
    c.add('format', 'FORMAT', `文件格式须为 "${DATASET_FORMAT}"`, `format must be "${DATASET_FORMAT}"`, { value: format });
  }

  const fiscalYear = field(root, 'fiscalYear');
  if (fiscalYear !== undefined) {
    if (typeof fiscalYear !== 'number' || !Number.isInteger(fiscalYear)) {
      typeError(c, 'fiscalYear', 'integer', false, fiscalYear);
    } else if (fiscalYear < DATASET_FISCAL_YEAR_MIN || fiscalYear > DATASET_FISCAL_YEAR_MAX) {
      c.add(
        'fiscalYear',
        'RANGE',
        `预算年度须为 ${DATASET_FISCAL_YEAR_MIN} 至 ${DATASET_FISCAL_YEAR_MAX} 的整数`,
        `fiscalYear must be an integer from ${DATASET_FISCAL_YEAR_MIN} to ${DATASET_FISCAL_YEAR_MAX}`,
        { value: fiscalYear },
      );
    }
  }

  checkString(c, root, 'source', '', { nullable: true });
  checkString(c, root, 'region', '', { nullable: true });

  const department = checkObject(c, root, 'department', '', false);
  if (department) {
    checkKeys(c, department, 'department', DATASET_DEPARTMENT_KEYS);
    checkString(c, department, 'code', 'department', { nullable: true });
    checkString(c, department, 'name', 'department', { nonEmpty: true });
  }

  // Unit codes that projects may refer to; null when `units` is unusable (then references are not checked).
  let unitCodes: Set<string> | null = null;
  const firstSeen = new Map<string, string>();
  if (Array.isArray(field(root, 'units'))) unitCodes = new Set<string>();
  checkObjectArray(c, root, 'units', '', DATASET_UNIT_KEYS, (unit, p) => {
    const code = checkString(c, unit, 'code', p, { nonEmpty: true });
    checkString(c, unit, 'name', p, { nonEmpty: true });
    if (typeof code !== 'string') {
      unitCodes = null; // a unit without a usable code: a reference to it cannot be judged
      return;
    }
    const earlier = firstSeen.get(code);
    if (earlier !== undefined) {
      c.add(key(p, 'code'), 'DUPLICATE', `预算单位编码重复（与 ${earlier} 相同）`, `duplicate unit code (same as ${earlier})`, { value: code });
    } else {
      firstSeen.set(code, key(p, 'code'));
    }
    unitCodes?.add(code);
  });

  const sheet = checkObject(c, root, 'departmentSheet', '', true);
  if (sheet) checkDepartmentSheet(c, sheet, 'departmentSheet');

  checkObjectArray(c, root, 'projects', '', DATASET_PROJECT_KEYS, (project, p) => checkProject(c, project, p, unitCodes));
}

/**
 * Checks that `input` (typically `JSON.parse` of a file) is a `jixiao.dataset/v1` dataset: every field's
 * type and nullability, no unknown fields, money as two-decimal strings, spending-plan months 1..12 and
 * strictly increasing, unique unit codes, projects' unitCode naming a unit. Collects all errors (up to
 * `maxErrors`). On success returns the input itself, unchanged.
 */
export function validateDataset(input: unknown, options: ValidateDatasetOptions = {}): DatasetValidationResult {
  const c = new Collector(Math.max(1, options.maxErrors ?? MAX_DATASET_ERRORS));
  try {
    checkDataset(c, input);
  } catch (e) {
    if (!(e instanceof TooManyErrors)) throw e;
  }
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, dataset: input as Dataset };
}
