/**
 * Target text (指标值) → `TargetSpec`, following DESIGN §3.
 *
 * The text is normalised once (normalize.ts); then the readers are tried in order, each for one
 * kind of target: empty, template placeholder, recurring (每月/每季度), deadline and period (N月前,
 * 2024年1月-12月), relative to the previous year (上年), range (6-9月), numeric (≥95%), and the
 * qualitative fallback. Wherever the reading is uncertain a warning says so; it never throws.
 */
import type { ParseContext, ParseResult, ParseWarning, TargetSpec } from '../target-spec';
import { compactText, normalizeTargetText } from './normalize';
import { qualitative, Reading, warn } from './reading';
import { readDeadline } from './readers/deadline.reader';
import { readNumeric } from './readers/numeric.reader';
import { readPlaceholder } from './readers/placeholder.reader';
import { readEmpty, readQualitative } from './readers/qualitative.reader';
import { readRange } from './readers/range.reader';
import { readRecurring } from './readers/recurring.reader';
import { readRelative } from './readers/relative.reader';
import { otherYearWarnings } from './years';

/** Reads a target text into a spec with warnings. Never throws. */
export function parseTarget(raw: string, context: ParseContext = {}): ParseResult {
  const text = typeof raw === 'string' ? raw : '';
  try {
    return readTarget(text, context ?? {});
  } catch {
    return {
      spec: qualitative(text.trim()),
      warnings: [warn('PARSE_ERROR', `无法解析指标值“${text.trim()}”，按定性指标处理。`)],
    };
  }
}

function readTarget(raw: string, context: ParseContext): ParseResult {
  const trimmed = raw.trim();
  const compact = compactText(raw);
  const early = readEmpty(compact) ?? readPlaceholder(compact, trimmed);
  if (early !== undefined) return { spec: qualitative(trimmed), warnings: early.warnings };
  const text = normalizeTargetText(raw);
  const reading: Reading =
    readRecurring(text) ??
    readDeadline(text, context) ??
    readRelative(text, context) ??
    readRange(text) ??
    readNumeric(text, context) ??
    readQualitative();
  const spec = reading.spec.kind === 'qualitative' ? qualitative(trimmed) : reading.spec;
  const yearWarnings = otherYearWarnings(text, context.fiscalYear);
  return { spec, warnings: [...yearWarnings, ...reading.warnings, ...nameWarnings(spec, context)] };
}

/** NAME_SUGGESTS_RELATIVE: the name compares with last year, the target is an absolute number. */
function nameWarnings(spec: TargetSpec, context: ParseContext): ParseWarning[] {
  const name = context.name ?? '';
  if (spec.kind !== 'numeric' || !/较上年|比上年|较去年|比去年|同比/.test(name)) return [];
  return [warn('NAME_SUGGESTS_RELATIVE', `指标名称“${name}”是与上年比较，但指标值按绝对数值读取，请核实。`)];
}
