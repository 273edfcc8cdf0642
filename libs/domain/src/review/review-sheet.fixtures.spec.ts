import * as fs from 'fs';
import * as path from 'path';
import { DEPARTMENT_WIDE_SCHEME } from '../scoring';
import { reviewSheet } from './review-sheet';
import { REVIEW_CODES, ReviewCode, ReviewIndicatorInput, ReviewPlanCheckpoint, ReviewSheetInput } from './review.types';

/**
 * The review of every sheet of the real 2024 disclosures, established by hand, sheet by sheet: each
 * mistake the DESIGN §5 rules are meant to find, and nothing on clean sheets. The sheets are read
 * from the repository's demo/datasets (identical to shared/fixtures, see demo/README.md), so the
 * test needs nothing outside the checkout.
 */
const FIXTURES_DIR = path.resolve(__dirname, '../../../../demo/datasets');

interface FixtureProject {
  name: string;
  amount: { total: string };
  spendingPlan: ReviewPlanCheckpoint[];
  indicators: ReviewIndicatorInput[];
}

interface FixtureDataset {
  fiscalYear: number;
  departmentSheet: { budget: { total: string | null }; indicators: ReviewIndicatorInput[] } | null;
  projects: FixtureProject[];
}

type SheetRef = 'department' | { project: string; total: string };

/** [code, indicator name (null for the sheet), a phrase of the message where the name is not enough]. */
type Expected = readonly [code: ReviewCode, indicatorName: string | null, inMessage?: string];

interface SheetExpectation {
  file: string;
  sheet: SheetRef;
  findings: readonly Expected[];
}

const EXPECTED: readonly SheetExpectation[] = [
  // hanyin-2024.json — 汉阴县医疗保障局
  {
    file: 'hanyin-2024.json',
    sheet: 'department',
    findings: [
      // 质量指标 with only 及时准确 / 规范合理.
      ['QUALITATIVE_QUANTITY', '保障人员类经费发放'],
      ['QUALITATIVE_QUANTITY', '保障参保群众报销'],
    ],
  },
  {
    file: 'hanyin-2024.json',
    sheet: { project: '医保重点工作经费', total: '410000.00' },
    findings: [
      ['QUALITATIVE_QUANTITY', '医保报销的合规性'], // 质量指标: 按上级文件政策执行
      ['OTHER_YEAR', '工作完成时限', '2023年'], // 2023年全年 in a 2024 sheet
    ],
  },
  { file: 'hanyin-2024.json', sheet: { project: '2024年城乡居民医保基金县级财政补助', total: '14946100.00' }, findings: [] },
  { file: 'hanyin-2024.json', sheet: { project: '纳入监测范围的农村易返贫致贫人口参保缴费县级补助', total: '385300.00' }, findings: [] },
  { file: 'hanyin-2024.json', sheet: { project: '医疗救助县级补助资金', total: '800000.00' }, findings: [] },

  // shenmu-2024.json — 神木市医疗保障局
  { file: 'shenmu-2024.json', sheet: 'department', findings: [] },
  {
    file: 'shenmu-2024.json',
    sheet: { project: '村卫生室配备智慧医保终端经费', total: '1000000.00' },
    findings: [['UNIT_MISMATCH', '设备数量', '“台”']], // a 成本指标 of =370台
  },
  { file: 'shenmu-2024.json', sheet: { project: '国有破产倒闭企业退休人员医疗费补助', total: '4359500.00' }, findings: [] },
  { file: 'shenmu-2024.json', sheet: { project: '国有破产倒闭企业退休人员医疗费代缴人事代理费', total: '292900.00' }, findings: [] },
  { file: 'shenmu-2024.json', sheet: { project: '居民医保卡制卡费及系统维护费', total: '195000.00' }, findings: [] },
  { file: 'shenmu-2024.json', sheet: { project: '免费医疗、职工医保工作经费', total: '1400000.00' }, findings: [] },
  { file: 'shenmu-2024.json', sheet: { project: '市镇村三级医保网络服务医保协办员劳务费及硬件设备维护费', total: '696000.00' }, findings: [] },
  { file: 'shenmu-2024.json', sheet: { project: '驻村第一书记、干部和工作队经费', total: '89400.00' }, findings: [] },
  { file: 'shenmu-2024.json', sheet: { project: '2024 年医保经办服务工作经费', total: '400000.00' }, findings: [] },
  {
    file: 'shenmu-2024.json',
    sheet: { project: '药品及耗材集中采购工作经费', total: '1200000.00' },
    findings: [
      ['MISSING_LEVEL1', null, '满意度指标'], // the sheet ends with 效益指标
      // The four 质量指标 copied into 时效指标 with their names unchanged (6月前, 10月前, 每月25日之前).
      ['DUPLICATE_INDICATOR', '核查公立医院药品零差率实行率'],
      ['DUPLICATE_INDICATOR', '差旅费按时支付率'],
      ['DUPLICATE_INDICATOR', '租车费按时支付率'],
      ['DUPLICATE_INDICATOR', '宣传用品及宣传册验收合格率'],
    ],
  },

  // shenqiu-2024.json — 沈丘县医疗保障局
  {
    file: 'shenqiu-2024.json',
    sheet: 'department',
    findings: [
      ['MISSING_LEVEL1', null, '“满意度”被放在一级指标“效益指标”之下'], // 满意度 as a second level under 效益
      // Under the national scheme (the default) 投入管理指标 cannot be scored: said while writing, not at year end.
      ['LEVEL1_NOT_IN_SCHEME', null, '一级指标“投入管理指标”（20 项）不属于评分方案'],
      ['MISSING_COST', null],
    ],
  },
  {
    file: 'shenqiu-2024.json',
    sheet: { project: '2024年保民生-城乡医疗救助', total: '13000000.00' },
    findings: [
      ['QUALITATIVE_QUANTITY', '医疗救助对象人次规模'], // 符合救助条件的对象按规定纳入救助范围
      // No second level: an output that is to 有所提升 without saying by how much.
      ['QUALITATIVE_QUANTITY', '医保综合监管能力', '“有所提升”只表明变化的方向'],
    ],
  },
  {
    file: 'shenqiu-2024.json',
    sheet: { project: '2024年其他刚性支出-资助参保', total: '7300000.00' },
    findings: [
      ['QUALITATIVE_QUANTITY', '资助对象覆盖面', '覆盖率 =100%'], // a coverage: 符合资助条件全覆盖
      ['QUALITATIVE_QUANTITY', '制度体系完善情况', '“进一步完善”'],
      // 资助对象享待遇 (有效保障) is neither a count nor a rate and claims no amount: not judged.
    ],
  },
  {
    file: 'shenqiu-2024.json',
    sheet: { project: '2024年专项经费-医保监管网络安全、国家医保平台建设及服务经费', total: '800000.00' },
    findings: [
      // 全覆盖 on a rate: a tier, not a completion rate, unless written =100% (qualitative.rule.ts).
      ['QUALITATIVE_QUANTITY', '定点医药机构覆盖率', '是质量指标，指标值“全覆盖”是定性表述'],
      ['QUALITATIVE_QUANTITY', '有效推进医疗保险标准化等信息化建设工作', '“有效提升”'],
      ['QUALITATIVE_QUANTITY', '完善医保监管网络安全', '“完善”'],
    ],
  },
  {
    file: 'shenqiu-2024.json',
    sheet: { project: '2024年专项经费-基金监管工作经费（专项督查、调研等监管）', total: '500000.00' },
    findings: [['QUALITATIVE_QUANTITY', '提升参保群众医保重要政策知晓率']], // 提高
  },
  {
    file: 'shenqiu-2024.json',
    sheet: { project: '2024年专项经费-医保政策宣传工作经费', total: '300000.00' },
    findings: [['QUALITATIVE_QUANTITY', '医保政策宣传完成率']], // 完成
  },
  {
    file: 'shenqiu-2024.json',
    sheet: { project: '2024年专项经费-医疗救助工作经费', total: '200000.00' },
    // 拨付及时性 (及时) is a timeliness indicator; 规范医疗救助经办管理服务 (规范) claims no amount.
    findings: [['QUALITATIVE_QUANTITY', '强化高额医疗费用支出预警监测', '“提升”']],
  },
  {
    file: 'shenqiu-2024.json',
    sheet: { project: '2024年专项经费-健全重病特大疾病、因病返贫监测工作经费', total: '200000.00' },
    findings: [
      ['COST_EXCEEDS_BUDGET', '总成本', '≤23万元 超过了项目预算 20.00 万元'],
      ['QUALITATIVE_QUANTITY', '落实重特大疾病文件覆盖', '“全覆盖”'], // a coverage by its name
      ['QUALITATIVE_QUANTITY', '政策执行率'], // 及时
    ],
  },
  {
    file: 'shenqiu-2024.json',
    sheet: { project: '2024年专项经费-职工居民基本医疗保险工作经费', total: '400000.00' },
    findings: [
      ['QUALITATIVE_QUANTITY', '服务群众办理医疗保险事务次数'], // 提升
      ['QUALITATIVE_QUANTITY', '服务群众办理医疗保险事务完成率'], // 完成
    ],
  },
  {
    file: 'shenqiu-2024.json',
    sheet: { project: '2024年专项经费-行政办公、办案工作经费', total: '300000.00' },
    findings: [['QUALITATIVE_QUANTITY', '定点医药机构监督检查覆盖', '“全覆盖”']], // 检查及时率 (及时) is timeliness
  },
  { file: 'shenqiu-2024.json', sheet: { project: '2024年专项经费-医疗服务价格工作经费', total: '150000.00' }, findings: [] },
  {
    file: 'shenqiu-2024.json',
    sheet: { project: '2024年其他刚性支出-多层次医保领域扶贫', total: '850000.00' },
    // 完成门诊慢特病人认定资格信息上传 (完成) claims no amount; 上传信息及时性 (及时) is timeliness.
    findings: [['QUALITATIVE_QUANTITY', '完善管理制度', '“完善”']],
  },

  // wangdu-2024.json — 望都县医疗保障局: a department sheet with a budget and no indicators
  {
    file: 'wangdu-2024.json',
    sheet: 'department',
    findings: [
      ['MISSING_LEVEL1', null, '产出指标'],
      ['MISSING_LEVEL1', null, '效益指标'],
      ['MISSING_LEVEL1', null, '满意度指标'],
      ['MISSING_COST', null],
    ],
  },
  {
    file: 'wangdu-2024.json',
    sheet: { project: '城乡居民医疗保险县级配套', total: '28320000.00' },
    findings: [['COST_NOT_QUANTIFIED', '对健全社会救助体系的影响']], // 效果明显
  },
  {
    file: 'wangdu-2024.json',
    sheet: { project: '冀财社【2023】208 号提前下达 2024 年中央财政医疗服务与保障能力提升补助资金', total: '190000.00' },
    findings: [['COST_NOT_QUANTIFIED', '启动 DIP 实际支付工作']], // 不晚于 12 月底
  },
  {
    file: 'wangdu-2024.json',
    sheet: { project: '冀财社【2023】218 号提前下达 2024 年脱贫县离休干部医药费补助资金', total: '18000.00' },
    findings: [],
  },
  {
    file: 'wangdu-2024.json',
    sheet: { project: '离休干部医药费', total: '600000.00' },
    findings: [['UNIT_MISMATCH', '脱贫县离休干部医药费']], // ≥100 百分比
  },
  {
    file: 'wangdu-2024.json',
    sheet: { project: '医疗救助', total: '3500000.00' },
    findings: [['COST_NOT_QUANTIFIED', '困难群众医疗费用负担减轻程度']], // 明显减轻
  },
  { file: 'wangdu-2024.json', sheet: { project: '专项经费', total: '700000.00' }, findings: [] },

  // xuchang-2024.json — 许昌市医疗保障局
  {
    file: 'xuchang-2024.json',
    sheet: 'department',
    findings: [
      ['MISSING_LEVEL1', null, '“满意度”被放在一级指标“效益指标”之下'],
      ['LEVEL1_NOT_IN_SCHEME', null, '一级指标“投入管理指标”（20 项）不属于评分方案'],
      ['MISSING_COST', null],
      // Second level 重点工作任务完成 (not a standard one): outputs to improve without a measure.
      // 稳步推进, 规范, 落实到位 claim no amount and are not judged.
      ['QUALITATIVE_QUANTITY', '着力优化医保公共服务', '“有所提高”'],
      ['QUALITATIVE_QUANTITY', '健全和完善医疗保障待遇政策', '“逐步健全”'],
      ['DUPLICATE_INDICATOR', '群众对医保政策的知晓程度'], // ≥90% under 产出 and again under 效益
    ],
  },
  {
    file: 'xuchang-2024.json',
    sheet: { project: '【上级提前-市级】提前下达 2024 年中央和省级财政城乡居民基本医疗保险补助资金-代扣大病保险部分', total: '116270000.00' },
    findings: [],
  },
  {
    file: 'xuchang-2024.json',
    sheet: { project: '【上级提前-市级】提前下达 2024 年中央和省级财政城乡居民基本医疗保险补助资金-省级资金实际拨入专户部分', total: '320790000.00' },
    findings: [],
  },
  {
    file: 'xuchang-2024.json',
    sheet: { project: '【上级提前-市级】提前下达 2024 年中央和省级财政城乡居民基本医疗保险补助资金-代扣跨省异地就医部分', total: '73060000.00' },
    findings: [],
  },
  {
    file: 'xuchang-2024.json',
    sheet: { project: '【上级提前-市级】提前下达 2024 年中央和省级财政城乡居民基本医疗保险补助资金-中央资金实际拨入专户部分', total: '442340000.00' },
    findings: [],
  },
  {
    file: 'xuchang-2024.json',
    sheet: { project: '【上级配套】城乡居民基本医疗保险市级配套资金', total: '170000000.00' },
    findings: [
      // No indicators at all.
      ['MISSING_LEVEL1', null, '产出指标'],
      ['MISSING_LEVEL1', null, '效益指标'],
      ['MISSING_LEVEL1', null, '满意度指标'],
      ['MISSING_COST', null],
    ],
  },
  {
    file: 'xuchang-2024.json',
    sheet: { project: '【上级提前-市级】提前下达 2024 年中央和省级财政城乡居民基本医疗保险补助资金-代扣省内异地就医部分', total: '707580000.00' },
    findings: [
      // Head counts in 万元 (the sister project writes ≥8 万人, ≥4 万人).
      ['UNIT_MISMATCH', '异地就医人数', '万元'],
      ['UNIT_MISMATCH', '异地就医登记备案人数', '万元'],
    ],
  },
  {
    file: 'xuchang-2024.json',
    sheet: { project: '【统筹上级】提前下达 2023 年医疗服务与保障能力提升补助资金（医疗保障服务能力提升部分）（上级提前下达）', total: '303300.00' },
    findings: [
      // The name of the cost indicator names 2023 (a warning: it may be the fund's year).
      ['OTHER_YEAR', '提前下达 2023 年医疗服务与保障能力提升补助资金（医疗保障服务能力提升部分）', '2023年'],
      // Outputs without a second level: a review to cover wholly (全覆盖) …
      ['QUALITATIVE_QUANTITY', '医保规范性文件和政策措施的合法性审查、公平竞争审查', '“全覆盖”是定性表述'],
      // Response times in % (the 2024 sheet of the same fund writes ≤60 分钟, ≤30 分钟).
      ['UNIT_MISMATCH', '医保信息系统重大安全事件响应时间', '%'],
      ['UNIT_MISMATCH', '医保信息系统运行维护响应时间', '%'],
      // … and capabilities to raise by an unstated amount (有所提高, 显著提升). 逐步推进 and
      // 按照要求落实和执行 claim no amount and are not judged; 稳步提高 is under 效益.
      ['QUALITATIVE_QUANTITY', '医保法治建设能力', '“有所提高”'],
      ['QUALITATIVE_QUANTITY', '基金预警和风险控制能力', '“有所提高”'],
      ['QUALITATIVE_QUANTITY', '医保经办服务能力', '“有所提高”'],
      ['QUALITATIVE_QUANTITY', '医保综合监管能力', '“显著提升”'],
      ['QUALITATIVE_QUANTITY', '医保宣传能力', '“显著提升”'],
      ['QUALITATIVE_QUANTITY', '医保标准化水平', '“显著提升”'],
    ],
  },
  {
    file: 'xuchang-2024.json',
    sheet: { project: '【上级提前-市级】提前下达 2024 年中央财政医疗服务与保障能力提升补助资金（医疗保障服务能力建设部分）', total: '200000.00' },
    findings: [
      // The same six capabilities as the 2023 fund's sheet, and the same review to cover wholly.
      ['QUALITATIVE_QUANTITY', '医保法治建设能力', '“有所提高”'],
      ['QUALITATIVE_QUANTITY', '基金预警和风险控制能力', '“有所提高”'],
      ['QUALITATIVE_QUANTITY', '医保经办服务能力', '“有所提高”'],
      ['QUALITATIVE_QUANTITY', '医保综合监管能力', '“显著提升”'],
      ['QUALITATIVE_QUANTITY', '医保宣传能力', '“显著提升”'],
      ['QUALITATIVE_QUANTITY', '医保标准化水平', '“显著提升”'],
      ['QUALITATIVE_QUANTITY', '医保规范性文件和政策性措施的合法性审查、公平竞争审查', '“全覆盖”'],
    ],
  },
  {
    file: 'xuchang-2024.json',
    sheet: { project: '【上级提前-市级】提前下达 2024 年中央财政医疗服务与保障能力提升补助资金（医疗保障服务能力建设部分）', total: '70000.00' },
    findings: [], // 持续提升, 持续加强, 稳步提升 are all under 效益, which may be qualitative
  },
  { file: 'xuchang-2024.json', sheet: { project: '【市级出台】离休干部医药费超支', total: '5500000.00' }, findings: [] },
];

/**
 * Codes no fixture can show, and why: the transcription into the dataset format drops template
 * placeholder rows and rows without a target (dataset-format.md: "Template placeholder rows (`指标 1:`,
 * `指标2:`, `.....`, a name with no target) are not indicators") — so no template leftover and no
 * value written in the name column with an empty target either (the five disclosures write none with
 * a target); the only spending plans (望都县) are consistent; the format has no weight field. The unit
 * tests cover these codes, the placeholders with the very template rows of the 汉阴县 disclosure.
 */
const NOT_IN_FIXTURES: readonly ReviewCode[] = [
  'EMPTY_NAME',
  'EMPTY_TARGET',
  'PLACEHOLDER',
  'TEMPLATE_LEFTOVER',
  'TARGET_IN_NAME',
  'PLAN_MISSING',
  'PLAN_MONTH_INVALID',
  'PLAN_AMOUNT_INVALID',
  'PLAN_DECREASES',
  'PLAN_EXCEEDS_BUDGET',
  'PLAN_NOT_COMPLETE',
  'WEIGHT_INVALID',
  'WEIGHTS_DO_NOT_ADD_UP',
];

interface LoadedSheet {
  key: string;
  input: ReviewSheetInput;
}

function sheetKey(file: string, sheet: SheetRef): string {
  return sheet === 'department' ? `${file} › department` : `${file} › ${sheet.project} (${sheet.total} 元)`;
}

function loadSheets(): LoadedSheet[] {
  const files = fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.json')).sort();
  return files.flatMap((file) => {
    const dataset = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8')) as FixtureDataset;
    const sheets: LoadedSheet[] = [];
    const department = dataset.departmentSheet;
    if (department !== null) {
      sheets.push({
        key: sheetKey(file, 'department'),
        input: {
          fiscalYear: dataset.fiscalYear,
          kind: 'department',
          budgetTotal: department.budget.total,
          indicators: department.indicators,
          spendingPlan: [],
        },
      });
    }
    for (const project of dataset.projects) {
      sheets.push({
        key: sheetKey(file, { project: project.name, total: project.amount.total }),
        input: {
          fiscalYear: dataset.fiscalYear,
          kind: 'project',
          budgetTotal: project.amount.total,
          indicators: project.indicators,
          spendingPlan: project.spendingPlan,
        },
      });
    }
    return sheets;
  });
}

const SHEETS = loadSheets();
const EXPECTED_BY_KEY = new Map(EXPECTED.map((e) => [sheetKey(e.file, e.sheet), e.findings]));

describe(reviewSheet.name, () => {
  it('under the department-wide scheme, the 沈丘 and 许昌 department-wide sheets have every first level in the scheme', () => {
    for (const key of ['shenqiu-2024.json › department', 'xuchang-2024.json › department']) {
      const sheet = SHEETS.find((s) => s.key === key)!;
      const codes = reviewSheet(sheet.input, { scheme: DEPARTMENT_WIDE_SCHEME }).map((f) => f.code);
      expect(codes).not.toContain('LEVEL1_NOT_IN_SCHEME');
      expect(codes).not.toContain('MISSING_LEVEL1');
    }
  });

  it('reads the five fixture files, 45 sheets in all', () => {
    expect(new Set(SHEETS.map((s) => s.key.split(' › ')[0])).size).toBe(5);
    expect(SHEETS).toHaveLength(45);
  });

  it('has an expectation for every fixture sheet, and a fixture sheet for every expectation', () => {
    expect([...EXPECTED_BY_KEY.keys()].sort()).toEqual(SHEETS.map((s) => s.key).sort());
    expect(EXPECTED_BY_KEY.size).toBe(EXPECTED.length);
  });

  describe.each(SHEETS.map((s) => [s.key, s] as const))('%s', (_key, sheet) => {
    const expected = EXPECTED_BY_KEY.get(sheet.key) ?? [];

    it(expected.length === 0 ? 'finds nothing' : `finds exactly ${expected.length} mistake(s)`, () => {
      const findings = reviewSheet(sheet.input);
      expect(findings.map((f) => [f.code, f.indicatorName])).toEqual(expected.map(([code, name]) => [code, name]));
      expected.forEach(([, , inMessage], k) => {
        if (inMessage !== undefined) expect(findings[k]?.message).toContain(inMessage);
      });
      for (const finding of findings) {
        if (finding.indicatorIndex !== null) {
          expect(sheet.input.indicators[finding.indicatorIndex]?.name.trim()).toBe(finding.indicatorName);
        }
      }
    });
  });

  it('finds every §5 mistake the fixtures contain, and leaves most sheets without an error', () => {
    const found = new Set(SHEETS.flatMap((s) => reviewSheet(s.input).map((f) => f.code)));
    const inFixtures = REVIEW_CODES.filter((code) => !NOT_IN_FIXTURES.includes(code));
    expect([...found].sort()).toEqual([...inFixtures].sort());
    const clean = SHEETS.filter((s) => reviewSheet(s.input).length === 0);
    expect(clean).toHaveLength(EXPECTED.filter((e) => e.findings.length === 0).length);
    expect(clean).toHaveLength(20);
    // Errors need a written acknowledgement to submit (DESIGN §5): 10 of the 45 real sheets have one.
    const withErrors = SHEETS.filter((s) => reviewSheet(s.input).some((f) => f.severity === 'error'));
    expect(withErrors).toHaveLength(10);
  });

  it('gives the same findings for the same sheet, and does not change the sheet', () => {
    for (const sheet of SHEETS) {
      const before = JSON.stringify(sheet.input);
      expect(reviewSheet(sheet.input)).toEqual(reviewSheet(sheet.input));
      expect(JSON.stringify(sheet.input)).toBe(before);
    }
  });
});
