/** Comparison operator of a numeric or relative target. */
export type Op = '>=' | '>' | '<=' | '<' | '=';

/** The parsed form of a target text (指标值), exactly as DESIGN §3 defines it. */
export type TargetSpec =
  | { kind: 'numeric'; op: Op; value: number; unit: string | null }
  | { kind: 'range'; min: number; max: number; unit: string | null }
  | { kind: 'deadline'; by: string } // 'MM-DD', the last day allowed
  | { kind: 'recurring'; every: 'month' | 'quarter'; day: number | null } // day null: end of period
  | { kind: 'relative'; op: Op; delta: number | null; unit: string | null } // against the previous year
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
