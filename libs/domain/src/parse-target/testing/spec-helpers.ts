/**
 * Builders and contexts the parser's specs share (test support only: no reader imports it).
 */
import type { Op, ParseContext, RecurringEvery, RelativeChange, TargetSpec } from '../../target-spec';
import { parseTarget } from '../parse-target';

export const OUTPUT: ParseContext = { level1: '产出指标', level2: '数量指标', name: '参保人数', fiscalYear: 2024 };
export const QUALITY: ParseContext = { level1: '产出指标', level2: '质量指标', name: '参保率', fiscalYear: 2024 };
export const COST: ParseContext = { level1: '产出指标', level2: '成本指标', name: '预算控制数', fiscalYear: 2024 };
export const COST_LEVEL1: ParseContext = { level1: '成本指标', level2: null, name: '总成本', fiscalYear: 2024 };
export const TIMELINESS: ParseContext = { level1: '产出指标', level2: '时效指标', name: '完成时限', fiscalYear: 2024 };
export const BENEFIT: ParseContext = { level1: '效益指标', level2: '社会效益指标', name: '群众就医负担', fiscalYear: 2024 };
export const SATISFACTION: ParseContext = { level1: '满意度指标', level2: '服务对象满意度指标', name: '参保群众满意度', fiscalYear: 2024 };

export function num(op: Op, value: number, unit: string | null): TargetSpec {
  return { kind: 'numeric', op, value, unit };
}

export function range(min: number, max: number, unit: string | null): TargetSpec {
  return { kind: 'range', min, max, unit };
}

export function deadline(by: string): TargetSpec {
  return { kind: 'deadline', by };
}

export function recurring(every: RecurringEvery, day: number | null, times?: number): TargetSpec {
  return times === undefined ? { kind: 'recurring', every, day } : { kind: 'recurring', every, day, times };
}

export function relative(op: Op, delta: number | null, unit: string | null, change?: RelativeChange): TargetSpec {
  return change === undefined ? { kind: 'relative', op, delta, unit } : { kind: 'relative', op, delta, unit, change };
}

export function qualitative(text: string): TargetSpec {
  return { kind: 'qualitative', text };
}

/** The spec and the warning codes, which is what most expectations are about. */
export function read(raw: string, context?: ParseContext): { spec: TargetSpec; codes: string[] } {
  const result = parseTarget(raw, context);
  return { spec: result.spec, codes: result.warnings.map((w) => w.code) };
}

/** Contexts of the corpus specs, by a one-letter key. */
export const CONTEXTS = {
  O: OUTPUT, // 数量指标 参保人数
  Q: QUALITY, // 质量指标 参保率
  C: COST, // 成本指标
  K: COST_LEVEL1, // 成本指标 as first level
  T: TIMELINESS, // 时效指标 完成时限
  B: BENEFIT, // 社会效益指标
  S: SATISFACTION, // 满意度指标
  N: {}, // nothing known
} as const satisfies Record<string, ParseContext>;

export type ContextKey = keyof typeof CONTEXTS;

/** One corpus line: the raw target, its indicator, the spec a careful reader writes (a string: qualitative with that text). */
export type CorpusCase = readonly [raw: string, context: ContextKey, expected: TargetSpec | 'qualitative'];

/** The expected spec of a corpus line. */
export function expectedOf([raw, , expected]: CorpusCase): TargetSpec {
  return expected === 'qualitative' ? qualitative(raw.trim()) : expected;
}
