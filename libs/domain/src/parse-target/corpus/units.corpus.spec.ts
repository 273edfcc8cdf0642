/**
 * Held-out-style corpus: units as tables write them — kept as written without spaces (`百分比` is
 * `%`), `万`/`亿` kept in the unit, compound units per person, month or year with `/`, `·`, `*`,
 * `×`, `・` or `.`, measure words (个村, 个项目), physical measures, and units after Chinese numerals.
 *
 * Sources: the unit shapes of the published medical-insurance tables in demo/datasets (元/人/年,
 * 元/人/月, 万元/批次, 万/次), of other provinces' tables (元/人·月, 人次/年, 元/生·年, 万亩, ㎡), and
 * variants written for this corpus.
 */
import { parseTarget } from '..';
import { checkTargetSpec } from '../../target-spec-check';
import { unitKind } from '../../units';
import { CONTEXTS, CorpusCase, expectedOf, num } from '../testing/spec-helpers';

const CASES: readonly CorpusCase[] = [
  // percent
  ['≥95 百分比', 'Q', num('>=', 95, '%')],
  ['≥95百分比', 'Q', num('>=', 95, '%')],
  ['≥ 95 ％', 'Q', num('>=', 95, '%')],
  ['≥95﹪', 'Q', num('>=', 95, '%')],
  ['≥百分之九十', 'S', num('>=', 90, '%')],
  ['百分之百', 'Q', num('>=', 100, '%')],
  ['≤3‰', 'B', num('<=', 3, '‰')],
  ['≤2个百分点', 'B', num('<=', 2, '个百分点')],
  // 万 and 亿 kept in the unit
  ['≥26万人', 'O', num('>=', 26, '万人')],
  ['≥1.2万人次', 'O', num('>=', 1.2, '万人次')],
  ['≤1996.62万元', 'C', num('<=', 1996.62, '万元')],
  ['≤1.5亿元', 'K', num('<=', 1.5, '亿元')],
  ['≥3.5万户', 'O', num('>=', 3.5, '万户')],
  ['≥10万亩', 'O', num('>=', 10, '万亩')],
  ['≥2万吨', 'O', num('>=', 2, '万吨')],
  ['≥5千人', 'O', num('>=', 5, '千人')],
  ['≤35万', 'C', num('<=', 35, '万')],
  ['≤10 万/次', 'C', num('<=', 10, '万/次')],
  // compound units per person, month, year
  ['≤300元/人·月', 'C', num('<=', 300, '元/人·月')],
  ['≤300元/人*月', 'C', num('<=', 300, '元/人*月')],
  ['≤300元/人×月', 'C', num('<=', 300, '元/人×月')],
  ['≤300元/人・月', 'C', num('<=', 300, '元/人・月')],
  ['≤300元/人.月', 'C', num('<=', 300, '元/人.月')],
  ['≤300 元/人 · 月', 'C', num('<=', 300, '元/人·月')],
  ['≤300元／人·月', 'C', num('<=', 300, '元/人·月')],
  ['=300元/（人·月）', 'C', num('=', 300, '元/(人·月)')],
  ['300元/人·月', 'C', num('<=', 300, '元/人·月')],
  ['≥300元/人·月', 'O', num('>=', 300, '元/人·月')],
  ['=2310 元/人/年', 'C', num('=', 2310, '元/人/年')],
  ['≤1.2万元/人·年', 'C', num('<=', 1.2, '万元/人·年')],
  ['≤800元/生·年', 'C', num('<=', 800, '元/生·年')],
  ['=14 元/人/月', 'C', num('=', 14, '元/人/月')],
  ['≤50元/人·天', 'C', num('<=', 50, '元/人·天')],
  ['≤150元/人次', 'C', num('<=', 150, '元/人次')],
  ['≤3.2 元/张', 'C', num('<=', 3.2, '元/张')],
  ['≤2.1 万元/批次', 'C', num('<=', 2.1, '万元/批次')],
  ['≤6 万元/年', 'C', num('<=', 6, '万元/年')],
  ['≤1200元/平方米', 'C', num('<=', 1200, '元/平方米')],
  ['≤800元/亩', 'C', num('<=', 800, '元/亩')],
  ['≤80元/吨', 'C', num('<=', 80, '元/吨')],
  ['≥5000人次/年', 'O', num('>=', 5000, '人次/年')],
  ['≥2000人/年', 'O', num('>=', 2000, '人/年')],
  ['1364 元/台/年', 'C', num('<=', 1364, '元/台/年')],
  // counts and measure words
  ['≥370家', 'O', num('>=', 370, '家')],
  ['=22 台', 'O', num('=', 22, '台')],
  ['≥135 卷', 'O', num('>=', 135, '卷')],
  ['≥12个村', 'O', num('>=', 12, '个村')],
  ['≥8个项目', 'O', num('>=', 8, '个项目')],
  ['≥3个乡镇', 'O', num('>=', 3, '个乡镇')],
  ['≥20场次', 'O', num('>=', 20, '场次')],
  ['≥6期', 'O', num('>=', 6, '期')],
  ['≥100册', 'O', num('>=', 100, '册')],
  ['≥5篇', 'O', num('>=', 5, '篇')],
  ['≥30名', 'O', num('>=', 30, '名')],
  ['≥4所', 'O', num('>=', 4, '所')],
  ['≥2000份', 'O', num('>=', 2000, '份')],
  ['≥50床', 'O', num('>=', 50, '床')],
  ['≥10批次', 'O', num('>=', 10, '批次')],
  ['=0起', 'B', num('=', 0, '起')],
  // durations and physical measures
  ['≤24小时', 'T', num('<=', 24, '小时')],
  ['≤15个工作日', 'T', num('<=', 15, '个工作日')],
  ['≤30分钟', 'T', num('<=', 30, '分钟')],
  ['≤3个月', 'T', num('<=', 3, '个月')],
  ['≥3年', 'B', num('>=', 3, '年')],
  ['≥10公里', 'O', num('>=', 10, '公里')],
  ['≥500平方米', 'O', num('>=', 500, '平方米')],
  ['≥1000㎡', 'O', num('>=', 1000, 'm2')],
  ['≥90分', 'S', num('>=', 90, '分')],
  ['≥1.5倍', 'B', num('>=', 1.5, '倍')],
];

/** Units that must be known money units (no UNIT_UNKNOWN, kind money). */
const MONEY_COMPOUNDS = ['≤300元/人·月', '≤300元/人*月', '≤300元/人×月', '≤300元/人・月', '≤300元/人.月', '=300元/（人·月）', '≤1.2万元/人·年', '≤800元/生·年'];

describe('corpus: units', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('reads %j (%s) as a careful reader would', (raw, key, line) => {
    const result = parseTarget(raw, CONTEXTS[key]);
    expect(result.spec).toEqual(expectedOf(line));
    expect(checkTargetSpec(result.spec)).toBeNull();
    expect(result.warnings.map((w) => w.code)).not.toContain('UNIT_UNKNOWN');
  });

  it.each(MONEY_COMPOUNDS)('knows the compound unit of %j as money', (raw) => {
    const result = parseTarget(raw, CONTEXTS.C);
    expect(result.spec.kind).toBe('numeric');
    if (result.spec.kind === 'numeric') expect(unitKind(result.spec.unit)).toBe('money');
  });

  it('holds a corpus of real size', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });
});
