/**
 * What a reader returns (a spec and its warnings) and the small helpers every reader shares.
 */
import type { ParseWarning, TargetSpec } from '../target-spec';
import type { ParseWarningCode } from './warning-codes';

/** One reader's result. A qualitative spec's text is replaced by the raw target by `parseTarget`. */
export interface Reading {
  spec: TargetSpec;
  warnings: ParseWarning[];
}

export function warn(code: ParseWarningCode, message: string): ParseWarning {
  return { code, message };
}

export function qualitative(text: string): TargetSpec {
  return { kind: 'qualitative', text };
}

export function reading(spec: TargetSpec, warnings: ParseWarning[] = []): Reading {
  return { spec, warnings };
}

/** A qualitative reading that says why. */
export function notRead(code: ParseWarningCode, message: string): Reading {
  return { spec: qualitative(''), warnings: [warn(code, message)] };
}

export function withWarning(read: Reading, code: ParseWarningCode, message: string): Reading {
  return { spec: read.spec, warnings: [...read.warnings, warn(code, message)] };
}

/** Says which words around a date or count were not read. */
export function withDropped(read: Reading, dropped: string): Reading {
  if (dropped === '') return read;
  return withWarning(read, 'TEXT_DROPPED', `指标值中的文字“${dropped}”未被读取。`);
}

export function unitUnknown(unit: string): ParseWarning {
  return warn('UNIT_UNKNOWN', `“${unit}”不是常见的计量单位，请核实。`);
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
