// The rules for text whose columns are separated by single spaces (望都's layout class) and for column
// tables whose tabs became spaces, on small tables written the way other provinces publish them.
import { documentDepartment } from './document-department';
import { continuesTarget } from './indicator-rows';
import { readNarrativeDepartment } from './narrative-department';
import { readDisclosureText } from './read-disclosure-text';
import { isStrongTarget, spacedCells } from './spaced-cells';
import { assignColumns } from './spaced-indicator-rows';
import { spaceSeparatorWidth, tokeniseText, withEmptyCellsOfSpaceRuns } from './text-rows';

describe(spacedCells.name, () => {
  it.each([
    ['数量指标 城乡居民参保人数 城乡居民参保人数 ≤211269 人 调查了解', ['数量指标', '城乡居民参保人数', '城乡居民参保人数', '≤211269 人', '调查了解']],
    ['成本指标 启动 DIP 实际支付工作 启动 DIP 实际支付工作 不晚于 12 月底', ['成本指标', '启动 DIP 实际支付工作', '启动 DIP 实际支付工作', '不晚于 12 月底']],
    ['时效指标 补贴及时性 按要求预拨资金，并于 3 月底完成资金下达 按时下达', ['时效指标', '补贴及时性', '按要求预拨资金，并于 3 月底完成资金下达', '按时下达']],
    ['补贴资金规模性 脱贫县老干部每人 0.2 万元，9 人共计 1.8 万元 ≤1.8 万元', ['补贴资金规模性', '脱贫县老干部每人 0.2 万元，9 人共计 1.8 万元', '≤1.8 万元']],
    ['社会稳定性水平 提升老干部满意度，增强社会稳定性水平。比上年提高 ≥10 百分比 调查了解', ['社会稳定性水平', '提升老干部满意度，增强社会稳定性水平。', '比上年提高 ≥10 百分比', '调查了解']],
    ['财政拨款数量 年度财政部门拨款数量 70 万元', ['财政拨款数量', '年度财政部门拨款数量', '70 万元']],
    ['作用 2024 年度', ['作用', '2024 年度']],
    ['受益群众满意度 ≥90%', ['受益群众满意度', '≥90%']],
    ['受益群众满意度 ＞＝90％', ['受益群众满意度', '＞＝90％']],
  ])('%s', (line, cells) => {
    expect(spacedCells(line)).toEqual(cells);
  });
});

describe(isStrongTarget.name, () => {
  it.each(['≥90 百分比', '≤1.8 万元', '100 百分比', '70 万元', '95%', '＞＝90％', '不晚于 12 月底', '比上年提高 ≥10 百分比', '=100%'])('%s can only be a 指标值', (cell) => {
    expect(isStrongTarget(cell)).toBe(true);
  });
  it.each(['2024 年度', '参保覆盖率', '成效明显', '医疗保障管', '按时下达', '3 月底完成资金下达'])('%s may be anything', (cell) => {
    expect(isStrongTarget(cell)).toBe(false);
  });
});

describe(assignColumns.name, () => {
  const columns = ['name', 'description', 'target', 'basis'] as const;
  const read = (lines: string[][]): Record<string, string> => Object.fromEntries(assignColumns(lines, [...columns]));

  it('a whole row on one line', () => {
    expect(read([['参保覆盖率', '参保覆盖率', '不低于上年', '调查了解']])).toEqual({ name: '参保覆盖率', description: '参保覆盖率', target: '不低于上年', basis: '调查了解' });
  });

  it('a name wrapped above its main line, a basis below it', () => {
    expect(read([['召开医保工作县级政策吹风'], ['会议次数'], ['召开医保工作县级政策吹风会议次数', '≥2 次'], ['医疗保障管'], ['理事务']])).toEqual({
      name: '召开医保工作县级政策吹风会议次数',
      description: '召开医保工作县级政策吹风会议次数',
      target: '≥2 次',
      basis: '医疗保障管理事务',
    });
  });

  it('a continuation line with a fragment of the name and one of the basis', () => {
    expect(read([['对健全医疗保障制度体系的', '对健全医疗保障制度体系的作用', '成效明显', '《保定市'], ['作用', '2024 年度'], ['城乡居民基'], ['本医疗保险']])).toEqual({
      name: '对健全医疗保障制度体系的作用',
      description: '对健全医疗保障制度体系的作用',
      target: '成效明显',
      basis: '《保定市2024 年度城乡居民基本医疗保险',
    });
  });

  it('a qualitative 指标值 wrapped below a row without one: the long line continues, the short one ends it', () => {
    expect(read([['完工及时率', '完工及时率'], ['医保政策宣传的及时'], ['性'], ['年度工作计'], ['划']])).toEqual({
      name: '完工及时率',
      description: '完工及时率',
      target: '医保政策宣传的及时性',
      basis: '年度工作计划',
    });
  });

  it('a basis with an unclosed 《 goes on whatever the line lengths', () => {
    expect(read([['参保覆盖率', '参保覆盖率', '不低于上年'], ['《保定市'], ['2024 年度'], ['城乡居民基'], ['作方案》']]).basis).toBe('《保定市2024 年度城乡居民基作方案》');
  });

  it('without description and basis columns: a name wrapped over the 指标值 line', () => {
    expect(Object.fromEntries(assignColumns([['工程长效运行'], ['机制', '逐步完善']], ['name', 'target']))).toEqual({ name: '工程长效运行机制', target: '逐步完善' });
  });
});

describe('a single-space separated project table of another layout (一级 二级 三级 指标值, merged 二级 cells)', () => {
  const text = [
    '2024年项目支出绩效目标表',
    '项目名称 农村饮水安全工程维修养护',
    '主管部门 某某县水利局',
    '资金金额（万元） 50.00',
    '总体目标 保障农村饮水工程正常运行。',
    '一级指标 二级指标 三级指标 指标值',
    '产出指标 数量指标 维修养护工程处数 ≥20 处',
    '水质检测次数 ≥4 次',
    '质量指标 工程验收合格率 100%',
    '时效指标 资金拨付及时率 及时',
    '成本指标 维修养护费用 ≤50 万元',
    '效益指标 社会效益指标 受益人口数量 ≥1.2 万人',
    '可持续影响指标 工程长效运行',
    '机制 逐步完善',
    '满意度指标 服务对象满意度指标 受益群众满意度 ≥90%',
  ].join('\n');

  it('reads the sheet, its amount and every indicator', () => {
    const reading = readDisclosureText(text);
    expect(reading.problems).toEqual([]);
    const dataset = reading.datasets[0].dataset;
    expect(dataset.department.name).toBe('某某县水利局');
    const project = dataset.projects[0];
    expect(project.name).toBe('农村饮水安全工程维修养护');
    expect(project.amount.total).toBe('500000.00');
    expect(project.indicators.map((indicator) => [indicator.level1, indicator.level2, indicator.name, indicator.target])).toEqual([
      ['产出指标', '数量指标', '维修养护工程处数', '≥20 处'],
      ['产出指标', '数量指标', '水质检测次数', '≥4 次'],
      ['产出指标', '质量指标', '工程验收合格率', '100%'],
      ['产出指标', '时效指标', '资金拨付及时率', '及时'],
      ['产出指标', '成本指标', '维修养护费用', '≤50 万元'],
      ['效益指标', '社会效益指标', '受益人口数量', '≥1.2 万人'],
      ['效益指标', '可持续影响指标', '工程长效运行机制', '逐步完善'],
      ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%'],
    ]);
  });
});

describe('single-space rows read whole under merged 二级指标 cells (汉阴-like: 年度绩效指标 一级 二级 指标内容 指标值 备注)', () => {
  const text = [
    '项目名称 医保重点工作经费',
    '主管部门 某县医疗保障局',
    '年度绩效指标 一级指标 二级指标 指标内容 指标值 备注',
    '产出指标 数量指标 指标1: 服务全县参保群众人数 >27万人',
    '指标2: 保障企业离休干部人数 2人',
    '质量指标 医保报销的合规性 按上级文件政策执行',
    '时效指标 工作完成时限 2023年全年',
    '效益指标 社会效益指标 医保重要政策知晓率 ≥90%',
    '医保人员业务水平的提升 提升',
    '满意度指标 服务对象满意度指标 指标 1: 群众对医保工作的满意度 ≥90%',
    '指标 2:',
  ].join('\n');

  it('a numbering or a second name-and-指标值 line starts a row; a lone numbering is a template row', () => {
    const reading = readDisclosureText(text);
    expect(reading.datasets[0].dataset.projects[0].indicators.map((indicator) => [indicator.level2, indicator.name, indicator.target])).toEqual([
      ['数量指标', '服务全县参保群众人数', '>27万人'],
      ['数量指标', '保障企业离休干部人数', '2人'],
      ['质量指标', '医保报销的合规性', '按上级文件政策执行'],
      ['时效指标', '工作完成时限', '2023年全年'],
      ['社会效益指标', '医保重要政策知晓率', '≥90%'],
      ['社会效益指标', '医保人员业务水平的提升', '提升'],
      ['服务对象满意度指标', '群众对医保工作的满意度', '≥90%'],
    ]);
  });
});

describe(continuesTarget.name, () => {
  it.each([
    ['≥90', '%'],
    ['>26万', '人'],
    ['=2310 元/', '人/年'],
    ['≥57.', '6元/人'],
    ['≤30 分', '钟'],
    ['24 小', '时内'],
    ['≤20', '工作日'],
    ['≥', '90%'],
    ['6月份', '前'],
  ])('%s + %s is one 指标值', (above, fragment) => {
    expect(continuesTarget(above, fragment)).toBe(true);
  });
  it.each([
    ['≥90%', '≥95%'],
    ['≤35万', '≤23万'],
    ['及时', '100%'],
    ['完成', '提升'],
    ['≥2次', '全覆盖'],
  ])('%s then %s are two', (above, fragment) => {
    expect(continuesTarget(above, fragment)).toBe(false);
  });
});

describe('tabs turned into spaces of one width', () => {
  const rows = tokeniseText(['a    b  c', '        x  y', 'p  q'].join('\n'));
  it('the width is the runs’ common divisor, most frequent over the rows', () => {
    expect(spaceSeparatorWidth(rows)).toBe(2);
  });
  it('a run of k × width spaces is k separators: the empty cells come back', () => {
    expect(rows.map((row) => withEmptyCellsOfSpaceRuns(row, 2).cells)).toEqual([
      ['a', '', 'b', 'c'],
      ['', '', '', '', 'x', 'y'],
      ['p', 'q'],
    ]);
  });
  it('rows with tabs, or runs of no common width, are left as they are', () => {
    const tabbed = tokeniseText('a\t\tb')[0];
    expect(withEmptyCellsOfSpaceRuns(tabbed, 2)).toBe(tabbed);
    expect(spaceSeparatorWidth(tokeniseText('a  b   c'))).toBeNull();
    const odd = tokeniseText('a   b')[0];
    expect(withEmptyCellsOfSpaceRuns(odd, 2)).toBe(odd);
  });
});

describe(documentDepartment.name, () => {
  it('the department of the budget tables’ repeated heading, with its code', () => {
    expect(documentDepartment('450 望都县医疗保障局 预算年度：2024\n表二\n450 望都县医疗保障局 单位：万元\n')).toEqual({ name: '望都县医疗保障局', code: '450' });
  });
  it('else the most frequent department-like name, without a code', () => {
    expect(documentDepartment('某某市卫生健康委员会2024年部门预算\n某某市卫生健康委员会主要职责\n某某市财政局')).toEqual({ name: '某某市卫生健康委员会', code: null });
  });
  it('null when the text names none', () => {
    expect(documentDepartment('绩效目标表\n一级指标')).toBeNull();
  });
});

describe(readNarrativeDepartment.name, () => {
  it('the items of the 部门整体绩效目标 section, each its first sentence, and the 支出总表’s budget', () => {
    const text = [
      '部门支出总表',
      '单位：万元',
      '合计 基本支出 项目支出',
      '1 合计 120.50 100.00 20.50',
      '三、部门整体绩效目标',
      '（一）总体绩效目标',
      '我局坚持以人民为中心。',
      '（一）完善医疗保障制度',
      '1.推进改革。',
      '（二）加强基金监管。开展专项检查。',
      '（二）分项绩效目标',
      '（一）不是部门的目标',
    ].join('\n');
    expect(readNarrativeDepartment(tokeniseText(text))?.sheet).toEqual({
      goals: ['完善医疗保障制度', '加强基金监管。'],
      tasks: [],
      budget: { total: '1205000.00', basic: '1000000.00', project: '205000.00' },
      indicators: [],
    });
  });
  it('null without such a section', () => {
    expect(readNarrativeDepartment(tokeniseText('一、部门职责\n（一）主要职责'))).toBeNull();
  });
});
