/**
 * Held-out-style corpus: ranges, qualitative targets, template leftovers and empty cells, and
 * targets whose numbers cannot be read as one target (several numbers, a number in a sentence).
 *
 * Sources: demo/datasets (6-9 月, 全覆盖, 及时准确, 3 月、4 月、8 月、10 月), the 应保尽保 cell of
 * 岳阳楼区价格认证鉴定中心2023年度整体绩效目标表
 * (http://monopolymediamarketing.com/21487/21535/21748/21750/21907/content_2062100.html), the template
 * leftovers DESIGN §5 names (≥**, **元, XX, 指标值) and those of other provinces' unfilled templates
 * (X%, ×××, （填写）, …), and variants written for this corpus.
 */
import { parseTarget } from '..';
import { checkTargetSpec } from '../../target-spec-check';
import { CONTEXTS, CorpusCase, expectedOf, num, range } from '../testing/spec-helpers';

const CASES: readonly CorpusCase[] = [
  // ranges
  ['6-9 月', 'O', range(6, 9, '月')],
  ['80%-90%', 'Q', range(80, 90, '%')],
  ['80%～90%', 'Q', range(80, 90, '%')],
  ['80%~90%', 'Q', range(80, 90, '%')],
  ['80%—90%', 'Q', range(80, 90, '%')],
  ['80-90%', 'Q', range(80, 90, '%')],
  ['85%至95%', 'S', range(85, 95, '%')],
  ['在3.5—4.5万元之间', 'C', range(3.5, 4.5, '万元')],
  ['5-10万元', 'C', range(5, 10, '万元')],
  ['3～5个工作日', 'T', range(3, 5, '个工作日')],
  ['6至9个月', 'O', range(6, 9, '个月')],
  ['2000-2500人', 'O', range(2000, 2500, '人')],
  ['100-120人次', 'O', range(100, 120, '人次')],
  ['±5%', 'B', range(-5, 5, '%')],
  ['误差率±3%以内', 'B', range(-3, 3, '%')],
  ['0.5-1万元/人', 'C', range(0.5, 1, '万元/人')],
  ['≥90%且≤95%', 'Q', range(90, 95, '%')],
  ['不低于90%，不高于95%', 'Q', range(90, 95, '%')],
  ['≤95%且≥90%', 'Q', range(90, 95, '%')],
  ['≥5天,≤10天', 'T', range(5, 10, '天')],
  // qualitative
  ['全覆盖', 'O', 'qualitative'],
  ['及时准确', 'Q', 'qualitative'],
  ['有效保障', 'B', 'qualitative'],
  ['持续提升', 'B', 'qualitative'],
  ['按上级文件政策执行', 'C', 'qualitative'],
  ['应保尽保', 'B', 'qualitative'],
  ['达标', 'Q', 'qualitative'],
  ['合格', 'Q', 'qualitative'],
  ['良好', 'B', 'qualitative'],
  ['明显提升', 'B', 'qualitative'],
  ['显著改善', 'B', 'qualitative'],
  ['长期', 'B', 'qualitative'],
  ['长效', 'B', 'qualitative'],
  ['无重大安全责任事故', 'B', 'qualitative'],
  ['无违规违纪', 'Q', 'qualitative'],
  ['零投诉', 'S', 'qualitative'],
  ['逐步完善', 'B', 'qualitative'],
  ['符合国家标准', 'Q', 'qualitative'],
  ['验收合格', 'Q', 'qualitative'],
  ['群众满意', 'S', 'qualitative'],
  ['一站式结算', 'B', 'qualitative'],
  ['应享尽享', 'B', 'qualitative'],
  ['按时足额发放', 'T', 'qualitative'],
  ['及时发放', 'T', 'qualitative'],
  ['正常运转', 'B', 'qualitative'],
  ['保障单位正常运转', 'B', 'qualitative'],
  ['严格控制在预算范围内', 'C', 'qualitative'],
  ['不超预算', 'C', 'qualitative'],
  ['节约成本', 'C', 'qualitative'],
  ['高效便捷', 'Q', 'qualitative'],
  ['有所提升', 'B', 'qualitative'],
  ['稳步推进', 'B', 'qualitative'],
  // template leftovers
  ['≥**', 'O', 'qualitative'],
  ['**元', 'C', 'qualitative'],
  ['≤**万元', 'C', 'qualitative'],
  ['**%', 'Q', 'qualitative'],
  ['XX', 'O', 'qualitative'],
  ['xx人', 'O', 'qualitative'],
  ['XX人次', 'O', 'qualitative'],
  ['X%', 'Q', 'qualitative'],
  ['≥X%', 'Q', 'qualitative'],
  ['≥XX%', 'S', 'qualitative'],
  ['×××', 'O', 'qualitative'],
  ['≤×××万元', 'C', 'qualitative'],
  ['指标值', 'O', 'qualitative'],
  ['目标值', 'O', 'qualitative'],
  ['…', 'O', 'qualitative'],
  ['……', 'O', 'qualitative'],
  ['（填写）', 'O', 'qualitative'],
  ['≥（填写）%', 'Q', 'qualitative'],
  ['20XX年12月底前', 'T', 'qualitative'],
  ['XX月XX日前', 'T', 'qualitative'],
  ['每季度X次', 'O', 'qualitative'],
  ['请填写', 'O', 'qualitative'],
  // empty cells
  ['', 'O', 'qualitative'],
  ['—', 'O', 'qualitative'],
  ['/', 'O', 'qualitative'],
  ['-', 'O', 'qualitative'],
  // several numbers, or a number inside a sentence
  ['3 月、4 月、8 月、10 月', 'T', 'qualitative'],
  ['≥95%（2023年为93%）', 'Q', 'qualitative'],
  ['符合条件的困难群众100%纳入资助范围', 'B', 'qualitative'],
  ['城乡居民医保政策范围内住院费用报销比例稳定在70%左右并逐步提高', 'Q', 'qualitative'],
  // a short word before the number is dropped, the number read
  ['在职27人', 'O', num('>=', 27, '人')],
  ['参保率≥95%', 'Q', num('>=', 95, '%')],
  ['满意度≥90%', 'S', num('>=', 90, '%')],
  ['≥30家定点医药机构', 'O', num('>=', 30, '家')],
];

describe('corpus: ranges, qualitative targets and leftovers', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('reads %j (%s) as a careful reader would', (raw, key, line) => {
    const result = parseTarget(raw, CONTEXTS[key]);
    expect(result.spec).toEqual(expectedOf(line));
    expect(checkTargetSpec(result.spec)).toBeNull();
  });

  it('flags every template leftover as a placeholder, never as a number', () => {
    const leftovers = CASES.filter(([raw]) => /[*Xx×…]|指标值|目标值|填写/.test(raw) && !raw.includes('2023'));
    expect(leftovers.length).toBeGreaterThanOrEqual(20);
    for (const [raw, key] of leftovers) {
      expect(parseTarget(raw, CONTEXTS[key]).warnings.map((w) => w.code)).toEqual(['PLACEHOLDER']);
    }
  });

  it('holds a corpus of real size', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });
});
