import { NATIONAL_PROJECT_SCHEME } from '../scoring';
import { reviewSheet, reviewSpendingPlan } from './review-sheet';
import {
  REVIEW_CODE_SEVERITY,
  REVIEW_CODE_TITLES,
  REVIEW_CODES,
  ReviewCode,
  ReviewFinding,
  ReviewIndicatorInput,
  ReviewSheetInput,
} from './review.types';

/** A row of the indicator tree: 一级, 二级, 三级 name, target. */
function row(level1: string, level2: string | null, name: string, target: string, weight?: string | null): ReviewIndicatorInput {
  return weight === undefined ? { level1, level2, name, target } : { level1, level2, name, target, weight };
}

/** A clean project sheet of 100 万元: every group, a cost indicator, a plan reaching the budget. */
function cleanRows(): ReviewIndicatorInput[] {
  return [
    row('产出指标', '数量指标', '补助涉及参保人数', '≥2854人'),
    row('产出指标', '质量指标', '参保率', '≥97%'),
    row('产出指标', '时效指标', '补助资金到位及时率', '100%'),
    row('产出指标', '成本指标', '预算控制数', '≤100万元'),
    row('效益指标', '社会效益指标', '医保政策知晓率', '≥90%'),
    row('满意度指标', '服务对象满意度指标', '参保群众满意度', '≥90%'),
  ];
}

function sheet(changes: Partial<ReviewSheetInput> = {}): ReviewSheetInput {
  return {
    fiscalYear: 2024,
    kind: 'project',
    budgetTotal: '1000000.00',
    indicators: cleanRows(),
    spendingPlan: [
      { month: 3, cumulativeAmount: '250000.00' },
      { month: 6, cumulativeAmount: '500000.00' },
      { month: 9, cumulativeAmount: '750000.00' },
      { month: 12, cumulativeAmount: '1000000.00' },
    ],
    ...changes,
  };
}

/** The clean rows with row `index` replaced. */
function withRow(index: number, replacement: ReviewIndicatorInput): ReviewIndicatorInput[] {
  return cleanRows().map((r, i) => (i === index ? replacement : r));
}

/** (code, indicator name) pairs: what the tests compare. */
function pairs(findings: readonly ReviewFinding[]): [ReviewCode, string | null][] {
  return findings.map((f) => [f.code, f.indicatorName]);
}

describe(reviewSheet.name, () => {
  it('finds nothing on a clean sheet', () => {
    expect(reviewSheet(sheet())).toEqual([]);
  });

  describe('codes', () => {
    it('gives every code a Chinese title and a severity', () => {
      for (const code of REVIEW_CODES) {
        expect(REVIEW_CODE_TITLES[code]).toMatch(/[\u4e00-\u9fff]/);
        expect(['error', 'warning']).toContain(REVIEW_CODE_SEVERITY[code]);
      }
      expect(new Set(REVIEW_CODES).size).toBe(REVIEW_CODES.length);
    });
  });

  describe('MISSING_LEVEL1 and MISSING_COST', () => {
    it('reports a missing first-level group', () => {
      const findings = reviewSheet(sheet({ indicators: cleanRows().filter((r) => r.level1 !== '满意度指标') }));
      expect(pairs(findings)).toEqual([['MISSING_LEVEL1', null]]);
      expect(findings[0]?.message).toContain('满意度指标');
      expect(findings[0]?.severity).toBe('error');
    });

    it('reports satisfaction nested under 效益 as a missing first level, saying where it is', () => {
      const indicators = withRow(5, row('效益指标', '满意度', '群众满意度', '≥90%'));
      const findings = reviewSheet(sheet({ indicators }));
      expect(pairs(findings)).toEqual([['MISSING_LEVEL1', null]]);
      expect(findings[0]?.message).toContain('“满意度”被放在一级指标“效益指标”之下');
    });

    it('reports every group and the cost indicator of a sheet without indicators', () => {
      expect(pairs(reviewSheet(sheet({ indicators: [] })))).toEqual([
        ['MISSING_LEVEL1', null],
        ['MISSING_LEVEL1', null],
        ['MISSING_LEVEL1', null],
        ['MISSING_COST', null],
      ]);
    });

    it('reports a sheet without any cost indicator', () => {
      const indicators = cleanRows().filter((r) => r.level2 !== '成本指标');
      expect(pairs(reviewSheet(sheet({ indicators })))).toEqual([['MISSING_COST', null]]);
    });

    it('accepts a first-level 成本指标 as the cost indicator, matching groups by content', () => {
      const indicators = [
        row('成本指标', null, '总成本', '≤100 万元'),
        row('产出指标', null, '监管定点医药机构检查数量', '≥10个'),
        row('效益指标', null, '参保群众医保重要政策知晓率', '≥90%'),
        row('满意度指标', null, '参保人员对医保服务满意度', '≥90%'),
      ];
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
    });
  });

  describe('EMPTY_NAME, EMPTY_TARGET and PLACEHOLDER', () => {
    // The blank template rows of the 汉阴县 disclosure (seeds/000…txt): 指标1：, 指标2：, ….. with no target.
    it('reports the template rows of a blank national form', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', '数量指标', '指标1：', ''),
        row('产出指标', '数量指标', '.....', ''),
      ];
      expect(pairs(reviewSheet(sheet({ indicators })))).toEqual([
        ['EMPTY_TARGET', '指标1：'],
        ['PLACEHOLDER', '指标1：'],
        ['EMPTY_TARGET', '.....'],
        ['PLACEHOLDER', '.....'],
      ]);
    });

    it('reports an empty target, and a dash as an empty target', () => {
      const findings = reviewSheet(sheet({ indicators: withRow(1, row('产出指标', '质量指标', '参保率', ' ')) }));
      expect(pairs(findings)).toEqual([['EMPTY_TARGET', '参保率']]);
      const dash = reviewSheet(sheet({ indicators: withRow(1, row('产出指标', '质量指标', '参保率', '—')) }));
      expect(pairs(dash)).toEqual([['EMPTY_TARGET', '参保率']]);
    });

    it('does not also judge the content of an empty or placeholder target', () => {
      const indicators = withRow(3, row('产出指标', '成本指标', '预算控制数', '指标3：.....'));
      expect(pairs(reviewSheet(sheet({ indicators })))).toEqual([['PLACEHOLDER', '预算控制数']]);
    });

    it('reports a numbering prefix of the template left before a real name', () => {
      const findings = reviewSheet(sheet({ indicators: withRow(0, row('产出指标', '数量指标', '指标 2: 补助涉及参保人数', '≥2854人')) }));
      expect(pairs(findings)).toEqual([['PLACEHOLDER', '指标 2: 补助涉及参保人数']]);
      expect(findings[0]?.message).toContain('“指标2:”');
    });

    it('reports a template label as the whole name (the template word as a target is a leftover)', () => {
      const indicators = [...withRow(1, row('产出指标', '质量指标', '质量指标', '≥97%')), row('效益指标', '社会效益指标', '政策普及率', '指标值')];
      expect(pairs(reviewSheet(sheet({ indicators })))).toEqual([
        ['PLACEHOLDER', '质量指标'],
        ['TEMPLATE_LEFTOVER', '政策普及率'],
      ]);
    });

    it('reports an empty name', () => {
      const findings = reviewSheet(sheet({ indicators: withRow(1, row('产出指标', '质量指标', '', '≥97%')) }));
      expect(pairs(findings)).toEqual([['EMPTY_NAME', '']]);
      expect(findings[0]?.message).toContain('第2个指标');
    });

    it('accepts names with Latin letters and ordinary numbering inside a name', () => {
      const indicators = [...cleanRows(), row('产出指标', '质量指标', '年度履职目标1实现率', '100%'), row('产出指标', '质量指标', 'DRG及DIP试点覆盖率', '≥90%')];
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
    });
  });

  describe('TEMPLATE_LEFTOVER', () => {
    it.each([
      ['≥**', '**'],
      ['**元', '**'],
      ['XX', 'XX'],
      ['xx人', 'xx'],
      ['X%', 'X'],
      ['≥X', 'X'],
      ['较上年提高X个百分点', 'X'],
      ['指标值', '指标值'],
      ['≥指标值', '指标值'],
      ['×××', '×××'],
      ['（填写）', '(填写)'],
      ['≥（请填写具体数值）%', '(请填写具体数值)'],
      ['＊＊万元', '**'],
      ['目标值', '目标值'],
      ['待定', '待定'],
    ])('reports the template leftover in the target “%s” as an error, and nothing else about it', (target, leftover) => {
      const findings = reviewSheet(sheet({ indicators: withRow(1, row('产出指标', '质量指标', '参保率', target)) }));
      expect(pairs(findings)).toEqual([['TEMPLATE_LEFTOVER', '参保率']]);
      expect(findings[0]?.severity).toBe('error');
      expect(findings[0]?.message).toBe(
        `「参保率」的指标值“${target}”中的“${leftover}”是模板的示例内容，不是目标值，请替换为实际的数值和单位（如 ≥95%、≥1000人次、≤30万元）。`,
      );
    });

    it('silences the cost, unit and qualitative rules on a target holding a leftover', () => {
      const indicators = [
        ...withRow(3, row('产出指标', '成本指标', '预算控制数', '≤**万元')),
        row('产出指标', '数量指标', '培训人次', 'XX万元'),
        row('产出指标', '质量指标', '验收合格率', '（填写）'),
      ];
      expect(pairs(reviewSheet(sheet({ indicators })))).toEqual([
        ['TEMPLATE_LEFTOVER', '预算控制数'],
        ['TEMPLATE_LEFTOVER', '培训人次'],
        ['TEMPLATE_LEFTOVER', '验收合格率'],
      ]);
    });

    it('reports a leftover in the name, and in the name and target once each', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', '数量指标', 'XX县参保人数', '≥1000人'),
        row('产出指标', '质量指标', '某某项目验收合格率', '**%'),
        row('产出指标', '数量指标', '培训人次（填写）', '≥100人次'),
      ];
      const findings = reviewSheet(sheet({ indicators }));
      expect(findings.map((f) => [f.code, f.indicatorName, f.message.startsWith('指标名称') ? 'name' : 'target'])).toEqual([
        ['TEMPLATE_LEFTOVER', 'XX县参保人数', 'name'],
        ['TEMPLATE_LEFTOVER', '某某项目验收合格率', 'name'],
        ['TEMPLATE_LEFTOVER', '某某项目验收合格率', 'target'],
        ['TEMPLATE_LEFTOVER', '培训人次（填写）', 'name'],
      ]);
      expect(findings[0]?.message).toBe('指标名称「XX县参保人数」中的“XX”是模板的示例内容，请替换为实际的名称（如具体的对象、地区或事项）。');
    });

    it('leaves a template numbering to PLACEHOLDER, and an empty target to EMPTY_TARGET', () => {
      const indicators = [...cleanRows(), row('产出指标', '数量指标', '指标1：XX', ''), row('产出指标', '数量指标', '参保人数', '指标2：')];
      expect(pairs(reviewSheet(sheet({ indicators })))).toEqual([
        ['EMPTY_TARGET', '指标1：XX'],
        ['PLACEHOLDER', '指标1：XX'],
        ['PLACEHOLDER', '参保人数'],
      ]);
    });

    it('accepts Latin words, multiplications, X-rays and real values', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', '质量指标', 'DRG及DIP试点覆盖率', '≥90%'),
        row('产出指标', '质量指标', '医保服务热线接通率', '7×24小时在线'),
        row('产出指标', '数量指标', 'X光机检查人次', '≥1200人次'),
        row('产出指标', '时效指标', 'X线设备验收时限', 'X线设备10月底前验收'),
        row('产出指标', '数量指标', '磁卡制作数量', '≥2*10000张'),
      ];
      expect(reviewSheet(sheet({ indicators })).filter((f) => f.code === 'TEMPLATE_LEFTOVER')).toEqual([]);
    });
  });

  describe('TARGET_IN_NAME', () => {
    it('reports a value written in the name with an empty target, as an error, instead of EMPTY_TARGET', () => {
      const findings = reviewSheet(sheet({ indicators: withRow(1, row('产出指标', '质量指标', '参保率≥95%', '')) }));
      expect(findings).toEqual([
        {
          code: 'TARGET_IN_NAME',
          severity: 'error',
          indicatorIndex: 1,
          indicatorName: '参保率≥95%',
          message: '目标值“≥95%”写在了指标名称「参保率≥95%」中，指标值栏却为空；请把“≥95%”移到指标值栏，指标名称只写“参保率”。',
        },
      ]);
    });

    it.each([
      ['参保率≥95%', '≥95%', '≥95%', '参保率'],
      ['参保率 ≥ 95 %', '≥ 95%', '≥95%', '参保率'],
      ['培训人次不少于1000人次', '1000人次', '不少于1000人次', '培训人次'],
      ['参保率（≥95%）', '95%以上', '≥95%', '参保率'],
      ['参保率95%以上', '≥95%', '95%以上', '参保率'],
      ['参保人数1000人', '≥1000人', '1000人', '参保人数'],
    ])('reports the name “%s” repeating its target “%s” as a warning', (name, target, value, core) => {
      const findings = reviewSheet(sheet({ indicators: withRow(1, row('产出指标', '质量指标', name, target)) }));
      expect(pairs(findings)).toEqual([['TARGET_IN_NAME', name]]);
      expect(findings[0]?.severity).toBe('warning');
      expect(findings[0]?.message).toBe(`指标名称「${name}」中重复写了目标值“${value}”；请从名称中删去，指标名称只写“${core}”，目标值只填在指标值栏。`);
    });

    it('reports a name whose value differs from the target as an error', () => {
      const findings = reviewSheet(sheet({ indicators: withRow(1, row('产出指标', '质量指标', '参保率≥95%', '≥97%')) }));
      expect(pairs(findings)).toEqual([['TARGET_IN_NAME', '参保率≥95%']]);
      expect(findings[0]?.severity).toBe('error');
      expect(findings[0]?.message).toBe('指标名称「参保率≥95%」中写有目标值“≥95%”，与指标值“≥97%”不一致；请删去名称中的目标值（名称只写“参保率”），并核对指标值。');
    });

    it('reports a name that is only a value as an error, with or without the same target', () => {
      for (const target of ['', '≥1000人次', '≥800人次']) {
        const findings = reviewSheet(sheet({ indicators: [...cleanRows(), row('产出指标', '数量指标', '≥1000人次', target)] }));
        expect(pairs(findings)).toEqual([['TARGET_IN_NAME', '≥1000人次']]);
        expect(findings[0]?.severity).toBe('error');
        expect(findings[0]?.message).toContain('指标名称栏写的是目标值「≥1000人次」');
      }
    });

    it('accepts years, numbering and bare numbers that belong to the name', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', '数量指标', '2024年城乡居民医保县级补助人数', '≥26万人'),
        row('产出指标', '质量指标', '年度履职目标1实现率', '100%'),
        row('产出指标', '数量指标', '覆盖12个乡镇的服务站数', '≥12个'),
        row('产出指标', '数量指标', '培训班3期', '≥150人次'), // a bare number naming the object, another target
        row('成本指标', null, '提前下达 2024 年中央财政补助资金', '7 万元'),
        row('产出指标', '时效指标', '运行维护响应时间（分钟）', '≤30 分钟'),
      ];
      expect(reviewSheet(sheet({ indicators })).filter((f) => f.code === 'TARGET_IN_NAME')).toEqual([]);
    });
  });

  describe('COST_NOT_QUANTIFIED', () => {
    it('reports a cost indicator with a qualitative target or a deadline', () => {
      const indicators = [
        ...withRow(3, row('产出指标', '成本指标', '困难群众医疗费用负担减轻程度', '明显减轻')),
        row('产出指标', '成本指标', '启动 DIP 实际支付工作', '不晚于 12 月底'),
      ];
      const findings = reviewSheet(sheet({ indicators }));
      expect(pairs(findings)).toEqual([
        ['COST_NOT_QUANTIFIED', '困难群众医疗费用负担减轻程度'],
        ['COST_NOT_QUANTIFIED', '启动 DIP 实际支付工作'],
      ]);
      expect(findings[0]?.message).toContain('定性描述');
      expect(findings[1]?.message).toContain('完成时限');
    });

    it('accepts amounts, per-unit costs, control rates and ranges', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', '成本指标', '磁卡工本费', '≤3.2 元/张'),
        row('产出指标', '成本指标', '公用经费控制率', '≤100%'),
        row('产出指标', '成本指标', '印刷费', '10-20万元'),
        row('产出指标', '成本指标', '委托第三方所需要的成本', '55 万元'),
      ];
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
    });
  });

  describe('COST_EXCEEDS_BUDGET', () => {
    it('reports a cost cap above the budget, comparing in 元', () => {
      const indicators = withRow(3, row('产出指标', '成本指标', '预算控制数', '≤1996.62万元'));
      const findings = reviewSheet(sheet({ budgetTotal: '15000000.00', indicators, spendingPlan: [] }));
      expect(findings).toEqual([
        {
          code: 'COST_EXCEEDS_BUDGET',
          severity: 'error',
          indicatorIndex: 3,
          indicatorName: '预算控制数',
          message: '「预算控制数」的目标值 ≤1996.62万元 超过了项目预算 1500.00 万元，请核对成本指标。',
        },
      ]);
    });

    it('accepts a cap equal to the budget (1996.62 万元 = 19966200.00 元)', () => {
      const indicators = withRow(3, row('产出指标', '成本指标', '预算控制数', '≤1996.62万元'));
      const plan = [{ month: 12, cumulativeAmount: '19966200.00' }];
      expect(reviewSheet(sheet({ budgetTotal: '19966200.00', indicators, spendingPlan: plan }))).toEqual([]);
    });

    it('reads an amount without operator under a cost indicator and names the department budget', () => {
      const indicators = withRow(3, row('产出指标', '成本指标', '总成本', '101万元'));
      const findings = reviewSheet(sheet({ kind: 'department', indicators, spendingPlan: [] }));
      expect(pairs(findings)).toEqual([['COST_EXCEEDS_BUDGET', '总成本']]);
      expect(findings[0]?.message).toContain('部门预算 100.00 万元');
    });

    it('reads a range by its upper end, and a plain 元 amount to the cent', () => {
      const range = withRow(3, row('产出指标', '成本指标', '预算控制数', '90-110万元'));
      expect(pairs(reviewSheet(sheet({ indicators: range })))).toEqual([['COST_EXCEEDS_BUDGET', '预算控制数']]);
      const cents = withRow(3, row('产出指标', '成本指标', '预算控制数', '1000000.01 元'));
      expect(pairs(reviewSheet(sheet({ indicators: cents })))).toEqual([['COST_EXCEEDS_BUDGET', '预算控制数']]);
    });

    it('does not compare per-unit costs, rates or bare magnitudes with the budget', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', '成本指标', '参保人员医保费补助', '=2310 元/人/年'),
        row('产出指标', '成本指标', '系统维护费', '≤600 万元/年'),
        row('产出指标', '成本指标', '宣传用品采购', '≤350万'),
      ];
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
    });

    it('skips the comparison when the budget is unknown', () => {
      const indicators = withRow(3, row('产出指标', '成本指标', '预算控制数', '≤1996.62万元'));
      expect(reviewSheet(sheet({ budgetTotal: null, indicators }))).toEqual([]);
    });
  });

  describe('UNIT_MISMATCH', () => {
    it.each([
      ['a head count in 万元', row('产出指标', null, '异地就医登记备案人数', '≥4 万元'), '≥4 万人'],
      ['a response time in %', row('产出指标', null, '医保信息系统重大安全事件响应时间', '≤60%'), '≤60 分钟'],
      ['a rate in 人', row('产出指标', '质量指标', '参保缴费率', '≥2000人'), '≥97%'],
      ['a rate in 元', row('效益指标', '社会效益指标', '基金使用率', '≥100万元'), '≥95%'],
      ['an amount in %', row('产出指标', '质量指标', '脱贫县离休干部医药费', '≥100 百分比'), '≤60 万元'],
      ['a satisfaction in 人', row('满意度指标', '服务对象满意度指标', '定点医疗机构满意度', '≥90人'), '≥90%'],
      ['a count of times in days', row('产出指标', '数量指标', '下乡次数', '≥100天'), '≥100 次'],
      ['a unit declared in the name', row('产出指标', null, '运行维护响应时间（分钟）', '≤30%'), '≤30 分钟'],
      ['a cost indicator counted in 台', row('产出指标', '成本指标', '设备数量', '=370台'), '=2703 元/台'],
    ])('reports %s, and not once corrected', (_label, wrong, corrected) => {
      const findings = reviewSheet(sheet({ indicators: [...cleanRows(), wrong] }));
      expect(pairs(findings)).toEqual([['UNIT_MISMATCH', wrong.name]]);
      expect(findings[0]?.severity).toBe('warning');
      expect(reviewSheet(sheet({ indicators: [...cleanRows(), { ...wrong, target: corrected }] }))).toEqual([]);
    });

    // Targets relative to last year (DESIGN §3): the unit is the change's. Explicit specs, so that the
    // rule does not depend on how the parser reads the text.
    const relative = (delta: number, unit: string | null, change?: 'points' | 'percent' | 'unit') =>
      change === undefined
        ? ({ kind: 'relative', op: '>=', delta, unit } as const)
        : ({ kind: 'relative', op: '>=', delta, unit, change } as const);

    it.each([
      ['a relative change of an amount', '医疗救助资金', '较上年提高5%', relative(5, '%', 'percent')],
      ['a relative change of a head count', '异地就医登记备案人数', '较上年增长10%', relative(10, '%', 'percent')],
      ['a relative change of a duration', '医保信息系统运行维护响应时间', '较上年缩短20%', relative(-20, '%', 'percent')],
      ['% with no change given, on an amount', '医疗救助资金', '较上年提高5%', relative(5, '%')],
      ['% with no change given, on a rate', '参保缴费率', '比上年提高 ≥1 百分比', relative(1, '%')],
      ['percentage points on a rate', '参保缴费率', '较上年提高2个百分点', relative(2, '个百分点', 'points')],
      ['percentage points on a satisfaction', '参保群众满意度', '较上年提高2个百分点', relative(2, '百分点', 'points')],
      ['percentage points on a rate declared in the name', '基本医保参保率%', '较上年提高1个百分点', relative(1, '个百分点', 'points')],
      ['a change in the own unit of a count', '定点医药机构家数', '较上年增加3家', relative(3, '家', 'unit')],
      ['a change in the own unit of an amount', '医疗救助资金', '较上年增加10万元', relative(10, '万元', 'unit')],
      ['a name that does not say what it measures', '社会稳定性水平', '比上年提高 ≥10 百分点', relative(10, '百分点', 'points')],
    ])('accepts %s', (_label, name, target, spec) => {
      const indicators = [...cleanRows(), { ...row('效益指标', '社会效益指标', name, target), spec }];
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
    });

    it.each([
      ['percentage points on an amount', '医疗救助资金', '较上年提高2个百分点', relative(2, '个百分点', 'points'), '是金额指标'],
      ['percentage points on a head count', '异地就医人数', '较上年增加2个百分点', relative(2, '个百分点', 'points'), '是数量指标'],
      ['percentage points on a duration declared in the name', '响应时间（分钟）', '较上年缩短5个百分点', relative(-5, '个百分点', 'points'), '是时长指标'],
      ['个百分点 with no change given, on an amount', '医疗救助资金', '较上年下降2个百分点', relative(-2, '个百分点'), '是金额指标'],
    ])('reports %s', (_label, name, target, spec, measure) => {
      const findings = reviewSheet(sheet({ indicators: [...cleanRows(), { ...row('效益指标', '社会效益指标', name, target), spec }] }));
      expect(pairs(findings)).toEqual([['UNIT_MISMATCH', name]]);
      expect(findings[0]?.severity).toBe('warning');
      expect(findings[0]?.message).toContain(measure);
      expect(findings[0]?.message).toContain('百分点只用于比率类指标');
      expect(findings[0]?.message).toContain('较上年增长5%');
    });

    it('checks a change in the own unit like a number', () => {
      const spec = relative(10, '万元', 'unit');
      const findings = reviewSheet(sheet({ indicators: [...cleanRows(), { ...row('效益指标', '社会效益指标', '异地就医人数', '较上年增加10万元'), spec }] }));
      expect(pairs(findings)).toEqual([['UNIT_MISMATCH', '异地就医人数']]);
      expect(findings[0]?.message).toContain('“万元”是金额单位');
      const noChange = relative(10, '万元');
      expect(pairs(reviewSheet(sheet({ indicators: [...cleanRows(), { ...row('效益指标', '社会效益指标', '异地就医人数', '较上年增加10万元'), spec: noChange }] })))).toEqual([
        ['UNIT_MISMATCH', '异地就医人数'],
      ]);
    });

    it('accepts units that fit, units it does not know, and targets without a unit', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', '数量指标', '参保人数', '≥1428 人次'),
        row('产出指标', '数量指标', '系统正常运行天数', '≥350 天'),
        row('产出指标', null, '基金滚存结余可支配月数', '6-9 月'),
        row('产出指标', null, '医保信息系统验收合格率%', '≥90%'),
        row('产出指标', '数量指标', '财政拨款数量', '70 万元'),
        row('产出指标', '数量指标', '医疗救助一站式结算救助金额', '≥775 万元'),
        row('产出指标', '成本指标', '办公费', '≤10 万/次'),
        row('产出指标', '成本指标', '生活补助', '=50 元/天'),
        row('效益指标', '社会效益指标', '社会稳定性水平', '比上年提高 ≥10 百分比'),
        row('效益指标', '社会效益指标', '服务频率', '≥4 次'),
      ];
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
    });
  });

  describe('QUALITATIVE_QUANTITY', () => {
    it('reports a quantity or quality indicator with only a qualitative target', () => {
      const indicators = [
        row('产出指标', '数量指标', '补助涉及参保人数', '全部参保'),
        row('产出指标', '质量指标', '保障人员类经费发放', '及时准确'),
        ...cleanRows().slice(2),
      ];
      const findings = reviewSheet(sheet({ indicators }));
      expect(pairs(findings)).toEqual([
        ['QUALITATIVE_QUANTITY', '补助涉及参保人数'],
        ['QUALITATIVE_QUANTITY', '保障人员类经费发放'],
      ]);
      expect(findings[0]?.message).toContain('数量指标');
      expect(findings[1]?.message).toContain('质量指标');
    });

    it('without a second level, judges by the name: counts, coverages and rates, not timeliness rates', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', null, '服务群众办理医疗保险事务次数', '按需办理'),
        row('产出指标', null, '医保政策宣传完成率', '完成'),
        row('产出指标', null, '资助对象覆盖面', '应保尽保'),
        row('产出指标', null, '宣传及时率', '及时'),
        row('产出指标', null, '规范医疗救助经办管理服务', '规范'),
        row('产出指标', null, '开展门诊统筹', '全面开展'),
      ];
      const findings = reviewSheet(sheet({ indicators }));
      expect(pairs(findings)).toEqual([
        ['QUALITATIVE_QUANTITY', '服务群众办理医疗保险事务次数'],
        ['QUALITATIVE_QUANTITY', '医保政策宣传完成率'],
        ['QUALITATIVE_QUANTITY', '资助对象覆盖面'],
      ]);
      expect(findings.map((f) => f.message.slice(0, f.message.indexOf('，')))).toEqual([
        '「服务群众办理医疗保险事务次数」是数量指标',
        '「医保政策宣传完成率」是质量指标',
        '「资助对象覆盖面」是数量指标',
      ]);
    });

    // Department-wide sheets and many project sheets have no second level (沈丘县, 许昌市).
    it.each([
      ['有所提升', '医保综合监管能力', 'change'],
      ['显著提升', '医保宣传能力', 'change'],
      ['稳步提高', '医保经办服务能力', 'change'],
      ['逐步完善', '医疗保障待遇政策', 'change'],
      ['进一步完善', '制度体系完善情况', 'change'],
      ['持续降低', '参保人员就医负担', 'change'],
      ['提升', '强化高额医疗费用支出预警监测', 'change'],
      ['全覆盖', '医保规范性文件合法性审查', 'coverage'],
      ['符合资助条件全覆盖', '资助参保', 'coverage'],
    ])('without a second level, reports the output target “%s” that claims an amount without giving it', (target, name, claim) => {
      for (const kind of ['project', 'department'] as const) {
        const findings = reviewSheet(sheet({ kind, indicators: [...cleanRows(), row('产出指标', null, name, target)] }));
        expect(pairs(findings)).toEqual([['QUALITATIVE_QUANTITY', name]]);
        expect(findings[0]?.severity).toBe('warning');
        expect(findings[0]?.message).toContain(`「${name}」是产出指标，指标值“${target}”`);
        expect(findings[0]?.message).toContain(claim === 'coverage' ? '覆盖率 =100%' : '只表明变化的方向');
      }
    });

    it('also under a second level that is not a standard one (重点工作任务完成)', () => {
      const indicators = [...cleanRows(), row('产出指标', '重点工作任务完成', '着力优化医保公共服务', '有所提高'), row('产出指标', '重点工作任务完成', '持续完善医保支付管理', '稳步推进')];
      expect(pairs(reviewSheet(sheet({ indicators })))).toEqual([['QUALITATIVE_QUANTITY', '着力优化医保公共服务']]);
    });

    it('reports 全覆盖 under an explicit 数量指标 or 质量指标 too, naming the quantified form', () => {
      const indicators = [...cleanRows(), row('产出指标', '数量指标', '监督检查定点医药机构', '全覆盖'), row('产出指标', '质量指标', '定点医药机构覆盖率', '全覆盖')];
      const findings = reviewSheet(sheet({ indicators }));
      expect(pairs(findings)).toEqual([
        ['QUALITATIVE_QUANTITY', '监督检查定点医药机构'],
        ['QUALITATIVE_QUANTITY', '定点医药机构覆盖率'],
      ]);
      expect(findings[0]?.message).toBe(
        '「监督检查定点医药机构」是数量指标，指标值“全覆盖”是定性表述，年终只能按“达成/未达成”分档，不能按完成率计分；请写明覆盖程度或覆盖数量（如 覆盖率 =100%、≥25家）。',
      );
      const quantified = [...cleanRows(), row('产出指标', '质量指标', '定点医药机构覆盖率', '=100%'), row('产出指标', '数量指标', '监督检查定点医药机构', '≥25家')];
      expect(reviewSheet(sheet({ indicators: quantified }))).toEqual([]);
    });

    it('leaves vague targets alone on timeliness names, 效益, 满意度 and cost indicators', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', null, '拨付及时性', '持续提升'),
        row('产出指标', null, '工作完成时限', '逐步提高'),
        row('效益指标', null, '医保保障服务能力', '稳步提高'),
        row('效益指标', '社会效益指标', '参保群众医保政策知晓率', '有所提升'),
        row('满意度指标', null, '服务满意程度', '显著提升'),
      ];
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
      const cost = withRow(3, row('产出指标', null, '成本控制', '有所降低'));
      expect(pairs(reviewSheet(sheet({ indicators: cost })))).toEqual([['MISSING_COST', null]]);
      const costUnder = withRow(3, row('产出指标', '成本指标', '成本控制', '有所降低'));
      expect(pairs(reviewSheet(sheet({ indicators: costUnder })))).toEqual([['COST_NOT_QUANTIFIED', '成本控制']]);
    });

    it('accepts numbers, deadlines and relative targets, and leaves 时效, 效益 and 满意度 indicators alone', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', '质量指标', '参保覆盖率', '不低于上年'),
        row('产出指标', '时效指标', '支付及时性', '及时'),
        row('产出指标', '时效指标', '城乡居民参保知晓率', '成效明显'),
        row('效益指标', '社会效益指标', '医保经办服务质量提升率', '持续提升'),
      ];
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
    });
  });

  describe('OTHER_YEAR', () => {
    it('reports a target naming another year, as an error', () => {
      const indicators = withRow(2, row('产出指标', '时效指标', '工作完成时限', '2023年全年'));
      const findings = reviewSheet(sheet({ indicators }));
      expect(pairs(findings)).toEqual([['OTHER_YEAR', '工作完成时限']]);
      expect(findings[0]?.severity).toBe('error');
      expect(findings[0]?.message).toContain('2023年');
      const corrected = withRow(2, row('产出指标', '时效指标', '工作完成时限', '2024年全年'));
      expect(reviewSheet(sheet({ indicators: corrected }))).toEqual([]);
    });

    it('reports a name naming another year, as a warning', () => {
      const indicators = withRow(0, row('产出指标', '数量指标', '补助涉及 2023 年参保人数', '≥2854人'));
      const findings = reviewSheet(sheet({ indicators }));
      expect(pairs(findings)).toEqual([['OTHER_YEAR', '补助涉及 2023 年参保人数']]);
      expect(findings[0]?.severity).toBe('warning');
    });

    it('accepts the sheet year, comparisons with a past year and document numbers', () => {
      const indicators = [
        ...cleanRows(),
        row('产出指标', '数量指标', '补助涉及2024年参保人数', '≥2854人'),
        row('效益指标', '社会效益指标', '住院率较2023年下降幅度', '≥2%'),
        row('效益指标', '社会效益指标', '冀财社【2023】208号文件落实率', '100%'),
        row('产出指标', '时效指标', '资金拨付时限', '2024-12-31前'),
      ];
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
    });
  });

  describe('DUPLICATE_INDICATOR', () => {
    it('reports the same name twice under one first level, whatever the second level', () => {
      const indicators = [...cleanRows(), row('产出指标', '时效指标', '参保率', '6月前')];
      const findings = reviewSheet(sheet({ indicators }));
      expect(pairs(findings)).toEqual([['DUPLICATE_INDICATOR', '参保率']]);
      expect(findings[0]?.indicatorIndex).toBe(6);
      expect(findings[0]?.message).toContain('第2个指标');
    });

    it('reports the same name and target under different first levels', () => {
      const indicators = [...cleanRows(), row('效益指标', '社会效益指标', '参保率', '≥97%')];
      expect(pairs(reviewSheet(sheet({ indicators })))).toEqual([['DUPLICATE_INDICATOR', '参保率']]);
    });

    it('ignores whitespace, full-width characters and a unit annotation', () => {
      const indicators = [...cleanRows(), row('产出指标', '质量指标', ' 参保率％ ', '≥９７%')];
      expect(pairs(reviewSheet(sheet({ indicators })))).toEqual([['DUPLICATE_INDICATOR', '参保率％']]);
    });

    it('accepts the same name with another target under another first level', () => {
      const indicators = [...cleanRows(), row('效益指标', '社会效益指标', '参保率', '不低于上年')];
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
    });
  });

  describe('spending plan', () => {
    it('reports a cumulative amount that decreases', () => {
      const spendingPlan = [
        { month: 3, cumulativeAmount: '250000.00' },
        { month: 6, cumulativeAmount: '200000.00' },
        { month: 12, cumulativeAmount: '1000000.00' },
      ];
      const findings = reviewSheet(sheet({ spendingPlan }));
      expect(pairs(findings)).toEqual([['PLAN_DECREASES', null]]);
      expect(findings[0]?.message).toContain('从 3 月的 25.00 万元 减少到 6 月的 20.00 万元');
    });

    it('reports a plan above the budget, once', () => {
      const spendingPlan = [
        { month: 6, cumulativeAmount: '1200000.00' },
        { month: 12, cumulativeAmount: '1300000.00' },
      ];
      const findings = reviewSheet(sheet({ spendingPlan }));
      expect(pairs(findings)).toEqual([['PLAN_EXCEEDS_BUDGET', null]]);
      expect(findings[0]?.message).toContain('6 月的累计金额 120.00 万元 超过了项目预算 100.00 万元');
    });

    it('reports a plan that does not reach the budget by December, also when it stops earlier', () => {
      const short = [{ month: 12, cumulativeAmount: '999999.99' }];
      expect(pairs(reviewSheet(sheet({ spendingPlan: short })))).toEqual([['PLAN_NOT_COMPLETE', null]]);
      const early = [
        { month: 3, cumulativeAmount: '300000.00' },
        { month: 9, cumulativeAmount: '900000.00' },
      ];
      const findings = reviewSheet(sheet({ spendingPlan: early }));
      expect(pairs(findings)).toEqual([['PLAN_NOT_COMPLETE', null]]);
      expect(findings[0]?.message).toContain('最后一个节点是 9 月');
    });

    it('accepts a plan that spends the whole budget before December, in any order and at any months', () => {
      const spendingPlan = [
        { month: 10, cumulativeAmount: '1000000.00' },
        { month: 4, cumulativeAmount: '400000.00' },
      ];
      expect(reviewSheet(sheet({ spendingPlan }))).toEqual([]);
    });

    it('reports months outside 1–12, repeated months and invalid amounts', () => {
      const spendingPlan = [
        { month: 0, cumulativeAmount: '100000.00' },
        { month: 6, cumulativeAmount: '500000.00' },
        { month: 6, cumulativeAmount: '600000.00' },
        { month: 9, cumulativeAmount: '75万' },
        { month: 12.5, cumulativeAmount: '1000000.00' },
        { month: 12, cumulativeAmount: '1000000.00' },
      ];
      expect(pairs(reviewSheet(sheet({ spendingPlan })))).toEqual([
        ['PLAN_MONTH_INVALID', null],
        ['PLAN_MONTH_INVALID', null],
        ['PLAN_MONTH_INVALID', null],
        ['PLAN_AMOUNT_INVALID', null],
      ]);
    });

    it('does not report an empty plan unless asked to, and then only on a project sheet', () => {
      expect(reviewSheet(sheet({ spendingPlan: [] }))).toEqual([]);
      const findings = reviewSheet(sheet({ spendingPlan: [] }), { requireSpendingPlan: true });
      expect(findings).toEqual([
        expect.objectContaining({ code: 'PLAN_MISSING', severity: 'warning', indicatorIndex: null }),
      ]);
      expect(reviewSheet(sheet({ kind: 'department', spendingPlan: [] }), { requireSpendingPlan: true })).toEqual([]);
    });
  });

  describe(reviewSpendingPlan.name, () => {
    it('gives the plan findings of the whole review, alone (for a plan being edited)', () => {
      const spendingPlan = [
        { month: 3, cumulativeAmount: '250000.00' },
        { month: 6, cumulativeAmount: '200000.00' },
        { month: 12, cumulativeAmount: '1300000.00' },
      ];
      const whole = reviewSheet(sheet({ spendingPlan, indicators: [row('产出指标', null, '', '')] }));
      const plan = reviewSpendingPlan({ kind: 'project', budgetTotal: '1000000.00', spendingPlan });
      expect(pairs(plan)).toEqual([
        ['PLAN_DECREASES', null],
        ['PLAN_EXCEEDS_BUDGET', null],
      ]);
      expect(plan).toEqual(whole.filter((f) => f.code.startsWith('PLAN_')));
      expect(reviewSpendingPlan({ kind: 'project', budgetTotal: null, spendingPlan: [] })).toEqual([]);
    });
  });

  describe('WEIGHTS_DO_NOT_ADD_UP and WEIGHT_INVALID', () => {
    /** Weights per row of the clean sheet: 产出 ×4, 效益, 满意度. */
    function weighted(weights: readonly (string | null)[]): ReviewIndicatorInput[] {
      return cleanRows().map((r, i) => ({ ...r, weight: weights[i] ?? null }));
    }

    it('accepts weights adding up to 产出 50 (with 成本), 效益 30 and 满意度 10', () => {
      expect(reviewSheet(sheet({ indicators: weighted(['15', '15', '10', '10', '30', '10']) }))).toEqual([]);
    });

    it('accepts groups without weights next to groups with them (even split)', () => {
      expect(reviewSheet(sheet({ indicators: weighted([null, null, null, null, '30', '10']) }))).toEqual([]);
    });

    it('reports a group whose weights do not add up', () => {
      const findings = reviewSheet(sheet({ indicators: weighted(['15', '15', '10', '5', '30', '10']) }));
      expect(pairs(findings)).toEqual([['WEIGHTS_DO_NOT_ADD_UP', null]]);
      expect(findings[0]?.message).toBe('产出指标各指标的权重合计为 45 分，应为 50 分，请调整该组指标的权重。');
    });

    it('reports weights given on some indicators of a group only', () => {
      const findings = reviewSheet(sheet({ indicators: weighted(['25', '25', null, null, '30', '10']) }));
      expect(pairs(findings)).toEqual([['WEIGHTS_DO_NOT_ADD_UP', null]]);
      expect(findings[0]?.message).toContain('「补助资金到位及时率」、「预算控制数」没有权重');
    });

    it('reports an invalid weight', () => {
      const findings = reviewSheet(sheet({ indicators: weighted(['15', '15', '10', '10', '三十', '10']) }));
      expect(pairs(findings)).toEqual([['WEIGHT_INVALID', '医保政策知晓率']]);
    });

    it('uses the scheme given in the options', () => {
      const indicators = weighted(['10', '10', '10', '10', '40', '10']);
      expect(pairs(reviewSheet(sheet({ indicators })))).toEqual([
        ['WEIGHTS_DO_NOT_ADD_UP', null],
        ['WEIGHTS_DO_NOT_ADD_UP', null],
      ]);
      expect(reviewSheet(sheet({ indicators }), { scheme: { ...NATIONAL_PROJECT_SCHEME, groups: NATIONAL_PROJECT_SCHEME.groups.map((g) => ({ ...g, points: g.key === 'benefit' ? 40 : g.key === 'output' ? 40 : g.points })) } })).toEqual([]);
    });
  });

  describe('specs and order', () => {
    it('uses a user-corrected spec instead of parsing the target', () => {
      const indicators = withRow(3, {
        ...row('产出指标', '成本指标', '预算控制数', '按预算执行'),
        spec: { kind: 'numeric', op: '<=', value: 100, unit: '万元' },
      });
      expect(reviewSheet(sheet({ indicators }))).toEqual([]);
      const over = withRow(3, {
        ...row('产出指标', '成本指标', '预算控制数', '≤100万元'),
        spec: { kind: 'numeric', op: '<=', value: 120, unit: '万元' },
      });
      expect(pairs(reviewSheet(sheet({ indicators: over })))).toEqual([['COST_EXCEEDS_BUDGET', '预算控制数']]);
    });

    it('lists sheet-level findings first, then by indicator, then in the order of REVIEW_CODES', () => {
      const indicators = [
        row('产出指标', '数量指标', '补助涉及参保人数', '≥2854人'),
        row('产出指标', '质量指标', '2023年参保率', '2023年度达标'),
        row('产出指标', '成本指标', '预算控制数', '≤120万元'),
        row('产出指标', '数量指标', '补助涉及参保人数', '≥4 万元'),
        row('效益指标', '社会效益指标', '医保政策知晓率', '≥90%'),
      ];
      const spendingPlan = [{ month: 12, cumulativeAmount: '900000.00' }];
      const findings = reviewSheet(sheet({ indicators, spendingPlan }));
      expect(findings.map((f) => [f.indicatorIndex, f.code])).toEqual([
        [null, 'MISSING_LEVEL1'],
        [null, 'PLAN_NOT_COMPLETE'],
        [1, 'QUALITATIVE_QUANTITY'],
        [1, 'OTHER_YEAR'],
        [1, 'OTHER_YEAR'],
        [2, 'COST_EXCEEDS_BUDGET'],
        [3, 'UNIT_MISMATCH'],
        [3, 'DUPLICATE_INDICATOR'],
      ]);
      expect(reviewSheet(sheet({ indicators, spendingPlan }))).toEqual(findings);
    });

    it('writes every message as one Chinese sentence naming the indicator', () => {
      const indicators: ReviewIndicatorInput[] = [
        ...cleanRows(),
        row('产出指标', null, '异地就医人数', '≥8 万元'),
        row('产出指标', '时效指标', '工作完成时限', '2023年全年'),
        row('产出指标', null, '医保宣传能力', '显著提升'),
        row('产出指标', null, '定点医药机构覆盖率', '全覆盖'),
        row('产出指标', null, '参保人数≥1000人', ''),
        row('产出指标', null, '参保率≥95%', '≥95%'),
        row('产出指标', null, '验收合格率', '≥**%'),
        { ...row('效益指标', null, '医疗救助资金', '较上年提高2个百分点'), spec: { kind: 'relative', op: '>=', delta: 2, unit: '个百分点', change: 'points' } },
      ];
      expect(new Set(reviewSheet(sheet({ indicators })).map((f) => f.code))).toEqual(
        new Set(['UNIT_MISMATCH', 'OTHER_YEAR', 'QUALITATIVE_QUANTITY', 'TARGET_IN_NAME', 'TEMPLATE_LEFTOVER']),
      );
      for (const finding of reviewSheet(sheet({ indicators }))) {
        expect(finding.message).toMatch(/^[^。]*。$/);
        if (finding.indicatorName !== null) expect(finding.message).toContain(finding.indicatorName);
      }
    });
  });
});
