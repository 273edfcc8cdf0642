/**
 * Hand-built, realistic inputs for the report renderers' tests: EvaluationResponses made the way the
 * evaluation service makes them — targets parsed and scored by libs/domain (parseTarget, scoreSheet),
 * with the wording of the 2024 汉阴县医疗保障局 disclosure (shared/seeds).
 *
 * The project sample 医保重点工作经费 has 产出/效益/满意度 indicators with one severe unmet target
 * (追回医保基金 18 of ≥50 万元), one without a final actual (医保人员业务水平的提升) and one score a
 * reviewer overrode (离休干部医疗费报销及时率 98% of =100%, computed 9.80, adjusted to 9).
 */
import type { EvaluationResponse, IndicatorScoreResponse, UnmetSeverity } from '@jixiao/contracts';
import type { OrganizationRef } from '@jixiao/contracts';
import {
  DEFAULT_SCORING_SCHEME,
  formatActualValue,
  GRADE_LABELS,
  IndicatorActualValue,
  parseTarget,
  scoreSheet,
} from '@jixiao/domain';

export interface SampleIndicator {
  level1: string;
  level2: string | null;
  name: string;
  target: string;
  actual: IndicatorActualValue | null;
  override?: { score: number; reason: string; by: string | null };
  deviationReason?: string | null;
  measures?: string | null;
}

export interface SampleSheet {
  sheetId: string;
  kind: 'project' | 'department';
  fiscalYear: number;
  department: OrganizationRef;
  project: EvaluationResponse['project'];
  goals: string[];
  budget: string; // 元
  spent: string; // 元
  indicators: SampleIndicator[];
}

export const HANYIN_DEPARTMENT: OrganizationRef = { id: 'dept-hanyin', code: '962', name: '汉阴县医疗保障局', kind: 'department' };
export const HANYIN_UNIT: OrganizationRef = { id: 'unit-hanyin', code: '962001', name: '汉阴县医疗保障局本级', kind: 'unit' };

/** Scores a sample sheet with libs/domain and shapes it as GET /api/target-sheets/:id/evaluation answers. */
export function buildEvaluation(sample: SampleSheet): EvaluationResponse {
  const parsed = sample.indicators.map((indicator, index) => ({
    id: `${sample.sheetId}-i${index + 1}`,
    indicator,
    spec: parseTarget(indicator.target, { level1: indicator.level1, level2: indicator.level2, name: indicator.name, fiscalYear: sample.fiscalYear }).spec,
  }));
  const result = scoreSheet({
    scheme: DEFAULT_SCORING_SCHEME,
    budget: sample.budget,
    spent: sample.spent,
    fiscalYear: sample.fiscalYear,
    indicators: parsed.map(({ id, indicator, spec }) => ({
      id,
      level1: indicator.level1,
      level2: indicator.level2,
      name: indicator.name,
      spec,
      weight: null,
      actual: indicator.actual,
      override: indicator.override ? { score: indicator.override.score, reason: indicator.override.reason } : null,
    })),
  });
  if (!result.ok || result.total === null || result.grade === null) {
    throw new Error(`Sample ${sample.sheetId} does not score: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  const unmetOf = new Map(result.unmet.map((flag) => [flag.indicatorId, flag.severity]));
  const unmetCounts: Record<UnmetSeverity, number> = { minor: 0, moderate: 0, severe: 0, missing: 0 };
  for (const flag of result.unmet) unmetCounts[flag.severity] += 1;
  const indicators: IndicatorScoreResponse[] = parsed.map(({ id, indicator, spec }, index) => {
    const score = result.indicators[index]!;
    return {
      indicatorId: id,
      order: index + 1,
      level1: indicator.level1,
      level2: indicator.level2,
      name: indicator.name,
      target: indicator.target,
      spec,
      actual: indicator.actual,
      actualText: formatActualValue(indicator.actual, spec),
      group: score.group,
      weight: score.weight,
      weightExplanation: score.weightExplanation,
      completion: score.completion,
      computedScore: score.computedScore,
      override: score.override === null ? null : { ...score.override, by: indicator.override?.by ?? null },
      score: score.score,
      unmet: unmetOf.get(id) ?? null,
      deviationReason: indicator.deviationReason ?? null,
      measures: indicator.measures ?? null,
      explanation: score.explanation,
    };
  });
  return {
    sheetId: sample.sheetId,
    kind: sample.kind,
    fiscalYear: sample.fiscalYear,
    department: sample.department,
    project: sample.project,
    goals: sample.goals,
    computedAt: '2025-01-20T08:00:00.000Z',
    budgetExecution: result.budgetExecution,
    groups: result.groups,
    indicators,
    total: result.total,
    totalExplanation: result.totalExplanation,
    grade: result.grade,
    gradeLabel: GRADE_LABELS[result.grade],
    unmetCounts,
    warnings: result.warnings,
    scheme: { id: null, version: null, name: DEFAULT_SCORING_SCHEME.name },
    stale: false,
  };
}

const num = (value: number, previousYear?: number): IndicatorActualValue => ({ kind: 'number', value, ...(previousYear === undefined ? {} : { previousYear }) });

/** 医保重点工作经费 (41 万元): 10 indicators, one severe, one missing, one minor with an override. */
export function projectSample(): SampleSheet {
  return {
    sheetId: 'sheet-key-work',
    kind: 'project',
    fiscalYear: 2024,
    department: HANYIN_DEPARTMENT,
    project: {
      id: 'project-key-work',
      code: '610921240000000001',
      name: '医保重点工作经费',
      unit: HANYIN_UNIT,
      purpose: '贯彻执行医疗保障政策，监督检查定点医药机构，保障企业离休干部医疗费报销。',
      amount: { total: '410000.00', fiscal: '410000.00', other: null },
    },
    goals: [
      '贯彻执行医疗保障政策，确保全县参保群众依法享受医保待遇。',
      '监督检查定点医药机构的服务行为和执行医保政策情况，配合市级部门做好打击欺诈骗保专项治理工作。',
      '保障企业离休干部医疗费报销及时到位。',
    ],
    budget: '410000.00',
    spent: '398765.43',
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '服务全县参保群众人数', target: '>27万人', actual: num(27.35) },
      { level1: '产出指标', level2: '数量指标', name: '保障企业离休干部人数', target: '=2人', actual: num(2) },
      { level1: '产出指标', level2: '质量指标', name: '医保报销的合规性', target: '按上级文件政策执行', actual: { kind: 'tier', tier: 'achieved' } },
      {
        level1: '产出指标',
        level2: '时效指标',
        name: '离休干部医疗费报销及时率',
        target: '=100%',
        actual: num(98),
        override: { score: 9, reason: '2 笔报销超过 30 个工作日办结，按及时率扣 1 分', by: '县医保局审核人' },
        deviationReason: '年末 2 笔异地就医票据补交延迟',
        measures: '与异地经办机构建立票据催办机制',
      },
      { level1: '产出指标', level2: '成本指标', name: '预算控制数', target: '≤41万元', actual: num(39.88) },
      {
        level1: '效益指标',
        level2: '经济效益指标',
        name: '追回医保基金',
        target: '≥50万元',
        actual: num(18),
        deviationReason: '专项检查发现的违规金额少于预期，部分案件尚在核查中',
        measures: '2025 年一季度完成在查案件处理，扩大飞行检查范围',
      },
      { level1: '效益指标', level2: '社会效益指标', name: '医保重要政策知晓率', target: '≥90%', actual: num(92.5) },
      { level1: '效益指标', level2: '社会效益指标', name: '医保人员业务水平的提升', target: '提升', actual: null },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '群众对医保工作的满意度', target: '≥90%', actual: num(93.6) },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '医保工作人员的满意度', target: '≥95%', actual: num(96) },
    ],
  };
}

/** 汉阴县医疗保障局 部门整体 (1996.62 万元): every indicator met but one moderate. */
export function departmentSample(): SampleSheet {
  return {
    sheetId: 'sheet-hanyin-department',
    kind: 'department',
    fiscalYear: 2024,
    department: HANYIN_DEPARTMENT,
    project: null,
    goals: [
      '目标1：每月按时发放在职人员工资，保障人员类经费；',
      '目标2：宣传并贯彻执行医疗保障政策，确保参保群众依法享受医保待遇；',
      '目标3：监督检查县域内定点医药机构的服务行为和医保政策执行情况，做好打击欺诈骗保专项整治。',
    ],
    budget: '19966200.00',
    spent: '19012345.67',
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '2024年城乡居民医保县级补助人数', target: '≥26万人', actual: num(26.4) },
      { level1: '产出指标', level2: '数量指标', name: '企业离休干部医疗费报销', target: '2人', actual: num(2) },
      { level1: '产出指标', level2: '质量指标', name: '保障参保群众报销', target: '规范合理', actual: { kind: 'tier', tier: 'achieved' } },
      { level1: '产出指标', level2: '时效指标', name: '县级补助资金到位及时率', target: '100%', actual: num(100) },
      { level1: '产出指标', level2: '成本指标', name: '预算控制数', target: '≤1996.62万元', actual: num(1901.23) },
      { level1: '效益指标', level2: '社会效益指标', name: '群众对医保政策知晓率', target: '≥90%', actual: num(91) },
      {
        level1: '效益指标',
        level2: '社会效益指标',
        name: '纳入监测范围的农村易返贫致贫人口的参保率',
        target: '100%',
        actual: num(85),
        deviationReason: '部分监测对象外出务工，未能及时完成参保登记',
        measures: '联合乡镇开展上门动员，2025 年集中征缴期前完成补登',
      },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '参保群众满意度', target: '≥90%', actual: num(94.2) },
    ],
  };
}

/** A second project of the department, fully met: 城乡居民医保基金县级财政补助 (1494.61 万元). */
export function subsidySample(): SampleSheet {
  return {
    sheetId: 'sheet-subsidy',
    kind: 'project',
    fiscalYear: 2024,
    department: HANYIN_DEPARTMENT,
    project: {
      id: 'project-subsidy',
      code: '610921240000000002',
      name: '2024年城乡居民医保基金县级财政补助',
      unit: null,
      purpose: '确保全县参加城乡居民基本医疗保险制度县级补助资金足额到位。',
      amount: { total: '14946100.00', fiscal: '14946100.00', other: null },
    },
    goals: ['确保全县参加城乡居民基本医疗保险制度县级补助资金足额到位。'],
    budget: '14946100.00',
    spent: '14946100.00',
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '补助涉及2024年参保人数', target: '>26万人', actual: num(26.4) },
      { level1: '产出指标', level2: '质量指标', name: '2024年城乡居民基本医疗保险参保率', target: '≥97%', actual: num(97.3) },
      { level1: '产出指标', level2: '时效指标', name: '城乡居民基本医疗保险县级补助资金到位及时率', target: '100%', actual: num(100) },
      { level1: '产出指标', level2: '成本指标', name: '2024年城乡居民基本医疗保险县级补助标准', target: '≥57.6元/人', actual: num(57.6) },
      { level1: '效益指标', level2: '社会效益指标', name: '保障全县参保群众依法享受医保待遇', target: '长期', actual: { kind: 'tier', tier: 'achieved' } },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '参保群众的满意度', target: '≥90%', actual: num(95.1) },
    ],
  };
}

/** A long sheet (3 × 12 indicators) that needs more than one A4 page. */
export function longProjectSample(): SampleSheet {
  const base = projectSample();
  const level2s = ['数量指标', '质量指标', '时效指标'];
  const indicators: SampleIndicator[] = [];
  for (const level2 of level2s) {
    for (let i = 1; i <= 12; i += 1) {
      indicators.push({ level1: '产出指标', level2, name: `${level2.replace('指标', '')}考核事项第${i}项：定点医药机构专项检查覆盖情况`, target: '≥95%', actual: num(i === 5 ? 50 : 97) });
    }
  }
  indicators.push({ level1: '效益指标', level2: '社会效益指标', name: '医保重要政策知晓率', target: '≥90%', actual: num(92) });
  indicators.push({ level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', target: '≥90%', actual: num(95) });
  return { ...base, sheetId: 'sheet-long', indicators };
}
