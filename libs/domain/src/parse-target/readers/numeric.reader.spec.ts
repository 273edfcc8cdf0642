import { parseTarget } from '..';
import type { Op } from '../../target-spec';
import { COST, COST_LEVEL1, num, OUTPUT, qualitative, read, TIMELINESS } from '../testing/spec-helpers';

describe('numeric reader (数值)', () => {
  describe('operators and their look-alikes', () => {
    it.each([
      ['≥95%', '>='], ['>=95%', '>='], ['=>95%', '>='], ['≧95%', '>='], ['⩾95%', '>='], ['≥=95%', '>='],
      ['>＝95%', '>='], ['＞＝95%', '>='], ['> =95%', '>='], ['≥ =95%', '>='], ['≮95%', '>='], ['≥≥95%', '>='],
      ['＞95%', '>'], ['>95%', '>'], ['﹥95%', '>'], ['≤95%', '<='], ['<=95%', '<='], ['=<95%', '<='], ['≦95%', '<='],
      ['⩽95%', '<='], ['≤=95%', '<='], ['<＝95%', '<='], ['≯95%', '<='], ['＜95%', '<'], ['<95%', '<'], ['﹤95%', '<'],
      ['=95%', '='], ['＝95%', '='], ['==95%', '='], ['═95%', '='], ['﹦95%', '='],
      ['不低于95%', '>='], ['不少于95%', '>='], ['不小于95%', '>='], ['大于等于95%', '>='], ['大于或等于95%', '>='],
      ['大于或者等于95%', '>='], ['不得低于95%', '>='], ['至少95%', '>='], ['达到95%', '>='], ['最低95%', '>='],
      ['大于95%', '>'], ['高于95%', '>'], ['超过95%', '>'], ['多于95%', '>'], ['不超过95%', '<='], ['不高于95%', '<='],
      ['不大于95%', '<='], ['不多于95%', '<='], ['小于等于95%', '<='], ['小于或等于95%', '<='], ['不得超过95%', '<='],
      ['控制在95%以内', '<='], ['最高95%', '<='], ['低于95%', '<'], ['小于95%', '<'], ['少于95%', '<'], ['不足95%', '<'],
      ['等于95%', '='], ['95%以上', '>='], ['95%及以上', '>='], ['95%或以上', '>='], ['95%（含）以上', '>='],
      ['95%以上（含）', '>='], ['95%含以上', '>='], ['95%以下', '<='], ['95%及以下', '<='], ['95%以内', '<='],
      ['95%之内', '<='], ['在95%以上', '>='], ['保持在95%以上', '>='], ['确保达到95%', '>='], ['≥95%（含）', '>='],
      ['≥ 95 %', '>='], ['>=95％', '>='], ['≥95.00%', '>='], ['≥95.0%', '>='], ['≥95%。', '>='], ['≥95%；', '>='],
    ] as const)('reads %j with op %s', (raw, op: Op) => {
      expect(read(raw, OUTPUT)).toEqual({ spec: num(op, 95, '%'), codes: [] });
    });

    it('reports contradictory operators, and accepts agreeing ones', () => {
      expect(read('≥95%以下', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: ['OP_CONFLICT'] });
      expect(read('不低于95%以上', OUTPUT).codes).toEqual([]);
    });
  });

  describe('time limits (X内 is <=)', () => {
    it.each([
      ['24 小时内', num('<=', 24, '小时')],
      ['48小时内', num('<=', 48, '小时')],
      ['3个工作日内', num('<=', 3, '个工作日')],
      ['30天以内', num('<=', 30, '天')],
      ['3年内', num('<=', 3, '年')],
      ['≤20 工作日', num('<=', 20, '工作日')],
      ['三个工作日内', num('<=', 3, '个工作日')],
      ['十五个工作日内', num('<=', 15, '个工作日')],
      ['一个月内', num('<=', 1, '个月')],
    ] as const)('reads %j', (raw, expected) => {
      expect(read(raw, TIMELINESS)).toEqual({ spec: expected, codes: [] });
    });
  });

  describe('units', () => {
    it('keeps 万 and 亿 in the unit', () => {
      expect(read('≥26万人', OUTPUT).spec).toEqual(num('>=', 26, '万人'));
      expect(read('≤1996.62万元', COST).spec).toEqual(num('<=', 1996.62, '万元'));
      expect(read('≤1.5亿元', COST).spec).toEqual(num('<=', 1.5, '亿元'));
      expect(read('≥26万人次', OUTPUT).spec).toEqual(num('>=', 26, '万人次'));
      expect(read('≥3万亩', OUTPUT)).toEqual({ spec: num('>=', 3, '万亩'), codes: [] });
    });

    it.each([
      ['≥57.6元/人', num('>=', 57.6, '元/人')],
      ['≤2000 元/人/月', num('<=', 2000, '元/人/月')],
      ['≤2.1 万元/批次', num('<=', 2.1, '万元/批次')],
      ['=50 元/天', num('=', 50, '元/天')],
      ['≤6 万元/年', num('<=', 6, '万元/年')],
      ['≤300元/人·月', num('<=', 300, '元/人·月')],
      ['≤300元/人*月', num('<=', 300, '元/人*月')],
      ['≤300元/人×月', num('<=', 300, '元/人×月')],
      ['≤300元/人・月', num('<=', 300, '元/人・月')],
      ['≤300元/人.月', num('<=', 300, '元/人.月')],
      ['≤300元/人•月', num('<=', 300, '元/人•月')],
      ['≤300 元 / 人 · 月', num('<=', 300, '元/人·月')],
      ['≤300元／人·月', num('<=', 300, '元/人·月')],
      ['≤300元/（人·月）', num('<=', 300, '元/(人·月)')],
      ['≤1.2万元/人·年', num('<=', 1.2, '万元/人·年')],
      ['=2310元/人/年', num('=', 2310, '元/人/年')],
      ['≤80元/生·年', num('<=', 80, '元/生·年')],
    ] as const)('keeps the compound unit of %j whole, money, known', (raw, expected) => {
      expect(read(raw, COST)).toEqual({ spec: expected, codes: [] });
    });

    it('keeps a per-year count unit whole (人次/年 is a count, not a recurring target)', () => {
      expect(read('≥5000人次/年', OUTPUT)).toEqual({ spec: num('>=', 5000, '人次/年'), codes: [] });
    });

    it('reads 百分比 and 百分之 as %', () => {
      expect(read('≥95 百分比', OUTPUT).spec).toEqual(num('>=', 95, '%'));
      expect(read('不低于百分之九十五', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: [] });
      expect(read('≥百分之95', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: [] });
      expect(read('百分之百', OUTPUT)).toEqual({ spec: num('>=', 100, '%'), codes: ['OP_INFERRED'] });
    });

    it('warns about a bare magnitude unit (万 without 元 or 人)', () => {
      expect(read('≤35万', COST)).toEqual({ spec: num('<=', 35, '万'), codes: ['UNIT_MAGNITUDE_ONLY'] });
      expect(read('≤10 万/次', COST)).toEqual({ spec: num('<=', 10, '万/次'), codes: ['UNIT_MAGNITUDE_ONLY'] });
      expect(read('9.5 万/年', COST)).toEqual({ spec: num('<=', 9.5, '万/年'), codes: ['OP_INFERRED', 'UNIT_MAGNITUDE_ONLY'] });
    });

    it('keeps a short unknown unit with a warning', () => {
      expect(read('≥5 xyz', OUTPUT)).toEqual({ spec: num('>=', 5, 'xyz'), codes: ['UNIT_UNKNOWN'] });
    });

    it('keeps the leading unit and drops the words after it', () => {
      expect(read('≥30家定点医药机构', OUTPUT)).toEqual({ spec: num('>=', 30, '家'), codes: ['TEXT_DROPPED'] });
      expect(read('≥95%(全年)', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: ['TEXT_DROPPED'] });
    });
  });

  describe('numbers as written', () => {
    it('reads decimals and thousands separators, half- and full-width', () => {
      expect(read('≤3.2 元/张', COST).spec).toEqual(num('<=', 3.2, '元/张'));
      expect(read('303258.21 元', COST).spec).toEqual(num('<=', 303258.21, '元'));
      expect(read('不少于1,428人次', OUTPUT).spec).toEqual(num('>=', 1428, '人次'));
      expect(read('不少于1，428人次', OUTPUT).spec).toEqual(num('>=', 1428, '人次'));
      expect(read('≥1,234,567元', OUTPUT).spec).toEqual(num('>=', 1234567, '元'));
      expect(read('≥0.5%', OUTPUT).spec).toEqual(num('>=', 0.5, '%'));
    });

    it('reads full-width characters and stray spaces', () => {
      expect(read('＞２７万人', OUTPUT)).toEqual({ spec: num('>', 27, '万人'), codes: [] });
      expect(read('≥１４２８人次', OUTPUT)).toEqual({ spec: num('>=', 1428, '人次'), codes: [] });
      expect(read('≤ ３．２ 元 / 张', COST)).toEqual({ spec: num('<=', 3.2, '元/张'), codes: [] });
      expect(read('\u3000≥90%\u3000', OUTPUT)).toEqual({ spec: num('>=', 90, '%'), codes: [] });
      expect(read(' ≥ 1428\t人次 \n', OUTPUT)).toEqual({ spec: num('>=', 1428, '人次'), codes: [] });
      expect(read('＝370人', OUTPUT)).toEqual({ spec: num('=', 370, '人'), codes: [] });
      expect(read('100 %', OUTPUT)).toEqual({ spec: num('>=', 100, '%'), codes: ['OP_INFERRED'] });
    });

    it('reads a number without a unit, and a negative value after an operator', () => {
      expect(read('≥4', OUTPUT)).toEqual({ spec: num('>=', 4, null), codes: [] });
      expect(read('≥3.2', OUTPUT)).toEqual({ spec: num('>=', 3.2, null), codes: [] });
      expect(read('5', OUTPUT)).toEqual({ spec: num('>=', 5, null), codes: ['OP_INFERRED'] });
      expect(read('≤-5%', OUTPUT).spec).toEqual(num('<=', -5, '%'));
    });

    it('reads a count in Chinese numerals when nothing else is around it', () => {
      expect(read('不少于两次', OUTPUT)).toEqual({ spec: num('>=', 2, '次'), codes: [] });
      expect(read('≥十二次', OUTPUT)).toEqual({ spec: num('>=', 12, '次'), codes: [] });
      expect(read('一次', OUTPUT)).toEqual({ spec: num('>=', 1, '次'), codes: ['OP_INFERRED'] });
      expect(read('一次性告知', OUTPUT)).toEqual({ spec: qualitative('一次性告知'), codes: [] });
      expect(read('一站式服务', OUTPUT)).toEqual({ spec: qualitative('一站式服务'), codes: [] });
      expect(read('高效办成一件事', OUTPUT)).toEqual({ spec: qualitative('高效办成一件事'), codes: [] });
    });

    it('keeps fillers that change nothing silent', () => {
      expect(read('全年不少于4次', OUTPUT)).toEqual({ spec: num('>=', 4, '次'), codes: [] });
      expect(read('累计≥100次', OUTPUT)).toEqual({ spec: num('>=', 100, '次'), codes: [] });
      expect(read('≥4次', OUTPUT)).toEqual({ spec: num('>=', 4, '次'), codes: [] });
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
      ['300元/人·月', COST, '<='],
    ] as const)('reads %j with an inferred %s and says so', (raw, context, op) => {
      const result = parseTarget(raw, context);
      expect(result.spec).toMatchObject({ kind: 'numeric', op });
      expect(result.warnings).toEqual([expect.objectContaining({ code: 'OP_INFERRED' })]);
      expect(result.warnings[0]?.message).toContain(op);
    });

    it('reads a duration without a sign under a timeliness indicator as a time limit (<=)', () => {
      const result = parseTarget('24小时', TIMELINESS);
      expect(result.spec).toEqual(num('<=', 24, '小时'));
      expect(result.warnings.map((w) => w.code)).toEqual(['OP_INFERRED']);
      expect(result.warnings[0]?.message).toContain('时限');
      expect(read('30天', OUTPUT)).toEqual({ spec: num('>=', 30, '天'), codes: ['OP_INFERRED'] });
      expect(read('5年', { ...TIMELINESS, name: '设备使用年限' }).spec).toEqual(num('>=', 5, '年'));
      expect(read('8小时', { ...TIMELINESS, name: '每日服务时间' }).spec).toEqual(num('>=', 8, '小时'));
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
      expect(read('100%', { level1: '产出指标', level2: '质量指标', name: '成本控制率' }).spec).toEqual(num('>=', 100, '%'));
    });

    it('reads a zero as equal to zero (0起: none at all), not as at least zero', () => {
      expect(read('0起', OUTPUT)).toEqual({ spec: num('=', 0, '起'), codes: ['OP_INFERRED'] });
      expect(read('0', OUTPUT)).toEqual({ spec: num('=', 0, null), codes: ['OP_INFERRED'] });
      expect(read('=0', OUTPUT)).toEqual({ spec: num('=', 0, null), codes: [] });
      expect(read('0万元', COST)).toEqual({ spec: num('<=', 0, '万元'), codes: ['OP_INFERRED'] });
    });

    it('reads a head count with other words in it, and says what it dropped', () => {
      const result = parseTarget('在职27人', OUTPUT);
      expect(result.spec).toEqual(num('>=', 27, '人'));
      expect(result.warnings.map((w) => w.code)).toEqual(['OP_INFERRED', 'TEXT_DROPPED']);
      expect(result.warnings[1]?.message).toContain('在职');
    });

    it('takes 左右, 约 and ≈ as an approximate equal', () => {
      for (const raw of ['50%左右', '约50%', '≈50%', '大约50%', '50%上下', '≒50%']) {
        expect(read(raw, OUTPUT)).toEqual({ spec: num('=', 50, '%'), codes: ['APPROXIMATE'] });
      }
    });

    it('warns that a bare month number may be a month or a duration, outside a timeliness indicator', () => {
      expect(read('10月', OUTPUT)).toEqual({ spec: num('>=', 10, '月'), codes: ['OP_INFERRED', 'MONTH_OR_DURATION'] });
    });
  });

  describe('numbers it does not read', () => {
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
});
