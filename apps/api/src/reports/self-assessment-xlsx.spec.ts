import ExcelJS from 'exceljs';
import { buildSelfAssessmentTable } from './self-assessment-table';
import { GRID_FIRST_ROW, linesOf, renderSelfAssessmentXlsx, safeSheetName } from './self-assessment-xlsx';
import { buildEvaluation, departmentSample, projectSample } from './testing/evaluation-samples';

async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

describe(renderSelfAssessmentXlsx.name, () => {
  let sheet: ExcelJS.Worksheet;
  let buffer: Buffer;

  beforeAll(async () => {
    buffer = await renderSelfAssessmentXlsx(buildSelfAssessmentTable(buildEvaluation(projectSample())));
    sheet = await load(buffer);
  });

  it('is a zip (xlsx) with a Chinese sheet name and the title above the grid', () => {
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(sheet.name).toBe('项目支出绩效自评表');
    expect(sheet.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(sheet.getCell('I1').master.address).toBe('A1'); // the title spans the 9 columns
    expect(sheet.getCell('A2').value).toBe('（2024年度）');
    expect(GRID_FIRST_ROW).toBe(3);
    expect(sheet.getCell('A3').value).toBe('项目名称');
    expect(sheet.getCell('B3').value).toBe('医保重点工作经费（610921240000000001）');
    expect(sheet.getCell('F4').value).toBe('汉阴县医疗保障局本级');
  });

  it('holds the funding block as numbers in 万元 with the execution rate and score', () => {
    // 年度资金总额 is the 2nd funding row: grid rows 3 (项目名称), 4 (主管部门), 5 (header), 6 (总额)
    expect(sheet.getCell('B6').value).toBe('年度资金总额');
    expect(sheet.getCell('C6').master.address).toBe('B6');
    expect(sheet.getCell('E6').value).toBe(41);
    expect(sheet.getCell('F6').value).toBe(39.88);
    expect(sheet.getCell('F6').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('G6').value).toBe(10);
    expect(sheet.getCell('H6').value).toBe('97.26%');
    expect(sheet.getCell('I6').value).toBe(9.73);
    expect(sheet.getCell('A9').master.address).toBe('A5'); // 项目资金（万元） over 5 rows
  });

  it('merges the 一级 cell over its indicators and the 二级 cell over its group', () => {
    expect(sheet.getCell('B12').value).toBe('一级指标');
    expect(sheet.getCell('B13').value).toBe('产出指标\n（50分）');
    for (const address of ['B14', 'B15', 'B16', 'B17']) expect(sheet.getCell(address).master.address).toBe('B13');
    expect(sheet.getCell('B18').master.address).toBe('B18');
    expect(sheet.getCell('B18').value).toBe('效益指标\n（30分）');
    expect(sheet.getCell('C14').master.address).toBe('C13');
    expect(sheet.getCell('C13').value).toBe('数量指标');
    expect((sheet.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(['B13:B17', 'C13:C14', 'B18:B20', 'A12:A22']));
  });

  it('writes scores, the unmet flag in red and the override reason', () => {
    expect(sheet.getCell('D18').value).toBe('追回医保基金');
    expect(sheet.getCell('F18').value).toBe('18万元\n未完成（严重）\n完成率 36.00%');
    expect(sheet.getCell('F18').font.color?.argb).toBe('FFC00000');
    expect(sheet.getCell('H18').value).toBe(3.6);
    expect(sheet.getCell('D16').value).toBe('离休干部医疗费报销及时率');
    expect(sheet.getCell('H16').value).toBe(9);
    expect(sheet.getCell('H16').numFmt).toBe('0.00');
    expect(String(sheet.getCell('I16').value)).toContain('计算得分 9.80，评价人（县医保局审核人）调整为 9.00：2 笔报销超过 30 个工作日办结，按及时率扣 1 分');
    expect(sheet.getCell('F20').value).toBe('未填报（记 0 分）');
  });

  it('ends with the total and the grade', () => {
    expect(sheet.getCell('A23').value).toBe('总分');
    expect(sheet.getCell('F23').master.address).toBe('A23');
    expect(sheet.getCell('G23').value).toBe(100);
    expect(sheet.getCell('H23').value).toBe(82.33);
    expect(sheet.getCell('I23').value).toBe('评价等级：良');
    expect(String(sheet.getCell('A25').value)).toMatch(/^注：1\. 金额单位为万元/);
  });

  it('borders every grid cell, wraps text and sizes rows to their text', () => {
    for (const address of ['A3', 'I3', 'C14', 'I23', 'B17']) {
      const border = sheet.getCell(address).border;
      expect([border.top?.style, border.left?.style, border.bottom?.style, border.right?.style]).toEqual(['thin', 'thin', 'thin', 'thin']);
    }
    expect(sheet.getCell('I16').alignment.wrapText).toBe(true);
    expect(sheet.getRow(16).height).toBeGreaterThan(sheet.getRow(13).height);
    expect(sheet.getColumn(9).width).toBe(37);
  });

  it('prints on A4 landscape, one page wide, repeating the indicator header', () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '12:12' });
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
  });

  it('names a department sheet after its own form', async () => {
    const department = await load(await renderSelfAssessmentXlsx(buildSelfAssessmentTable(buildEvaluation(departmentSample()))));
    expect(department.name).toBe('部门整体支出绩效自评表');
    expect(department.getCell('A1').value).toBe('部门整体支出绩效自评表');
    expect(department.getCell('A3').value).toBe('部门（单位）\n名称');
  });
});

describe(safeSheetName.name, () => {
  it('drops the characters Excel forbids and keeps 31 characters', () => {
    expect(safeSheetName('自评表[2024]/汇总?')).toBe('自评表2024汇总');
    expect(safeSheetName('一'.repeat(40))).toHaveLength(31);
  });
});

describe(linesOf.name, () => {
  it('counts a CJK character as two units and keeps explicit lines', () => {
    expect(linesOf('一二三四五', 12)).toBe(1);
    expect(linesOf('一二三四五六七八', 12)).toBe(2);
    expect(linesOf('a\nb', 12)).toBe(2);
  });
});
