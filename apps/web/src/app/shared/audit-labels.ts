import { ROLE_LABELS, type PersonRef } from '@jixiao/contracts/api/auth.contract';
import { auditActionLabel } from '@jixiao/contracts/api/audit-actions';
import type { AuditEventResponse } from '@jixiao/contracts/api/target-sheet.contract';

/** 操作人: the person's name with the role beside it — 张明（单位填报人）; `fallback` when no person did it. */
export function actorLabel(actor: PersonRef | null | undefined, fallback = '系统'): string {
  if (!actor) return fallback;
  return `${actor.displayName}（${ROLE_LABELS[actor.role] ?? '已删除的角色'}）`;
}

/** 操作: the action's Chinese name, never its code. */
export function actionLabel(event: Pick<AuditEventResponse, 'action'>): string {
  return auditActionLabel(event.action);
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  displayName: '姓名',
  role: '角色',
  organizationName: '所属组织',
  name: '名称',
  code: '代码',
  parentName: '上级',
};

function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（无）';
  if (field === 'role' && typeof value === 'string') return ROLE_LABELS[value as PersonRef['role']] ?? value;
  return String(value);
}

/** What an administrator changed, in words: 角色：单位填报人 → 部门审核人；所属组织：… (passwords are never in the audit). */
export function changeSummary(event: Pick<AuditEventResponse, 'action' | 'before' | 'after'>): string {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const changes = Object.keys(FIELD_LABELS)
    .filter((field) => field in after && field in before && JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => `${FIELD_LABELS[field]}：${shown(field, before[field])} → ${shown(field, after[field])}`);
  if (changes.length > 0) return changes.join('；');
  if (event.action === 'user.create') return `${shown('role', after['role'])}，${shown('organizationName', after['organizationName'])}`;
  if (event.action === 'user.password_reset') return '设为一次性密码，下次登录须修改';
  if (event.action === 'auth.lockout') return '连续 5 次登录失败';
  return '';
}
