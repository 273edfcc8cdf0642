import { actionLabel, actorLabel, changeSummary } from './audit-labels';

describe(actorLabel.name, () => {
  it('shows the person with the role beside it', () => {
    expect(actorLabel({ id: '1', username: 'hanyin.zhangming', displayName: '张明', role: 'unit_editor' })).toBe('张明（单位填报人）');
    expect(actorLabel({ id: '2', username: 'hanyin.admin', displayName: '王芳', role: 'bureau_admin' })).toBe('王芳（管理员）');
    expect(actorLabel(null)).toBe('系统');
    expect(actorLabel(null, '审核人')).toBe('审核人');
  });
});

describe(actionLabel.name, () => {
  it('names every action in Chinese, never its code', () => {
    expect(actionLabel({ action: 'execution.actuals' })).toBe('录入实际完成值');
    expect(actionLabel({ action: 'sheet.department_approve' })).toBe('部门审核通过');
    expect(actionLabel({ action: 'user.password_reset' })).toBe('重置密码');
    expect(actionLabel({ action: 'unknown.code' })).toBe('其他操作');
  });
});

describe(changeSummary.name, () => {
  it('says what an administrator changed, roles in Chinese', () => {
    expect(
      changeSummary({
        action: 'user.update',
        before: { displayName: '张明', role: 'unit_editor', organizationName: '汉阴县医疗保障局本级' },
        after: { displayName: '张明', role: 'department_reviewer', organizationName: '汉阴县医疗保障局' },
      }),
    ).toBe('角色：单位填报人 → 部门审核人；所属组织：汉阴县医疗保障局本级 → 汉阴县医疗保障局');
    expect(changeSummary({ action: 'user.create', before: null, after: { role: 'viewer', organizationName: '汉阴县财政局' } })).toBe('查看者，汉阴县财政局');
    expect(changeSummary({ action: 'user.password_reset', before: { mustChangePassword: false }, after: { mustChangePassword: true } })).toBe('设为一次性密码，下次登录须修改');
    expect(changeSummary({ action: 'organization.move', before: { parentName: '汉阴县财政局' }, after: { parentName: '神木市财政局' } })).toBe('上级：汉阴县财政局 → 神木市财政局');
  });
});
