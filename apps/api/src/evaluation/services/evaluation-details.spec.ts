import type { CompletionResult } from '@jixiao/domain';
import { EvaluationDetails, fullCompletion, storedCompletion, storedIndicatorDetails, weightExplanationOf } from './evaluation-details';

const completion: CompletionResult = {
  met: false,
  ratio: { numerator: '2', denominator: '3' },
  rate: 2 / 3,
  ratePercent: '66.67',
  tier: null,
  explanation: '实际 2 ÷ 目标 3 = 66.67%',
};
// What indicator_scores holds for it (sheet-evaluator writes String(rate), ratePercent, met).
const columns = { met: false, completionRate: String(2 / 3), completionPercent: '66.67' };

describe('an evaluation’s stored completion', () => {
  it('leaves out what indicator_scores has columns for', () => {
    expect(storedCompletion(completion)).toEqual({ ratio: completion.ratio, tier: null, explanation: completion.explanation });
    expect(JSON.stringify(storedCompletion(completion))).not.toMatch(/met|rate|ratePercent/);
    expect(storedCompletion(null)).toBeNull();
  });

  it('is made whole again from the columns, the same as computed', () => {
    expect(fullCompletion(storedCompletion(completion), columns)).toEqual(completion);
    const met = { ...completion, met: true, ratio: { numerator: '1000000', denominator: '2' }, rate: 500000, ratePercent: '50000000.00' };
    expect(fullCompletion(storedCompletion(met), { met: true, completionRate: '500000', completionPercent: '50000000.00' })).toEqual(met);
  });

  it('reads the details of evaluations stored before (the whole completion), the columns winning', () => {
    expect(fullCompletion(completion, columns)).toEqual(completion);
    expect(fullCompletion(completion, { met: false, completionRate: null, completionPercent: null })).toEqual(completion);
  });

  it('is null without a completion, or when an old row lacks its parts and the columns are empty', () => {
    expect(fullCompletion(null, columns)).toBeNull();
    expect(fullCompletion(undefined, columns)).toBeNull();
    expect(fullCompletion(storedCompletion(completion), { met: false, completionRate: null, completionPercent: null })).toBeNull();
  });
});

describe('an evaluation’s stored indicator details', () => {
  const shared = '产出指标 50 分平均分配给 3 项 = 16.67（按分分配，余数计入靠前的指标）';
  const indicators = [
    { id: 'a', group: 'output' as const, weightExplanation: shared, completion },
    { id: 'b', group: 'output' as const, weightExplanation: '产出指标：本项填报分值 16.66', completion: null },
    { id: 'c', group: 'output' as const, weightExplanation: shared, completion },
    { id: 'd', group: 'satisfaction' as const, weightExplanation: '满意度指标 10 分平均分配给 1 项 = 10', completion },
  ];

  it('keeps each group’s usual weight explanation once, and an indicator’s own only where it differs', () => {
    const stored = storedIndicatorDetails(indicators);
    expect(stored.weightExplanations).toEqual({ output: shared, satisfaction: '满意度指标 10 分平均分配给 1 项 = 10' });
    expect(stored.indicators['a']).toEqual({ group: 'output', completion: storedCompletion(completion) });
    expect(stored.indicators['b']).toEqual({ group: 'output', weightExplanation: '产出指标：本项填报分值 16.66', completion: null });
    expect(JSON.stringify(stored).split(shared).length - 1).toBe(1);
  });

  it('gives every indicator its weight explanation back, as computed', () => {
    const stored = storedIndicatorDetails(indicators);
    for (const i of indicators) expect(weightExplanationOf(stored, stored.indicators[i.id])).toBe(i.weightExplanation);
  });

  it('reads evaluations stored before, each indicator with its own, and an unknown indicator as empty', () => {
    const old: EvaluationDetails['indicators'] = { a: { group: 'output', weightExplanation: shared, completion: null } };
    expect(weightExplanationOf({}, old['a'])).toBe(shared);
    expect(weightExplanationOf({}, undefined)).toBe('');
  });

  it('takes the first of equally frequent explanations as the shared one', () => {
    const tie = [
      { id: 'x', group: 'benefit' as const, weightExplanation: '甲', completion: null },
      { id: 'y', group: 'benefit' as const, weightExplanation: '乙', completion: null },
    ];
    const stored = storedIndicatorDetails(tie);
    expect(stored.weightExplanations).toEqual({ benefit: '甲' });
    expect(stored.indicators['y']!.weightExplanation).toBe('乙');
  });
});
