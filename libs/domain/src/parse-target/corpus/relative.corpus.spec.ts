/**
 * Held-out-style corpus: targets relative to the previous year — compared with last year itself
 * (不低于上年, 与上年持平), or with a change measured as the target states it: 个百分点 in points; %
 * in points on a rate indicator (参保率, 满意度) and as a relative change on an amount or a count;
 * any other unit in that unit. A decrease has delta < 0 and the bound mirrored. A level to reach
 * (提高到95%) is numeric.
 *
 * Sources: demo/datasets (不低于上年, 比上年提高 ≥10 百分比), the 较上年/同比 wording of other
 * provinces' 绩效目标表 and 自评表, and variants written for this corpus.
 */
import { parseTarget } from '..';
import { checkTargetSpec } from '../../target-spec-check';
import { CONTEXTS, CorpusCase, expectedOf, num, relative } from '../testing/spec-helpers';

const CASES: readonly CorpusCase[] = [
  // compared with last year itself
  ['不低于上年', 'O', relative('>=', null, null)],
  ['不低于上年水平', 'Q', relative('>=', null, null)],
  ['不低于去年同期', 'O', relative('>=', null, null)],
  ['不少于上年', 'O', relative('>=', null, null)],
  ['≥上年', 'O', relative('>=', null, null)],
  ['≥上年度', 'O', relative('>=', null, null)],
  ['高于上年', 'O', relative('>', null, null)],
  ['不高于上年', 'B', relative('<=', null, null)],
  ['不超过上年度', 'C', relative('<=', null, null)],
  ['低于上年', 'B', relative('<', null, null)],
  ['低于上年同期水平', 'B', relative('<', null, null)],
  ['与上年持平', 'O', relative('=', null, null)],
  ['与去年持平', 'O', relative('=', null, null)],
  ['同比持平', 'O', relative('=', null, null)],
  ['持平', 'O', relative('=', null, null)],
  ['保持上年水平', 'O', relative('>=', null, null)],
  ['较上年持平或有所提高', 'Q', relative('>=', null, null)],
  ['不低于2023年水平', 'Q', relative('>=', null, null)],
  // a direction, no amount
  ['较上年有所提高', 'Q', relative('>', null, null)],
  ['较上年有所下降', 'B', relative('<', null, null)],
  ['较上年提升', 'S', relative('>', null, null)],
  ['同比增长', 'O', relative('>', null, null)],
  ['同比下降', 'B', relative('<', null, null)],
  ['比上年增加', 'O', relative('>', null, null)],
  ['较去年明显提高', 'Q', relative('>', null, null)],
  ['比上年多', 'O', relative('>', null, null)],
  ['≤上年支出', 'C', relative('<=', null, null)],
  ['≥上年同期', 'O', relative('>=', null, null)],
  ['与上年同期持平', 'O', relative('=', null, null)],
  ['较上年持平', 'O', relative('=', null, null)],
  ['同比不下降', 'O', relative('>=', null, null)],
  ['较上年不增加', 'B', relative('<=', null, null)],
  ['不低于往年', 'O', relative('>=', null, null)],
  // percentage points
  ['较上年提高2个百分点', 'Q', relative('>=', 2, '个百分点', 'points')],
  ['较上年提高 2 个百分点以上', 'Q', relative('>=', 2, '个百分点', 'points')],
  ['比上年提高≥0.5个百分点', 'Q', relative('>=', 0.5, '个百分点', 'points')],
  ['比上年下降≥1个百分点', 'B', relative('<=', -1, '个百分点', 'points')],
  ['比2023年提高5个百分点', 'Q', relative('>=', 5, '个百分点', 'points')],
  ['提高2个百分点', 'Q', relative('>=', 2, '个百分点', 'points')],
  ['较上年增长3百分点', 'S', relative('>=', 3, '百分点', 'points')],
  // % on a rate: points; on an amount or a count: a relative change
  ['较上年增长5%', 'Q', relative('>=', 5, '%', 'points')],
  ['比上年提高≥10%', 'S', relative('>=', 10, '%', 'points')],
  ['比去年提高5%', 'S', relative('>=', 5, '%', 'points')],
  ['较上年增长5%', 'O', relative('>=', 5, '%', 'percent')],
  ['同比增长≥10%', 'O', relative('>=', 10, '%', 'percent')],
  ['同比增长不低于5%', 'O', relative('>=', 5, '%', 'percent')],
  ['较上年度增长≥8%', 'O', relative('>=', 8, '%', 'percent')],
  ['较上年同期增长10%', 'O', relative('>=', 10, '%', 'percent')],
  ['较2023年增长10%', 'O', relative('>=', 10, '%', 'percent')],
  ['与上年相比提高3%', 'O', relative('>=', 3, '%', 'percent')],
  ['在上年基础上增长5%', 'O', relative('>=', 5, '%', 'percent')],
  ['比上年提高 ≥10 百分比', 'B', relative('>=', 10, '%', 'percent')],
  ['同比下降5%以上', 'B', relative('<=', -5, '%', 'percent')],
  ['较上年下降不超过2%', 'B', relative('>=', -2, '%', 'percent')],
  ['较上年降低≥3%', 'C', relative('<=', -3, '%', 'percent')],
  ['增长10%', 'O', relative('>=', 10, '%', 'percent')],
  ['下降5%', 'B', relative('<=', -5, '%', 'percent')],
  // in the target's own unit
  ['较上年减少3家', 'O', relative('<=', -3, '家', 'unit')],
  ['较上年增加≥2家', 'O', relative('>=', 2, '家', 'unit')],
  ['比上年增加100人以上', 'O', relative('>=', 100, '人', 'unit')],
  ['较上年增加0.5万人', 'O', relative('>=', 0.5, '万人', 'unit')],
  ['较上年缩短2天', 'T', relative('<=', -2, '天', 'unit')],
  ['同比减少2起', 'B', relative('<=', -2, '起', 'unit')],
  ['比上年增加≥10', 'O', relative('>=', 10, null, 'unit')],
  // a level to reach, or the change is the indicator itself: numeric
  ['较上年提高到95%', 'Q', num('>=', 95, '%')],
  ['提高至98%以上', 'Q', num('>=', 98, '%')],
  ['下降至10%以下', 'B', num('<=', 10, '%')],
  ['降低到5%', 'B', num('<=', 5, '%')],
  ['增长至5万人', 'O', num('>=', 5, '万人')],
  // not readable
  ['逐年提高', 'Q', 'qualitative'],
  ['较上年明显改善', 'B', 'qualitative'],
  ['较上年增长5%-10%', 'O', 'qualitative'],
  ['上年度结转资金全部支付', 'O', 'qualitative'],
];

describe('corpus: relative to the previous year', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('reads %j (%s) as a careful reader would', (raw, key, line) => {
    const result = parseTarget(raw, CONTEXTS[key]);
    expect(result.spec).toEqual(expectedOf(line));
    expect(checkTargetSpec(result.spec)).toBeNull();
  });

  it('reads % on a change indicator (…增长率) as the rate itself', () => {
    expect(parseTarget('增长5%', { ...CONTEXTS.O, name: '医保基金收入增长率' }).spec).toEqual(num('>=', 5, '%'));
    expect(parseTarget('下降3%', { ...CONTEXTS.O, name: '药品价格平均降幅' }).spec).toEqual(num('>=', 3, '%'));
  });

  it('holds a corpus of real size', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });
});
