import type { Role } from '@jixiao/contracts';
import type { SheetStatus } from '@jixiao/contracts';

/** Who records spending and actuals (执行监控 / 自评 填报): the unit's editor, the department's reviewer, admin. */
export const EXECUTION_RECORDERS: readonly Role[] = ['unit_editor', 'department_reviewer', 'admin'];

/** Monitoring follows approved targets only: a draft or a sheet in review has nothing to monitor yet. */
export function mayRecordExecution(role: Role, status: SheetStatus): boolean {
  return EXECUTION_RECORDERS.includes(role) && status === 'approved';
}

/**
 * Who records a department's basic spending (基本支出执行): the department itself — its reviewer (部门审核人,
 * whose subtree is the department) — and admin. A unit editor works inside one unit and does not see
 * the department-wide sheet; the finance bureau and viewers read.
 */
export const BASIC_SPENDING_RECORDERS: readonly Role[] = ['department_reviewer', 'admin'];

/** Basic spending is recorded against the department-wide sheet in effect (approved), like a project's. */
export function mayRecordBasicSpending(role: Role, status: SheetStatus): boolean {
  return BASIC_SPENDING_RECORDERS.includes(role) && status === 'approved';
}
