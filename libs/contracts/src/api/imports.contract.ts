// 导入 (issue 11): a file or a pasted text is read into datasets, previewed, then committed as draft sheets.
import type { ParseWarning, ReviewFinding, TargetSpec } from '@jixiao/domain';
import type { DatasetError } from '../dataset/dataset-rules';
import type { ReadOrigin, ReadProblem } from '../dataset/read/dataset-reading';
import type { SheetKind } from './target-sheet.contract';

/** Where a preview came from: an xlsx workbook, a pasted published table, a `jixiao.dataset/v1` file. */
export type ImportSource = 'target-sheets' | 'disclosure-text' | 'datasets';

/** The largest file an import accepts (xlsx or dataset JSON): 20 MB. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
/** The longest pasted text, in characters: a whole budget publication (the five seed documents are 14–27 thousand). */
export const MAX_DISCLOSURE_TEXT_LENGTH = 1_000_000;
/** How long a preview can be committed after it was made. */
export const IMPORT_PREVIEW_TTL_HOURS = 24;

/** `POST /api/imports/disclosure-text/preview`: the text copied out of a published PDF or web page. */
export interface DisclosureTextPreviewRequest {
  text: string;
  /** 预算年度 when the text does not say it. */
  fiscalYear?: number;
  /** 行政区划 of the finance bureau; a finance reviewer's own region when absent. */
  region?: string;
}

/**
 * The multipart form of `POST /api/imports/target-sheets/preview` and `POST /api/imports/datasets/preview`:
 * the file in field `file`; `fiscalYear` and `region` as optional text fields (the xlsx route).
 */
export interface ImportFileFields {
  fiscalYear?: number;
  region?: string;
}

/** `POST /api/imports/{target-sheets,disclosure-text,datasets}`: commit a preview. */
export interface ImportCommitRequest {
  previewId: string;
}

/** Why a preview cannot be committed (the commit answers 422 IMPORT_PREVIEW_HAS_ERRORS). */
export type ImportBlockerCode =
  | 'NOTHING_READ' // the reader found no sheet at all
  | 'FORMAT_ERRORS' // a dataset breaks the interchange format (validateDataset)
  | 'MONEY_RULES' // an amount the editor would refuse (checkDatasetMoneyRules)
  | 'NO_IMPORT_RIGHT'; // the caller may not import into that department's region

export interface ImportBlocker {
  code: ImportBlockerCode;
  /** Chinese. */
  message: string;
  /** Index into `datasets`; null for the preview as a whole. */
  dataset: number | null;
  /** The dataset errors behind FORMAT_ERRORS / MONEY_RULES (paths like `projects[2].amount.total`). */
  errors: DatasetError[];
}

/** One indicator as read, with its target parsed as the editor would (parseTarget). */
export interface ImportPreviewIndicator {
  level1: string;
  level2: string | null;
  name: string;
  target: string;
  spec: TargetSpec;
  warnings: ParseWarning[];
}

/** One sheet of a dataset as it would be written. */
export interface ImportPreviewSheet {
  /** 'department', or the project's index in the dataset's projects. */
  sheet: 'department' | number;
  kind: SheetKind;
  /** The project's name, or the department's for its department-wide sheet. */
  name: string;
  code: string | null;
  /** The 实施单位 as the file names it (by code or, for a unit without a code, not known per project): null when none. */
  unitCode: string | null;
  amountTotal: string | null;
  /** Where the reader found it (tab, row); null when the reader did not say. */
  origin: ReadOrigin | null;
  /**
   * Already in the system (same department × year × 项目编码, or the name when the file has no code; the
   * department's own sheet of that year): a commit skips it and says so, never duplicates it.
   */
  exists: boolean;
  existingSheetId: string | null;
  indicators: ImportPreviewIndicator[];
  /** The review rules (目标审核助手) over the sheet as read, with the region's scoring scheme. */
  findings: ReviewFinding[];
}

/** One department's year found in the input. */
export interface ImportPreviewDataset {
  fiscalYear: number;
  region: string | null;
  department: { code: string | null; name: string; /** the existing department, or null if the commit creates it */ id: string | null };
  units: { code: string | null; name: string }[];
  /** The caller's right to import into this department (the rule of the dataset import). */
  mayImport: boolean;
  sheets: ImportPreviewSheet[];
}

export interface ImportPreviewResponse {
  previewId: string;
  source: ImportSource;
  /** ISO time after which the preview can no longer be committed. */
  expiresAt: string;
  /** True when the commit would be accepted (no blockers). */
  committable: boolean;
  blockers: ImportBlocker[];
  /** What the reader could not read, or read with doubt: tab, row, column. */
  problems: ReadProblem[];
  datasets: ImportPreviewDataset[];
}

/** What the commit did with one sheet. */
export interface ImportCommittedSheet {
  sheet: 'department' | number;
  kind: SheetKind;
  name: string;
  code: string | null;
  /** 'created': a new draft; 'exists': already in the system, left as it was (not duplicated). */
  outcome: 'created' | 'exists';
  sheetId: string | null;
  projectId: string | null;
  indicatorCount: number;
}

export interface ImportCommitResponse {
  previewId: string;
  datasets: { departmentId: string; departmentName: string; fiscalYear: number; sheets: ImportCommittedSheet[] }[];
  createdCount: number;
  existingCount: number;
}
