import { parseTarget } from '..';
import type { ParseContext } from '../../target-spec';
import { BENEFIT, num, OUTPUT, QUALITY, qualitative, read, relative, SATISFACTION } from '../testing/spec-helpers';

describe('relative reader (与上年比较)', () => {
  it.each([
    ['不低于上年', '>='],
    ['不低于去年', '>='],
    ['不低于上年水平', '>='],
    ['不低于上年同期水平', '>='],
    ['不低于上一年度', '>='],
    ['≥上年', '>='],
    ['≥上年水平', '>='],
    ['保持上年水平', '>='],
    ['上年水平以上', '>='],
    ['高于上年', '>'],
    ['不高于上年', '<='],
    ['不超过上年', '<='],
    ['低于上年', '<'],
    ['与上年持平', '='],
    ['与上年基本持平', '='],
    ['较上年持平或有所提高', '>='],
    ['较上年持平或略有下降', '<='],
    ['较上年增长', '>'],
    ['较上年有所提高', '>'],
    ['同比增长', '>'],
    ['比上年下降', '<'],
    ['比上年减少', '<'],
  ] as const)('reads %j as compared with last year itself (%s, no change)', (raw, op) => {
    expect(read(raw, OUTPUT)).toEqual({ spec: relative(op, null, null), codes: [] });
  });

  describe('with a change', () => {
    it.each([
      ['较上年提高≥2个百分点', relative('>=', 2, '个百分点', 'points')],
      ['较上年提高2个百分点以上', relative('>=', 2, '个百分点', 'points')],
      ['比上年下降≥1个百分点', relative('<=', -1, '个百分点', 'points')],
      ['比上年增加≥100人', relative('>=', 100, '人', 'unit')],
      ['较上年增加不少于3家', relative('>=', 3, '家', 'unit')],
      ['比上年下降不超过5天', relative('>=', -5, '天', 'unit')],
      ['与上年相比增长≥10', relative('>=', 10, null, 'unit')],
      ['在上年基础上提高≥5个百分点', relative('>=', 5, '个百分点', 'points')],
    ] as const)('reads %j', (raw, expected) => {
      expect(read(raw, OUTPUT)).toEqual({ spec: expected, codes: [] });
    });

    it('infers >= for an increase and <= for a decrease without an operator', () => {
      expect(read('较上年增长5%', OUTPUT)).toEqual({
        spec: relative('>=', 5, '%', 'percent'),
        codes: ['OP_INFERRED', 'RELATIVE_PERCENT_AMBIGUOUS'],
      });
      expect(read('同比下降3天', OUTPUT)).toEqual({ spec: relative('<=', -3, '天', 'unit'), codes: ['OP_INFERRED'] });
      expect(read('较上年增加3家', OUTPUT)).toEqual({ spec: relative('>=', 3, '家', 'unit'), codes: ['OP_INFERRED'] });
      expect(read('较上年减少2天', OUTPUT)).toEqual({ spec: relative('<=', -2, '天', 'unit'), codes: ['OP_INFERRED'] });
    });

    it('mirrors the bound of a decrease: the signed change a − p is compared with delta', () => {
      expect(read('比上年下降≥5%', OUTPUT).spec).toEqual(relative('<=', -5, '%', 'percent'));
      expect(read('比上年下降不超过5%', OUTPUT).spec).toEqual(relative('>=', -5, '%', 'percent'));
      expect(read('同比降低5%以上', OUTPUT).spec).toEqual(relative('<=', -5, '%', 'percent'));
    });

    it('keeps 比上年提高 ≥10 百分比 as delta 10 in %, and says how the % was read', () => {
      expect(read('比上年提高 ≥10 百分比', OUTPUT)).toEqual({
        spec: relative('>=', 10, '%', 'percent'),
        codes: ['RELATIVE_PERCENT_AMBIGUOUS'],
      });
      expect(read('比上年提高 ≥10 百分比', QUALITY)).toEqual({
        spec: relative('>=', 10, '%', 'points'),
        codes: ['RELATIVE_PERCENT_AMBIGUOUS'],
      });
    });

    it.each([
      [QUALITY, 'points'],
      [SATISFACTION, 'points'],
      [{ ...OUTPUT, name: '医保基金使用占比' }, 'points'],
      [{ ...OUTPUT, name: '财政补助比重' }, 'points'],
      [{ ...OUTPUT, name: '政策知晓覆盖面' }, 'points'],
      [{ ...OUTPUT, name: '住院费用报销比例较上年提高' }, 'points'],
      [{ ...OUTPUT, name: '结算效率(%)' }, 'points'],
      [OUTPUT, 'percent'],
      [BENEFIT, 'percent'],
      [{ ...OUTPUT, name: '基金收入' }, 'percent'],
      [{}, 'percent'],
    ] as const)('takes % as points for a rate, as a relative change otherwise (%#)', (context: ParseContext, change) => {
      const result = parseTarget('较上年提高≥5%', context);
      expect(result.spec).toEqual(relative('>=', 5, '%', change));
      expect(result.warnings.map((w) => w.code)).toEqual(['RELATIVE_PERCENT_AMBIGUOUS']);
      const message = result.warnings[0]?.message ?? '';
      expect(message).toContain(change === 'points' ? '已按百分点理解' : '已按相对上年的增减幅度理解');
      expect(message).toContain('更正');
    });

    it('reads a change with no base year against last year, and says so', () => {
      expect(read('提高2个百分点', OUTPUT)).toEqual({
        spec: relative('>=', 2, '个百分点', 'points'),
        codes: ['RELATIVE_BASE_ASSUMED', 'OP_INFERRED'],
      });
      expect(read('下降≥5%', QUALITY)).toEqual({
        spec: relative('<=', -5, '%', 'points'),
        codes: ['RELATIVE_BASE_ASSUMED', 'RELATIVE_PERCENT_AMBIGUOUS'],
      });
    });

    it('reads 增长5% as the value itself where the name is a change (…增长率, …降幅)', () => {
      expect(read('增长5%', { ...OUTPUT, name: '参保人数增长率' })).toEqual({
      spec: num('>=', 5, '%'),
      codes: ['OP_INFERRED', 'TEXT_DROPPED'],
    });
    });
  });

  it('reads a level to reach (提高到95%) as numeric, not as a change', () => {
    expect(read('较上年提高到95%', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: [] });
    expect(read('提高至95%以上', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: [] });
    expect(read('降低至5%以下', OUTPUT)).toEqual({ spec: num('<=', 5, '%'), codes: [] });
    expect(read('下降到10天', OUTPUT)).toEqual({ spec: num('<=', 10, '天'), codes: [] });
  });

  it('reads 持平 without a base year against last year, and says so', () => {
    expect(read('持平', OUTPUT)).toEqual({ spec: relative('=', null, null), codes: ['RELATIVE_BASE_ASSUMED'] });
    expect(read('基本持平', OUTPUT)).toEqual({ spec: relative('=', null, null), codes: ['RELATIVE_BASE_ASSUMED'] });
    expect(read('持平或有所提高', OUTPUT)).toEqual({ spec: relative('>=', null, null), codes: ['RELATIVE_BASE_ASSUMED'] });
  });

  it('leaves a mention of last year it cannot read as qualitative, with a warning', () => {
    expect(read('上年度结转资金全部支付', OUTPUT)).toEqual({
      spec: qualitative('上年度结转资金全部支付'),
      codes: ['RELATIVE_NOT_READ'],
    });
    expect(read('较上年明显改善', OUTPUT).codes).toEqual(['RELATIVE_NOT_READ']);
  });

  it('leaves words of change without a number qualitative', () => {
    for (const raw of ['提高', '有所提升', '持续提升', '持续降低', '稳步提高', '逐年增长']) {
      expect(read(raw, OUTPUT)).toEqual({ spec: qualitative(raw), codes: [] });
    }
  });
});
