import { PARSE_WARNING_CODES, parseTarget } from '.';
import type { ParseContext } from '../target-spec';
import { checkTargetSpec } from '../target-spec-check';
import {
  COST,
  COST_LEVEL1,
  deadline,
  num,
  OUTPUT,
  qualitative,
  read,
  recurring,
  relative,
  TIMELINESS,
} from './testing/spec-helpers';

describe(parseTarget.name, () => {
  describe('DESIGN §3 table, every example exactly', () => {
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
      // deadline (N月前 = before month N starts; N月底(前) = by the end of month N)
      ['10 月份前', TIMELINESS, deadline('09-30')],
      ['6月前', TIMELINESS, deadline('05-31')],
      ['不晚于 12 月底', TIMELINESS, deadline('12-31')],
      ['12 月底前', TIMELINESS, deadline('12-31')],
      // recurring: a deadline, or a count per period
      ['每月 20 号之前', TIMELINESS, recurring('month', 20)],
      ['每季度末', TIMELINESS, recurring('quarter', null)],
      ['每季度1次', TIMELINESS, recurring('quarter', null, 1)],
      ['每月不少于2次', TIMELINESS, recurring('month', null, 2)],
      // relative to the previous year
      ['不低于上年', OUTPUT, relative('>=', null, null)],
      ['比上年提高 ≥10 百分比', OUTPUT, relative('>=', 10, '%', 'percent')],
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
      const explicit = ['≥1428 人次', '不低于95%', '=370 人', '24 小时内', '6-9 月', '10 月份前', '每月 20 号之前', '每季度1次', '每月不少于2次', '不低于上年', '全覆盖'];
      for (const raw of explicit) expect(read(raw, OUTPUT).codes).toEqual([]);
    });

    it('reads the relative examples of the completion table as their change is stated', () => {
      expect(read('较上年提高5%', OUTPUT)).toEqual({
        spec: relative('>=', 5, '%', 'percent'),
        codes: ['OP_INFERRED', 'RELATIVE_PERCENT_AMBIGUOUS'],
      });
      expect(read('下降2个百分点', OUTPUT).spec).toEqual(relative('<=', -2, '个百分点', 'points'));
      expect(read('增加3家', OUTPUT).spec).toEqual(relative('>=', 3, '家', 'unit'));
    });

    it('says which reading of % it took in 比上年提高 ≥10 百分比, and that it can be corrected', () => {
      const [warning] = parseTarget('比上年提高 ≥10 百分比', OUTPUT).warnings;
      expect(warning?.code).toBe('RELATIVE_PERCENT_AMBIGUOUS');
      expect(warning?.message).toContain('已按相对上年的增减幅度理解');
      expect(warning?.message).toContain('更正');
    });
  });

  describe('warnings', () => {
    it('writes every warning as a plain Chinese sentence with a known code', () => {
      const samples = ['在职27人', '3月前', '2023年全年', '≤35万', '50%左右', '', '比上年提高 ≥10 百分比', '9-6月', '≥**', '每半年1次', '2023.07-2024.01', '提高2%'];
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
        ['≥**', OUTPUT],
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
        ['2024年1月-12月', OUTPUT],
        ['12月底后', OUTPUT],
        ['按月发放', OUTPUT],
        ['每月30日前', OUTPUT],
        ['每半年1次', OUTPUT],
        ['每月不超过2次', OUTPUT],
        ['上年度结转资金全部支付', OUTPUT],
        ['比上年提高 ≥10 百分比', OUTPUT],
        ['提高2个百分点', OUTPUT],
      ];
      const produced = new Set(examples.flatMap(([raw, context]) => read(raw, context).codes));
      // PARSE_ERROR is the safety net for a bug in the parser: no input is known to reach it.
      expect([...PARSE_WARNING_CODES].filter((code) => code !== 'PARSE_ERROR' && !produced.has(code))).toEqual([]);
    });

    it('warns about a year other than the fiscal year', () => {
      const result = parseTarget('2023年全年', { ...TIMELINESS, fiscalYear: 2024 });
      expect(result.spec).toEqual(deadline('12-31'));
      expect(result.warnings.map((w) => w.code)).toEqual(['OTHER_YEAR', 'DEADLINE_INFERRED']);
      expect(result.warnings[0]?.message).toContain('2023');
      expect(read('完成2023年度参保工作', OUTPUT)).toEqual({ spec: qualitative('完成2023年度参保工作'), codes: ['OTHER_YEAR'] });
      expect(read('2023-12-31', OUTPUT).codes).toEqual(['OTHER_YEAR']);
    });

    it('does not warn about the fiscal year itself, nor without a fiscal year', () => {
      expect(read('2024年12月31日前', TIMELINESS).codes).toEqual([]);
      expect(read('2023年12月31日前').codes).toEqual([]);
      expect(read('2024年参保率≥95%', OUTPUT)).toEqual({ spec: num('>=', 95, '%'), codes: ['TEXT_DROPPED'] });
    });

    it('does not take the previous year named as the base of a comparison for another year', () => {
      expect(read('较2023年提高5个百分点', OUTPUT)).toEqual({
        spec: relative('>=', 5, '个百分点', 'points'),
        codes: ['OP_INFERRED'],
      });
      expect(read('不低于2023年水平', OUTPUT)).toEqual({ spec: relative('>=', null, null), codes: [] });
      expect(read('不低于2022年水平', OUTPUT).codes).toEqual(['OTHER_YEAR']);
    });

    it('warns when the name compares with last year but the target is an absolute number', () => {
      const context: ParseContext = { ...OUTPUT, level1: '效益指标', name: '重特大疾病救助比例较上年有所提高' };
      expect(read('20%', context)).toEqual({ spec: num('>=', 20, '%'), codes: ['OP_INFERRED', 'NAME_SUGGESTS_RELATIVE'] });
    });
  });

  describe('robustness', () => {
    it('never throws on odd strings', () => {
      const odd = [
        '≥', '≤≤≤', '%', '万元', '-', '--', '~', '.', '1.', '.5', '1e5', '0x10', 'Infinity', 'NaN', '月底前', '每月',
        '每季度', '上年', '比上年提高≥', '((((', '\\', '$&', '\u0000', '😀≥5个', '**', '×', '每月0次', '每年9999次',
        '2024.13-2024.14', '0-0月', '±', '百分之', '十二月', '≥一二三次', '9'.repeat(400), '≥'.repeat(1000) + '5',
        '每月'.repeat(500), '12月'.repeat(300), '2024.1-'.repeat(200), 'a'.repeat(10000),
      ];
      for (const raw of odd) {
        expect(() => parseTarget(raw)).not.toThrow();
        expect(() => parseTarget(raw, { fiscalYear: 2024, level1: null, level2: null, name: null })).not.toThrow();
      }
    });

    it('never throws on generated strings of target characters, and every spec is well-formed', () => {
      const alphabet = [...'0123456789.,-~至到%％万元人次天月日号前底末每季度年上比较提高下降≥≤><=不低于超过以上以下内 　、（）()*X×·/半周两一'];
      let seed = 20240101;
      const next = (): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed;
      };
      for (let i = 0; i < 3000; i += 1) {
        const length = next() % 16;
        const raw = Array.from({ length }, () => alphabet[next() % alphabet.length] ?? '').join('');
        const result = parseTarget(raw, i % 3 === 0 ? COST : i % 3 === 1 ? TIMELINESS : undefined);
        expect(checkTargetSpec(result.spec)).toBeNull();
        expect(result.spec.kind).toMatch(/^(numeric|range|deadline|recurring|relative|qualitative)$/);
        if (result.spec.kind === 'numeric') expect(Number.isFinite(result.spec.value)).toBe(true);
        if (result.spec.kind === 'range') expect(result.spec.min).toBeLessThanOrEqual(result.spec.max);
        if (result.spec.kind === 'deadline') expect(result.spec.by).toMatch(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
        if (result.spec.kind === 'recurring' && result.spec.times !== undefined) {
          expect(Number.isInteger(result.spec.times) && result.spec.times >= 1 && result.spec.times <= 1000).toBe(true);
        }
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
