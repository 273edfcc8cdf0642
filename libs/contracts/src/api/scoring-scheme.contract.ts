import type { ScoringScheme } from '@jixiao/domain';
import type { OrganizationRef } from './auth.contract';
import type { AppliedScoringScheme, SheetKind } from './target-sheet.contract';

/** The presets a scheme may start from (libs/domain SCHEME_PRESETS). */
export const SCHEME_PRESET_IDS = ['national_project', 'department_wide'] as const;
export type SchemePresetId = (typeof SCHEME_PRESET_IDS)[number];

/** One saved version of a scheme (every change is a new version; the current one is the highest). */
export interface ScoringSchemeVersionResponse {
  id: string;
  version: number;
  definition: ScoringScheme;
  createdAt: string; // ISO 8601
  createdBy: { id: string; displayName: string } | null;
}

/** GET /api/scoring-schemes?fiscalYear= — one row per finance bureau the caller may see × kind. */
export interface ScoringSchemeSummaryResponse {
  bureau: OrganizationRef;
  fiscalYear: number;
  kind: SheetKind;
  current: AppliedScoringScheme;
  updatedAt: string | null; // of the current version; null: none configured
  editable: boolean; // the caller may change it (finance of that bureau, admin)
}

/** GET /api/scoring-schemes/:bureauId/:fiscalYear/:kind — the current scheme and its history. */
export interface ScoringSchemeResponse extends ScoringSchemeSummaryResponse {
  history: ScoringSchemeVersionResponse[]; // newest first; empty: none configured
}

/**
 * PUT /api/scoring-schemes/:bureauId/:fiscalYear/:kind — saves a new version. Exactly one source:
 * the scheme itself, a preset, or a copy of another year's or kind's current scheme of the same bureau.
 * `baseVersion` is the version the change was made on (null when none was configured): 409
 * SCHEME_VERSION_CONFLICT when someone saved in between. 400 SCHEME_INVALID lists every reason
 * (`details.problems`, e.g. points not adding up to 100).
 */
export interface UpdateScoringSchemeRequest {
  baseVersion: number | null;
  scheme?: ScoringScheme;
  preset?: SchemePresetId;
  copyFrom?: { fiscalYear: number; kind: SheetKind };
}

/** 400 SCHEME_INVALID details. */
export interface SchemeInvalidDetails {
  problems: string[];
}

/** 409 SCHEME_VERSION_CONFLICT details: who saved the version in between, and when. */
export interface SchemeVersionConflictDetails {
  currentVersion: number | null;
  savedBy: string | null;
  savedAt: string | null;
}
