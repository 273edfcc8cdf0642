/**
 * Held-out-style corpus: recurring targets — a deadline in every period (每月20号之前, 每季度末) and
 * a count per period (每季度1次, 每月不少于2次, 1次/季度, in Arabic or Chinese numerals), with a
 * half year, a week or two months turned into a period the spec has; a yearly total stays numeric.
 *
 * Sources: demo/datasets (每月 20 号之前, 每月 10 号之前, 每季度末, 每月25日之前), the 按月安排 cell of
 * 岳阳楼区价格认证鉴定中心2023年度整体绩效目标表
 * (http://monopolymediamarketing.com/21487/21535/21748/21750/21907/content_2062100.html), the 检查/培训/
 * 例会 frequencies common in other provinces' tables, and variants written for this corpus.
 */
import { parseTarget } from '..';
import { checkTargetSpec } from '../../target-spec-check';
import { CONTEXTS, CorpusCase, expectedOf, num, recurring } from '../testing/spec-helpers';

const CASES: readonly CorpusCase[] = [
  // a deadline in every period
  ['每月 20 号之前', 'T', recurring('month', 20)],
  ['每月 10 号之前', 'T', recurring('month', 10)],
  ['每月25日之前', 'T', recurring('month', 25)],
  ['每月15日前', 'T', recurring('month', 15)],
  ['每月5号前发放', 'T', recurring('month', 5)],
  ['每月的10日前', 'T', recurring('month', 10)],
  ['每个月10日前', 'T', recurring('month', 10)],
  ['按月10日前支付', 'T', recurring('month', 10)],
  ['每月底前', 'T', recurring('month', null)],
  ['每月末', 'T', recurring('month', null)],
  ['每季度末', 'T', recurring('quarter', null)],
  ['每季末', 'T', recurring('quarter', null)],
  ['每季度末前', 'T', recurring('quarter', null)],
  ['按季度末', 'T', recurring('quarter', null)],
  ['按月发放', 'T', recurring('month', null)],
  ['按月安排', 'T', recurring('month', null)],
  ['每月按时足额发放', 'T', recurring('month', null)],
  ['按季度拨付', 'T', recurring('quarter', null)],
  ['每季度', 'T', recurring('quarter', null)],
  ['季度末', 'T', recurring('quarter', null)],
  ['按季', 'T', recurring('quarter', null)],
  ['每月5日', 'T', recurring('month', 5)],
  ['每月上旬', 'T', recurring('month', 10)],
  ['每月中旬前', 'T', recurring('month', 20)],
  ['每半年', 'O', recurring('year', null, 2)],
  ['≥2期/年', 'O', recurring('year', null, 2)],
  // a count per period
  ['每季度1次', 'O', recurring('quarter', null, 1)],
  ['每季度一次', 'O', recurring('quarter', null, 1)],
  ['每季1次', 'O', recurring('quarter', null, 1)],
  ['每个季度1次', 'O', recurring('quarter', null, 1)],
  ['每季度至少1次', 'O', recurring('quarter', null, 1)],
  ['每季度不少于1次', 'O', recurring('quarter', null, 1)],
  ['每季度≥1次', 'O', recurring('quarter', null, 1)],
  ['每季度1次以上', 'O', recurring('quarter', null, 1)],
  ['每季度至少开展一次', 'O', recurring('quarter', null, 1)],
  ['每季度开展1次检查', 'O', recurring('quarter', null, 1)],
  ['每季度召开一次会议', 'O', recurring('quarter', null, 1)],
  ['每季度组织两次培训', 'O', recurring('quarter', null, 2)],
  ['按季度开展1次', 'O', recurring('quarter', null, 1)],
  ['1次/季度', 'O', recurring('quarter', null, 1)],
  ['1次/季', 'O', recurring('quarter', null, 1)],
  ['≥1次/季度', 'O', recurring('quarter', null, 1)],
  ['每月不少于2次', 'O', recurring('month', null, 2)],
  ['每月2次', 'O', recurring('month', null, 2)],
  ['每月1次', 'O', recurring('month', null, 1)],
  ['每月一次', 'O', recurring('month', null, 1)],
  ['每月至少一次', 'O', recurring('month', null, 1)],
  ['每个月至少开展1次', 'O', recurring('month', null, 1)],
  ['每月召开1次例会', 'O', recurring('month', null, 1)],
  ['每月≥4次', 'O', recurring('month', null, 4)],
  ['1次/月', 'O', recurring('month', null, 1)],
  ['≥2次/月', 'O', recurring('month', null, 2)],
  ['每月1期', 'O', recurring('month', null, 1)],
  ['每年2次', 'O', recurring('year', null, 2)],
  ['每年至少2次', 'O', recurring('year', null, 2)],
  ['每年开展两次', 'O', recurring('year', null, 2)],
  ['每年度1次', 'O', recurring('year', null, 1)],
  ['每年不少于4次', 'O', recurring('year', null, 4)],
  ['2次/年', 'O', recurring('year', null, 2)],
  ['≥4次/年', 'O', recurring('year', null, 4)],
  ['每年12次', 'O', recurring('year', null, 12)],
  ['一年一次', 'O', recurring('year', null, 1)],
  ['一年两次', 'O', recurring('year', null, 2)],
  // converted periods
  ['每半年1次', 'O', recurring('year', null, 2)],
  ['每半年一次', 'O', recurring('year', null, 2)],
  ['半年1次', 'O', recurring('year', null, 2)],
  ['每半年至少开展1次', 'O', recurring('year', null, 2)],
  ['1次/半年', 'O', recurring('year', null, 2)],
  ['每周1次', 'O', recurring('month', null, 4)],
  ['每周至少2次', 'O', recurring('month', null, 8)],
  ['每两个月1次', 'O', recurring('year', null, 6)],
  // yearly totals stay numeric
  ['全年不少于4次', 'O', num('>=', 4, '次')],
  ['≥4次', 'O', num('>=', 4, '次')],
  ['全年4次', 'O', num('>=', 4, '次')],
  ['年度≥12次', 'O', num('>=', 12, '次')],
  ['≥5000人次/年', 'O', num('>=', 5000, '人次/年')],
  // not readable as recurring
  ['定期', 'O', 'qualitative'],
  ['每月不超过2次', 'O', 'qualitative'],
];

describe('corpus: recurring', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('reads %j (%s) as a careful reader would', (raw, key, line) => {
    const result = parseTarget(raw, CONTEXTS[key]);
    expect(result.spec).toEqual(expectedOf(line));
    expect(checkTargetSpec(result.spec)).toBeNull();
  });

  it('holds a corpus of real size', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });
});
