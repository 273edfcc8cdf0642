/**
 * Strict validator for the interchange format `jixiao.dataset/v1` (shared/dataset-format.md).
 *
 * Pure and dependency-free: it runs in Node and in the browser. It never changes its input — when
 * the input is valid it is returned as is, typed as {@link Dataset}, so that exporting it again with
 * `serializeDataset` reproduces the file.
 */
import { DATASET_FORMAT, Dataset } from './dataset.types';
import {
  DATASET_BUDGET_KEYS,
  DATASET_DEPARTMENT_KEYS,
  DATASET_FISCAL_YEAR_MAX,
  DATASET_FISCAL_YEAR_MIN,
  DATASET_INDICATOR_KEYS,
  DATASET_KEYS,
  DATASET_PROJECT_AMOUNT_KEYS,
  DATASET_PROJECT_KEYS,
  DATASET_SHEET_KEYS,
  DATASET_SPENDING_POINT_KEYS,
  DATASET_TASK_KEYS,
  DATASET_TEXT_LIMITS as L,
  DATASET_UNIT_KEYS,
  DatasetValidationResult,
  MAX_DATASET_ERRORS,
  ValidateDatasetOptions,
} from './dataset-rules';
import {
  checkKeys,
  checkMoney,
  checkObject,
  checkObjectArray,
  checkString,
  checkStringArray,
  Collector,
  field,
  isObject,
  key,
  Obj,
  TooManyErrors,
  typeError,
} from './json-checks';

export * from './dataset-rules';

function checkIndicators(c: Collector, o: Obj, path: string): void {
  checkObjectArray(c, o, 'indicators', path, DATASET_INDICATOR_KEYS, (ind, p) => {
    checkString(c, ind, 'level1', p, { nonEmpty: true, maxLength: L.level1 });
    checkString(c, ind, 'level2', p, { nullable: true, maxLength: L.level2 });
    checkString(c, ind, 'name', p, { nonEmpty: true, maxLength: L.indicatorName });
    checkString(c, ind, 'description', p, { nullable: true, maxLength: L.description });
    checkString(c, ind, 'target', p, { maxLength: L.target }); // may be "": a missing target is a review finding, not a format error
    checkString(c, ind, 'basis', p, { nullable: true, maxLength: L.basis });
    checkString(c, ind, 'remark', p, { nullable: true, maxLength: L.remark });
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
  checkStringArray(c, sheet, 'goals', path, L.goal);
  checkObjectArray(c, sheet, 'tasks', path, DATASET_TASK_KEYS, (task, p) => {
    checkString(c, task, 'name', p, { maxLength: L.taskName });
    checkString(c, task, 'content', p, { nullable: true, maxLength: L.taskContent });
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
  checkString(c, project, 'code', path, { nullable: true, maxLength: L.projectCode });
  checkString(c, project, 'name', path, { nonEmpty: true, maxLength: L.projectName });
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
  checkString(c, project, 'category', path, { nullable: true, maxLength: L.projectCategory });
  const amount = checkObject(c, project, 'amount', path, false);
  if (amount) {
    const p = key(path, 'amount');
    checkKeys(c, amount, p, DATASET_PROJECT_AMOUNT_KEYS);
    checkMoney(c, amount, 'total', p, false);
    checkMoney(c, amount, 'fiscal', p, true);
    checkMoney(c, amount, 'other', p, true);
  }
  checkString(c, project, 'purpose', path, { nullable: true, maxLength: L.projectPurpose });
  checkStringArray(c, project, 'goals', path, L.goal);
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

  checkString(c, root, 'source', '', { nullable: true, maxLength: L.source });
  checkString(c, root, 'region', '', { nullable: true, maxLength: L.region });

  const department = checkObject(c, root, 'department', '', false);
  if (department) {
    checkKeys(c, department, 'department', DATASET_DEPARTMENT_KEYS);
    checkString(c, department, 'code', 'department', { nullable: true, maxLength: L.departmentCode });
    checkString(c, department, 'name', 'department', { nonEmpty: true, maxLength: L.departmentName });
  }

  // Unit codes that projects may refer to; null when `units` is unusable (then references are not checked).
  let unitCodes: Set<string> | null = null;
  const firstSeen = new Map<string, string>();
  // Names are unique among a department's units (the system's rule), and a code-less unit is found by its name.
  const nameSeen = new Map<string, string>();
  if (Array.isArray(field(root, 'units'))) unitCodes = new Set<string>();
  checkObjectArray(c, root, 'units', '', DATASET_UNIT_KEYS, (unit, p) => {
    const code = checkString(c, unit, 'code', p, { nullable: true, nonEmpty: true, maxLength: L.unitCode });
    const name = checkString(c, unit, 'name', p, { nonEmpty: true, maxLength: L.unitName });
    if (typeof code === 'string') {
      const earlier = firstSeen.get(code);
      if (earlier !== undefined) {
        c.add(key(p, 'code'), 'DUPLICATE', `预算单位编码重复（与 ${earlier} 相同）`, `duplicate unit code (same as ${earlier})`, { value: code });
      } else {
        firstSeen.set(code, key(p, 'code'));
      }
      unitCodes?.add(code);
    } else if (code !== null) {
      unitCodes = null; // a unit without a usable code: a reference to it cannot be judged
    } // null: a unit without a code (matched by name), which projects cannot refer to by code
    if (typeof name === 'string' && name.trim() !== '') {
      const earlierName = nameSeen.get(name);
      if (earlierName !== undefined) {
        c.add(key(p, 'name'), 'DUPLICATE', `预算单位名称重复（与 ${earlierName} 相同）`, `duplicate unit name (same as ${earlierName})`, { value: name });
      } else {
        nameSeen.set(name, key(p, 'name'));
      }
    }
  });

  const sheet = checkObject(c, root, 'departmentSheet', '', true);
  if (sheet) checkDepartmentSheet(c, sheet, 'departmentSheet');

  // 项目编码 are unique per unit (the department, for a project without one) and year
  const projectCodes = new Map<string, string>();
  checkObjectArray(c, root, 'projects', '', DATASET_PROJECT_KEYS, (project, p) => {
    checkProject(c, project, p, unitCodes);
    const code = field(project, 'code');
    if (typeof code !== 'string' || code.trim() === '') return;
    const unitCode = field(project, 'unitCode');
    const owner = `${typeof unitCode === 'string' ? unitCode : ''}\u0000${code}`;
    const earlier = projectCodes.get(owner);
    if (earlier !== undefined) {
      c.add(key(p, 'code'), 'DUPLICATE', `同一单位的项目编码重复（与 ${earlier} 相同）`, `duplicate project code of a unit (same as ${earlier})`, { value: code });
    } else {
      projectCodes.set(owner, key(p, 'code'));
    }
  });
}

/**
 * Checks that `input` (typically `JSON.parse` of a file) is a `jixiao.dataset/v1` dataset: every field's
 * type and nullability, no unknown fields, money as two-decimal strings, spending-plan months 1..12 and
 * strictly increasing, texts within their columns' lengths (DATASET_TEXT_LIMITS), unique unit codes and
 * names (a unit's code may be null), project codes unique per unit, projects' unitCode naming a unit with that code. Collects all errors (up to
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
