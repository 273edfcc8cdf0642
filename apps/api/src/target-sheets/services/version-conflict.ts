import type { SheetVersionConflictDetails } from '@jixiao/contracts';
import { formatBeijingTime, ROLE_LABELS, sheetChangeVerb } from '@jixiao/domain';
import { AppException, ErrorCode } from '../../core/errors/error-codes';

/**
 * 409 SHEET_VERSION_CONFLICT: someone changed the sheet since the editor read it. The message names who
 * and when (北京时间); `details` carry the same for the web, which keeps the unsaved text beside the
 * fresh version.
 */
export function versionConflict(details: SheetVersionConflictDetails): AppException {
  const change = details.lastChange;
  const who = change?.by ? `${change.by.displayName}（${roleLabel(change.by.role)}）` : '他人';
  const when = change ? `于 ${formatBeijingTime(change.at)}（北京时间）` : '';
  const what = change ? sheetChangeVerb(change.action) : '修改并保存';
  return new AppException(
    ErrorCode.SHEET_VERSION_CONFLICT,
    `保存未成功：该目标表已被${who}${when}${what}，您打开后的修改尚未保存。请对照最新内容后重新保存 / edited by someone else since it was read`,
    details,
  );
}

function roleLabel(role: string): string {
  return (ROLE_LABELS as Readonly<Record<string, string>>)[role] ?? role;
}

