/**
 * Parses and evaluates one million indicators (issue 2): the distinct indicators of the five demo
 * datasets, cycled to 1,000,000, each with a synthetic final actual that fits its spec. Measures
 * parseTarget, evaluateCompletion and scoreSheet (sheets of 12 indicators) separately and together.
 *
 *   npm run bench            (BENCH_INDICATORS=200000 for a shorter run)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DEFAULT_SCORING_SCHEME,
  evaluateCompletion,
  IndicatorActualValue,
  parseTarget,
  scoreSheet,
  TargetSpec,
} from '../libs/domain/src';

interface Row {
  level1: string;
  level2: string | null;
  name: string;
  target: string;
}

const TOTAL = Number(process.env['BENCH_INDICATORS'] ?? 1_000_000);
const SHEET_SIZE = 12;
const FISCAL_YEAR = 2024;

function loadRows(): Row[] {
  const dir = resolve(__dirname, '../demo/datasets');
  const rows: Row[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const d = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      departmentSheet: { indicators: Row[] } | null;
      projects: { indicators: Row[] }[];
    };
    rows.push(...(d.departmentSheet?.indicators ?? []), ...d.projects.flatMap((p) => p.indicators));
  }
  return rows;
}

/** A deterministic actual that fits the spec: about one in five falls short. */
function actualFor(spec: TargetSpec, i: number): IndicatorActualValue {
  const short = i % 5 === 0;
  switch (spec.kind) {
    case 'numeric':
      return { kind: 'number', value: spec.value === 0 ? (short ? 1 : 0) : spec.value * (short ? 0.85 : 1.02) };
    case 'range':
      return { kind: 'number', value: short ? spec.min * 0.9 : (spec.min + spec.max) / 2 };
    case 'deadline':
      return { kind: 'date', doneOn: short ? null : `${FISCAL_YEAR}-${spec.by}` };
    case 'recurring':
      return { kind: 'occurrences', onTime: short ? 10 : 12, total: 12 };
    case 'relative':
      return { kind: 'number', value: short ? 90 : 110, previousYear: 100 };
    case 'qualitative':
      return { kind: 'tier', tier: short ? 'partial' : 'achieved' };
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function main(): void {
  const distinct = loadRows();
  const rows: Row[] = Array.from({ length: TOTAL }, (_, i) => distinct[i % distinct.length]);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;

  let t = process.hrtime.bigint();
  const specs: TargetSpec[] = new Array(TOTAL);
  let warnings = 0;
  for (let i = 0; i < TOTAL; i++) {
    const r = rows[i];
    const parsed = parseTarget(r.target, { level1: r.level1, level2: r.level2, name: r.name, fiscalYear: FISCAL_YEAR });
    specs[i] = parsed.spec;
    warnings += parsed.warnings.length;
  }
  const parseMs = Number(process.hrtime.bigint() - t) / 1e6;

  const actuals = specs.map(actualFor);
  t = process.hrtime.bigint();
  let met = 0;
  for (let i = 0; i < TOTAL; i++) if (evaluateCompletion(specs[i], actuals[i], { fiscalYear: FISCAL_YEAR }).met) met++;
  const completionMs = Number(process.hrtime.bigint() - t) / 1e6;

  t = process.hrtime.bigint();
  let totalScore = 0;
  let sheets = 0;
  for (let start = 0; start < TOTAL; start += SHEET_SIZE) {
    const indicators = [];
    for (let i = start; i < Math.min(start + SHEET_SIZE, TOTAL); i++) {
      const r = rows[i];
      indicators.push({ id: String(i), level1: r.level1, level2: r.level2, name: r.name, spec: specs[i], weight: null, actual: actuals[i], override: null });
    }
    const result = scoreSheet({ scheme: DEFAULT_SCORING_SCHEME, budget: '1000000.00', spent: '950000.00', indicators, fiscalYear: FISCAL_YEAR });
    totalScore += Number(result.total);
    sheets++;
  }
  const scoringMs = Number(process.hrtime.bigint() - t) / 1e6;
  const heapAfter = process.memoryUsage().heapUsed;

  const perSecond = (ms: number) => Math.round(TOTAL / (ms / 1000)).toLocaleString('en-US');
  const all = parseMs + completionMs + scoringMs;
  console.log(`indicators: ${TOTAL.toLocaleString('en-US')} (${distinct.length} distinct from the demo datasets), sheets of ${SHEET_SIZE}: ${sheets.toLocaleString('en-US')}`);
  console.log(`parseTarget:        ${parseMs.toFixed(0).padStart(6)} ms  ${perSecond(parseMs).padStart(11)} indicators/s  (${warnings.toLocaleString('en-US')} warnings)`);
  console.log(`evaluateCompletion: ${completionMs.toFixed(0).padStart(6)} ms  ${perSecond(completionMs).padStart(11)} indicators/s  (${met.toLocaleString('en-US')} met)`);
  console.log(`scoreSheet:         ${scoringMs.toFixed(0).padStart(6)} ms  ${perSecond(scoringMs).padStart(11)} indicators/s  (mean total ${(totalScore / sheets).toFixed(2)})`);
  console.log(`parse + evaluate:   ${all.toFixed(0).padStart(6)} ms  ${perSecond(all).padStart(11)} indicators/s`);
  console.log(`heap growth ${mb(heapAfter - heapBefore)}, rss ${mb(process.memoryUsage().rss)}; node ${process.version}`);
}

main();
