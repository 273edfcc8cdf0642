/**
 * workbookGrid on bad input: every refusal is an AppException with its stable code and a Chinese
 * message, never anything else; what can be read with doubt is a problem (tab, row, column).
 */
import { readTargetWorkbook } from '@jixiao/contracts/dataset';
import ExcelJS from 'exceljs';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { bufferOf, put } from './testing/layout-builders';
import { workbookGrid } from './workbook-grid';

async function refusal(buffer: Buffer, limits?: Parameters<typeof workbookGrid>[1]): Promise<AppException> {
  try {
    await workbookGrid(buffer, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    return error as AppException;
  }
  throw new Error('expected a refusal');
}

async function simpleWorkbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('项目'));
  return bufferOf(workbook);
}

/** A small project table: 项目名称, 主管部门, 资金总额 (C4), and two indicators. */
function projectTable(sheet: ExcelJS.Worksheet): void {
  put(sheet, 1, 1, '2024年项目支出绩效目标表', 1, 5);
  put(sheet, 2, 1, '项目名称');
  put(sheet, 2, 2, '医保重点工作经费', 2, 5);
  put(sheet, 3, 1, '主管部门');
  put(sheet, 3, 2, '汉阴县医疗保障局', 3, 5);
  put(sheet, 4, 1, '年度资金总额（万元）');
  put(sheet, 4, 2, 41);
  put(sheet, 5, 1, '一级指标');
  put(sheet, 5, 2, '二级指标');
  put(sheet, 5, 3, '三级指标');
  put(sheet, 5, 4, '指标值');
  put(sheet, 6, 1, '产出指标', 7, 1);
  put(sheet, 6, 2, '数量指标', 7, 2);
  put(sheet, 6, 3, '服务全县参保群众人数');
  put(sheet, 6, 4, '>27万人');
  put(sheet, 7, 3, '保障企业离休干部人数');
  put(sheet, 7, 4, '2人');
}

describe(workbookGrid.name, () => {
  it('refuses a file that is not an xlsx', async () => {
    const error = await refusal(Buffer.from('项目名称,医保重点工作经费\n', 'utf8'));
    expect(error.code).toBe(ErrorCode.XLSX_NOT_WORKBOOK);
    expect(error.userMessage).toMatch(/^文件不是 Excel 工作簿/);
    expect((await refusal(Buffer.alloc(0))).code).toBe(ErrorCode.XLSX_NOT_WORKBOOK);
  });

  it('refuses an encrypted workbook (an OLE compound file with EncryptionInfo) and an old .xls', async () => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = Buffer.concat([header, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64)]);
    const encryptedError = await refusal(encrypted);
    expect(encryptedError.code).toBe(ErrorCode.XLSX_ENCRYPTED);
    expect(encryptedError.userMessage).toMatch(/已加密/);
    const xls = Buffer.concat([header, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le')]);
    const xlsError = await refusal(xls);
    expect(xlsError.code).toBe(ErrorCode.XLSX_ENCRYPTED);
    expect(xlsError.userMessage).toMatch(/\.xls/);
  });

  it('refuses a corrupt zip: cut short, or its data damaged', async () => {
    const good = await simpleWorkbook(projectTable);
    const truncated = await refusal(good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.code).toBe(ErrorCode.XLSX_CORRUPT);
    expect(truncated.userMessage).toMatch(/已损坏/);
    const damaged = Buffer.from(good);
    for (let i = 40; i < Math.min(damaged.length - 200, 2000); i++) damaged[i] = 0x55; // the first parts' compressed data
    expect((await refusal(damaged)).code).toBe(ErrorCode.XLSX_CORRUPT);
  });

  it('refuses a workbook with too many cells, or too much data once inflated', async () => {
    const good = await simpleWorkbook(projectTable);
    const unmerged = await simpleWorkbook((sheet) => {
      for (let row = 1; row <= 4; row++) for (let column = 1; column <= 5; column++) sheet.getCell(row, column).value = row * column;
    });
    const cells = await refusal(unmerged, { maxCells: 10, maxUncompressedBytes: 100 * 1024 * 1024 });
    expect(cells.code).toBe(ErrorCode.XLSX_TOO_LARGE);
    expect(cells.userMessage).toMatch(/单元格超过 10 个/);
    const inflated = await refusal(good, { maxCells: 1_000_000, maxUncompressedBytes: 1000 });
    expect(inflated.code).toBe(ErrorCode.XLSX_TOO_LARGE);
    // a merge over a whole area is refused before exceljs makes a cell of each merged one
    const wide = await simpleWorkbook((sheet) => put(sheet, 1, 1, '项目名称', 400, 26));
    const merged = await refusal(wide, { maxCells: 10_000, maxUncompressedBytes: 100 * 1024 * 1024 });
    expect(merged.code).toBe(ErrorCode.XLSX_TOO_LARGE);
    expect(merged.userMessage).toMatch(/合并单元格/);
    await expect(workbookGrid(wide, { maxCells: 20_000, maxUncompressedBytes: 100 * 1024 * 1024 })).resolves.toMatchObject({ tabs: [{ merges: [{ top: 1, left: 1, bottom: 400, right: 26 }] }] });
  });

  it('reads an empty workbook and an empty tab as nothing, with a warning and an error saying so', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('空白');
    const grid = await workbookGrid(await bufferOf(workbook));
    expect(grid.tabs).toEqual([{ name: '空白', rows: [], merges: [] }]);
    const reading = readTargetWorkbook(grid);
    expect(reading.datasets).toEqual([]);
    expect(reading.problems.map((p) => [p.code, p.severity, p.tab])).toEqual([
      ['TAB_EMPTY', 'warning', '空白'],
      ['NO_TARGET_TABLES', 'error', null],
    ]);
  });

  it('skips a tab holding another table, naming it', async () => {
    const workbook = new ExcelJS.Workbook();
    const other = workbook.addWorksheet('收支总表');
    put(other, 1, 1, '收入');
    put(other, 1, 2, 1996.62);
    projectTable(workbook.addWorksheet('项目'));
    const reading = readTargetWorkbook(await workbookGrid(await bufferOf(workbook)));
    expect(reading.problems).toEqual([expect.objectContaining({ code: 'TAB_SKIPPED', severity: 'warning', tab: '收支总表', message: expect.stringContaining('「收支总表」') })]);
    expect(reading.datasets[0].dataset.projects.map((p) => p.indicators.length)).toEqual([2]);
  });

  it('reads a formula by its cached result; one without a result is a problem at its cell', async () => {
    const withResult = await simpleWorkbook((sheet) => {
      projectTable(sheet);
      sheet.getCell('B4').value = { formula: '20+21', result: 41 } as ExcelJS.CellFormulaValue;
    });
    const read = readTargetWorkbook(await workbookGrid(withResult));
    expect(read.problems).toEqual([]);
    expect(read.datasets[0].dataset.projects[0].amount.total).toBe('410000.00');

    const withoutResult = await simpleWorkbook((sheet) => {
      projectTable(sheet);
      sheet.getCell('B4').value = { formula: 'SUM(B8:B9)' } as ExcelJS.CellFormulaValue;
    });
    const grid = await workbookGrid(withoutResult);
    expect(grid.problems).toEqual([
      expect.objectContaining({ code: 'FORMULA_WITHOUT_VALUE', severity: 'error', tab: '项目', row: 4, column: 'B', message: expect.stringMatching(/公式/) }),
    ]);
    const reading = readTargetWorkbook(grid);
    expect(reading.problems.map((p) => p.code)).toEqual(['FORMULA_WITHOUT_VALUE', 'PROJECT_AMOUNT_MISSING']);
    expect(reading.datasets).toEqual([]);
  });

  it('survives merged cells in odd places: across groups, over a name with two values, far past the data', async () => {
    const buffer = await simpleWorkbook((sheet) => {
      projectTable(sheet);
      put(sheet, 8, 1, '效益指标');
      put(sheet, 8, 2, '社会效益指标', 9, 2); // a 二级 merge crossing into the next 一级
      put(sheet, 8, 3, '医保重要政策知晓率', 9, 3); // a name merged over two rows …
      put(sheet, 8, 4, '≥90%');
      put(sheet, 9, 1, '满意度指标');
      put(sheet, 9, 4, '≥95%'); // … with two different values
      put(sheet, 10, 6, null, 400, 30); // an empty merge far past the data
    });
    const reading = readTargetWorkbook(await workbookGrid(buffer));
    const indicators = reading.datasets[0].dataset.projects[0].indicators;
    expect(indicators.slice(2)).toEqual([
      expect.objectContaining({ level1: '效益指标', level2: '社会效益指标', name: '医保重要政策知晓率', target: '≥90%' }),
      expect.objectContaining({ level1: '满意度指标', level2: '社会效益指标', name: '医保重要政策知晓率', target: '≥95%' }),
    ]);
    expect(reading.problems).toEqual([expect.objectContaining({ code: 'MERGED_CELLS_ODD', severity: 'warning', tab: '项目', row: 9, column: 'C' })]);
  });

  it('keeps numbers as written and percentages as displayed, exactly', async () => {
    const buffer = await simpleWorkbook((sheet) => {
      sheet.getCell('A1').value = 1494.61;
      sheet.getCell('A2').value = 0.9;
      sheet.getCell('A2').numFmt = '0%';
      sheet.getCell('A3').value = 0.955;
      sheet.getCell('A3').numFmt = '0.0%';
      sheet.getCell('A4').value = 3143.8;
      sheet.getCell('A4').numFmt = '#,##0.00';
      sheet.getCell('A5').value = { richText: [{ text: '≥' }, { text: '90', font: { bold: true } }, { text: '%' }] };
      sheet.getCell('A6').value = 1e-7;
      sheet.getCell('A7').value = new Date(Date.UTC(2024, 5, 30));
    });
    const grid = await workbookGrid(buffer);
    expect(grid.tabs[0].rows.map((row) => row[0])).toEqual(['1494.61', '90%', '95.5%', '3,143.80', '≥90%', '0.0000001', '2024-06-30']);
  });
});
