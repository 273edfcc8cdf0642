/**
 * xlsx files in three real layouts (built by testing/layout-builders.ts from the seeds' tables, with the
 * fixtures' data), read by workbookGrid + readTargetWorkbook back to the fixtures' indicators, amounts,
 * goals and tasks.
 */
import { readTargetWorkbook, type Dataset, type DatasetIndicator } from '@jixiao/contracts/dataset';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bufferOf, hanyinDepartmentTab, hanyinProjectTab, integratedProjectTab, xuchangOneTab } from './testing/layout-builders';
import { workbookGrid } from './workbook-grid';

const fixture = (name: string): Dataset => JSON.parse(readFileSync(join(__dirname, '../../../../../demo/datasets', `${name}-2024.json`), 'utf8')) as Dataset;

async function read(build: (workbook: ExcelJS.Workbook) => void, options = {}) {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return readTargetWorkbook(await workbookGrid(await bufferOf(workbook)), options);
}

describe('real layouts', () => {
  it('汉阴 表14 + 表15: 年度绩效指标 | 一级 | 二级 | 指标内容 | 指标值 | 备注, merged, 指标N: prefixes, template rows', async () => {
    const hanyin = fixture('hanyin');
    const reading = await read((workbook) => {
      hanyin.projects.forEach((_, i) => hanyinProjectTab(workbook, hanyin, i));
      hanyinDepartmentTab(workbook, hanyin);
    });
    expect(reading.problems).toEqual([]);
    expect(reading.datasets).toHaveLength(1);
    const { dataset, origins } = reading.datasets[0];
    expect(dataset.fiscalYear).toBe(2024);
    expect(dataset.department).toEqual({ code: null, name: '汉阴县医疗保障局' });
    expect(dataset.projects.map((p) => p.indicators)).toEqual(hanyin.projects.map((p) => p.indicators));
    expect(dataset.projects.map((p) => p.goals)).toEqual(hanyin.projects.map((p) => p.goals));
    expect(dataset.projects.map((p) => p.amount)).toEqual(hanyin.projects.map((p) => ({ ...p.amount, other: null }))); // 其他资金 left empty
    expect(dataset.departmentSheet).toEqual({
      ...hanyin.departmentSheet,
      budget: { total: hanyin.departmentSheet!.budget.total, basic: null, project: null }, // 金额合计 only
    });
    // each sheet named by its tab and the row of its first label (项目名称 / 部门（单位）名称)
    expect(origins.map((o) => [o.sheet, o.tab, o.row])).toEqual([
      [0, '表14-1', 4],
      [1, '表14-2', 4],
      [2, '表14-3', 4],
      [3, '表14-4', 4],
      ['department', '表15', 2],
    ]);
  });

  it('一体化 export: 指标性质 | 指标值 | 度量单位 | 分值 | 评(扣)分标准, amounts in 元 under their labels, 一级/二级 left empty', async () => {
    const shenmu = fixture('shenmu');
    const reading = await read((workbook) => shenmu.projects.forEach((_, i) => integratedProjectTab(workbook, shenmu, i)), { region: '神木市' });
    expect(reading.problems).toEqual([]);
    const { dataset, origins } = reading.datasets[0];
    expect(dataset.department).toEqual(shenmu.department);
    expect(dataset.region).toBe('神木市');
    expect(dataset.units).toEqual(shenmu.units);
    const scored = (indicators: DatasetIndicator[]) => indicators.map((x, i) => ({ ...x, remark: `完成得满分，未完成按比例扣分（${i + 1}）` }));
    expect(dataset.projects.map((p) => p.indicators)).toEqual(shenmu.projects.map((p) => scored(p.indicators)));
    expect(dataset.projects.map((p) => [p.name, p.unitCode, p.category, p.amount, p.goals])).toEqual(shenmu.projects.map((p) => [p.name, p.unitCode, p.category, p.amount, p.goals]));
    expect(origins[0].indicatorWeights).toEqual(shenmu.projects[0].indicators.map((_, i) => String(10 + (i % 3))));
  });

  it('许昌: several tables in one tab (一级 | 三级 | 指标值, no 二级), then the 整体绩效目标表 with 预算情况', async () => {
    const xuchang = fixture('xuchang');
    const reading = await read((workbook) => xuchangOneTab(workbook, xuchang));
    // the one project without indicators says so; nothing else
    expect(reading.problems.map((p) => [p.code, p.severity])).toEqual([['TABLE_WITHOUT_INDICATORS', 'warning']]);
    const { dataset, origins } = reading.datasets[0];
    expect(dataset.fiscalYear).toBe(2024); // stated only above the 整体 table
    expect(dataset.projects.map((p) => p.indicators)).toEqual(xuchang.projects.map((p) => p.indicators));
    expect(dataset.projects.map((p) => [p.amount.total, p.amount.fiscal, p.category])).toEqual(xuchang.projects.map((p) => [p.amount.total, p.amount.fiscal, p.category]));
    expect(dataset.projects.every((p) => p.unitCode === null)).toBe(true); // written by name only
    expect(origins.filter((o) => o.sheet !== 'department').map((o) => o.unitName)).toEqual(
      xuchang.projects.map((p) => xuchang.units.find((u) => u.code === p.unitCode)!.name),
    );
    expect(dataset.departmentSheet).toEqual(xuchang.departmentSheet);
  });
});
