import { SHEET_ACTION_LABELS } from '@jixiao/domain/workflow/sheet-workflow';

/**
 * 操作日志: every action code the API records (`audit_events.action`), with its Chinese name. The API
 * types what it records as `AuditAction`, so a new code does not compile until it is named here; the
 * web shows `auditActionLabel(code)`, never the code.
 */
export const AUDIT_ACTION_LABELS = {
  'project.create': '新建项目',
  'sheet.update': '保存修改',
  'sheet.submit': SHEET_ACTION_LABELS.submit,
  'sheet.department_approve': SHEET_ACTION_LABELS.department_approve,
  'sheet.approve': SHEET_ACTION_LABELS.approve,
  'sheet.return': SHEET_ACTION_LABELS.return,
  'sheet.adjust': SHEET_ACTION_LABELS.adjust,
  'sheet.roll_over': '结转（由上年目标表生成）',
  'project.update': '修改项目信息',
  'project.delete': '删除草稿项目',
  'fiscal_year.open': '开启预算年度',
  'fiscal_year.windows': '修改填报时间',
  'monitoring.reopen': '重新开放填报',
  'execution.expenditures': '录入支出执行',
  'execution.actuals': '录入实际完成值',
  'execution.basic_expenditures': '录入基本支出执行',
  'evaluation.compute': '计算自评得分',
  'evaluation.override': '调整指标得分',
  'dataset.import': '导入数据',
  'scoring_scheme.update': '修改评分方案',
  'organization.create': '新建组织机构',
  'organization.update': '修改组织机构',
  'organization.move': '移动组织机构',
  'organization.deactivate': '停用组织机构',
  'organization.activate': '启用组织机构',
  'organization.delete': '删除组织机构',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.deactivate': '停用用户',
  'user.activate': '启用用户',
  'user.password_reset': '重置密码',
  'user.password_change': '修改密码',
  'auth.lockout': '登录失败过多，账号暂时锁定',
  'auth.refresh_reuse': '已用过的续期令牌被再次使用，登录会话已结束',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export function isAuditAction(action: string): action is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action);
}

/** The Chinese name of an action code; a code this build does not know yet reads 其他操作. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : '其他操作';
}
