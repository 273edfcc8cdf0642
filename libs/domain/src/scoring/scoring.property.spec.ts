/**
 * Property test of DESIGN §3 "Exact arithmetic": scoreSheet against an independent scorer on exact
 * BigInt rationals (testing/rational-reference.ts), over 100,000 random sheets of every target kind
 * with missing actuals, overrides, explicit weights, other schemes and half-cent ties built on
 * purpose. Every indicator score, shown rate, unmet flag, group, total and grade must agree.
 */
import { scoreSheet } from '.';
import { referenceScore, rational, roundHalfUp } from './testing/rational-reference';
import { randomSheet, seededRandom } from './testing/random-sheets';

const SHEETS = 100_000;

describe(`${scoreSheet.name} against an independent decimal reference`, () => {
  it(`agrees to the cent on ${SHEETS.toLocaleString('en-US')} random sheets`, () => {
    const random = seededRandom(20241231);
    const differences: string[] = [];
    let indicators = 0;
    let ties = 0;
    let relatives = 0;
    const kinds = new Set<string>();
    for (let s = 0; s < SHEETS && differences.length < 10; s += 1) {
      const input = randomSheet(random, `s${s}`);
      const result = scoreSheet(input);
      const expected = referenceScore(input);
      const differ = (what: string, got: unknown, want: unknown): void => {
        if (got !== want) differences.push(`sheet ${s} ${what}: got ${String(got)}, want ${String(want)}`);
      };
      differ('ok', result.ok, true);
      differ('errors', result.errors.map((e) => e.message).join('；'), '');
      differ('budget score', result.budgetExecution.score, expected.budgetScore);
      result.indicators.forEach((indicator, i) => {
        const want = expected.indicators[i];
        if (want === undefined) return;
        indicators += 1;
        kinds.add(input.indicators[i]?.spec.kind ?? '');
        if (input.indicators[i]?.spec.kind === 'relative') relatives += 1;
        if (indicator.computedScore !== null && indicator.weight !== null && indicator.completion !== null) {
          // a tie: the unrounded score has exactly three decimals ending in 5
          const thousandths = rational(indicator.weight);
          const r = rational(indicator.completion.ratio.numerator);
          const d = rational(indicator.completion.ratio.denominator);
          const exact = { n: thousandths.n * r.n * d.d * 1000n, d: thousandths.d * r.d * d.n };
          if (exact.n % exact.d === 0n && (exact.n / exact.d) % 10n === 5n && r.n * d.d < d.n * r.d) ties += 1;
        }
        differ(`indicator ${i} computed`, indicator.computedScore, want.computed);
        differ(`indicator ${i} score`, indicator.score, want.score);
        differ(`indicator ${i} rate`, indicator.completion?.ratePercent ?? null, want.ratePercent);
      });
      const unmet = new Map(result.unmet.map((flag) => [flag.indicatorId, flag.severity]));
      input.indicators.forEach((indicator, i) => differ(`indicator ${i} unmet`, unmet.get(indicator.id) ?? null, expected.indicators[i]?.unmet ?? null));
      result.groups.forEach((group, g) => differ(`group ${group.group}`, group.score, expected.groups[g]));
      differ('total', result.total, expected.total);
      differ('grade', result.grade, expected.grade);
    }
    expect(differences).toEqual([]);
    expect(indicators).toBeGreaterThan(500_000);
    expect(ties).toBeGreaterThan(10_000); // half-cent ties are really exercised
    expect(relatives).toBeGreaterThan(50_000);
    expect([...kinds].sort()).toEqual(['deadline', 'numeric', 'qualitative', 'range', 'recurring', 'relative']);
  });

  it('the reference rounds half-up exactly', () => {
    expect(roundHalfUp(rational('10.025'), 2)).toBe('10.03');
    expect(roundHalfUp(rational('10.0249999'), 2)).toBe('10.02');
    expect(roundHalfUp({ n: 2n, d: 3n }, 2)).toBe('0.67');
    expect(roundHalfUp(rational('-1.005'), 2)).toBe('-1.01');
  });
});
