/**
 * Held-out-style corpus: deadlines and periods — `N月前` (before month N starts), `N月底(前)`,
 * full dates in every notation, 年底/年内/全年, quarters and half years, ten-day periods, a month
 * named with its year, and a period written as dates, which is a deadline at its end (never a
 * decimal range). A year other than the fiscal year (2024 here) still reads, with OTHER_YEAR.
 *
 * Sources: the deadline shapes of demo/datasets (10 月份前, 不晚于 12 月底, 每月 20 号之前), other
 * provinces' tables (`2023年12月前`, 宁德市人才驿站补助资金自评, https://0477ly.com/newsdetail/news661681.html;
 * `2024年1-12月`, `2023.07-2024.01` and similar 实施期限 cells), and variants written for this corpus.
 */
import { parseTarget } from '..';
import { checkTargetSpec } from '../../target-spec-check';
import { CONTEXTS, CorpusCase, deadline, expectedOf, num, range } from '../testing/spec-helpers';

const CASES: readonly CorpusCase[] = [
  // before month N starts; by the end of month N
  ['10 月份前', 'T', deadline('09-30')],
  ['10月份之前', 'T', deadline('09-30')],
  ['6月前', 'T', deadline('05-31')],
  ['2023年12月前', 'T', deadline('11-30')],
  ['2024年7月以前', 'T', deadline('06-30')],
  ['3月前', 'T', deadline('02-29')],
  ['12 月底前', 'T', deadline('12-31')],
  ['不晚于 12 月底', 'T', deadline('12-31')],
  ['不迟于11月底', 'T', deadline('11-30')],
  ['9月底前', 'T', deadline('09-30')],
  ['9月末', 'T', deadline('09-30')],
  ['2024年11月底', 'T', deadline('11-30')],
  ['11月底前完成', 'T', deadline('11-30')],
  ['2月底', 'T', deadline('02-29')],
  ['2024年10月底前完成资金拨付', 'T', deadline('10-31')],
  ['最迟于10月底前拨付到位', 'T', deadline('10-31')],
  // full dates
  ['2024年12月31日前', 'T', deadline('12-31')],
  ['2024年12月31日之前完成', 'T', deadline('12-31')],
  ['2024年6月30日', 'T', deadline('06-30')],
  ['2024年12月20日前', 'T', deadline('12-20')],
  ['12月31日前', 'T', deadline('12-31')],
  ['12月20日', 'T', deadline('12-20')],
  ['11月30号', 'T', deadline('11-30')],
  ['2024.12.31', 'T', deadline('12-31')],
  ['2024.12.31前', 'T', deadline('12-31')],
  ['2024-12-31前', 'T', deadline('12-31')],
  ['2024/12/31', 'T', deadline('12-31')],
  ['截止2024年12月31日', 'T', deadline('12-31')],
  ['截至12月31日', 'T', deadline('12-31')],
  ['最迟12月15日', 'T', deadline('12-15')],
  ['12.31前', 'T', deadline('12-31')],
  ['6.30', 'T', deadline('06-30')],
  ['十二月三十一日前', 'T', deadline('12-31')],
  ['十一月底前', 'T', deadline('11-30')],
  // the year, its halves and quarters
  ['年底前', 'T', deadline('12-31')],
  ['年底', 'T', deadline('12-31')],
  ['年内完成', 'T', deadline('12-31')],
  ['年度内', 'T', deadline('12-31')],
  ['当年', 'T', deadline('12-31')],
  ['本年度', 'T', deadline('12-31')],
  ['2024年底前', 'T', deadline('12-31')],
  ['2024年', 'T', deadline('12-31')],
  ['2024年度', 'T', deadline('12-31')],
  ['全年', 'T', deadline('12-31')],
  ['2024年全年', 'T', deadline('12-31')],
  ['2023年全年', 'T', deadline('12-31')],
  ['上半年', 'T', deadline('06-30')],
  ['上半年完成', 'T', deadline('06-30')],
  ['下半年', 'T', deadline('12-31')],
  ['第一季度末', 'T', deadline('03-31')],
  ['一季度', 'T', deadline('03-31')],
  ['二季度末前', 'T', deadline('06-30')],
  ['第三季度', 'T', deadline('09-30')],
  ['三季度前', 'T', deadline('06-30')],
  ['前三季度', 'T', deadline('09-30')],
  ['四季度', 'T', deadline('12-31')],
  ['每年6月底前', 'T', deadline('06-30')],
  ['每年12月', 'T', deadline('12-31')],
  ['每年11月底前', 'T', deadline('11-30')],
  ['2024年第四季度', 'T', deadline('12-31')],
  ['2024年年底前', 'T', deadline('12-31')],
  ['2024年上半年', 'T', deadline('06-30')],
  ['2024年下半年完成', 'T', deadline('12-31')],
  ['12月底前完成100%', 'T', deadline('12-31')],
  ['2024年12月31日前拨付率100%', 'T', deadline('12-31')],
  ['年底前完成100%', 'T', deadline('12-31')],
  ['当年12月底前', 'T', deadline('12-31')],
  ['2024年12月31日以前', 'T', deadline('12-31')],
  ['2024年12月底之前', 'T', deadline('12-31')],
  ['2024年11月30日前完成验收', 'T', deadline('11-30')],
  ['在2024年12月31日前', 'T', deadline('12-31')],
  ['2024年内', 'T', deadline('12-31')],
  ['12月前完成', 'T', deadline('11-30')],
  // ten-day periods and months
  ['6月中旬', 'T', deadline('06-20')],
  ['6月上旬前', 'T', deadline('06-10')],
  ['9月下旬', 'T', deadline('09-30')],
  ['12月', 'T', deadline('12-31')],
  ['12月份', 'T', deadline('12-31')],
  ['12月份', 'O', deadline('12-31')],
  ['2024年12月', 'T', deadline('12-31')],
  ['2024年12月', 'O', deadline('12-31')],
  ['2024.12', 'T', deadline('12-31')],
  ['2024年6月', 'T', deadline('06-30')],
  // a period written as dates: a deadline at its end
  ['2024年1月-12月', 'T', deadline('12-31')],
  ['2024年1-12月', 'T', deadline('12-31')],
  ['2024年1月至12月', 'T', deadline('12-31')],
  ['2024年1月—12月', 'O', deadline('12-31')],
  ['2024年1月-2024年12月', 'T', deadline('12-31')],
  ['2024年1月至2024年12月', 'O', deadline('12-31')],
  ['2024.01-2024.12', 'O', deadline('12-31')],
  ['2024.1-2024.12', 'T', deadline('12-31')],
  ['2024.01-12', 'T', deadline('12-31')],
  ['2024.1.1-2024.12.31', 'O', deadline('12-31')],
  ['2024.01.01-2024.12.31', 'T', deadline('12-31')],
  ['2024-01-01至2024-12-31', 'T', deadline('12-31')],
  ['2024年1月1日-12月31日', 'T', deadline('12-31')],
  ['2024年1月1日至2024年12月31日', 'O', deadline('12-31')],
  ['2024年3月-2024年10月', 'T', deadline('10-31')],
  ['2024年4月至6月', 'T', deadline('06-30')],
  ['2024年3月～11月', 'T', deadline('11-30')],
  ['2023.07-2024.01', 'T', deadline('01-31')],
  ['2023.07-2024.01', 'O', deadline('01-31')],
  ['2023年7月-2024年6月', 'T', deadline('06-30')],
  ['2024年9月-2025年6月', 'T', deadline('12-31')],
  ['1-12月', 'T', deadline('12-31')],
  ['1-12月', 'O', deadline('12-31')],
  ['1-12月份', 'T', deadline('12-31')],
  ['1月-12月', 'O', deadline('12-31')],
  ['1月至12月', 'T', deadline('12-31')],
  ['1-6月', 'O', deadline('06-30')],
  ['3-5月', 'T', deadline('05-31')],
  ['10月-12月', 'O', deadline('12-31')],
  ['3月至10月', 'T', deadline('10-31')],
  ['12月1日-12月31日', 'T', deadline('12-31')],
  ['2024年-2026年', 'T', deadline('12-31')],
  ['12/31前', 'T', deadline('12-31')],
  // a range of months stays a range where the name counts months or the indicator is not about time
  ['6-9 月', 'O', range(6, 9, '月')],
  ['6-9月', 'Q', range(6, 9, '月')],
  // not deadlines
  ['3年内', 'B', num('<=', 3, '年')],
  ['资金下达后30日内', 'T', num('<=', 30, '日')],
  ['收到申请后5个工作日内', 'T', num('<=', 5, '个工作日')],
  ['项目启动后3个月内', 'T', num('<=', 3, '个月')],
  ['及时', 'T', 'qualitative'],
  ['按时完成', 'T', 'qualitative'],
  ['即时办结', 'T', 'qualitative'],
  ['按合同约定时间完成', 'T', 'qualitative'],
  ['10月起', 'T', 'qualitative'],
  ['次年3月底前', 'T', 'qualitative'],
];

describe('corpus: deadlines and periods', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('reads %j (%s) as a careful reader would', (raw, key, line) => {
    const result = parseTarget(raw, CONTEXTS[key]);
    expect(result.spec).toEqual(expectedOf(line));
    expect(checkTargetSpec(result.spec)).toBeNull();
  });

  it('never reads a period of dates as a range of decimals', () => {
    for (const [raw, key] of CASES) {
      const { spec } = parseTarget(raw, CONTEXTS[key]);
      if (spec.kind === 'range') expect(spec.max).toBeGreaterThanOrEqual(Math.floor(spec.max));
      if (spec.kind === 'range') expect([spec.min, spec.max].every(Number.isInteger)).toBe(true);
    }
  });

  it('holds a corpus of real size', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
  });
});
