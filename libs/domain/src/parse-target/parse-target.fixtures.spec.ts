import * as fs from 'fs';
import * as path from 'path';
import { parseTarget } from '.';
import type { Op, ParseContext, TargetSpec } from '../target-spec';

/**
 * Every distinct target string (指标值) in the real sheets of the demo datasets (the five bureaus'
 * published 2024 tables), with the reading established by hand. A change of parsing, or a new
 * target in the datasets, shows up here.
 */

/** The demo datasets carried by the repository (demo/datasets, see test/support/fixtures.ts). */
const FIXTURES_DIR = path.resolve(__dirname, '../../../../demo/datasets');

interface FixtureIndicator {
  level1: string | null;
  level2: string | null;
  name: string;
  target: string;
}

interface Occurrence {
  file: string;
  target: string;
  context: ParseContext;
}

function num(op: Op, value: number, unit: string | null): TargetSpec {
  return { kind: 'numeric', op, value, unit };
}

/** Marks a qualitative target: its spec is { kind: 'qualitative', text: the trimmed raw text }. */
const QUALITATIVE = 'qualitative' as const;

type Expected = readonly [raw: string, spec: TargetSpec | typeof QUALITATIVE, warnings?: readonly string[]];

const EXPECTED: readonly Expected[] = [
  // 在职 (in post) is dropped: a head count with no operator.
  ['在职27人', num('>=', 27, '人'), ['OP_INFERRED', 'TEXT_DROPPED']],
  ['≥26万人', num('>=', 26, '万人')],
  ['2人', num('>=', 2, '人'), ['OP_INFERRED']],
  ['及时准确', QUALITATIVE],
  ['规范合理', QUALITATIVE],
  ['100%', num('>=', 100, '%'), ['OP_INFERRED']],
  ['≤1996.62万元', num('<=', 1996.62, '万元')],
  ['≥90%', num('>=', 90, '%')],
  ['>27万人', num('>', 27, '万人')],
  ['按上级文件政策执行', QUALITATIVE],
  // Typing error: a 2024 sheet names 2023; 全年 read as by year end.
  ['2023年全年', { kind: 'deadline', by: '12-31' }, ['OTHER_YEAR', 'DEADLINE_INFERRED']],
  ['≤41万元', num('<=', 41, '万元')],
  ['提升', QUALITATIVE],
  ['≥95%', num('>=', 95, '%')],
  ['>26万人', num('>', 26, '万人')],
  ['≥97%', num('>=', 97, '%')],
  ['≥57.6元/人', num('>=', 57.6, '元/人')],
  ['长期', QUALITATIVE],
  ['≥2854人', num('>=', 2854, '人')],
  ['135元/人', num('<=', 135, '元/人'), ['OP_INFERRED']],
  ['≥70%', num('>=', 70, '%')],
  ['80万元', num('<=', 80, '万元'), ['OP_INFERRED']],
  // Name says 较上年有所提高: probably an increase, read as an absolute 20%.
  ['20%', num('>=', 20, '%'), ['OP_INFERRED', 'NAME_SUGGESTS_RELATIVE']],
  ['=100%', num('=', 100, '%')],
  ['≤100%', num('<=', 100, '%')],
  ['全覆盖', QUALITATIVE],
  ['≥370家', num('>=', 370, '家')],
  ['6月份前', { kind: 'deadline', by: '05-31' }],
  ['=2703元/台', num('=', 2703, '元/台')],
  ['=370台', num('=', 370, '台')],
  ['≥1428 人次', num('>=', 1428, '人次')],
  ['≥98%', num('>=', 98, '%')],
  ['10 月份前', { kind: 'deadline', by: '09-30' }],
  ['=2310 元/人/年', num('=', 2310, '元/人/年')],
  ['≥1743 人', num('>=', 1743, '人')],
  ['10 月份之前', { kind: 'deadline', by: '09-30' }],
  ['=14 元/人/月', num('=', 14, '元/人/月')],
  ['≥18000 张', num('>=', 18000, '张')],
  ['≥135 卷', num('>=', 135, '卷')],
  ['=432 家', num('=', 432, '家')],
  ['=22 家', num('=', 22, '家')],
  ['≥350 天', num('>=', 350, '天')],
  ['当面办结', QUALITATIVE],
  ['24 小时内', num('<=', 24, '小时')],
  ['≤3.2 元/张', num('<=', 3.2, '元/张')],
  ['≤290 元/卷', num('<=', 290, '元/卷')],
  ['≤40 元/张', num('<=', 40, '元/张')],
  // 万 without 元: the magnitude alone.
  ['9.5 万/年', num('<=', 9.5, '万/年'), ['OP_INFERRED', 'UNIT_MAGNITUDE_ONLY']],
  ['≥4 次', num('>=', 4, '次')],
  ['≥100 次', num('>=', 100, '次')],
  ['≥10 次', num('>=', 10, '次')],
  ['≥2 次', num('>=', 2, '次')],
  ['=5 人', num('=', 5, '人')],
  ['≥190 次', num('>=', 190, '次')],
  ['每月 20 号之前', { kind: 'recurring', every: 'month', day: 20 }],
  ['12 月前', { kind: 'deadline', by: '11-30' }],
  ['10 月前', { kind: 'deadline', by: '09-30' }],
  // Four event months, not one deadline.
  ['3 月、4 月、8 月、10 月', QUALITATIVE, ['MULTIPLE_NUMBERS']],
  ['每月 10 号之前', { kind: 'recurring', every: 'month', day: 10 }],
  ['每季度末', { kind: 'recurring', every: 'quarter', day: null }],
  ['≤10 万/次', num('<=', 10, '万/次'), ['UNIT_MAGNITUDE_ONLY']],
  ['≤1 万/次', num('<=', 1, '万/次'), ['UNIT_MAGNITUDE_ONLY']],
  ['≤500 元/次', num('<=', 500, '元/次')],
  ['≤2000 元/人/月', num('<=', 2000, '元/人/月')],
  ['≤9.5 万/次', num('<=', 9.5, '万/次'), ['UNIT_MAGNITUDE_ONLY']],
  ['≤800 元/次', num('<=', 800, '元/次')],
  ['=370 人', num('=', 370, '人')],
  ['=22 台', num('=', 22, '台')],
  ['48 小时内', num('<=', 48, '小时')],
  ['150 元/人/月', num('<=', 150, '元/人/月'), ['OP_INFERRED']],
  ['1364 元/台/年', num('<=', 1364, '元/台/年'), ['OP_INFERRED']],
  ['=3 人', num('=', 3, '人')],
  ['≤230 天', num('<=', 230, '天')],
  ['及时', QUALITATIVE],
  ['=50 元/天', num('=', 50, '元/天')],
  ['=80 元/天', num('=', 80, '元/天')],
  ['≥5 次', num('>=', 5, '次')],
  ['≥50 次', num('>=', 50, '次')],
  ['及时查询', QUALITATIVE],
  ['≤2.1 万元/批次', num('<=', 2.1, '万元/批次')],
  ['≤5 万元/批次', num('<=', 5, '万元/批次')],
  ['≤3.6 万元', num('<=', 3.6, '万元')],
  ['≤6 万元/年', num('<=', 6, '万元/年')],
  ['持续提升', QUALITATIVE],
  ['≥35家', num('>=', 35, '家')],
  ['≥25家', num('>=', 25, '家')],
  ['≥36次', num('>=', 36, '次')],
  ['≥200次', num('>=', 200, '次')],
  ['≥2次', num('>=', 2, '次')],
  ['≥4次', num('>=', 4, '次')],
  ['6月前', { kind: 'deadline', by: '05-31' }],
  ['10月前', { kind: 'deadline', by: '09-30' }],
  ['每月25日之前', { kind: 'recurring', every: 'month', day: 25 }],
  // 万 without 元 (cost indicator).
  ['≤35万', num('<=', 35, '万'), ['UNIT_MAGNITUDE_ONLY']],
  ['≤23万', num('<=', 23, '万'), ['UNIT_MAGNITUDE_ONLY']],
  ['≤20万', num('<=', 20, '万'), ['UNIT_MAGNITUDE_ONLY']],
  ['≤42万', num('<=', 42, '万'), ['UNIT_MAGNITUDE_ONLY']],
  ['持续降低', QUALITATIVE],
  ['相关', QUALITATIVE],
  ['科学', QUALITATIVE],
  ['合理', QUALITATIVE],
  ['完整', QUALITATIVE],
  ['≤20%', num('<=', 20, '%')],
  ['≤95%', num('<=', 95, '%')],
  ['真实', QUALITATIVE],
  ['合规', QUALITATIVE],
  ['健全', QUALITATIVE],
  ['公开', QUALITATIVE],
  ['规范', QUALITATIVE],
  ['改善', QUALITATIVE],
  ['提高', QUALITATIVE],
  ['≤1300 万元', num('<=', 1300, '万元')],
  ['符合救助条件的对象按规定纳入救助范围', QUALITATIVE],
  ['有所提升', QUALITATIVE],
  ['不低于上年', { kind: 'relative', op: '>=', delta: null, unit: null }],
  ['≥80%', num('>=', 80, '%')],
  ['成效明显', QUALITATIVE],
  ['≤730 万元', num('<=', 730, '万元')],
  ['符合资助条件全覆盖', QUALITATIVE],
  ['进一步完善', QUALITATIVE],
  ['有效保障', QUALITATIVE],
  ['保障', QUALITATIVE],
  ['≤80万元', num('<=', 80, '万元')],
  ['有效提升', QUALITATIVE],
  ['完善', QUALITATIVE],
  ['≤50万元', num('<=', 50, '万元')],
  ['≥10个', num('>=', 10, '个')],
  ['≤30万元', num('<=', 30, '万元')],
  ['≥10次', num('>=', 10, '次')],
  ['完成', QUALITATIVE],
  ['≤20万元', num('<=', 20, '万元')],
  ['优化', QUALITATIVE],
  ['≤23万元', num('<=', 23, '万元')],
  ['全面落实和执行', QUALITATIVE],
  ['≤40万元', num('<=', 40, '万元')],
  ['≤15万元', num('<=', 15, '万元')],
  ['≥5次', num('>=', 5, '次')],
  ['≤85万元', num('<=', 85, '万元')],
  // ≤ on a head count: kept as written.
  ['≤211269 人', num('<=', 211269, '人')],
  ['效果明显', QUALITATIVE],
  // 百分比 written as a unit: % (DESIGN §3).
  ['≥95 百分比', num('>=', 95, '%')],
  ['≥98 百分比', num('>=', 98, '%')],
  ['≥90 百分比', num('>=', 90, '%')],
  // A deadline under 成本指标 (typing error in the tree, not in the target).
  ['不晚于 12 月底', { kind: 'deadline', by: '12-31' }],
  ['≤9 人', num('<=', 9, '人')],
  ['100 百分比', num('>=', 100, '%'), ['OP_INFERRED']],
  ['按时下达', QUALITATIVE],
  ['≤1.8 万元', num('<=', 1.8, '万元')],
  // Under 社会稳定性水平 (a level, not a rate): % read as a relative change, with a warning.
  ['比上年提高 ≥10 百分比', { kind: 'relative', op: '>=', delta: 10, unit: '%', change: 'percent' }, ['RELATIVE_PERCENT_AMBIGUOUS']],
  ['≤6 人', num('<=', 6, '人')],
  ['≥100 百分比', num('>=', 100, '%')],
  ['≤60 万元', num('<=', 60, '万元')],
  ['≥775 万元', num('>=', 775, '万元')],
  ['≥50 百分比', num('>=', 50, '%')],
  ['明显减轻', QUALITATIVE],
  ['比较方便', QUALITATIVE],
  // 数量指标 without operator: read as at least.
  ['70 万元', num('>=', 70, '万元'), ['OP_INFERRED']],
  ['≥96 百分比', num('>=', 96, '%')],
  // Restates an indicator name; no target.
  ['医保政策宣传的及时性', QUALITATIVE],
  ['55 万元', num('<=', 55, '万元'), ['OP_INFERRED']],
  ['提升程度明显', QUALITATIVE],
  ['影响程度明显', QUALITATIVE],
  ['≤10%', num('<=', 10, '%')],
  ['有效完成', QUALITATIVE],
  ['稳步推进', QUALITATIVE],
  ['有所提高', QUALITATIVE],
  ['规范高效', QUALITATIVE],
  ['落实到位', QUALITATIVE],
  ['逐步健全', QUALITATIVE],
  ['11627 万元', num('<=', 11627, '万元'), ['OP_INFERRED']],
  ['≥350 万人', num('>=', 350, '万人')],
  ['≥60%', num('>=', 60, '%')],
  // 基金滚存结余可支配月数: a range of months.
  ['6-9 月', { kind: 'range', min: 6, max: 9, unit: '月' }],
  ['全面开展', QUALITATIVE],
  ['32079 万元', num('<=', 32079, '万元'), ['OP_INFERRED']],
  ['≥670 元', num('>=', 670, '元')],
  ['≥380 元', num('>=', 380, '元')],
  ['≥85%', num('>=', 85, '%')],
  ['≥50%', num('>=', 50, '%')],
  ['7306 万元', num('<=', 7306, '万元'), ['OP_INFERRED']],
  ['≥55%', num('>=', 55, '%')],
  ['≥35%', num('>=', 35, '%')],
  ['≥8 万人', num('>=', 8, '万人')],
  ['≥4 万人', num('>=', 4, '万人')],
  ['44234 万元', num('<=', 44234, '万元'), ['OP_INFERRED']],
  ['70758 万元', num('<=', 70758, '万元'), ['OP_INFERRED']],
  // Unit 万元 under 异地就医人数: the review rules flag the unit, the parse keeps it.
  ['≥8 万元', num('>=', 8, '万元')],
  ['≥4 万元', num('>=', 4, '万元')],
  ['303258.21 元', num('<=', 303258.21, '元'), ['OP_INFERRED']],
  // % under a response time (响应时间): flagged by the review rules.
  ['≤60%', num('<=', 60, '%')],
  ['≤30%', num('<=', 30, '%')],
  ['逐步推进', QUALITATIVE],
  ['显著提升', QUALITATIVE],
  ['按照要求落实和执行', QUALITATIVE],
  ['稳步提高', QUALITATIVE],
  ['20 万元', num('<=', 20, '万元'), ['OP_INFERRED']],
  ['即时办理', QUALITATIVE],
  ['≤60 分钟', num('<=', 60, '分钟')],
  ['≤30 分钟', num('<=', 30, '分钟')],
  ['逐步推开', QUALITATIVE],
  ['7 万元', num('<=', 7, '万元'), ['OP_INFERRED']],
  ['≤20 工作日', num('<=', 20, '工作日')],
  ['持续加强', QUALITATIVE],
  ['稳步提升', QUALITATIVE],
  ['550 万元', num('<=', 550, '万元'), ['OP_INFERRED']],
  ['≤100 人', num('<=', 100, '人')],
  ['保证医保基金收支平衡，保证离休基金安全运行', QUALITATIVE],
  ['保障离休干部正常享受医保待遇', QUALITATIVE],
  ['维护社会稳定', QUALITATIVE],
];

function loadOccurrences(): Occurrence[] {
  const files = fs.readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.json')).sort();
  return files.flatMap((file) => {
    const dataset = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8')) as {
      fiscalYear: number;
      departmentSheet: { indicators: FixtureIndicator[] } | null;
      projects: { indicators: FixtureIndicator[] }[];
    };
    const indicators = [
      ...(dataset.departmentSheet?.indicators ?? []),
      ...dataset.projects.flatMap((project) => project.indicators),
    ];
    return indicators.map((indicator) => ({
      file,
      target: indicator.target,
      context: {
        level1: indicator.level1,
        level2: indicator.level2,
        name: indicator.name,
        fiscalYear: dataset.fiscalYear,
      },
    }));
  });
}

function expectedSpec(raw: string, spec: TargetSpec | typeof QUALITATIVE): TargetSpec {
  return spec === QUALITATIVE ? { kind: 'qualitative', text: raw.trim() } : spec;
}

describe(`${parseTarget.name} on the fixtures`, () => {
  const occurrences = loadOccurrences();
  const expectations = new Map(EXPECTED.map(([raw, spec, warnings]) => [raw, { spec, warnings: warnings ?? [] }]));

  it('finds the fixtures and their targets', () => {
    expect(occurrences.length).toBeGreaterThan(400);
    expect(new Set(occurrences.map((o) => o.target)).size).toBe(EXPECTED.length);
  });

  it('has one expectation per distinct target string', () => {
    expect(expectations.size).toBe(EXPECTED.length);
    const targets = new Set(occurrences.map((o) => o.target));
    expect([...targets].filter((target) => !expectations.has(target))).toEqual([]);
    expect(EXPECTED.map(([raw]) => raw).filter((raw) => !targets.has(raw))).toEqual([]);
  });

  it('never throws', () => {
    for (const { target, context } of occurrences) {
      expect(() => parseTarget(target, context)).not.toThrow();
    }
  });

  it.each(EXPECTED.map(([raw]) => raw))('reads %j as expected wherever it occurs', (raw) => {
    const expectation = expectations.get(raw);
    expect(expectation).toBeDefined();
    if (expectation === undefined) return;
    const found = occurrences.filter((o) => o.target === raw);
    expect(found.length).toBeGreaterThan(0);
    for (const { context } of found) {
      const result = parseTarget(raw, context);
      expect(result.spec).toEqual(expectedSpec(raw, expectation.spec));
      expect(result.warnings.map((w) => w.code)).toEqual(expectation.warnings);
      for (const warning of result.warnings) expect(warning.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
