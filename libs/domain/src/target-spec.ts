/** Comparison operator of a numeric or relative target. */
export type Op = '>=' | '>' | '<=' | '<' | '=';

/** The period of a recurring target (定期): 每月 / 每季度 / 每年. */
export type RecurringEvery = 'month' | 'quarter' | 'year';

/**
 * How the change of a relative target is measured (DESIGN §3): in percentage points (a − p), as a
 * relative change ((a − p) ÷ p, in %), or in the target's own unit (a − p).
 */
export type RelativeChange = 'points' | 'percent' | 'unit';

/** The parsed form of a target text (指标值), exactly as DESIGN §3 defines it. */
export type TargetSpec =
  | { kind: 'numeric'; op: Op; value: number; unit: string | null }
  | { kind: 'range'; min: number; max: number; unit: string | null }
  | { kind: 'deadline'; by: string } // 'MM-DD', the last day allowed
  | {
      kind: 'recurring';
      every: RecurringEvery;
      day: number | null; // a deadline in each period (每月20日前); null: the end of the period
      times?: number; // a count per period (每季度1次: at least once each quarter)
    }
  | {
      kind: 'relative'; // against the previous year's value (上年)
      op: Op;
      delta: number | null; // the change the target asks for; < 0 for a decrease; null: compared with last year itself
      unit: string | null;
      change?: RelativeChange; // how the change is measured; absent when delta is null
    }
  | { kind: 'qualitative'; text: string };

export type TargetKind = TargetSpec['kind'];

/** What the parser may know about the indicator whose target it reads. */
export interface ParseContext {
  level1?: string | null; // 一级指标
  level2?: string | null; // 二级指标
  name?: string | null; // 三级指标
  fiscalYear?: number; // 预算年度
}

/** A doubt the parser states instead of guessing silently. */
export interface ParseWarning {
  code: string; // stable, e.g. 'OP_INFERRED'
  message: string; // plain Chinese sentence
}

export interface ParseResult {
  spec: TargetSpec;
  warnings: ParseWarning[];
}
