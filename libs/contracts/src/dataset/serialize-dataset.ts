/**
 * Canonical text of a `jixiao.dataset/v1` file: keys in the format's order (shared/dataset-format.md),
 * two-space indentation, non-ASCII text written as is (no \u escapes), and a final line break — the
 * layout of the files in shared/fixtures, so that a validated file serializes back byte for byte.
 *
 * Pure and dependency-free (Node and browser). Only the format's fields are written: extra
 * properties an in-memory object may carry are left out.
 */
import {
  Dataset,
  DatasetDepartmentSheet,
  DatasetIndicator,
  DatasetProject,
  DatasetSpendingPoint,
  DatasetTask,
} from './dataset.types';

function indicator(i: DatasetIndicator): DatasetIndicator {
  return {
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    description: i.description,
    target: i.target,
    basis: i.basis,
    remark: i.remark,
  };
}

function task(t: DatasetTask): DatasetTask {
  return { name: t.name, content: t.content, amount: t.amount };
}

function spendingPoint(p: DatasetSpendingPoint): DatasetSpendingPoint {
  return { month: p.month, cumulativeAmount: p.cumulativeAmount };
}

function departmentSheet(s: DatasetDepartmentSheet): DatasetDepartmentSheet {
  return {
    goals: [...s.goals],
    tasks: s.tasks.map(task),
    budget: { total: s.budget.total, basic: s.budget.basic, project: s.budget.project },
    indicators: s.indicators.map(indicator),
  };
}

function project(p: DatasetProject): DatasetProject {
  return {
    code: p.code,
    name: p.name,
    unitCode: p.unitCode,
    category: p.category,
    amount: { total: p.amount.total, fiscal: p.amount.fiscal, other: p.amount.other },
    purpose: p.purpose,
    goals: [...p.goals],
    spendingPlan: p.spendingPlan.map(spendingPoint),
    indicators: p.indicators.map(indicator),
  };
}

/** The dataset rebuilt with the format's key order (and nothing else). */
export function canonicalDataset(d: Dataset): Dataset {
  return {
    format: d.format,
    fiscalYear: d.fiscalYear,
    source: d.source,
    region: d.region,
    department: { code: d.department.code, name: d.department.name },
    units: d.units.map((u) => ({ code: u.code, name: u.name })),
    departmentSheet: d.departmentSheet === null ? null : departmentSheet(d.departmentSheet),
    projects: d.projects.map(project),
  };
}

/** The file text: canonical key order, 2-space indentation, UTF-8 characters unescaped, ending in "\n". */
export function serializeDataset(d: Dataset): string {
  return `${JSON.stringify(canonicalDataset(d), null, 2)}\n`;
}
