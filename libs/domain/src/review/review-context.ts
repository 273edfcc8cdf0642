/**
 * What every review rule reads: the sheet, and each indicator with its spec resolved and its texts
 * normalised once. Rules are pure functions `(context) => ReviewFinding[]`.
 */
import { parseTarget } from '../parse-target';
import { DEFAULT_SCORING_SCHEME, groupOfLevel1, Level1Group, type ScoringScheme } from '../scoring';
import type { TargetSpec } from '../target-spec';
import {
  REVIEW_CODE_SEVERITY,
  ReviewCode,
  ReviewFinding,
  ReviewIndicatorInput,
  ReviewOptions,
  ReviewSeverity,
  ReviewSheetInput,
} from './review.types';
import { compact, isBlank, placeholderIn, templateLeftoverIn } from './review-text';

/** One indicator as the rules see it. */
export interface ReviewedIndicator {
  index: number; // position in the sheet
  input: ReviewIndicatorInput;
  spec: TargetSpec;
  name: string; // 三级指标, trimmed as written (for messages)
  target: string; // 指标值, trimmed as written (for messages)
  nameKey: string; // compact: half-width, no whitespace
  targetKey: string;
  level1Key: string;
  level2Key: string;
  group: Level1Group; // the scheme group of the first level (national: 产出/成本 → output); 'other' for none
  isCost: boolean; // 成本指标: the first or second level names 成本
  /** Set when the target is empty, a placeholder or a template leftover: the rules on the target's content then stay silent. */
  targetUnusable: boolean;
}

export interface ReviewContext {
  sheet: ReviewSheetInput;
  options: ReviewOptions;
  scheme: ScoringScheme; // the region's scheme for this kind of sheet; the national one when none is given
  indicators: ReviewedIndicator[];
}

export function buildContext(sheet: ReviewSheetInput, options: ReviewOptions): ReviewContext {
  const scheme = options.scheme ?? DEFAULT_SCORING_SCHEME;
  const indicators = sheet.indicators.map((input, index): ReviewedIndicator => {
    const level1 = input.level1 ?? '';
    const level2 = input.level2 ?? null;
    const name = (input.name ?? '').trim();
    const target = (input.target ?? '').trim();
    const spec =
      input.spec ?? parseTarget(target, { level1, level2, name, fiscalYear: sheet.fiscalYear }).spec;
    const targetKey = compact(target);
    const level1Key = compact(level1);
    const level2Key = compact(level2 ?? '');
    return {
      index,
      input,
      spec,
      name,
      target,
      nameKey: compact(name),
      targetKey,
      level1Key,
      level2Key,
      group: groupOfLevel1(level1Key, scheme),
      isCost: level1Key.includes('成本') || level2Key.includes('成本'),
      targetUnusable: isBlank(targetKey) || placeholderIn(targetKey, 'target') !== null || templateLeftoverIn(targetKey, 'target') !== null,
    };
  });
  return { sheet, options, scheme, indicators };
}

/** A finding about one indicator. */
export function indicatorFinding(
  code: ReviewCode,
  indicator: ReviewedIndicator,
  message: string,
  severity: ReviewSeverity = REVIEW_CODE_SEVERITY[code],
): ReviewFinding {
  return { code, severity, indicatorIndex: indicator.index, indicatorName: indicator.name, message };
}

/** A finding about the sheet as a whole. */
export function sheetFinding(code: ReviewCode, message: string, severity: ReviewSeverity = REVIEW_CODE_SEVERITY[code]): ReviewFinding {
  return { code, severity, indicatorIndex: null, indicatorName: null, message };
}

/** 「name」 for messages; a row without a name is named by its position. */
export function quoted(indicator: ReviewedIndicator): string {
  return indicator.name === '' ? `第${indicator.index + 1}个指标` : `「${indicator.name}」`;
}
