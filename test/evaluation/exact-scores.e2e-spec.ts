/**
 * Exact year-end scores, checked from outside through the API (issue 8): every demo sheet the
 * national scheme can score gets random final actuals of the kind its targets take — half-cent
 * ties built on purpose, relative targets with last year's value — and random spending; the API's
 * evaluation must equal an independent scorer on BigInt rationals (libs/domain/src/scoring/testing)
 * to the cent on every indicator, and in every shown rate, unmet flag, group, total and grade.
 */
import type { IndicatorActualValue, ScoreSheetInput, TargetSpec } from '@jixiao/domain';
import { DEFAULT_SCORING_SCHEME, splitWeightEvenly } from '@jixiao/domain';
import { rational, referenceScore } from '../../libs/domain/src/scoring/testing/rational-reference';
import { seededRandom } from '../../libs/domain/src/scoring/testing/random-sheets';
import { startTestApp, TestApp } from '../support/test-app';

interface SheetIndicator {
  id: string;
  level1: string;
  level2: string | null;
  name: string;
  spec: TargetSpec;
  weight: string | null;
}

type Random = () => number;
const int = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** An actual a with two decimals such that weight × a ÷ v is exactly x.xx5 (below the weight), if one exists under v. */
function tieActual(weight: string, v: number): number | null {
  const w = rational(weight);
  const target = rational(v);
  // score × 1000 = w × k/100 ÷ v × 1000 = (w.n × k × 10 × target.d) ÷ (w.d × target.n): find k with an integer ending in 5
  const limit = Math.min(200_000, Math.floor(v * 100) - 1);
  for (let k = 1; k <= limit; k += 1) {
    const numerator = w.n * BigInt(k) * 10n * target.d;
    const denominator = w.d * target.n;
    if (numerator % denominator === 0n && (numerator / denominator) % 10n === 5n) return k / 100;
  }
  return null;
}

function randomActual(random: Random, spec: TargetSpec, weight: string): IndicatorActualValue {
  const tier = (): IndicatorActualValue => ({ kind: 'tier', tier: (['achieved', 'partial', 'not_achieved'] as const)[int(random, 0, 2)]! });
  switch (spec.kind) {
    case 'numeric': {
      if ((spec.op === '>=' || spec.op === '>') && spec.value > 0 && random() < 0.5) {
        const tie = tieActual(weight, spec.value);
        if (tie !== null) return { kind: 'number', value: tie };
      }
      const scale = Math.max(1, spec.value);
      return { kind: 'number', value: int(random, 0, Math.round(scale * 150)) / 100 };
    }
    case 'range':
      return { kind: 'number', value: int(random, 0, Math.round(spec.max * 150)) / 100 };
    case 'deadline':
      return random() < 0.2 ? tier() : { kind: 'date', doneOn: random() < 0.1 ? null : `2024-${String(int(random, 1, 12)).padStart(2, '0')}-${String(int(random, 1, 28)).padStart(2, '0')}` };
    case 'recurring': {
      const total = (spec.every === 'month' ? 12 : spec.every === 'quarter' ? 4 : 1) * (spec.times ?? 1);
      return { kind: 'occurrences', onTime: int(random, 0, total), total };
    }
    case 'relative': {
      const previousYear = int(random, 100, 10000) / 100;
      return { kind: 'number', value: int(random, Math.round(previousYear * 80), Math.round(previousYear * 130)) / 100, previousYear };
    }
    case 'qualitative':
      return tier();
  }
}

/** The weight each indicator gets under the national scheme (even split in cents), for building ties. */
function weightsOf(indicators: readonly SheetIndicator[]): Map<string, string> {
  const groups: Record<string, SheetIndicator[]> = {};
  for (const i of indicators) {
    const group = i.level1.includes('产出') || i.level1.includes('成本') ? 'output' : i.level1.includes('效益') ? 'benefit' : i.level1.includes('满意') ? 'satisfaction' : 'other';
    (groups[group] ??= []).push(i);
  }
  const weights = new Map<string, string>();
  for (const group of DEFAULT_SCORING_SCHEME.groups) {
    const members = groups[group.key] ?? [];
    const split = splitWeightEvenly(String(group.points), members.length);
    members.forEach((m, k) => weights.set(m.id, m.weight ?? split[k]!));
  }
  return weights;
}

describe('year-end scores through the API equal an independent decimal reference', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = { Authorization: `Bearer ${await t.login('admin')}` };
    await t.dataSource.query(`UPDATE target_sheets SET status = 'approved'`); // the workflow has its own tests; here every sheet is approved
  });
  afterAll(async () => t?.close());

  it('on every indicator of every demo sheet the national scheme can score', async () => {
    const random = seededRandom(8);
    const sheetIds: string[] = (await t.dataSource.query(`SELECT id FROM target_sheets ORDER BY kind DESC, id`)).map((r: { id: string }) => r.id);
    const inputs = new Map<string, { indicators: SheetIndicator[]; actuals: Map<string, IndicatorActualValue> }>();
    let ties = 0;
    let relatives = 0;
    // Project sheets first: a department sheet's spending is its projects'.
    for (const id of sheetIds) {
      const sheet = (await t.http.get(`/api/target-sheets/${id}`).set(admin)).body as { kind: string; indicators: SheetIndicator[]; project: { amount: { total: string } } | null };
      const weights = weightsOf(sheet.indicators);
      const actuals = new Map<string, IndicatorActualValue>();
      for (const indicator of sheet.indicators) {
        if (random() < 0.05) continue; // no final actual: scores 0, flagged missing
        const actual = randomActual(random, indicator.spec, weights.get(indicator.id) ?? '0');
        actuals.set(indicator.id, actual);
      }
      if (sheet.kind === 'project' && sheet.project !== null) {
        const budgetCents = Math.round(Number(sheet.project.amount.total) * 100);
        const spentCents = random() < 0.3 ? budgetCents : int(random, 0, Math.round(budgetCents * 1.1));
        const spend = await t.http.put(`/api/target-sheets/${id}/expenditures`).set(admin).send({ expenditures: [{ month: 12, amount: (spentCents / 100).toFixed(2) }] });
        expect(spend.status).toBe(200);
      }
      const put = await t.http
        .put(`/api/target-sheets/${id}/actuals/Y`)
        .set(admin)
        // the random values may lie beyond 100× or below 1/100 of a target: confirmed, as a user confirms them
        .send({ actuals: [...actuals].map(([indicatorId, actual]) => ({ indicatorId, actual, confirmedImplausible: true })) });
      expect(put.status).toBe(200);
      inputs.set(id, { indicators: sheet.indicators, actuals });
    }

    let scored = 0;
    let indicatorsChecked = 0;
    const differences: string[] = [];
    for (const id of sheetIds) {
      const evaluated = await t.http.post(`/api/target-sheets/${id}/evaluation`).set(admin);
      if (evaluated.status === 422) {
        // Only sheets with a first level the national scheme does not weigh (投入管理指标) may be refused.
        const codes = new Set((evaluated.body.details.errors as { code: string }[]).map((e) => e.code));
        expect([...codes]).toEqual(['LEVEL1_UNKNOWN']);
        continue;
      }
      expect(evaluated.status).toBe(200);
      const result = evaluated.body;
      const { indicators, actuals } = inputs.get(id)!;
      const input: ScoreSheetInput = {
        scheme: DEFAULT_SCORING_SCHEME,
        budget: result.budgetExecution.budget,
        spent: result.budgetExecution.spent,
        fiscalYear: 2024,
        indicators: indicators.map((i) => ({ ...i, actual: actuals.get(i.id) ?? null, override: null })),
      };
      const expected = referenceScore(input);
      const differ = (what: string, got: unknown, want: unknown) => {
        if (got !== want) differences.push(`${id} ${what}: API ${String(got)}, reference ${String(want)}`);
      };
      differ('budget score', result.budgetExecution.score, expected.budgetScore);
      indicators.forEach((indicator, k) => {
        const got = result.indicators.find((r: { indicatorId: string }) => r.indicatorId === indicator.id);
        const want = expected.indicators[k]!;
        indicatorsChecked += 1;
        if (indicator.spec.kind === 'relative' && actuals.has(indicator.id)) relatives += 1;
        if (got.completion !== null && got.computedScore !== null) {
          const exact = rational(got.weight);
          const r = { n: rational(got.completion.ratio.numerator), d: rational(got.completion.ratio.denominator) };
          const n = exact.n * r.n.n * r.d.d * 1000n;
          const d = exact.d * r.n.d * r.d.n;
          if (n % d === 0n && (n / d) % 10n === 5n && r.n.n * r.d.d < r.d.n * r.n.d) ties += 1;
        }
        differ(`「${indicator.name}」 score`, got.score, want.score);
        differ(`「${indicator.name}」 rate`, got.completion?.ratePercent ?? null, want.ratePercent);
        differ(`「${indicator.name}」 unmet`, got.unmet, want.unmet);
      });
      result.groups.forEach((g: { score: string }, k: number) => differ(`group ${k}`, g.score, expected.groups[k]));
      differ('total', result.total, expected.total);
      differ('grade', result.grade, expected.grade);
      scored += 1;
    }
    expect(differences).toEqual([]);
    expect(scored).toBe(43); // 45 demo sheets; the two department-wide sheets with 投入管理指标 (沈丘, 许昌) are refused
    expect(indicatorsChecked).toBeGreaterThan(400);
    expect(ties).toBeGreaterThan(20); // 69 with this seed
    expect(relatives).toBeGreaterThanOrEqual(1);
  });
});
