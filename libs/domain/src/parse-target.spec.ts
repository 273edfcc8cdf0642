import { PARSE_WARNING_CODES, parseTarget } from './parse-target';
import type { Op, ParseContext, TargetSpec } from './target-spec';

const OUTPUT: ParseContext = { level1: '产出指标', level2: '数量指标', name: '参保人数', fiscalYear: 2024 };
const COST: ParseContext = { level1: '产出指标', level2: '成本指标', name: '预算控制数', fiscalYear: 2024 };
const COST_LEVEL1: ParseContext = { level1: '成本指标', level2: null, name: '总成本', fiscalYear: 2024 };
const TIMELINESS: ParseContext = { level1: '产出指标', level2: '时效指标', name: '完成时限', fiscalYear: 2024 };

function num(op: Op, value: number, unit: string | null): TargetSpec {
  return { kind: 'numeric', op, value, unit };
}

function deadline(by: string): TargetSpec {
  return { kind: 'deadline', by };
}

function qualitative(text: string): TargetSpec {
  return { kind: 'qualitative', text };
}

/** The spec and the warning codes, which is what most expectations are about. */
function read(raw: string, context?: ParseContext): { spec: TargetSpec; codes: string[] } {
  const result = parseTarget(raw, context);
  return { spec: result.spec, codes: result.warnings.map((w) => w.code) };
}

describe(parseTarget.name, () => {
  describe('DESIGN §3 table', () => {
    it.each([
      // numeric, op >= / >, 百分比 is %
      ['≥1428 人次', OUTPUT, num('>=', 1428, '人次')],
      ['不低于95%', OUTPUT, num('>=', 95, '%')],
      ['>27万人', OUTPUT, num('>', 27, '万人')],
      ['≥95 百分比', OUTPUT, num('>=', 95, '%')],
      // numeric, op <= / < (X内 is <=)
      ['≤41万元', COST, num('<=', 41, '万元')],
      ['不超过30天', OUTPUT, num('<=', 30, '天')],
      ['≤3.2 元/张', COST, num('<=', 3.2, '元/张')],
      ['24 小时内', TIMELINESS, num('<=', 24, '小时')],
      // numeric, op =
      ['=370 人', OUTPUT, num('=', 370, '人')],
      ['=2310 元/人/年', COST, num('=', 2310, '元/人/年')],
      // range
      ['6-9 月', OUTPUT, { kind: 'range', min: 6, max: 9, unit: '月' }],
      ['80%-90%', OUTPUT, { kind: 'range', min: 80, max: 90, unit: '%' }],
      // deadline
      ['10 月份前', TIMELINESS, deadline('09-30')],
      ['6月前', TIMELINESS, deadline('05-31')],
      ['不晚于 12 月底', TIMELINESS, deadline('12-31')],
      ['12 月底前', TIMELINESS, deadline('12-31')],
      // recurring deadline
      ['每月 20 号之前', TIMELINESS, { kind: 'recurring', every: 'month', day: 20 }],
      ['每季度末', TIMELINESS, { kind: 'recurring', every: 'quarter', day: null }],
      // relative to the previous year
      ['不低于上年', OUTPUT, { kind: 'relative', op: '>=', delta: null, unit: null }],
      ['比上年提高 ≥10 百分比', OUTPUT, { kind: 'relative', op: '>=', delta: 10, unit: '%' }],
      // qualitative
      ['全覆盖', OUTPUT, qualitative('全覆盖')],
      ['及时', TIMELINESS, qualitative('及时')],
      ['有效保障', OUTPUT, qualitative('有效保障')],
      ['持续提升', OUTPUT, qualitative('持续提升')],
      ['按上级文件政策执行', OUTPUT, qualitative('按上级文件政策执行')],
    ] as const)('reads %j', (raw, context, expected) => {
      expect(parseTarget(raw, context).spec).toEqual(expected);
    });

    it.each([
      ['100%', OUTPUT, num('>=', 100, '%')],
      ['70 万元', OUTPUT, num('>=', 70, '万元')],
      ['100%', COST, num('<=', 100, '%')],
      ['70 万元', COST, num('<=', 70, '万元')],
      ['70 万元', COST_LEVEL1, num('<=', 70, '万元')],
    ] as const)('infers the operator of %j: <= under a cost indicator, >= otherwise', (raw, context, expected) => {
      const { spec, codes } = read(raw, context);
      expect(spec).toEqual(expected);
      expect(codes).toEqual(['OP_INFERRED']);
    });

    it('gives warning-free readings for the explicit rows of the table', () => {
      for (const raw of ['≥1428 人次', '不低于95%', '=370 人', '24 小时内', '6-9 月', '10 月份前', '每月 20 号之前', '不低于上年', '全覆盖']) {
        expect(read(raw, OUTPUT).codes).toEqual([]);
      }
    });
  });

  describe('numeric operators', () => {
    it.each([
      ['≥95%', '>='],
      ['>=95%', '>='],
      ['=>95%', '>='],
      ['≧95%', '>='],
      ['＞95%', '>'],
      ['>95%', '>'],
      ['≤95%', '<='],
      ['<=95%', '<='],
      ['≦95%', '<='],
      ['＜95%', '<'],
      ['<95%', '<'],
      ['=95%', '='],
      ['＝95%', '='],
      ['==95%', '='],
      ['不低于95%', '>='],
      ['不少于95%', '>='],
      ['不小于95%', '>='],
      ['大于等于95%', '>='],
      ['大于或等于95%', '>='],
      ['至少95%', '>='],
      ['达到95%', '>='],
      ['大于95%', '>'],
      ['高于95%', '>'],
      ['超过95%', '>'],
      ['多于95%', '>'],
      ['不超过95%', '<='],
      ['不高于95%', '<='],
      ['不大于95%', '<='],
      ['不多于95%', '<='],
      ['小于等于95%', '<='],
      ['控制在95%以内', '<='],
      ['低于95%', '<'],
      ['小于95%', '<'],
      ['少于95%', '<'],
      ['等于95%', '='],
      ['95%以上', '>='],
      ['95%及以上', '>='],
      ['95%以下', '<='],
      ['95%及以下', '<='],
      ['95%以内', '<='],
      ['95%之内', '<='],
      ['在95%以上', '>='],
      ['保持在95%以上', '>='],
    ] as const)('reads %j with op %s', (raw, op) => {
      const { spec, codes } = read(raw, OUTPUT);
      expect(spec).toEqual(num(op, 95, '%'));
      expect(codes).toEqual([]);
    });

    it.each([
      ['24 小时内', num('<=', 24, '小时')],
      ['48小时内', num('<=', 48, '小时')],
      ['3个工作日内', num('<=', 3, '个工作日')],
      ['30天以内', num('<=', 30, '天')],
      ['3年内', num('<=', 3, '年')],
      ['≤20 工作日', num('<=', 20, '工作日')],
    ] as const)('reads the time limit %j as <=', (raw, expected) => {
      expect(read(raw, TIMELINESS)).toEqual({ spec: expected, codes: [] });
    });

    it('keeps 万 and 亿 in the unit', () => {
      expect(read('≥26万人', OUTPUT).spec).toEqual(num('>=', 26, '万人'));
      expect(read('≤1996.62万元', COST).spec).toEqual(num('<=', 1996.62, '万元'));
      expect(read('≤1.5亿元', COST).spec).toEqual(num('<=', 1.5, '亿元'));
      expect(read('≥26万人次', OUTPUT).spec).toEqual(num('>=', 26, '万人次'));
    });

    it.each([
      ['≥57.6元/人', num('>=', 57.6, '元/人')],
      ['≤2000 元/人/月', num('<=', 2000, '元/人/月')],
      ['≤2.1 万元/批次', num('<=', 2.1, '万元/批次')],
      ['=50 元/天', num('=', 50, '元/天')],
      ['≤6 万元/年', num('<=', 6, '万元/年')],
    ] as const)('reads the compound unit of %j', (raw, expected) => {
      expect(read(raw, COST)).toEqual({ spec: expected, codes: [] });
    });

    it('reads decimals and thousands separators', () => {
      expect(read('≤3.2 元/张', COST).spec).toEqual(num('<=', 3.2, '元/张'));
      expect(read('≤1996.62万元', COST).spec).toEqual(num('<=', 1996.62, '万元'));
      expect(read('303258.21 元', COST).spec).toEqual(num('<=', 303258.21, '元'));
      expect(read('不少于1,428人次', OUTPUT).spec).toEqual(num('>=', 1428, '人次'));
      expect(read('≥1,234,567元', OUTPUT).spec).toEqual(num('>=', 1234567, '元'));
      expect(read('≥0.5%', OUTPUT).spec).toEqual(num('>=', 0.5, '%'));
    });

    it('reads full-width characters and stray spaces', () => {
      expect(read('＞２７万人', OUTPUT)).toEqual({ spec: num('>', 27, '万人'), codes: [] });
      expect(read('≥ 95 ％', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: [] });
      expect(read('≤ ３．２ 元 / 张', COST)).toEqual({ spec: num('<=', 3.2, '元/张'), codes: [] });
      expect(read('\u3000≥90%\u3000', OUTPUT)).toEqual({ spec: num('>=', 90, '%'), codes: [] });
      expect(read(' ≥ 1428\t人次 \n', OUTPUT)).toEqual({ spec: num('>=', 1428, '人次'), codes: [] });
      expect(read('＝370人', OUTPUT)).toEqual({ spec: num('=', 370, '人'), codes: [] });
      expect(read('≥95%。', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: [] });
    });

    it('reads a number without a unit', () => {
      expect(read('≥4', OUTPUT)).toEqual({ spec: num('>=', 4, null), codes: [] });
      expect(read('≥3.2', OUTPUT)).toEqual({ spec: num('>=', 3.2, null), codes: [] });
      expect(read('5', OUTPUT)).toEqual({ spec: num('>=', 5, null), codes: ['OP_INFERRED'] });
    });

    it('reads a negative value after an operator', () => {
      expect(read('≤-5%', OUTPUT).spec).toEqual(num('<=', -5, '%'));
    });

    it('keeps fillers that change nothing silent', () => {
      expect(read('全年不少于4次', OUTPUT)).toEqual({ spec: num('>=', 4, '次'), codes: [] });
      expect(read('累计≥100次', OUTPUT)).toEqual({ spec: num('>=', 100, '次'), codes: [] });
    });
  });

  describe('no operator', () => {
    it.each([
      ['100%', OUTPUT, '>='],
      ['2人', OUTPUT, '>='],
      ['70 万元', OUTPUT, '>='],
      ['135元/人', COST, '<='],
      ['80万元', COST, '<='],
      ['11627 万元', COST_LEVEL1, '<='],
      ['1364 元/台/年', COST, '<='],
      ['100 百分比', OUTPUT, '>='],
    ] as const)('reads %j with an inferred %s and says so', (raw, context, op) => {
      const result = parseTarget(raw, context);
      expect(result.spec).toMatchObject({ kind: 'numeric', op });
      expect(result.warnings).toEqual([expect.objectContaining({ code: 'OP_INFERRED' })]);
      expect(result.warnings[0]?.message).toContain(op);
    });

    it('infers >= without any context, and says the category is unknown', () => {
      const result = parseTarget('100%');
      expect(result.spec).toEqual(num('>=', 100, '%'));
      expect(result.warnings.map((w) => w.code)).toEqual(['OP_INFERRED']);
      expect(result.warnings[0]?.message).toContain('未知指标类别');
    });

    it('recognises a cost indicator by its first or second level (成本)', () => {
      expect(read('100%', { level1: '成本指标' }).spec).toEqual(num('<=', 100, '%'));
      expect(read('100%', { level1: '产出指标', level2: '成本指标' }).spec).toEqual(num('<=', 100, '%'));
      expect(read('100%', { level1: '产出指标', level2: '质量指标', name: '成本控制率' }).spec).toEqual(
        num('>=', 100, '%'),
      );
    });

    it('reads a head count with other words in it, and says what it dropped', () => {
      const result = parseTarget('在职27人', OUTPUT);
      expect(result.spec).toEqual(num('>=', 27, '人'));
      expect(result.warnings.map((w) => w.code)).toEqual(['OP_INFERRED', 'TEXT_DROPPED']);
      expect(result.warnings[1]?.message).toContain('在职');
    });

    it('takes 左右 as an approximate equal', () => {
      expect(read('50%左右', OUTPUT)).toEqual({ spec: num('=', 50, '%'), codes: ['APPROXIMATE'] });
    });

    it('warns that a bare month number may be a month or a duration', () => {
      expect(read('10月', TIMELINESS)).toEqual({
        spec: num('>=', 10, '月'),
        codes: ['OP_INFERRED', 'MONTH_OR_DURATION'],
      });
    });
  });

  describe('range', () => {
    it.each([
      ['6-9 月', { kind: 'range', min: 6, max: 9, unit: '月' }],
      ['80%-90%', { kind: 'range', min: 80, max: 90, unit: '%' }],
      ['80%~90%', { kind: 'range', min: 80, max: 90, unit: '%' }],
      ['80％～90％', { kind: 'range', min: 80, max: 90, unit: '%' }],
      ['80-90%', { kind: 'range', min: 80, max: 90, unit: '%' }],
      ['6至9个月', { kind: 'range', min: 6, max: 9, unit: '个月' }],
      ['6到9个月', { kind: 'range', min: 6, max: 9, unit: '个月' }],
      ['在 3.5—4.5 万元之间', { kind: 'range', min: 3.5, max: 4.5, unit: '万元' }],
      ['1-2', { kind: 'range', min: 1, max: 2, unit: null }],
    ] as const)('reads %j', (raw, expected) => {
      expect(read(raw, OUTPUT)).toEqual({ spec: expected, codes: [] });
    });

    it('swaps reversed bounds and says so', () => {
      expect(read('9-6月', OUTPUT)).toEqual({
        spec: { kind: 'range', min: 6, max: 9, unit: '月' },
        codes: ['RANGE_REVERSED'],
      });
    });

    it('warns when the two ends have different units', () => {
      expect(read('80%-90元', OUTPUT)).toEqual({
        spec: { kind: 'range', min: 80, max: 90, unit: '元' },
        codes: ['RANGE_UNITS_DIFFER'],
      });
    });
  });

  describe('deadline', () => {
    it.each([
      ['10 月份前', '09-30'],
      ['10 月份之前', '09-30'],
      ['10月以前', '09-30'],
      ['6月前', '05-31'],
      ['6月份前', '05-31'],
      ['12 月前', '11-30'],
      ['5月前', '04-30'],
      ['不晚于 12 月底', '12-31'],
      ['12 月底前', '12-31'],
      ['12月底', '12-31'],
      ['6月末', '06-30'],
      ['11月底前', '11-30'],
      ['2024年12月31日前', '12-31'],
      ['2024年12月31日', '12-31'],
      ['11月15日前', '11-15'],
      ['11月15号之前', '11-15'],
      ['2024-06-30', '06-30'],
      ['年底前', '12-31'],
      ['年底前完成', '12-31'],
      ['2024年底', '12-31'],
      ['年内', '12-31'],
      ['本年度内', '12-31'],
      ['上半年', '06-30'],
      ['第三季度末', '09-30'],
      ['三季度前', '06-30'],
      ['前三季度', '09-30'],
      ['每年12月底前', '12-31'],
      ['12月底前完成', '12-31'],
      ['最迟于10月底前拨付到位', '10-31'],
    ] as const)('reads %j as by %s', (raw, by) => {
      expect(read(raw, TIMELINESS)).toEqual({ spec: deadline(by), codes: [] });
    });

    it('uses the fiscal year for the length of February', () => {
      expect(read('3月前', { fiscalYear: 2024 })).toEqual({ spec: deadline('02-29'), codes: [] });
      expect(read('3月前', { fiscalYear: 2023 })).toEqual({ spec: deadline('02-28'), codes: [] });
      expect(read('2月底', { fiscalYear: 2000 })).toEqual({ spec: deadline('02-29'), codes: [] });
      expect(read('2月底', { fiscalYear: 2100 })).toEqual({ spec: deadline('02-28'), codes: [] });
      expect(read('2月29日前', { fiscalYear: 2024 })).toEqual({ spec: deadline('02-29'), codes: [] });
    });

    it('assumes a common year, with a warning, when no fiscal year is known and February matters', () => {
      expect(read('3月前')).toEqual({ spec: deadline('02-28'), codes: ['LEAP_YEAR_UNKNOWN'] });
      expect(read('2月底')).toEqual({ spec: deadline('02-28'), codes: ['LEAP_YEAR_UNKNOWN'] });
      expect(read('2月29日前')).toEqual({ spec: deadline('02-29'), codes: ['LEAP_YEAR_UNKNOWN'] });
      expect(read('2月15日前')).toEqual({ spec: deadline('02-15'), codes: [] });
      expect(read('10月前')).toEqual({ spec: deadline('09-30'), codes: [] });
    });

    it('uses a year named in the target for February', () => {
      expect(read('2024年2月底')).toEqual({ spec: deadline('02-29'), codes: [] });
    });

    it.each(['2月30日前', '13月前', '4月31日', '0月底'])('rejects the impossible date %j', (raw) => {
      expect(read(raw, TIMELINESS)).toEqual({ spec: qualitative(raw), codes: ['INVALID_DATE'] });
    });

    it('does not read 1月前 as a deadline inside the year', () => {
      expect(read('1月前', TIMELINESS)).toEqual({ spec: qualitative('1月前'), codes: ['DEADLINE_BEFORE_YEAR'] });
    });

    it('reads 全年 as by year end, with a warning', () => {
      expect(read('全年', TIMELINESS)).toEqual({ spec: deadline('12-31'), codes: ['DEADLINE_INFERRED'] });
    });

    it('reads a ten-day period (旬) with a warning', () => {
      expect(read('6月中旬前', TIMELINESS)).toEqual({ spec: deadline('06-20'), codes: ['DEADLINE_INFERRED'] });
      expect(read('6月上旬', TIMELINESS)).toEqual({ spec: deadline('06-10'), codes: ['DEADLINE_INFERRED'] });
      expect(read('6月下旬', TIMELINESS)).toEqual({ spec: deadline('06-30'), codes: ['DEADLINE_INFERRED'] });
    });

    it('says what words around a date it dropped', () => {
      expect(read('资金于10月底前拨付', TIMELINESS)).toEqual({ spec: deadline('10-31'), codes: ['TEXT_DROPPED'] });
    });

    it('does not read a start date as a deadline', () => {
      expect(read('12月底后', TIMELINESS)).toEqual({ spec: qualitative('12月底后'), codes: ['DATE_NOT_READ'] });
      expect(read('10月起', TIMELINESS)).toEqual({ spec: qualitative('10月起'), codes: ['DATE_NOT_READ'] });
    });
  });

  describe('recurring deadline', () => {
    it.each([
      ['每月 20 号之前', 'month', 20],
      ['每月20日前', 'month', 20],
      ['每月10日前', 'month', 10],
      ['每月25日之前', 'month', 25],
      ['每月的5日前', 'month', 5],
      ['每月10日前发放', 'month', 10],
      ['每月底', 'month', null],
      ['每月末前', 'month', null],
      ['每季度末', 'quarter', null],
      ['每季末', 'quarter', null],
      ['按季度末', 'quarter', null],
    ] as const)('reads %j', (raw, every, day) => {
      expect(read(raw, TIMELINESS)).toEqual({ spec: { kind: 'recurring', every, day }, codes: [] });
    });

    it('warns about days that not every month has', () => {
      expect(read('每月30日前', TIMELINESS)).toEqual({
        spec: { kind: 'recurring', every: 'month', day: 30 },
        codes: ['RECURRING_DAY_AMBIGUOUS'],
      });
    });

    it('warns about a day in a quarter', () => {
      expect(read('每季度10日前', TIMELINESS)).toEqual({
        spec: { kind: 'recurring', every: 'quarter', day: 10 },
        codes: ['RECURRING_DAY_AMBIGUOUS'],
      });
    });

    it('assumes the end of the period, with a warning, when no day is written', () => {
      expect(read('按月发放', TIMELINESS)).toEqual({
        spec: { kind: 'recurring', every: 'month', day: null },
        codes: ['RECURRING_END_ASSUMED'],
      });
      expect(read('每季度', TIMELINESS)).toEqual({
        spec: { kind: 'recurring', every: 'quarter', day: null },
        codes: ['RECURRING_END_ASSUMED'],
      });
    });

    it('rejects an impossible day and a start day', () => {
      expect(read('每月32日前', TIMELINESS)).toEqual({ spec: qualitative('每月32日前'), codes: ['INVALID_DATE'] });
      expect(read('每月20号之后', TIMELINESS)).toEqual({
        spec: qualitative('每月20号之后'),
        codes: ['DATE_NOT_READ'],
      });
    });
  });

  describe('relative to the previous year', () => {
    it.each([
      ['不低于上年', '>=', null, null],
      ['不低于去年', '>=', null, null],
      ['不低于上年水平', '>=', null, null],
      ['≥上年', '>=', null, null],
      ['高于上年', '>', null, null],
      ['不高于上年', '<=', null, null],
      ['与上年持平', '=', null, null],
      ['较上年增长', '>', null, null],
      ['较上年有所提高', '>', null, null],
      ['比上年下降', '<', null, null],
      ['比上年减少', '<', null, null],
      ['比上年提高 ≥10 百分比', '>=', 10, '%'],
      ['比上年下降≥5%', '<=', -5, '%'],
      ['比上年下降不超过5%', '>=', -5, '%'],
      ['比上年增加≥100人', '>=', 100, '人'],
    ] as const)('reads %j', (raw, op, delta, unit) => {
      expect(read(raw, OUTPUT).spec).toEqual({ kind: 'relative', op, delta, unit });
    });

    it('warns that a percent against last year may be points or a growth rate', () => {
      expect(read('比上年提高 ≥10 百分比', OUTPUT).codes).toEqual(['RELATIVE_PERCENT_AMBIGUOUS']);
      expect(read('较上年提高≥2个百分点', OUTPUT).codes).toEqual([]);
    });

    it('infers >= for an increase and <= for a decrease without an operator', () => {
      expect(read('较上年增长5%', OUTPUT)).toEqual({
        spec: { kind: 'relative', op: '>=', delta: 5, unit: '%' },
        codes: ['OP_INFERRED', 'RELATIVE_PERCENT_AMBIGUOUS'],
      });
      expect(read('同比下降3天', OUTPUT)).toEqual({
        spec: { kind: 'relative', op: '<=', delta: -3, unit: '天' },
        codes: ['OP_INFERRED'],
      });
    });

    it('leaves a mention of last year it cannot read as qualitative, with a warning', () => {
      expect(read('上年度结转资金全部支付', OUTPUT)).toEqual({
        spec: qualitative('上年度结转资金全部支付'),
        codes: ['RELATIVE_NOT_READ'],
      });
    });
  });

  describe('qualitative', () => {
    it.each([
      '全覆盖',
      '及时',
      '有效保障',
      '持续提升',
      '按上级文件政策执行',
      '及时准确',
      '规范合理',
      '提高',
      '有所提升',
      '当面办结',
      '长期',
      '符合救助条件的对象按规定纳入救助范围',
      '保证医保基金收支平衡，保证离休基金安全运行',
    ])('reads %j without warnings', (raw) => {
      expect(read(raw, OUTPUT)).toEqual({ spec: qualitative(raw), codes: [] });
    });

    it('keeps the raw text trimmed, not normalised', () => {
      expect(read('  及时 准确 ', OUTPUT).spec).toEqual(qualitative('及时 准确'));
    });

    it.each(['', '   ', '\u3000', '\n\t'])('reads the empty target %j with a warning', (raw) => {
      expect(read(raw, OUTPUT)).toEqual({ spec: qualitative(''), codes: ['EMPTY_TARGET'] });
    });

    it('does not guess a single target from several numbers', () => {
      const result = parseTarget('3 月、4 月、8 月、10 月', TIMELINESS);
      expect(result.spec).toEqual(qualitative('3 月、4 月、8 月、10 月'));
      expect(result.warnings.map((w) => w.code)).toEqual(['MULTIPLE_NUMBERS']);
      expect(result.warnings[0]?.message).toContain('3、4、8、10');
      expect(read('≥95%（2023年为93%）', OUTPUT).codes).toEqual(['OTHER_YEAR', 'MULTIPLE_NUMBERS']);
    });

    it('does not read a number buried in a sentence', () => {
      expect(read('符合条件的困难群众100%纳入资助范围', OUTPUT)).toEqual({
        spec: qualitative('符合条件的困难群众100%纳入资助范围'),
        codes: ['NUMBER_IN_TEXT'],
      });
    });
  });

  describe('other warnings', () => {
    it('warns about a year other than the fiscal year', () => {
      const result = parseTarget('2023年全年', { ...TIMELINESS, fiscalYear: 2024 });
      expect(result.spec).toEqual(deadline('12-31'));
      expect(result.warnings.map((w) => w.code)).toEqual(['OTHER_YEAR', 'DEADLINE_INFERRED']);
      expect(result.warnings[0]?.message).toContain('2023');
      expect(read('完成2023年度参保工作', OUTPUT)).toEqual({
        spec: qualitative('完成2023年度参保工作'),
        codes: ['OTHER_YEAR'],
      });
      expect(read('2023-12-31', OUTPUT).codes).toEqual(['OTHER_YEAR']);
    });

    it('does not warn about the fiscal year itself, nor without a fiscal year', () => {
      expect(read('2024年12月31日前', TIMELINESS).codes).toEqual([]);
      expect(read('2023年12月31日前').codes).toEqual([]);
      expect(read('2024年参保率≥95%', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: ['TEXT_DROPPED'] });
    });

    it('warns about a bare magnitude unit (万 without 元 or 人)', () => {
      expect(read('≤35万', COST)).toEqual({ spec: num('<=', 35, '万'), codes: ['UNIT_MAGNITUDE_ONLY'] });
      expect(read('≤10 万/次', COST)).toEqual({ spec: num('<=', 10, '万/次'), codes: ['UNIT_MAGNITUDE_ONLY'] });
      expect(read('9.5 万/年', COST)).toEqual({
        spec: num('<=', 9.5, '万/年'),
        codes: ['OP_INFERRED', 'UNIT_MAGNITUDE_ONLY'],
      });
    });

    it('keeps a short unknown unit with a warning', () => {
      expect(read('≥5 xyz', OUTPUT)).toEqual({ spec: num('>=', 5, 'xyz'), codes: ['UNIT_UNKNOWN'] });
    });

    it('keeps the leading unit and drops the words after it', () => {
      expect(read('≥30家定点医药机构', OUTPUT)).toEqual({ spec: num('>=', 30, '家'), codes: ['TEXT_DROPPED'] });
      expect(read('≥95%(含)', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: ['TEXT_DROPPED'] });
    });

    it('reports contradictory operators', () => {
      expect(read('≥95%以下', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: ['OP_CONFLICT'] });
      expect(read('不低于95%以上', OUTPUT).codes).toEqual([]);
    });

    it('warns when the name compares with last year but the target is an absolute number', () => {
      const context: ParseContext = { ...OUTPUT, level1: '效益指标', name: '重特大疾病救助比例较上年有所提高' };
      expect(read('20%', context)).toEqual({
        spec: num('>=', 20, '%'),
        codes: ['OP_INFERRED', 'NAME_SUGGESTS_RELATIVE'],
      });
    });

    it('writes every warning as a plain Chinese sentence with a known code', () => {
      const samples = ['在职27人', '3月前', '2023年全年', '≤35万', '50%左右', '', '比上年提高 ≥10 百分比', '9-6月'];
      for (const raw of samples) {
        for (const warning of parseTarget(raw, { fiscalYear: 2024 }).warnings) {
          expect(PARSE_WARNING_CODES).toContain(warning.code);
          expect(warning.message).toMatch(/[\u4e00-\u9fff].*[。？]$/);
        }
      }
    });

    it('can produce every warning code it declares', () => {
      const examples: readonly (readonly [string, ParseContext | undefined])[] = [
        ['', OUTPUT],
        ['100%', OUTPUT],
        ['≥95%以下', OUTPUT],
        ['50%左右', OUTPUT],
        ['在职27人', OUTPUT],
        ['符合条件的困难群众100%纳入资助范围', OUTPUT],
        ['3 月、4 月、8 月、10 月', OUTPUT],
        ['2023年全年', OUTPUT],
        ['≥5 xyz', OUTPUT],
        ['≤35万', COST],
        ['10月', OUTPUT],
        ['20%', { name: '救助比例较上年有所提高' }],
        ['9-6月', OUTPUT],
        ['80%-90元', OUTPUT],
        ['3月前', undefined],
        ['2月30日前', OUTPUT],
        ['1月前', OUTPUT],
        ['12月底后', OUTPUT],
        ['按月发放', OUTPUT],
        ['每月30日前', OUTPUT],
        ['上年度结转资金全部支付', OUTPUT],
        ['比上年提高 ≥10 百分比', OUTPUT],
      ];
      const produced = new Set(examples.flatMap(([raw, context]) => read(raw, context).codes));
      // PARSE_ERROR is the safety net for a bug in the parser: no input is known to reach it.
      expect([...PARSE_WARNING_CODES].filter((code) => code !== 'PARSE_ERROR' && !produced.has(code))).toEqual([]);
    });
  });

  describe('robustness', () => {
    it('never throws on odd strings', () => {
      const odd = [
        '≥',
        '≤≤≤',
        '%',
        '万元',
        '-',
        '--',
        '~',
        '.',
        '1.',
        '.5',
        '1e5',
        '0x10',
        'Infinity',
        'NaN',
        '月底前',
        '每月',
        '每季度',
        '上年',
        '比上年提高≥',
        '((((',
        '\\',
        '$&',
        '\u0000',
        '😀≥5个',
        '9'.repeat(400),
        '≥'.repeat(1000) + '5',
        '每月'.repeat(500),
        '12月'.repeat(300),
        'a'.repeat(10000),
      ];
      for (const raw of odd) {
        expect(() => parseTarget(raw)).not.toThrow();
        expect(() => parseTarget(raw, { fiscalYear: 2024, level1: null, level2: null, name: null })).not.toThrow();
      }
    });

    it('never throws on generated strings of target characters', () => {
      const alphabet = [...'0123456789.,-~至到%％万元人次天月日号前底末每季度年上比较提高下降≥≤><=不低于超过以上以下内 　、（）()'];
      let seed = 20240101;
      const next = (): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed;
      };
      for (let i = 0; i < 2000; i += 1) {
        const length = next() % 16;
        const raw = Array.from({ length }, () => alphabet[next() % alphabet.length] ?? '').join('');
        const result = parseTarget(raw, i % 2 === 0 ? COST : undefined);
        expect(result.spec.kind).toMatch(/^(numeric|range|deadline|recurring|relative|qualitative)$/);
        if (result.spec.kind === 'numeric') expect(Number.isFinite(result.spec.value)).toBe(true);
        if (result.spec.kind === 'deadline') expect(result.spec.by).toMatch(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
      }
    });

    it('treats a non-string passed by an untyped caller as empty', () => {
      const untyped = parseTarget as (raw: unknown, context?: ParseContext) => ReturnType<typeof parseTarget>;
      expect(untyped(null).spec).toEqual(qualitative(''));
      expect(untyped(undefined).warnings.map((w) => w.code)).toEqual(['EMPTY_TARGET']);
      expect(untyped(42).spec).toEqual(qualitative(''));
    });

    it('does not mutate the context', () => {
      const context: ParseContext = { ...COST };
      parseTarget('100%', context);
      expect(context).toEqual(COST);
    });
  });
});
