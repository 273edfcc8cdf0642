/**
 * 待我处理 — a reviewer's inbox: which sheets wait for a user, read off the one workflow table
 * (`availableActions`). A sheet waits for a role when the role may move it on from its status:
 * 提交 a draft or a returned sheet (its authors), 部门审核通过 or 退回 a submitted one (the
 * department), 财政批准 or 退回 a department-approved one (finance). An approved sheet waits for
 * nobody: 发起调整 is a choice, not a task.
 */
import type { EditorRole } from './sheet-editors';
import { availableActions, SHEET_STATUSES, SheetAction, SheetKind, SheetStatus } from './sheet-workflow';

const KINDS: readonly SheetKind[] = ['project', 'department'];

/** The actions waiting for `role` on a sheet in `status` (every available action but 发起调整), in workflow order. */
export function pendingActions(status: SheetStatus, role: EditorRole, sheetKind: SheetKind): SheetAction[] {
  return availableActions(status, role, sheetKind).filter((action) => action !== 'adjust');
}

/** The statuses in which a sheet of `sheetKind` waits for `role`, in workflow order (empty: it never does). */
export function awaitedStatuses(role: EditorRole, sheetKind: SheetKind): SheetStatus[] {
  return SHEET_STATUSES.filter((status) => pendingActions(status, role, sheetKind).length > 0);
}

/** Per sheet kind, the statuses that wait for `role`: what an inbox query selects. */
export function inboxStatuses(role: EditorRole): Record<SheetKind, SheetStatus[]> {
  return Object.fromEntries(KINDS.map((kind) => [kind, awaitedStatuses(role, kind)])) as Record<SheetKind, SheetStatus[]>;
}
