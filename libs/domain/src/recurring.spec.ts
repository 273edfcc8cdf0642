import { occurrenceLabels, PERIODS_PER_YEAR, requiredOccurrences } from './recurring';

describe(requiredOccurrences.name, () => {
  it('asks for times × the periods of the year: 12 months, 4 quarters, 1 year', () => {
    expect(PERIODS_PER_YEAR).toEqual({ month: 12, quarter: 4, year: 1 });
    expect(requiredOccurrences({ kind: 'recurring', every: 'month', day: null, times: 2 })).toBe(24);
    expect(requiredOccurrences({ kind: 'recurring', every: 'quarter', day: null, times: 1 })).toBe(4);
    expect(requiredOccurrences({ kind: 'recurring', every: 'year', day: null, times: 3 })).toBe(3);
  });

  it('counts one occurrence per period when the target states no count (每月20日前)', () => {
    expect(requiredOccurrences({ kind: 'recurring', every: 'month', day: 20 })).toBe(12);
    expect(requiredOccurrences({ kind: 'recurring', every: 'quarter', day: null })).toBe(4);
  });

  it('counts only the periods ended by a month: 1–7月 holds 7 months, 2 quarters and no year', () => {
    expect(requiredOccurrences({ kind: 'recurring', every: 'month', day: 20 }, 7)).toBe(7);
    expect(requiredOccurrences({ kind: 'recurring', every: 'quarter', day: null, times: 2 }, 7)).toBe(4);
    expect(requiredOccurrences({ kind: 'recurring', every: 'quarter', day: null, times: 2 }, 9)).toBe(6);
    expect(requiredOccurrences({ kind: 'recurring', every: 'year', day: null, times: 2 }, 9)).toBe(0);
  });

  it('refuses a month outside 1–12', () => {
    expect(() => requiredOccurrences({ kind: 'recurring', every: 'month', day: null }, 13)).toThrow('Invalid month: 13');
    expect(() => requiredOccurrences({ kind: 'recurring', every: 'month', day: null }, 0)).toThrow('Invalid month: 0');
  });
});

describe(occurrenceLabels.name, () => {
  it('calls the count 达标次数 for a count per period, 按时完成次数 for a deadline in each period', () => {
    expect(occurrenceLabels({ kind: 'recurring', every: 'quarter', day: null, times: 1 })).toEqual({ done: '达标次数', required: '应完成次数' });
    expect(occurrenceLabels({ kind: 'recurring', every: 'month', day: 20 })).toEqual({ done: '按时完成次数', required: '应完成次数' });
  });
});
