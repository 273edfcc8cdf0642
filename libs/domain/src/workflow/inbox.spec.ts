import { awaitedStatuses, inboxStatuses, pendingActions } from './inbox';
import type { EditorRole } from './sheet-editors';
import { availableActions, SHEET_STATUSES } from './sheet-workflow';

describe(pendingActions.name, () => {
  it('leaves 发起调整 out: an approved sheet waits for nobody', () => {
    expect(availableActions('approved', 'unit_editor', 'project')).toEqual(['adjust']);
    expect(pendingActions('approved', 'unit_editor', 'project')).toEqual([]);
    expect(pendingActions('approved', 'admin', 'department')).toEqual([]);
  });

  it('is what the workflow offers at every other step', () => {
    expect(pendingActions('draft', 'unit_editor', 'project')).toEqual(['submit']);
    expect(pendingActions('returned', 'department_reviewer', 'department')).toEqual(['submit']);
    expect(pendingActions('submitted', 'department_reviewer', 'project')).toEqual(['department_approve', 'return']);
    expect(pendingActions('department_approved', 'finance_reviewer', 'department')).toEqual(['approve', 'return']);
    expect(pendingActions('submitted', 'finance_reviewer', 'project')).toEqual([]);
    expect(pendingActions('draft', 'viewer', 'project')).toEqual([]);
  });
});

describe(awaitedStatuses.name, () => {
  const roles: EditorRole[] = ['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'admin'];

  it.each([
    // role, project sheets, department-wide sheets
    ['unit_editor', ['draft', 'returned'], []],
    ['department_reviewer', ['submitted'], ['draft', 'submitted', 'returned']],
    ['finance_reviewer', ['department_approved'], ['department_approved']],
    ['viewer', [], []],
    ['admin', ['draft', 'submitted', 'department_approved', 'returned'], ['draft', 'submitted', 'department_approved', 'returned']],
  ] as const)('%s: project sheets %j, department-wide sheets %j', (role, project, department) => {
    expect(awaitedStatuses(role, 'project')).toEqual(project);
    expect(awaitedStatuses(role, 'department')).toEqual(department);
    expect(inboxStatuses(role)).toEqual({ project, department });
  });

  it('never lists approved, and agrees with pendingActions for every role and status', () => {
    for (const role of roles) {
      for (const kind of ['project', 'department'] as const) {
        expect(awaitedStatuses(role, kind)).not.toContain('approved');
        const expected = SHEET_STATUSES.filter((s) => pendingActions(s, role, kind).length > 0);
        expect(awaitedStatuses(role, kind)).toEqual(expected);
      }
    }
  });
});
