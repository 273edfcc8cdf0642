/** Who fills a sheet: units fill project sheets (项目支出绩效目标), departments their department-wide sheet. */
export type EditorRole = 'unit_editor' | 'department_reviewer' | 'finance_reviewer' | 'viewer' | 'bureau_admin' | 'admin';

const EDITORS: Readonly<Record<'project' | 'department', readonly EditorRole[]>> = {
  project: ['unit_editor', 'admin'],
  department: ['department_reviewer', 'admin'],
};

export function mayEditSheet(role: EditorRole, sheetKind: 'project' | 'department'): boolean {
  return EDITORS[sheetKind].includes(role);
}
