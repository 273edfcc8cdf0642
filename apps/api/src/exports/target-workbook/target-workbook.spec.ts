/** The disclosure layout as written: merges, borders, widths, print setup, and the template's dropdowns. */
import { readTargetWorkbook, type Dataset } from '@jixiao/contracts/dataset';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbookGrid } from '../../imports/xlsx/workbook-grid';
import { LEVEL1_OPTIONS, OPERATOR_OPTIONS, targetTemplateWorkbook, targetWorkbook } from './target-workbook';

const hanyin = JSON.parse(readFileSync(join(__dirname, '../../../../../demo/datasets/hanyin-2024.json'), 'utf8')) as Dataset;

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe(targetWorkbook.name, () => {
  it('writes the department-wide sheet, then a tab per project, in the national layout', async () => {
    const workbook = await load(await targetWorkbook([hanyin]));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['部门整体', ...hanyin.projects.map((p, i) => `${i + 1}-${p.name}`)]);
    const sheet = workbook.getWorksheet('1-医保重点工作经费')!;
    expect(sheet.getCell('A1').value).toBe('项目支出绩效目标表');
    expect(sheet.getCell('A2').value).toBe('（2024年度）');
    expect(sheet.getCell('C4').value).toBe('医保重点工作经费');
    expect(sheet.getCell('C6').value).toBe('[962]汉阴县医疗保障局');
    expect(sheet.getCell('F6').value).toBe('[962001]汉阴县医疗保障局本级');
    expect(sheet.getCell('E7').value).toBe(41); // 万元, a number
    // 一级 merged down its group, 二级 down its own
    const header = sheet.getColumn(1).values.findIndex((value) => value === '一级指标');
    const merges = (sheet.model as { merges: string[] }).merges;
    expect(merges).toContain(`A${header + 1}:A${header + 5}`); // 产出指标: 5 rows
    expect(merges).toContain(`B${header + 1}:B${header + 2}`); // 数量指标: 2 rows
    expect(sheet.getCell(header + 1, 3).border).toEqual(expect.objectContaining({ top: { style: 'thin' }, left: { style: 'thin' } }));
    expect(sheet.getColumn(3).width).toBe(30);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: `${header}:${header}` });
  });

  it('writes the largest and the smallest amounts in 万元 and reads them back to the cent', async () => {
    const amount = { total: '999999999999.99', fiscal: '0.01', other: '999999999999.98' };
    const big: Dataset = { ...hanyin, departmentSheet: null, projects: [{ ...hanyin.projects[0], amount }] };
    const buffer = await targetWorkbook([big]);
    const sheet = (await load(buffer)).worksheets[0];
    expect([sheet.getCell('E7').value, sheet.getCell('E8').value]).toEqual([99999999.999999, 0.000001]);
    const reading = readTargetWorkbook(await workbookGrid(buffer));
    expect(reading.datasets[0].dataset.projects[0].amount).toEqual(amount);
  });
});

describe(targetTemplateWorkbook.name, () => {
  it('is a blank project sheet with dropdowns for 一级指标, 二级指标 and 指标性质, read back as an empty template', async () => {
    const buffer = await targetTemplateWorkbook(2025);
    const sheet = (await load(buffer)).worksheets[0];
    expect(sheet.getCell('A17').dataValidation).toMatchObject({ type: 'list', formulae: [`"${LEVEL1_OPTIONS.join(',')}"`] });
    expect(sheet.getCell('B17').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('数量指标')] });
    expect(sheet.getCell('D56').dataValidation).toMatchObject({ type: 'list', formulae: [`"${OPERATOR_OPTIONS.join(',')}"`] });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '16:16' });
    const reading = readTargetWorkbook(await workbookGrid(buffer));
    expect(reading.problems.map((p) => p.code)).toEqual(['TABLE_EMPTY']);
  });

  it('reads a filled template: 指标性质 + 指标值 + 度量单位 composed, 分值 kept', async () => {
    const workbook = await load(await targetTemplateWorkbook(2025));
    const sheet = workbook.worksheets[0];
    sheet.getCell('C4').value = '医疗救助县级补助资金';
    sheet.getCell('C6').value = '[962]汉阴县医疗保障局';
    sheet.getCell('E9').value = 80;
    sheet.getCell('E10').value = 80;
    sheet.getCell('E11').value = 0;
    sheet.getCell('C15').value = '目标1：夯实医疗救助托底保障\n目标2：健全防范和化解因病致贫返贫长效机制';
    const rows: [string, string, string, string, ExcelJS.CellValue, string, number][] = [
      ['产出指标', '数量指标', '救助对象纳入率', '=', 100, '%', 30],
      ['', '质量指标', '住院救助比例', '≥', 70, '%', 20],
      ['满意度指标', '服务对象满意度指标', '救助对象的满意度', '定性', '较高', '', 10],
    ];
    rows.forEach((values, i) => values.forEach((value, c) => (sheet.getCell(17 + i, c + 1).value = value === '' ? null : value)));
    const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    const reading = readTargetWorkbook(await workbookGrid(buffer));
    expect(reading.problems).toEqual([]);
    const [{ dataset, origins }] = reading.datasets;
    expect(dataset.fiscalYear).toBe(2025);
    expect(dataset.projects[0]).toMatchObject({ amount: { total: '800000.00', fiscal: '800000.00', other: '0.00' }, goals: ['夯实医疗救助托底保障', '健全防范和化解因病致贫返贫长效机制'] });
    expect(dataset.projects[0].indicators.map((x) => [x.level1, x.level2, x.name, x.target])).toEqual([
      ['产出指标', '数量指标', '救助对象纳入率', '=100%'],
      ['产出指标', '质量指标', '住院救助比例', '≥70%'],
      ['满意度指标', '服务对象满意度指标', '救助对象的满意度', '较高'],
    ]);
    expect(origins[0].indicatorWeights).toEqual(['30', '20', '10']);
  });
});
