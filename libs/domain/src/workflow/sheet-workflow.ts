/**
 * The review workflow of a target sheet (绩效目标表审核流程, DESIGN §1–§2):
 * draft → submitted → department_approved → approved, or returned with a comment; an approved
 * sheet is locked, and an adjustment (调整) creates a new version that goes the same way again and
 * must be re-approved by finance.
 */
import type { EditorRole } from './sheet-editors';

/** 目标表状态 — the same strings as the API contract and the `target_sheets.status` column. */
export type SheetStatus = 'draft' | 'submitted' | 'department_approved' | 'approved' | 'returned';

export const SHEET_STATUSES: readonly SheetStatus[] = ['draft', 'submitted', 'department_approved', 'approved', 'returned'];

export const SHEET_STATUS_LABELS: Readonly<Record<SheetStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  department_approved: '部门已审核',
  approved: '已批准',
  returned: '已退回',
};

/** 审核操作. */
export type SheetAction = 'submit' | 'department_approve' | 'approve' | 'return' | 'adjust';

export const SHEET_ACTIONS: readonly SheetAction[] = ['submit', 'department_approve', 'approve', 'return', 'adjust'];

export const SHEET_ACTION_LABELS: Readonly<Record<SheetAction, string>> = {
  submit: '提交',
  department_approve: '部门审核通过',
  approve: '财政批准',
  return: '退回',
  adjust: '发起调整',
};

/** 项目支出绩效目标 / 部门整体绩效目标. */
export type SheetKind = 'project' | 'department';

/** 角色名称 — the user roles (DESIGN §2), as the workflow names them in its messages. */
export const ROLE_LABELS: Readonly<Record<EditorRole, string>> = {
  unit_editor: '单位填报人',
  department_reviewer: '部门审核人',
  finance_reviewer: '财政审核人',
  viewer: '查看者',
  bureau_admin: '管理员', // one finance bureau's subtree: administers it, reads its sheets
  admin: '系统管理员',
};

/** Why a transition was refused. */
export const WORKFLOW_ERROR_CODES = ['TRANSITION_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'RETURN_COMMENT_REQUIRED'] as const;
export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

/** A return comment (退回意见) must have at least this many characters after trimming. */
export const MIN_RETURN_COMMENT_LENGTH = 2;

export interface TransitionInput {
  status: SheetStatus;
  action: SheetAction;
  role: EditorRole;
  /** 退回意见 — required for `return`, ignored otherwise. */
  comment?: string | null;
  sheetKind: SheetKind;
  /** True for an adjusted version (version > 1, 调整版本). */
  isAdjustment: boolean;
}

export type TransitionResult =
  | { ok: true; to: SheetStatus; createsVersion: boolean }
  | { ok: false; code: WorkflowErrorCode; message: string };

/** One way an action may be taken: from which status, by whom, to which status. */
interface TransitionRule {
  from: SheetStatus;
  roles: Readonly<Record<SheetKind, readonly EditorRole[]>>;
  to: SheetStatus;
  createsVersion: boolean;
}

const SAME_FOR_BOTH = (roles: readonly EditorRole[]): Readonly<Record<SheetKind, readonly EditorRole[]>> => ({
  project: roles,
  department: roles,
});

/** The whole workflow. An action not listed from a status is not allowed from it. */
const RULES: Readonly<Record<SheetAction, readonly TransitionRule[]>> = {
  // 提交: the sheet's authors; a department sheet is filled by the department.
  submit: (['draft', 'returned'] as const).map((from) => ({
    from,
    roles: { project: ['unit_editor', 'admin'], department: ['department_reviewer', 'admin'] },
    to: 'submitted' as const,
    createsVersion: false,
  })),
  // 部门审核通过
  department_approve: [
    { from: 'submitted', roles: SAME_FOR_BOTH(['department_reviewer', 'admin']), to: 'department_approved', createsVersion: false },
  ],
  // 财政批准 — also for an adjusted version: finance re-approves every adjustment.
  approve: [{ from: 'department_approved', roles: SAME_FOR_BOTH(['finance_reviewer', 'admin']), to: 'approved', createsVersion: false }],
  // 退回: by whoever holds the sheet at that stage.
  return: [
    { from: 'submitted', roles: SAME_FOR_BOTH(['department_reviewer', 'admin']), to: 'returned', createsVersion: false },
    { from: 'department_approved', roles: SAME_FOR_BOTH(['finance_reviewer', 'admin']), to: 'returned', createsVersion: false },
  ],
  // 发起调整: the authors open a new draft version; the approved version stays as it is.
  adjust: [
    {
      from: 'approved',
      roles: { project: ['unit_editor', 'admin'], department: ['department_reviewer', 'admin'] },
      to: 'draft',
      createsVersion: true,
    },
  ],
};

/**
 * Decides whether `role` may take `action` on a sheet in `status`. The checks run in this order:
 * the status (TRANSITION_NOT_ALLOWED), the role (ROLE_NOT_ALLOWED), then a return's comment
 * (RETURN_COMMENT_REQUIRED). An `adjust` creates a new version in draft (`createsVersion`); the
 * caller keeps the approved version as it is.
 */
export function decideTransition(input: TransitionInput): TransitionResult {
  const { status, action, role, sheetKind } = input;
  const rule = RULES[action].find((r) => r.from === status);
  if (rule === undefined) {
    return {
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
      message: `目标表当前为「${SHEET_STATUS_LABELS[status]}」，不能「${SHEET_ACTION_LABELS[action]}」${transitionHint(status, action)}`,
    };
  }
  const allowed = rule.roles[sheetKind];
  if (!allowed.includes(role)) {
    const who = joinOr(allowed.map((r) => ROLE_LABELS[r]));
    const requirement = action === 'approve' && input.isAdjustment ? `调整后的目标表须由${who}重新批准` : `「${SHEET_ACTION_LABELS[action]}」只能由${who}操作`;
    return { ok: false, code: 'ROLE_NOT_ALLOWED', message: `${requirement}，${ROLE_LABELS[role]}无权操作` };
  }
  if (action === 'return' && !hasReturnComment(input.comment)) {
    return {
      ok: false,
      code: 'RETURN_COMMENT_REQUIRED',
      message: `退回目标表时必须填写退回意见（至少 ${MIN_RETURN_COMMENT_LENGTH} 个字），说明需要修改的内容`,
    };
  }
  return { ok: true, to: rule.to, createsVersion: rule.createsVersion };
}

/** True when a return comment is long enough (at least two characters after trimming). */
export function hasReturnComment(comment: string | null | undefined): boolean {
  return [...(comment ?? '').trim()].length >= MIN_RETURN_COMMENT_LENGTH;
}

/** 「甲、乙或丙」. */
function joinOr(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join('、')}或${words[words.length - 1]}`;
}

/** What to do instead, after a refused transition (empty when there is nothing useful to say). */
function transitionHint(status: SheetStatus, action: SheetAction): string {
  if (status === 'approved') return '；已批准的目标表已锁定，如需修改请「发起调整」';
  if (action === 'adjust') return '；只有已批准的目标表可以发起调整';
  return '';
}

/** 可编辑: only a draft or a returned sheet; a submitted one is with the reviewers, an approved one is locked. */
export function isEditable(status: SheetStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Why a sheet in `status` cannot be edited, in Chinese; `null` when it can. */
export function editLockMessage(status: SheetStatus): string | null {
  const prefix = `目标表当前为「${SHEET_STATUS_LABELS[status]}」，不能修改`;
  switch (status) {
    case 'draft':
    case 'returned':
      return null;
    case 'submitted':
      return `${prefix}；正在部门审核中，如需修改请由部门审核人退回`;
    case 'department_approved':
      return `${prefix}；正在等待财政批准，如需修改请由财政审核人退回`;
    case 'approved':
      return `${prefix}；已批准的目标表已锁定，如需修改请「发起调整」生成新版本`;
  }
}

/**
 * The actions `role` may take on a sheet in `status`, in workflow order (for the UI's buttons).
 * `return` is listed although it still needs a comment.
 */
export function availableActions(status: SheetStatus, role: EditorRole, sheetKind: SheetKind): SheetAction[] {
  return SHEET_ACTIONS.filter((action) => RULES[action].some((rule) => rule.from === status && rule.roles[sheetKind].includes(role)));
}
