import type { CompletionResult } from '@jixiao/domain';
import { fullCompletion, storedCompletion } from './evaluation-details';

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
