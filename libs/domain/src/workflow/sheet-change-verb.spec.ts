import { sheetChangeVerb } from './sheet-change-verb';

describe(sheetChangeVerb.name, () => {
  it.each([
    ['sheet.update', '修改并保存'],
    ['sheet.submit', '提交'],
    ['sheet.return', '退回'],
    ['sheet.department_approve', '部门审核通过'],
    ['sheet.adjust', '发起调整'],
    ['project.create', '修改'],
    ['sheet.unknown', '修改'],
  ])('%s → %s', (action, verb) => {
    expect(sheetChangeVerb(action)).toBe(verb);
  });
});
