import type { GridMerge, GridTab } from './grid';
import { readTargetWorkbook } from './read-target-workbook';

/** A tab from rows of cells ('' = empty) and merges written as [top, left, bottom, right]. */
function tab(name: string, rows: string[][], merges: [number, number, number, number][] = []): GridTab {
  return {
    name,
    rows: rows.map((row) => row.map((cell) => (cell === '' ? null : cell))),
    merges: merges.map(([top, left, bottom, right]): GridMerge => ({ top, left, bottom, right })),
  };
}

/** A 望都-style project (wangdu 2024): 项目编码, 预算规模及资金用途, 资金支出计划（%）, 绩效指标描述, 指标值确定依据. */
function wangdu(planLabel: string, plan: string[], total = '2832.00'): GridTab {
  return tab(
    '望都',
    [
      ['1、城乡居民医疗保险县级配套绩效目标表', '', '', '', '', ''],
      ['单位：万元', '', '', '', '', ''],
      ['项目编码', '13063124P00424511361K', '项目名称', '城乡居民医疗保险县级配套', '', ''],
      ['主管部门', '450 望都县医疗保障局', '', '', '', ''],
      ['预算规模及\n资金用途', '预算数', total, '其中：财政 资金', total, '其他资金'],
      ['', '中央和地方各级财政按照规定的人均财政补助标准和城乡参保人数安排的补助收入。', '', '', '', ''],
      [planLabel, '3 月底', '6 月底', '10 月底', '12 月底', ''],
      ['', ...plan, ''],
      ['绩效目标', '1.中央和地方各级财政按照规定的人均财政补助标准和城乡参保人数安排的补助收入。', '', '', '', ''],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定\n依据'],
      ['产出指标', '数量指标', '城乡居民参保人数', '城乡居民参保人数', '≤211269 人', '调查了解'],
      ['', '质量指标', '参保覆盖率', '参保覆盖率', '不低于上年', '《保定市\n2024 年度\n城乡居民基本医疗保险参保缴费工作方案》'],
      ['效益指标', '社会效益指标', '城乡居民医保政策知晓率', '城乡居民医保政策知晓率', '≥95 百分比', '调查了解'],
    ],
    [
      [1, 1, 1, 6],
      [2, 1, 2, 6],
      [4, 2, 4, 6],
      [5, 1, 6, 1],
      [6, 2, 6, 6],
      [7, 1, 8, 1],
      [9, 2, 9, 6],
      [11, 1, 12, 1],
    ],
  );
}

describe(readTargetWorkbook.name, () => {
  it('reads 望都: code, 预算数 beside its label, 资金用途 under the amounts, a plan of fractions, wrapped cells', () => {
    const reading = readTargetWorkbook({ tabs: [wangdu('资金支出计\n划（%）', ['0.25', '0.50', '0.75', '1.00'])] }, { fiscalYear: 2024, region: '望都县' });
    expect(reading.problems).toEqual([]);
    const { dataset } = reading.datasets[0];
    expect(dataset).toMatchObject({ fiscalYear: 2024, region: '望都县', department: { code: '450', name: '望都县医疗保障局' } });
    expect(dataset.projects[0]).toEqual({
      code: '13063124P00424511361K',
      name: '城乡居民医疗保险县级配套',
      unitCode: null,
      category: null,
      amount: { total: '28320000.00', fiscal: '28320000.00', other: null },
      purpose: '中央和地方各级财政按照规定的人均财政补助标准和城乡参保人数安排的补助收入。',
      goals: ['中央和地方各级财政按照规定的人均财政补助标准和城乡参保人数安排的补助收入。'],
      spendingPlan: [
        { month: 3, cumulativeAmount: '7080000.00' },
        { month: 6, cumulativeAmount: '14160000.00' },
        { month: 10, cumulativeAmount: '21240000.00' },
        { month: 12, cumulativeAmount: '28320000.00' },
      ],
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '城乡居民参保人数', description: '城乡居民参保人数', target: '≤211269 人', basis: '调查了解', remark: null },
        {
          level1: '产出指标',
          level2: '质量指标',
          name: '参保覆盖率',
          description: '参保覆盖率',
          target: '不低于上年',
          basis: '《保定市\n2024 年度\n城乡居民基本医疗保险参保缴费工作方案》',
          remark: null,
        },
        { level1: '效益指标', level2: '社会效益指标', name: '城乡居民医保政策知晓率', description: '城乡居民医保政策知晓率', target: '≥95 百分比', basis: '调查了解', remark: null },
      ],
    });
  });

  it.each([
    ['a plan labelled in % written in amounts (望都 2024, project 2)', '资金支出计划（%）', ['4.75', '9.50', '14.25', '19.00'], '19.00', ['47500.00', '95000.00', '142500.00', '190000.00']],
    ['percentages under a % label', '资金支出计划（%）', ['25', '50', '75', '100'], '19.00', ['47500.00', '95000.00', '142500.00', '190000.00']],
    ['percent values', '资金支出计划', ['25%', '50%', '75%', '100%'], '19.00', ['47500.00', '95000.00', '142500.00', '190000.00']],
    ['amounts in the table unit', '资金支出计划', ['5', '10', '15', '19'], '19.00', ['50000.00', '100000.00', '150000.00', '190000.00']],
    ['fractions that round to the cent', '资金支出计划', ['0.333', '0.5', '0.667', '1'], '0.0001', ['0.33', '0.50', '0.67', '1.00']],
  ])('reads %s', (_case, label, plan, total, amounts) => {
    const reading = readTargetWorkbook({ tabs: [wangdu(label, plan, total)] }, { fiscalYear: 2024 });
    expect(reading.datasets[0].dataset.projects[0].spendingPlan.map((p) => p.cumulativeAmount)).toEqual(amounts);
  });

  it('reads a two-row header (指标值 over 指标性质 | 指标值 | 度量单位) with 分值, full-width labels, values after colons', () => {
    const reading = readTargetWorkbook({
      tabs: [
        tab(
          'Sheet1',
          [
            ['项目支出绩效目标表', '', '', '', '', ''],
            ['（２０２４年度）', '', '', '', '', ''],
            ['项目名称：医保重点工作经费', '', '', '主管部门：[962]汉阴县医疗保障局', '', ''],
            ['项目资金（万元）', '年度资金总额：', '41', '', '', ''],
            ['', '其中：财政拨款', '41', '', '', ''],
            ['一级指标', '二级指标', '三级指标', '指标值', '', '', '分值'],
            ['', '', '', '指标性质', '指标值', '度量单位', ''],
            ['产出指标', '数量指标', '指标1：服务全县参保群众\n人数', '＞', '27', '万人', '20'],
            ['', '', '指标2：保障企业离休干部人数', '=', '2', '人', '10'],
            ['', '时效指标', '工作完成时限', '定性', '2023年全年', '', ''],
            ['一级指标', '二级指标', '三级指标', '指标值', '', '', '分值'],
            ['', '', '', '指标性质', '指标值', '度量单位', ''],
            ['满意度指标', '服务对象满意度指标', '群众对医保工作的满意度', '大于等于', '90', '%', '10'],
            ['注：1、年度绩效指标可选择填写。', '', '', '', '', '', ''],
            ['', '', '不是指标', '', '≥1', '', ''],
          ],
          [
            [1, 1, 1, 6],
            [2, 1, 2, 6],
            [3, 1, 3, 3],
            [3, 4, 3, 6],
            [4, 1, 5, 1],
            [6, 1, 7, 1],
            [6, 2, 7, 2],
            [6, 3, 7, 3],
            [6, 4, 6, 6],
            [6, 7, 7, 7],
            [8, 1, 10, 1],
          ],
        ),
      ],
    });
    expect(reading.problems).toEqual([]);
    const [{ dataset, origins }] = reading.datasets;
    expect(dataset.fiscalYear).toBe(2024);
    expect(dataset.department).toEqual({ code: '962', name: '汉阴县医疗保障局' });
    expect(dataset.projects[0].amount).toEqual({ total: '410000.00', fiscal: '410000.00', other: null });
    expect(dataset.projects[0].indicators.map((i) => [i.level1, i.level2, i.name, i.target])).toEqual([
      ['产出指标', '数量指标', '服务全县参保群众人数', '＞27万人'],
      ['产出指标', '数量指标', '保障企业离休干部人数', '=2人'],
      ['产出指标', '时效指标', '工作完成时限', '2023年全年'],
      ['满意度指标', '服务对象满意度指标', '群众对医保工作的满意度', '≥90%'],
    ]);
    expect(origins[0].indicatorWeights).toEqual(['20', '10', null, '10']);
  });

  it('reads a header whose 指标值 is merged down past a parent row (绩效指标 over 一级 | 二级 | 三级), and goals on two rows', () => {
    const reading = readTargetWorkbook(
      {
        tabs: [
          tab(
            '表',
            [
              ['单位：元', '预算年度：2024', '', '', ''],
              ['项目名称', '医疗救助', '', '', ''],
              ['主管部门', '沈丘县医疗保障局', '', '', ''],
              ['资金总额', '850,000.00', '', '', ''],
              ['年度绩效目标', '目标1：夯实托底保障', '', '', ''],
              ['', '目标2：避免过度保障', '', '', ''],
              ['绩效指标', '', '', '指标值', '备注'],
              ['一级指标', '二级指标', '三级指标', '', ''],
              ['产出指标', '数量指标', '救助人次', '≥1000人次', ''],
              ['', '', '救助比例', '≥70%', '住院'],
            ],
            [
              [5, 1, 6, 1],
              [7, 1, 7, 3],
              [7, 4, 8, 4],
              [7, 5, 8, 5],
            ],
          ),
        ],
      },
      { fiscalYear: 2023 },
    );
    expect(reading.problems).toEqual([]);
    expect(reading.datasets[0].dataset.fiscalYear).toBe(2024); // the table's own year before the option
    const project = reading.datasets[0].dataset.projects[0];
    expect(project.amount.total).toBe('850000.00');
    expect(project.goals).toEqual(['夯实托底保障', '避免过度保障']);
    expect(project.indicators.map((x) => [x.level1, x.level2, x.name, x.target, x.remark])).toEqual([
      ['产出指标', '数量指标', '救助人次', '≥1000人次', null],
      ['产出指标', '数量指标', '救助比例', '≥70%', '住院'],
    ]);
  });

  it('takes no year from a project name (2024年专项经费-…), only from the lines above the table', () => {
    const reading = readTargetWorkbook({
      tabs: [
        tab('表', [
          ['项目名称', '2023年专项经费-基金监管工作经费', ''],
          ['主管部门', '沈丘县医疗保障局', ''],
          ['资金总额（万元）', '50', ''],
          ['一级指标', '三级指标', '指标值'],
          ['成本指标', '总成本', '≤50万元'],
        ]),
      ],
    }, { fiscalYear: 2024 });
    expect(reading.problems).toEqual([]);
    expect(reading.datasets[0].dataset.fiscalYear).toBe(2024);
  });

  it('names every row it cannot read by tab, row and column', () => {
    const reading = readTargetWorkbook({
      tabs: [
        tab('项目', [
          ['项目名称', '医保重点工作经费', '', ''],
          ['主管部门', '汉阴县医疗保障局', '', ''],
          ['资金总额', '四十一', '', ''],
          ['一级指标', '二级指标', '三级指标', '指标值'],
        ]),
        tab('项目2', [
          ['项目名称', '医疗救助县级补助资金', '', ''],
          ['资金总额', '80', '', ''],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['', '数量指标', '救助人数', '≥100人'],
          ['产出指标', '质量指标', '救助比例', ''],
          ['', '', '', '≥70%'],
          ['', '时效指标', '一站式报销', '≥95%'],
        ]),
      ],
    });
    expect(reading.problems.map((p) => [p.code, p.severity, p.tab, p.row, p.column])).toEqual([
      ['AMOUNT_UNREADABLE', 'error', '项目', 3, 'B'],
      ['PROJECT_AMOUNT_MISSING', 'error', '项目', 1, null],
      ['MONEY_UNIT_ASSUMED', 'warning', '项目2', 1, null],
      ['LEVEL1_MISSING', 'error', '项目2', 4, 'A'],
      ['INDICATOR_WITHOUT_TARGET', 'warning', '项目2', 5, 'D'],
      ['ROW_UNREADABLE', 'error', '项目2', 6, 'C'],
      ['YEAR_MISSING', 'error', '项目2', 1, null],
    ]);
    expect(reading.problems.every((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
    expect(reading.datasets).toEqual([]);
  });

  it('takes the department and the year from the other tables or the options, and refuses a table with neither', () => {
    const project = (name: string) =>
      tab(name, [
        ['单位：万元', '', ''],
        ['项目名称', name, ''],
        ['资金总额', '10', ''],
        ['一级指标', '三级指标', '指标值'],
        ['产出指标', '人数', '≥1人'],
      ]);
    const department = tab('部门', [
      ['2024年部门整体支出绩效目标表', ''],
      ['部门名称', '汉阴县医疗保障局'],
      ['年度履职目标', '目标1：发放工资'],
    ]);
    const withDepartment = readTargetWorkbook({ tabs: [project('甲'), department] });
    expect(withDepartment.problems).toEqual([]);
    expect(withDepartment.datasets[0].dataset).toMatchObject({ fiscalYear: 2024, department: { code: null, name: '汉阴县医疗保障局' } });
    expect(withDepartment.datasets[0].dataset.departmentSheet).toEqual({ goals: ['发放工资'], tasks: [], budget: { total: null, basic: null, project: null }, indicators: [] });
    expect(withDepartment.datasets[0].dataset.projects[0].indicators[0]).toMatchObject({ level1: '产出指标', level2: null, name: '人数' });

    const alone = readTargetWorkbook({ tabs: [project('乙')] }, { fiscalYear: 2025 });
    expect(alone.problems.map((p) => p.code)).toEqual(['DEPARTMENT_MISSING']);
    expect(alone.datasets).toEqual([]);

    const twice = readTargetWorkbook({ tabs: [department, department] });
    expect(twice.problems.map((p) => [p.code, p.tab])).toEqual([['DEPARTMENT_SHEET_DUPLICATE', '部门']]);
  });

  it('skips a blank template (专项资金总体绩效目标表 left empty) with a warning', () => {
    const reading = readTargetWorkbook({
      tabs: [
        tab('模板', [
          ['专项资金总体绩效目标表', '', '', ''],
          ['项目名称', '', '', ''],
          ['一级指标', '二级指标', '指标内容', '指标值'],
          ['产出指标', '数量指标', '指标1：', ''],
          ['', '', '.....', ''],
        ]),
      ],
    });
    expect(reading.problems.map((p) => [p.code, p.severity])).toEqual([['TABLE_EMPTY', 'warning']]);
  });
});
