import { SHEET_ACTION_LABELS, SHEET_ACTIONS } from '@jixiao/domain';
import { AUDIT_ACTION_LABELS, auditActionLabel } from './audit-actions';
import { ROLE_LABELS, ROLES } from './auth.contract';

describe('audit action labels', () => {
  it('names every action in Chinese, without a Latin letter', () => {
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect({ code, latin: /[A-Za-z]/.test(label), empty: label.trim() === '' }).toEqual({ code, latin: false, empty: false });
    }
  });

  it('names the review actions as the workflow does', () => {
    for (const action of SHEET_ACTIONS) expect(auditActionLabel(`sheet.${action}`)).toBe(SHEET_ACTION_LABELS[action]);
  });

  it('reads execution.actuals as 录入实际完成值, and an unknown code as 其他操作 (never the code)', () => {
    expect(auditActionLabel('execution.actuals')).toBe('录入实际完成值');
    expect(auditActionLabel('user.password_reset')).toBe('重置密码');
    expect(auditActionLabel('something.new')).toBe('其他操作');
    expect(auditActionLabel('toString')).toBe('其他操作');
  });
});

describe('role labels', () => {
  it('labels every role, 管理员 beside 系统管理员', () => {
    expect(ROLES.map((r) => ROLE_LABELS[r])).toEqual(['单位填报人', '部门审核人', '财政审核人', '查看者', '管理员', '系统管理员']);
  });
});
