import { parseTarget } from '..';
import { COST, num, OUTPUT, qualitative, read, TIMELINESS } from '../testing/spec-helpers';
import { findPlaceholder } from './placeholder.reader';

describe('placeholder reader (模板占位内容)', () => {
  it.each([
    '≥**', '**元', '**%', '≥**%', '≤**万元', '＊＊人次', 'XX', 'xx', 'xx人', 'XX人次', 'X%', '≥X%', '≥XX%', '≤XX万元',
    '×××', '≥×%', '×%', 'XXX元/人', '20XX年12月底前', '指标值', '目标值', '年度指标值', '…', '……', '...', '。。。',
    '（填写）', '(填写)', '≥（填写）%', '【填写】', '请填写', '待定', '≥?%', '≥？%', '○○人', '□□%', '≥___%', '某某',
    '指标1：', '≥x%', 'XX月XX日前', '每季度X次',
  ])('reads %j as a placeholder, never as a number', (raw) => {
    const result = parseTarget(raw, OUTPUT);
    expect(result.spec).toEqual(qualitative(raw.trim()));
    expect(result.warnings.map((w) => w.code)).toEqual(['PLACEHOLDER']);
    expect(result.warnings[0]?.message).toContain('模板未填写');
  });

  it.each([
    ['≤300元/人*月', COST, num('<=', 300, '元/人*月')],
    ['≤300元/人×月', COST, num('<=', 300, '元/人×月')],
    ['≥5 xyz', OUTPUT, num('>=', 5, 'xyz')],
    ['≥95%*', OUTPUT, num('>=', 95, '%')],
    ['≥95%?', OUTPUT, num('>=', 95, '%')],
  ] as const)('does not take a separator, a letter in a word or a footnote mark in %j for a placeholder', (raw, context, expected) => {
    expect(read(raw, context).spec).toEqual(expected);
    expect(read(raw, context).codes).not.toContain('PLACEHOLDER');
  });

  it.each(['X光机检查', 'DIP支付改革', '一站式结算', '12月底前'])('finds no placeholder in %j', (text) => {
    expect(findPlaceholder(text)).toBeNull();
  });

  it('names what was left in the message', () => {
    const [warning] = parseTarget('≥**%', TIMELINESS).warnings;
    expect(warning?.message).toContain('“**”');
  });
});
