import type { Role } from '@jixiao/contracts';
import type { SheetStatus } from '@jixiao/contracts';

/** Who records spending and actuals (执行监控 / 自评 填报): the unit's editor, the department's reviewer, admin. */
export const EXECUTION_RECORDERS: readonly Role[] = ['unit_editor', 'department_reviewer', 'admin'];

/** Monitoring follows approved targets only: a draft or a sheet in review has nothing to monitor yet. */
export function mayRecordExecution(role: Role, status: SheetStatus): boolean {
  return EXECUTION_RECORDERS.includes(role) && status === 'approved';
}
