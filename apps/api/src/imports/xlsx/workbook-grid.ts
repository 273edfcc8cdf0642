/**
 * workbookGrid: an uploaded .xlsx as a GridWorkbook (libs/contracts), the pure reader's input — each
 * tab's cells as displayed text (cell-text.ts), merged ranges, and a problem for every formula
 * without a cached result. Refuses, with a typed error and a Chinese message, what is not an .xlsx,
 * an encrypted workbook or an old .xls, a corrupt zip, and a workbook too large to read.
 */
import { columnLetter, type GridTab, type GridWorkbook, type ReadProblem } from '@jixiao/contracts/dataset';
import ExcelJS from 'exceljs';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { cellText } from './cell-text';
import { checkMergedAreas, checkXlsxEnvelope } from './zip-envelope';

export interface WorkbookGridLimits {
  /** Cells with a value, over all tabs. */
  maxCells: number;
  /** The zip's parts inflated, in bytes. */
  maxUncompressedBytes: number;
}

/** 200 tabs of a few hundred rows each fit many times over; beyond this a workbook is not a set of 绩效目标表. */
export const DEFAULT_WORKBOOK_LIMITS: WorkbookGridLimits = { maxCells: 1_000_000, maxUncompressedBytes: 200 * 1024 * 1024 };

function tooManyCells(limit: number): AppException {
  return new AppException(ErrorCode.XLSX_TOO_LARGE, `工作簿的单元格超过 ${limit} 个，过大，无法读取：请拆分后再上传 / more than ${limit} cells`);
}

/** Reads an .xlsx buffer into tabs of displayed text. */
export async function workbookGrid(buffer: Buffer, limits: WorkbookGridLimits = DEFAULT_WORKBOOK_LIMITS): Promise<GridWorkbook> {
  checkMergedAreas(buffer, checkXlsxEnvelope(buffer, limits.maxUncompressedBytes), limits.maxCells);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppException(
      ErrorCode.XLSX_CORRUPT,
      `工作簿文件已损坏或不是有效的 .xlsx，无法读取：请用 Excel 打开后另存再上传 / ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const problems: ReadProblem[] = [];
  const tabs: GridTab[] = [];
  let cells = 0;
  for (const sheet of workbook.worksheets) {
    const rows: (string | null)[][] = [];
    const slaves = new Set<string>();
    const merges = mergesOf(sheet);
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const texts: (string | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        cells += 1;
        if (cells > limits.maxCells) throw tooManyCells(limits.maxCells);
        if (cell.isMerged && cell.master.address !== cell.address) {
          slaves.add(cell.address);
          return;
        }
        const text = cellText(cell.value, cell.numFmt);
        while (texts.length < columnNumber - 1) texts.push(null);
        if ('formulaWithoutValue' in text) {
          texts.push(null);
          problems.push({
            code: 'FORMULA_WITHOUT_VALUE',
            message: `单元格 ${columnLetter(columnNumber)}${rowNumber} 是公式（=${text.formulaWithoutValue}），文件中没有保存计算结果，未读取：请在 Excel 中打开并保存后再上传`,
            severity: 'error',
            tab: sheet.name,
            row: rowNumber,
            column: columnLetter(columnNumber),
          });
        } else {
          texts.push(text.text);
        }
      });
      while (rows.length < rowNumber - 1) rows.push([]);
      rows.push(texts);
    });
    tabs.push({ name: sheet.name, rows, merges });
  }
  return { tabs, problems };
}

/** The merged ranges of a sheet, 1-based. */
function mergesOf(sheet: ExcelJS.Worksheet): GridTab['merges'] {
  const ranges = (sheet.model as { merges?: string[] }).merges ?? [];
  return ranges.flatMap((range) => {
    const match = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(range);
    if (!match) return [];
    const [, left, top, right, bottom] = match;
    return [{ top: Number(top), left: columnNumber(left), bottom: Number(bottom), right: columnNumber(right) }];
  });
}

function columnNumber(letters: string): number {
  return letters.split('').reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}
