import type { DatasetReading } from '@jixiao/contracts';

/** What a reader is given: an uploaded file's bytes, or a pasted text; with the year and region the caller named. */
export type ReaderInput =
  | { kind: 'file'; buffer: Buffer; fileName: string; fiscalYear: number | null; region: string | null }
  | { kind: 'text'; text: string; fiscalYear: number | null; region: string | null };

/**
 * The port every import route reads through (issue 11): a file or a text in, the datasets it holds and
 * whatever could not be read out. A reader refuses an input it cannot open at all (not its format, an
 * encrypted workbook) with an AppException (4xx); what it can open but not fully read are `problems`.
 */
export interface DatasetReader {
  read(input: ReaderInput): Promise<DatasetReading>;
}

/** The injection tokens of the three readers, one per route. */
export const TARGET_WORKBOOK_READER = Symbol('TargetWorkbookReader'); // xlsx in the national layouts
export const DISCLOSURE_TEXT_READER = Symbol('DisclosureTextReader'); // a published table pasted as text
export const DATASET_FILE_READER = Symbol('DatasetFileReader'); // a jixiao.dataset/v1 file
