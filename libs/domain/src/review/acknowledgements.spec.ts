import {
  checkAcknowledgements,
  findingLabel,
  findingsToAcknowledge,
  isAcknowledgementReason,
  MAX_ACKNOWLEDGEMENT_LENGTH,
  type AcknowledgementRefusal,
  type FindingAcknowledgementInput,
} from './acknowledgements';
import { reviewSheet } from './review-sheet';
import type { ReviewFinding, ReviewIndicatorInput } from './review.types';

function finding(code: ReviewFinding['code'], indicatorIndex: number | null, indicatorName: string | null, severity: ReviewFinding['severity'] = 'error'): ReviewFinding {
  return { code, severity, indicatorIndex, indicatorName, message: `${code} 的说明。` };
}

/** The 望都县 department sheet's shape: three missing first levels and no cost indicator, plus an indicator error and a warning. */
const FINDINGS: ReviewFinding[] = [
  finding('MISSING_LEVEL1', null, null),
  finding('MISSING_LEVEL1', null, null),
  finding('MISSING_COST', null, null),
  finding('OTHER_YEAR', 1, '工作完成时限'),
  finding('OTHER_YEAR', 1, '工作完成时限', 'warning'),
  finding('UNIT_MISMATCH', 2, '异地就医人数', 'warning'),
];

const ack = (code: string, indicatorIndex: number | null, reason: string, occurrence?: number): FindingAcknowledgementInput =>
  occurrence === undefined ? { code, indicatorIndex, reason } : { code, indicatorIndex, occurrence, reason };

const ALL: FindingAcknowledgementInput[] = [
  ack('MISSING_LEVEL1', null, '本单位上级模板未设满意度指标', 1),
  ack('MISSING_LEVEL1', null, '效益指标按部门整体目标另行填报', 2),
  ack('MISSING_COST', null, '成本在部门预算中统一控制'),
  ack('OTHER_YEAR', 1, '  跨年度项目，完成时限按原批复执行  '),
];

function refused(result: ReturnType<typeof checkAcknowledgements>): AcknowledgementRefusal {
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe(findingsToAcknowledge.name, () => {
  it('lists the error-level findings in order, numbering repeats of one code on one indicator or on the sheet', () => {
    expect(findingsToAcknowledge(FINDINGS).map((f) => [f.finding.code, f.finding.indicatorIndex, f.occurrence])).toEqual([
      ['MISSING_LEVEL1', null, 1],
      ['MISSING_LEVEL1', null, 2],
      ['MISSING_COST', null, 1],
      ['OTHER_YEAR', 1, 1],
    ]);
  });

  it('is empty without errors', () => {
    expect(findingsToAcknowledge([finding('UNIT_MISMATCH', 0, '参保率', 'warning')])).toEqual([]);
    expect(findingsToAcknowledge([])).toEqual([]);
  });

  it('names a finding by its indicator and title, and the occurrence where several share them', () => {
    const all = findingsToAcknowledge(FINDINGS);
    expect(all.map((f) => findingLabel(f, all))).toEqual([
      '目标表：缺少一级指标（第1处）',
      '目标表：缺少一级指标（第2处）',
      '目标表：缺少成本指标',
      '「工作完成时限」：年份与预算年度不符',
    ]);
    expect(findingLabel({ finding: finding('EMPTY_NAME', 4, ''), occurrence: 1 })).toBe('第5个指标：指标名称为空');
  });
});

describe(checkAcknowledgements.name, () => {
  it('accepts a reason for every error, trimmed, and ignores warnings', () => {
    const result = checkAcknowledgements(FINDINGS, ALL);
    expect(result).toEqual({
      ok: true,
      acknowledged: [
        { code: 'MISSING_LEVEL1', indicatorIndex: null, indicatorName: null, occurrence: 1, message: 'MISSING_LEVEL1 的说明。', reason: '本单位上级模板未设满意度指标' },
        { code: 'MISSING_LEVEL1', indicatorIndex: null, indicatorName: null, occurrence: 2, message: 'MISSING_LEVEL1 的说明。', reason: '效益指标按部门整体目标另行填报' },
        { code: 'MISSING_COST', indicatorIndex: null, indicatorName: null, occurrence: 1, message: 'MISSING_COST 的说明。', reason: '成本在部门预算中统一控制' },
        { code: 'OTHER_YEAR', indicatorIndex: 1, indicatorName: '工作完成时限', occurrence: 1, message: 'OTHER_YEAR 的说明。', reason: '跨年度项目，完成时限按原批复执行' },
      ],
    });
  });

  it('accepts acknowledgements in any order', () => {
    expect(checkAcknowledgements(FINDINGS, [...ALL].reverse()).ok).toBe(true);
  });

  it('needs nothing when there is no error', () => {
    expect(checkAcknowledgements([finding('UNIT_MISMATCH', 2, '异地就医人数', 'warning')], [])).toEqual({ ok: true, acknowledged: [] });
  });

  it('refuses when an error has no reason, naming every one of them', () => {
    const result = refused(checkAcknowledgements(FINDINGS, []));
    expect(result.unacknowledged.map((u) => [u.finding.code, u.occurrence, u.given])).toEqual([
      ['MISSING_LEVEL1', 1, 'none'],
      ['MISSING_LEVEL1', 2, 'none'],
      ['MISSING_COST', 1, 'none'],
      ['OTHER_YEAR', 1, 'none'],
    ]);
    expect(result.message).toBe(
      '目标审核助手发现 4 处需修改的问题，提交前须逐项填写确认理由，尚有 4 处未填写：目标表：缺少一级指标（第1处）、目标表：缺少一级指标（第2处）、目标表：缺少成本指标、「工作完成时限」：年份与预算年度不符。',
    );
  });

  it('refuses a blank or one-character reason, saying so', () => {
    const result = refused(checkAcknowledgements(FINDINGS, [...ALL.slice(0, 2), ack('MISSING_COST', null, '   '), ack('OTHER_YEAR', 1, '无')]));
    expect(result.unacknowledged.map((u) => [u.finding.code, u.given])).toEqual([
      ['MISSING_COST', 'blank'],
      ['OTHER_YEAR', 'short'],
    ]);
    expect(result.message).toContain('目标表：缺少成本指标（理由为空）、「工作完成时限」：年份与预算年度不符（理由少于 2 个字）');
  });

  it('refuses a reason above the maximum length, and accepts one at it', () => {
    const long = '理'.repeat(MAX_ACKNOWLEDGEMENT_LENGTH + 1);
    const result = refused(checkAcknowledgements(FINDINGS, [...ALL.slice(0, 3), ack('OTHER_YEAR', 1, long)]));
    expect(result.tooLong.map((t) => t.finding.code)).toEqual(['OTHER_YEAR']);
    expect(result.message).toBe(`确认理由不能超过 ${MAX_ACKNOWLEDGEMENT_LENGTH} 个字：「工作完成时限」：年份与预算年度不符。`);
    expect(checkAcknowledgements(FINDINGS, [...ALL.slice(0, 3), ack('OTHER_YEAR', 1, long.slice(1))]).ok).toBe(true);
  });

  it.each([
    ['a finding that does not exist', ack('DUPLICATE_INDICATOR', 3, '不是重复'), 'no_such_finding', '第4个指标的“重复指标”'],
    ['a warning', ack('UNIT_MISMATCH', 2, '单位已核实'), 'no_such_finding', '第3个指标的“计量单位与指标名称不符”'],
    ['an occurrence beyond the findings', ack('MISSING_LEVEL1', null, '第三处', 3), 'no_such_finding', '目标表的“缺少一级指标”'],
    ['an unknown code', ack('NO_SUCH_CODE', null, '理由'), 'no_such_finding', '目标表的“NO_SUCH_CODE”'],
    ['the same finding twice', ack('MISSING_COST', null, '再确认一次'), 'duplicate', '目标表的“缺少成本指标”（重复确认）'],
  ])('refuses an acknowledgement of %s', (_label, extra, why, named) => {
    const result = refused(checkAcknowledgements(FINDINGS, [...ALL, extra]));
    expect(result.unacknowledged).toEqual([]);
    expect(result.unknown).toEqual([{ ...extra, why }]);
    expect(result.message).toBe(`以下确认不对应目标表当前需修改的问题，请刷新后重新确认：${named}。`);
  });

  it('reads a missing occurrence as the first, and joins every reason for refusing in one message', () => {
    const result = refused(checkAcknowledgements(FINDINGS, [ack('MISSING_LEVEL1', null, '第一处'), ack('MISSING_LEVEL1', null, '又是第一处'), ack('EMPTY_TARGET', 0, '没有这个问题')]));
    expect(result.unacknowledged.map((u) => [u.finding.code, u.occurrence])).toEqual([
      ['MISSING_LEVEL1', 2],
      ['MISSING_COST', 1],
      ['OTHER_YEAR', 1],
    ]);
    expect(result.unknown.map((u) => u.why)).toEqual(['duplicate', 'no_such_finding']);
    expect(result.message).toMatch(/^目标审核助手发现 4 处需修改的问题.*；以下确认不对应.*。$/);
  });

  it('works on a real review: the 2023 target of 医保重点工作经费 (汉阴县)', () => {
    const indicators: ReviewIndicatorInput[] = [
      { level1: '产出指标', level2: '数量指标', name: '服务全县参保群众人数', target: '≥26万人' },
      { level1: '产出指标', level2: '时效指标', name: '工作完成时限', target: '2023年全年' },
      { level1: '产出指标', level2: '成本指标', name: '预算控制数', target: '≤41万元' },
      { level1: '效益指标', level2: '社会效益指标', name: '医保政策知晓率', target: '≥90%' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '参保群众满意度', target: '≥90%' },
    ];
    const findings = reviewSheet({ fiscalYear: 2024, kind: 'project', budgetTotal: '410000.00', indicators, spendingPlan: [] });
    expect(findingsToAcknowledge(findings).map((f) => [f.finding.code, f.finding.indicatorIndex])).toEqual([['OTHER_YEAR', 1]]);
    expect(refused(checkAcknowledgements(findings, [])).message).toContain('「工作完成时限」：年份与预算年度不符');
    expect(checkAcknowledgements(findings, [ack('OTHER_YEAR', 1, '延续上年批复的工作安排')]).ok).toBe(true);
  });
});

describe(isAcknowledgementReason.name, () => {
  it.each([
    ['', false],
    ['   ', false],
    ['无', false],
    [' 已核实 ', true],
    ['理'.repeat(MAX_ACKNOWLEDGEMENT_LENGTH), true],
    ['理'.repeat(MAX_ACKNOWLEDGEMENT_LENGTH + 1), false],
    [null, false],
  ])('%j → %s', (reason, ok) => {
    expect(isAcknowledgementReason(reason)).toBe(ok);
  });
});
