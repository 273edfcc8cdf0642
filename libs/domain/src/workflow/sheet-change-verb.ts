import { SHEET_ACTION_LABELS, SHEET_ACTIONS, type SheetAction } from './sheet-workflow';

/**
 * What a recorded change did to a sheet, as a verb for 「张三于 … 修改并保存了这张目标表」: an audit
 * action ('sheet.update', 'sheet.return' …) in Chinese; 修改 for any other.
 */
export function sheetChangeVerb(action: string): string {
  if (action === 'sheet.update') return '修改并保存';
  const workflow = action.startsWith('sheet.') ? action.slice('sheet.'.length) : '';
  return SHEET_ACTIONS.includes(workflow as SheetAction) ? SHEET_ACTION_LABELS[workflow as SheetAction] : '修改';
}
