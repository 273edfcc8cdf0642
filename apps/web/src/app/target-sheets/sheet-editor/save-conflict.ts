/**
 * A save refused because someone saved first (409 SHEET_VERSION_CONFLICT): who and when (北京时间), what
 * I changed and what they changed since the version I started from, and where both changed the same
 * place — read off the API's `details` and the domain's diff.
 */
import type { Role } from '@jixiao/contracts/api/auth.contract';
import type { SheetVersionConflictDetails } from '@jixiao/contracts/api/target-sheet.contract';
import { formatBeijingTime } from '@jixiao/domain/beijing-time';
import { diffSheets } from '@jixiao/domain/workflow/sheet-diff';
import type { SheetChange, SheetSnapshot } from '@jixiao/domain/workflow/sheet-diff.types';
import { sheetChangeVerb } from '@jixiao/domain/workflow/sheet-change-verb';
import { ROLE_LABELS } from '../../core/auth/role-labels';

export interface SaveConflict {
  /** 「张三（单位填报人）于 2025-03-01 10:20（北京时间）修改并保存了这张目标表」. */
  headline: string;
  /** My unsaved changes against the version I started from. */
  mine: SheetChange[];
  /** What was saved since, against the same version; empty until the fresh version is read. */
  theirs: SheetChange[];
  /** Places (paths) both changed. */
  overlap: ReadonlySet<string>;
}

/** What the 409's details say, before the fresh version is read. */
export function conflictHeadline(details: unknown): string {
  const change = readDetails(details)?.lastChange ?? null;
  if (change === null) return '他人已修改并保存了这张目标表';
  const who = change.by ? `${change.by.displayName}（${ROLE_LABELS[change.by.role as Role] ?? change.by.role}）` : '他人';
  return `${who}于 ${formatBeijingTime(change.at) ?? change.at}（北京时间）${sheetChangeVerb(change.action)}了这张目标表`;
}

/** The comparison: mine and theirs, each against `base`. */
export function compareVersions(headline: string, base: SheetSnapshot, mine: SheetSnapshot, fresh: SheetSnapshot | null): SaveConflict {
  const myChanges = diffSheets(base, mine).changes;
  const theirChanges = fresh === null ? [] : diffSheets(base, fresh).changes;
  const theirPaths = new Set(theirChanges.map(place));
  return { headline, mine: myChanges, theirs: theirChanges, overlap: new Set(myChanges.map(place).filter((p) => theirPaths.has(p))) };
}

/** Where a change is: its path and field (`产出指标 / 数量指标 / 参保人数 · target`). */
export function place(change: SheetChange): string {
  return change.field === undefined ? change.path : `${change.path} · ${change.field}`;
}

function readDetails(details: unknown): SheetVersionConflictDetails | null {
  if (typeof details !== 'object' || details === null || !('lastChange' in details)) return null;
  return details as SheetVersionConflictDetails;
}

