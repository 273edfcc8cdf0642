import { EditorRole, mayEditSheet } from './sheet-editors';

describe(mayEditSheet.name, () => {
  const roles: EditorRole[] = ['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'admin'];
  it.each([
    ['project', ['unit_editor', 'admin']],
    ['department', ['department_reviewer', 'admin']],
  ] as const)('lets only %s sheets be edited by %p', (kind, editors) => {
    expect(roles.filter((role) => mayEditSheet(role, kind))).toEqual(editors);
  });
});
