import { Injectable } from '@angular/core';
import type { SheetSnapshot } from '@jixiao/domain/workflow/sheet-diff.types';
import type { PlainContent } from './editor-content';

/**
 * An editor's unsaved work, kept in this browser per user and sheet: it survives a reload, a closed
 * tab and an expired login, and is offered back when the sheet is edited again. Removed once saved or
 * given up; drafts older than two weeks are forgotten.
 */
export interface KeptDraft {
  format: 1;
  userId: string;
  sheetId: string;
  /** The rowVersion the edits started from: a save of an older one meets the 409 and its comparison. */
  rowVersion: number;
  /** The sheet as it was when the edits started, for listing what was changed. */
  base: SheetSnapshot;
  content: PlainContent;
  keptAt: string; // ISO 8601
}

const PREFIX = 'jixiao.draft:';
const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

@Injectable({ providedIn: 'root' })
export class EditorDrafts {
  constructor() {
    this.forgetOld();
  }

  read(userId: string, sheetId: string): KeptDraft | null {
    const key = keyOf(userId, sheetId);
    try {
      const text = localStorage.getItem(key);
      if (text === null) return null;
      const value: unknown = JSON.parse(text);
      if (isKeptDraft(value) && value.userId === userId && value.sheetId === sheetId) return value;
    } catch {
      // unreadable: forgotten below
    }
    localStorage.removeItem(key);
    return null;
  }

  keep(draft: Omit<KeptDraft, 'format' | 'keptAt'>): void {
    const kept: KeptDraft = { format: 1, ...draft, keptAt: new Date().toISOString() };
    try {
      localStorage.setItem(keyOf(draft.userId, draft.sheetId), JSON.stringify(kept));
    } catch {
      // storage full or disabled: the work is still on the page, and leaving it is still asked about
    }
  }

  remove(userId: string, sheetId: string): void {
    localStorage.removeItem(keyOf(userId, sheetId));
  }

  private forgetOld(): void {
    const now = Date.now();
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key === null || !key.startsWith(PREFIX)) continue;
      try {
        const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<KeptDraft> | null;
        if (value === null || typeof value.keptAt !== 'string' || now - Date.parse(value.keptAt) > MAX_AGE_MS) localStorage.removeItem(key);
      } catch {
        localStorage.removeItem(key);
      }
    }
  }
}

function keyOf(userId: string, sheetId: string): string {
  return `${PREFIX}${userId}:${sheetId}`;
}

function isKeptDraft(value: unknown): value is KeptDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<KeptDraft>;
  const c = v.content as Partial<PlainContent> | undefined;
  return (
    v.format === 1 &&
    typeof v.rowVersion === 'number' &&
    typeof v.keptAt === 'string' &&
    typeof v.base === 'object' &&
    v.base !== null &&
    typeof c === 'object' &&
    c !== null &&
    Array.isArray(c.goals) &&
    Array.isArray(c.indicators) &&
    Array.isArray(c.plan) &&
    Array.isArray(c.tasks) &&
    typeof c.budget === 'object'
  );
}
