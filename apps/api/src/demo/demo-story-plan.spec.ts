import { readDataset, datasetFiles } from '../../../../test/support/fixtures';
import { checkActualValue, indicatorLight, parseTarget, spendingLight, type Light } from '@jixiao/domain';
import { centsToMoney, DEMO_PERIODS, demoPace, demoRecord, demoSheetState, moneyToCents, monthlySpendingCents } from './demo-story-plan';

interface FixtureSheet {
  indicators: { level1: string; level2: string | null; name: string; target: string }[];
}

/** Every project sheet of the demo datasets, in file order. */
function projects(): (FixtureSheet & { total: string })[] {
  return datasetFiles().flatMap((file) => (readDataset(file)['projects'] as (FixtureSheet & { amount: { total: string } })[]).map((p) => ({ ...p, total: p.amount.total })));
}

describe('the demo year in progress (demo-story-plan)', () => {
  it('leaves most sheets approved and some waiting at each step of the review', () => {
    const states = projects().map((_, i) => demoSheetState(i, 'project'));
    const count = (s: string) => states.filter((x) => x === s).length;
    expect(count('approved')).toBeGreaterThan(states.length / 2);
    expect(count('submitted')).toBeGreaterThan(0);
    expect(count('department_approved')).toBeGreaterThan(0);
    expect(count('returned')).toBeGreaterThan(0);
    expect(demoSheetState(0, 'department')).toBe('approved');
    // The third department (沈丘, whose 投入管理指标 its region cannot score yet) waits for finance.
    expect([0, 1, 2, 3, 4].map((i) => demoSheetState(i, 'department'))).toEqual(['approved', 'approved', 'department_approved', 'approved', 'approved']);
  });

  it('turns amounts in 元 into cents and back without floating point', () => {
    expect(moneyToCents('19966200.00')).toBe(1_996_620_000);
    expect(moneyToCents('0.5')).toBe(50);
    expect(moneyToCents('12')).toBe(1200);
    expect(moneyToCents('1844836300.07')).toBe(184_483_630_007);
    expect(() => moneyToCents('1,000.00')).toThrow('not an amount');
    expect(() => moneyToCents('-3.00')).toThrow('not an amount');
    expect(centsToMoney(1_996_620_000)).toBe('19966200.00');
    expect(centsToMoney(7)).toBe('0.07');
    expect(centsToMoney(0)).toBe('0.00');
    for (const cents of [1, 99, 100, 12_345, 184_483_630_007]) expect(moneyToCents(centsToMoney(cents))).toBe(cents);
  });

  it('spends through September without passing the budget, each month to the cent', () => {
    for (const pace of ['on_plan', 'behind', 'ahead', 'stalled'] as const) {
      const rows = monthlySpendingCents(4_100_000_00, pace);
      const total = rows.reduce((sum, r) => sum + r.cents, 0);
      expect(total).toBeLessThanOrEqual(4_100_000_00);
      expect(rows.every((r) => Number.isInteger(r.cents) && r.cents > 0 && r.month >= 1 && r.month <= 9)).toBe(true);
    }
  });

  it('lights every colour across the approved projects at 1–9月, indicators and spending', () => {
    const seen = new Set<Light | null>();
    projects().forEach((project, position) => {
      if (demoSheetState(position, 'project') !== 'approved') return;
      const pace = demoPace(position);
      const budgetCents = Math.round(Number(project.total) * 100);
      const expenditures = monthlySpendingCents(budgetCents, pace).map((r) => ({ month: r.month, amount: (r.cents / 100).toFixed(2) }));
      seen.add(spendingLight({ period: 'M9', budget: project.total, plan: [], expenditures }).light);
      project.indicators.forEach((indicator, k) => {
        const spec = parseTarget(indicator.target, { ...indicator, fiscalYear: 2024 }).spec;
        for (const period of DEMO_PERIODS) {
          const record = demoRecord(spec, period, pace, 2024, k);
          expect(checkActualValue(spec, record.actual, { final: false, fiscalYear: 2024 })).toBeNull(); // what the API would accept
          seen.add(indicatorLight(spec, period, record, { fiscalYear: 2024 }).light);
        }
      });
    });
    for (const light of ['red', 'yellow', 'green', 'blue'] as const) expect(seen).toContain(light);
  });
});
