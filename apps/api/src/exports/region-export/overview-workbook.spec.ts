import type { FinanceOverviewResponse } from '@jixiao/contracts';
import ExcelJS from 'exceljs';
import { renderOverviewWorkbook } from './overview-workbook';

const OVERVIEW: FinanceOverviewResponse = {
  fiscalYear: 2024,
  departments: [
    {
      department: { id: 'd1', code: null, name: '神木市教育局', kind: 'department' },
      region: '神木市',
      budget: '4100000.00',
      spent: '3900005.00',
      executionRate: 0.951,
      executionPercent: '95.12',
      budgetBasis: '按已批准的 2 个项目的预算与支出合计',
      averageScore: '87.505',
      grades: { excellent: 0, good: 1, fair: 0, poor: 0 },
      unmet: { minor: 0, moderate: 0, severe: 1, missing: 1 },
      sheets: [
        {
          sheetId: 's1', kind: 'project', name: '学生资助', budget: '4000000.00', spent: '3800000.00', total: '87.51', grade: 'good', stale: false,
          unmet: [
            { indicatorId: 'i1', name: '受助学生满意度', severity: 'severe', rate: 0.5556, ratePercent: '55.56' },
            { indicatorId: 'i2', name: '完成时限', severity: 'missing', rate: null, ratePercent: null },
          ],
        },
        { sheetId: 's2', kind: 'project', name: '校舍维修', budget: '100000.00', spent: '100005.00', total: null, grade: null, stale: false, unmet: [] },
      ],
    },
  ],
  totals: {
    budget: '4100000.00', spent: '3900005.00', executionRate: 0.951, executionPercent: '95.12', evaluated: 1, stale: 0, sheets: 2,
    unmet: { minor: 0, moderate: 0, severe: 1, missing: 1 }, grades: { excellent: 0, good: 1, fair: 0, poor: 0 },
  },
};

async function rowsOf(buffer: Buffer): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const tabs = new Map<string, unknown[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    tabs.set(sheet.name, rows);
  }
  return tabs;
}

describe(renderOverviewWorkbook.name, () => {
  it('writes a row per department with the region’s total, and a row per sheet with its unmet indicators named', async () => {
    const tabs = await rowsOf(await renderOverviewWorkbook(OVERVIEW, '神木市'));
    expect([...tabs.keys()]).toEqual(['部门汇总', '目标表明细']);
    const departments = tabs.get('部门汇总')!;
    expect(departments[0]![0]).toBe('神木市2024年度绩效自评汇总表（按部门）');
    expect(departments[1]).toEqual(['部门', '预算（万元）', '支出（万元）', '预算执行率', '目标表数', '已评价', '平均得分', '等级优', '等级良', '等级中', '等级差', '未完成指标（严重）', '未完成指标（较大）', '未完成指标（轻微）', '未完成指标（未填报）']);
    expect(departments[2]).toEqual(['神木市教育局', '410.00', '390.00', '95.12%', 2, 1, '87.51', 0, 1, 0, 0, 1, 0, 0, 1]);
    expect(departments[3]).toEqual(['合计', '410.00', '390.00', '95.12%', 2, 1, '', 0, 1, 0, 0, 1, 0, 0, 1]);
    const sheets = tabs.get('目标表明细')!;
    expect(sheets[2]).toEqual(['神木市教育局', '学生资助', '项目支出', '400.00', '380.00', '87.51', '良', '受助学生满意度（严重，完成率 55.56%）；完成时限（未填报）']);
    expect(sheets[3]).toEqual(['神木市教育局', '校舍维修', '项目支出', '10.00', '10.00', '未评价', '—', '无']);
  });
});
