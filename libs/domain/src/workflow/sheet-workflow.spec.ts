import type { EditorRole } from './sheet-editors';
import {
  availableActions,
  decideTransition,
  editLockMessage,
  hasReturnComment,
  isEditable,
  ROLE_LABELS,
  SHEET_ACTION_LABELS,
  SHEET_ACTIONS,
  SHEET_STATUS_LABELS,
  SHEET_STATUSES,
  SheetAction,
  SheetKind,
  SheetStatus,
  WORKFLOW_ERROR_CODES,
} from './sheet-workflow';

const ROLES: readonly EditorRole[] = ['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'admin'];
const KINDS: readonly SheetKind[] = ['project', 'department'];

/**
 * The expected outcome of every (status × action × role × sheet kind), written out by hand.
 * A cell holds two marks, for a project sheet then a department sheet:
 * ✓ allowed, ✗ refused for the role (ROLE_NOT_ALLOWED), · refused in this status (TRANSITION_NOT_ALLOWED).
 */
type Mark = '✓' | '✗' | '·';
type Cell = `${Mark}${Mark}`;
type Row = [status: SheetStatus, action: SheetAction, to: SheetStatus | null, createsVersion: boolean, unitEditor: Cell, departmentReviewer: Cell, financeReviewer: Cell, viewer: Cell, admin: Cell];

const NO: Cell = '··';
// prettier-ignore
const EXPECTED: readonly Row[] = [
  //  status                 action                 to                     new    unit  dept  fin   view  admin
  ['draft',               'submit',             'submitted',           false, '✓✗', '✗✓', '✗✗', '✗✗', '✓✓'],
  ['draft',               'department_approve', null,                  false, NO,   NO,   NO,   NO,   NO],
  ['draft',               'approve',            null,                  false, NO,   NO,   NO,   NO,   NO],
  ['draft',               'return',             null,                  false, NO,   NO,   NO,   NO,   NO],
  ['draft',               'adjust',             null,                  false, NO,   NO,   NO,   NO,   NO],

  ['submitted',           'submit',             null,                  false, NO,   NO,   NO,   NO,   NO],
  ['submitted',           'department_approve', 'department_approved', false, '✗✗', '✓✓', '✗✗', '✗✗', '✓✓'],
  ['submitted',           'approve',            null,                  false, NO,   NO,   NO,   NO,   NO],
  ['submitted',           'return',             'returned',            false, '✗✗', '✓✓', '✗✗', '✗✗', '✓✓'],
  ['submitted',           'adjust',             null,                  false, NO,   NO,   NO,   NO,   NO],

  ['department_approved', 'submit',             null,                  false, NO,   NO,   NO,   NO,   NO],
  ['department_approved', 'department_approve', null,                  false, NO,   NO,   NO,   NO,   NO],
  ['department_approved', 'approve',            'approved',            false, '✗✗', '✗✗', '✓✓', '✗✗', '✓✓'],
  ['department_approved', 'return',             'returned',            false, '✗✗', '✗✗', '✓✓', '✗✗', '✓✓'],
  ['department_approved', 'adjust',             null,                  false, NO,   NO,   NO,   NO,   NO],

  ['approved',            'submit',             null,                  false, NO,   NO,   NO,   NO,   NO],
  ['approved',            'department_approve', null,                  false, NO,   NO,   NO,   NO,   NO],
  ['approved',            'approve',            null,                  false, NO,   NO,   NO,   NO,   NO],
  ['approved',            'return',             null,                  false, NO,   NO,   NO,   NO,   NO],
  ['approved',            'adjust',             'draft',               true,  '✓✗', '✗✓', '✗✗', '✗✗', '✓✓'],

  ['returned',            'submit',             'submitted',           false, '✓✗', '✗✓', '✗✗', '✗✗', '✓✓'],
  ['returned',            'department_approve', null,                  false, NO,   NO,   NO,   NO,   NO],
  ['returned',            'approve',            null,                  false, NO,   NO,   NO,   NO,   NO],
  ['returned',            'return',             null,                  false, NO,   NO,   NO,   NO,   NO],
  ['returned',            'adjust',             null,                  false, NO,   NO,   NO,   NO,   NO],
];

function expectedRow(status: SheetStatus, action: SheetAction): Row {
  const row = EXPECTED.find((r) => r[0] === status && r[1] === action);
  if (row === undefined) throw new Error(`no expectation for ${status} + ${action}`);
  return row;
}

function expectedMark(status: SheetStatus, action: SheetAction, role: EditorRole, kind: SheetKind): Mark {
  const cell = expectedRow(status, action)[4 + ROLES.indexOf(role)] as Cell;
  return cell[kind === 'project' ? 0 : 1] as Mark;
}

const A_COMMENT = '成本指标未量化，请补充预算控制数';

const ALL_CASES = SHEET_STATUSES.flatMap((status) =>
  SHEET_ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) => KINDS.flatMap((kind) => [false, true].map((isAdjustment) => [status, action, role, kind, isAdjustment] as const))),
  ),
);

describe(decideTransition.name, () => {
  it('has an expectation for every status × action', () => {
    expect(EXPECTED).toHaveLength(SHEET_STATUSES.length * SHEET_ACTIONS.length);
    for (const status of SHEET_STATUSES) for (const action of SHEET_ACTIONS) expect(() => expectedRow(status, action)).not.toThrow();
  });

  it('covers 5 statuses × 5 actions × 5 roles × 2 kinds × 2 (adjustment or not)', () => {
    expect(ALL_CASES).toHaveLength(500);
  });

  it.each(ALL_CASES)('%s + %s by %s on a %s sheet (adjustment: %p)', (status, action, role, kind, isAdjustment) => {
    const result = decideTransition({ status, action, role, sheetKind: kind, isAdjustment, comment: A_COMMENT });
    const [, , to, createsVersion] = expectedRow(status, action);
    switch (expectedMark(status, action, role, kind)) {
      case '✓':
        expect(result).toEqual({ ok: true, to, createsVersion });
        break;
      case '✗':
        expect(result).toEqual({ ok: false, code: 'ROLE_NOT_ALLOWED', message: expect.stringContaining(`${ROLE_LABELS[role]}无权操作`) });
        break;
      case '·':
        expect(result).toEqual({
          ok: false,
          code: 'TRANSITION_NOT_ALLOWED',
          message: expect.stringContaining(`目标表当前为「${SHEET_STATUS_LABELS[status]}」，不能「${SHEET_ACTION_LABELS[action]}」`),
        });
        break;
    }
  });

  it('lets a viewer do nothing at all', () => {
    const allowed = ALL_CASES.filter(([, , role]) => role === 'viewer').filter(
      ([status, action, role, sheetKind, isAdjustment]) => decideTransition({ status, action, role, sheetKind, isAdjustment, comment: A_COMMENT }).ok,
    );
    expect(allowed).toEqual([]);
  });

  describe('messages', () => {
    it('names the status and the action when the status does not allow it', () => {
      expect(decideTransition({ status: 'approved', action: 'submit', role: 'unit_editor', sheetKind: 'project', isAdjustment: false })).toEqual({
        ok: false,
        code: 'TRANSITION_NOT_ALLOWED',
        message: '目标表当前为「已批准」，不能「提交」；已批准的目标表已锁定，如需修改请「发起调整」',
      });
    });

    it('says only an approved sheet can be adjusted', () => {
      expect(decideTransition({ status: 'draft', action: 'adjust', role: 'unit_editor', sheetKind: 'project', isAdjustment: false })).toEqual({
        ok: false,
        code: 'TRANSITION_NOT_ALLOWED',
        message: '目标表当前为「草稿」，不能「发起调整」；只有已批准的目标表可以发起调整',
      });
    });

    it('has no hint where there is nothing useful to add', () => {
      expect(decideTransition({ status: 'submitted', action: 'submit', role: 'unit_editor', sheetKind: 'project', isAdjustment: false })).toEqual({
        ok: false,
        code: 'TRANSITION_NOT_ALLOWED',
        message: '目标表当前为「已提交」，不能「提交」',
      });
    });

    it('names who may act when the role may not', () => {
      expect(decideTransition({ status: 'submitted', action: 'department_approve', role: 'unit_editor', sheetKind: 'project', isAdjustment: false })).toEqual({
        ok: false,
        code: 'ROLE_NOT_ALLOWED',
        message: '「部门审核通过」只能由部门审核人或系统管理员操作，单位填报人无权操作',
      });
    });

    it('names the roles that may act (a department sheet is submitted by the department)', () => {
      expect(decideTransition({ status: 'draft', action: 'submit', role: 'viewer', sheetKind: 'department', isAdjustment: false })).toEqual({
        ok: false,
        code: 'ROLE_NOT_ALLOWED',
        message: '「提交」只能由部门审核人或系统管理员操作，查看者无权操作',
      });
    });

    it('says an adjusted version must be re-approved by finance', () => {
      expect(decideTransition({ status: 'department_approved', action: 'approve', role: 'department_reviewer', sheetKind: 'department', isAdjustment: true })).toEqual({
        ok: false,
        code: 'ROLE_NOT_ALLOWED',
        message: '调整后的目标表须由财政审核人或系统管理员重新批准，部门审核人无权操作',
      });
    });

    it('refuses an adjustment of a department sheet by the unit', () => {
      expect(decideTransition({ status: 'approved', action: 'adjust', role: 'unit_editor', sheetKind: 'department', isAdjustment: false })).toEqual({
        ok: false,
        code: 'ROLE_NOT_ALLOWED',
        message: '「发起调整」只能由部门审核人或系统管理员操作，单位填报人无权操作',
      });
    });
  });

  describe('return comment (退回意见)', () => {
    const returns = [
      ['submitted', 'department_reviewer'],
      ['submitted', 'admin'],
      ['department_approved', 'finance_reviewer'],
      ['department_approved', 'admin'],
    ] as const;

    it.each(returns.flatMap(([status, role]) => [undefined, null, '', '   ', '好', '　好　', '\n改\t', '👍'].map((comment) => [status, role, comment] as const)))(
      'refuses a return from %s by %s with comment %p',
      (status, role, comment) => {
        expect(decideTransition({ status, action: 'return', role, comment, sheetKind: 'project', isAdjustment: false })).toEqual({
          ok: false,
          code: 'RETURN_COMMENT_REQUIRED',
          message: '退回目标表时必须填写退回意见（至少 2 个字），说明需要修改的内容',
        });
      },
    );

    it.each(returns.flatMap(([status, role]) => ['好的', ' 补充 ', '👍👍', A_COMMENT].map((comment) => [status, role, comment] as const)))(
      'accepts a return from %s by %s with comment %p',
      (status, role, comment) => {
        expect(decideTransition({ status, action: 'return', role, comment, sheetKind: 'department', isAdjustment: true })).toEqual({
          ok: true,
          to: 'returned',
          createsVersion: false,
        });
      },
    );

    it('checks the status and the role before the comment', () => {
      expect(decideTransition({ status: 'approved', action: 'return', role: 'finance_reviewer', sheetKind: 'project', isAdjustment: false })).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
      });
      expect(decideTransition({ status: 'submitted', action: 'return', role: 'finance_reviewer', sheetKind: 'project', isAdjustment: false })).toMatchObject({
        code: 'ROLE_NOT_ALLOWED',
      });
    });

    it.each([
      ['draft', 'submit'],
      ['submitted', 'department_approve'],
      ['department_approved', 'approve'],
      ['approved', 'adjust'],
    ] as const)('needs no comment from %s for %s', (status, action) => {
      expect(decideTransition({ status, action, role: 'admin', sheetKind: 'project', isAdjustment: false, comment: null }).ok).toBe(true);
    });
  });

  it('returns only the exported codes', () => {
    const codes = new Set(
      ALL_CASES.map(([status, action, role, sheetKind, isAdjustment]) => decideTransition({ status, action, role, sheetKind, isAdjustment }))
        .flatMap((r) => (r.ok ? [] : [r.code])),
    );
    expect([...codes].sort()).toEqual([...WORKFLOW_ERROR_CODES].sort());
  });
});

describe(hasReturnComment.name, () => {
  it.each([
    [undefined, false],
    [null, false],
    ['', false],
    [' ', false],
    ['退', false],
    ['  退  ', false],
    ['　退　', false], // full-width spaces are trimmed too
    ['👍', false], // one character, although two UTF-16 units
    ['退回', true],
    [' 退回 ', true],
    ['ok', true],
  ])('%p → %p', (comment, expected) => {
    expect(hasReturnComment(comment)).toBe(expected);
  });
});

describe(isEditable.name, () => {
  it.each([
    ['draft', true],
    ['submitted', false],
    ['department_approved', false],
    ['approved', false],
    ['returned', true],
  ] as const)('%s → %p', (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });
});

describe(editLockMessage.name, () => {
  it.each([
    ['draft', null],
    ['returned', null],
    ['submitted', '目标表当前为「已提交」，不能修改；正在部门审核中，如需修改请由部门审核人退回'],
    ['department_approved', '目标表当前为「部门已审核」，不能修改；正在等待财政批准，如需修改请由财政审核人退回'],
    ['approved', '目标表当前为「已批准」，不能修改；已批准的目标表已锁定，如需修改请「发起调整」生成新版本'],
  ] as const)('%s → %p', (status, message) => {
    expect(editLockMessage(status)).toBe(message);
  });

  it('has a message exactly where the sheet is not editable', () => {
    for (const status of SHEET_STATUSES) expect(editLockMessage(status) === null).toBe(isEditable(status));
  });
});

describe(availableActions.name, () => {
  it.each(SHEET_STATUSES.flatMap((status) => ROLES.flatMap((role) => KINDS.map((kind) => [status, role, kind] as const))))(
    'in %s, %s on a %s sheet gets the actions the table allows',
    (status, role, kind) => {
      const expected = SHEET_ACTIONS.filter((action) => expectedMark(status, action, role, kind) === '✓');
      expect(availableActions(status, role, kind)).toEqual(expected);
    },
  );

  it.each([
    ['draft', 'unit_editor', 'project', ['submit']],
    ['submitted', 'department_reviewer', 'project', ['department_approve', 'return']],
    ['department_approved', 'finance_reviewer', 'department', ['approve', 'return']],
    ['approved', 'unit_editor', 'project', ['adjust']],
    ['approved', 'unit_editor', 'department', []],
    ['approved', 'department_reviewer', 'department', ['adjust']],
    ['returned', 'department_reviewer', 'department', ['submit']],
    ['submitted', 'admin', 'project', ['department_approve', 'return']],
    ['submitted', 'viewer', 'project', []],
  ] as const)('in %s, %s on a %s sheet: %p', (status, role, kind, actions) => {
    expect(availableActions(status, role, kind)).toEqual(actions);
  });
});

describe('labels', () => {
  it('labels every status, action and role in Chinese', () => {
    expect(SHEET_STATUS_LABELS).toEqual({ draft: '草稿', submitted: '已提交', department_approved: '部门已审核', approved: '已批准', returned: '已退回' });
    expect(SHEET_ACTION_LABELS).toEqual({ submit: '提交', department_approve: '部门审核通过', approve: '财政批准', return: '退回', adjust: '发起调整' });
    expect(ROLES.map((r) => ROLE_LABELS[r])).toEqual(['单位填报人', '部门审核人', '财政审核人', '查看者', '系统管理员']);
  });
});
